//! Priorities written as text and read back: in the page URL's fragment (`share`), in
//! `localStorage` (`persist`) and on the call to action's link (`cta.carry`).
//!
//! Everything read here comes from outside the card (a pasted link, an old visit), so nothing is
//! trusted: a value that does not fit the spec is reported as malformed and then ignored.

use super::number::push_uint;
use super::spec::{Comparison, MAX_PRIORITY};

/// What the fragment holds for one card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Nothing for this card.
    Absent,
    /// One valid level per criterion.
    Found(Vec<u8>),
    /// An entry for this card that does not fit its spec.
    Malformed,
}

/// Reads a priority level written as one digit.
fn level(text: &str) -> Option<u8> {
    match text.as_bytes() {
        [digit @ b'0'..=b'5'] => Some(digit - b'0'),
        _ => None,
    }
}

/// Appends `p:3,5,0,…`, the priorities in criterion order.
pub fn push_positional(out: &mut String, priorities: &[u8]) {
    out.push_str("p:");
    for (index, &priority) in priorities.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        push_uint(out, u64::from(priority.min(MAX_PRIORITY)));
    }
}

/// Reads `p:3,5,0,…` for a spec with `criteria` criteria.
pub fn read_positional(text: &str, criteria: usize) -> Option<Vec<u8>> {
    let list = text.strip_prefix("p:")?;
    let levels: Option<Vec<u8>> = list.split(',').map(level).collect();
    levels.filter(|levels| levels.len() == criteria)
}

/// A card id as it appears in a URL: letters, digits and `-._~` as they are, every other byte
/// percent-encoded, as browsers give the fragment back. An id with a space or `&` still
/// finds its own entry.
pub fn encoded_id(id: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

/// Finds this card's entry in a fragment such as `#pricing=p:3,5&hosting=p:1,2`.
/// Entries are separated by `&`; entries for other cards, and anything else, are left alone.
pub fn read_fragment(fragment: &str, card_id: &str, criteria: usize) -> Saved {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let card_id = encoded_id(card_id);
    for entry in fragment.split('&') {
        let Some((id, value)) = entry.split_once('=') else { continue };
        if id == card_id {
            return match read_positional(value, criteria) {
                Some(levels) => Saved::Found(levels),
                None => Saved::Malformed,
            };
        }
    }
    Saved::Absent
}

/// The fragment with this card's entry written in (replacing an earlier one), other cards'
/// entries kept in place; returned without the leading `#`. `None` when the fragment holds
/// something that is not a card's entry (an anchor such as `#pricing`, a route such as
/// `#/plans`): the page uses its fragment itself, and the card leaves it alone.
pub fn updated_fragment(fragment: &str, card_id: &str, priorities: &[u8]) -> Option<String> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let card_id = encoded_id(card_id);
    let mut out = String::with_capacity(fragment.len() + card_id.len() + 3 + 2 * priorities.len());
    let mut written = false;
    for entry in fragment.split('&').filter(|entry| !entry.is_empty()) {
        let (id, _) = entry.split_once('=')?;
        if id == card_id && written {
            // A repeated entry for this card is dropped, so the link says one thing.
            continue;
        }
        if !out.is_empty() {
            out.push('&');
        }
        if id == card_id {
            written = true;
            push_entry(&mut out, &card_id, priorities);
        } else {
            out.push_str(entry);
        }
    }
    if !written {
        if !out.is_empty() {
            out.push('&');
        }
        push_entry(&mut out, &card_id, priorities);
    }
    Some(out)
}

/// The address Copy link puts on the clipboard: the page's `href` with a fragment that restores
/// these priorities. Other cards' entries are kept; a fragment the page uses itself (an anchor
/// the visitor followed, a route) is replaced by this card's entry, since a copied link that
/// lands on `#pricing` would not restore anything.
pub fn shared_address(href: &str, card_id: &str, priorities: &[u8]) -> String {
    let (page, fragment) = href.split_once('#').unwrap_or((href, ""));
    let mut out = String::from(page);
    out.push('#');
    match updated_fragment(fragment, card_id, priorities) {
        Some(fragment) => out.push_str(&fragment),
        None => push_entry(&mut out, &encoded_id(card_id), priorities),
    }
    out
}

fn push_entry(out: &mut String, card_id: &str, priorities: &[u8]) {
    out.push_str(card_id);
    out.push('=');
    push_positional(out, priorities);
}

/// Appends `concurrency:3,ai-ml:5,…`: the priorities keyed by criterion id, so a stored value
/// still means the same after an author reorders the criteria, and is refused once they change.
pub fn push_keyed(out: &mut String, comparison: &Comparison, priorities: &[u8]) {
    for (index, (criterion, &priority)) in comparison.criteria.iter().zip(priorities).enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(&criterion.id);
        out.push(':');
        push_uint(out, u64::from(priority.min(MAX_PRIORITY)));
    }
}

/// Reads what [`push_keyed`] wrote: every criterion of the spec exactly once, and nothing else.
pub fn read_keyed(text: &str, comparison: &Comparison) -> Option<Vec<u8>> {
    let criteria = &comparison.criteria;
    let mut levels: Vec<Option<u8>> = vec![None; criteria.len()];
    for entry in text.split(',') {
        let (id, value) = entry.split_once(':')?;
        let index = criteria.iter().position(|c| c.id == id)?;
        if levels[index].replace(level(value)?).is_some() {
            return None;
        }
    }
    levels.into_iter().collect()
}

/// The call to action's link with the visitor's choice added to its query string:
/// `cc_leader=<option id>` (when one option leads) and `cc_priorities=<id:n,…>`.
/// The author's query and fragment are kept. Ids are letters, digits, `-` and `_` (validation
/// sees to that), and `:` and `,` are allowed in a query, so nothing needs escaping.
pub fn carried_href(href: &str, leader: Option<&str>, keyed_priorities: &str) -> String {
    let (base, fragment) = href.split_once('#').unwrap_or((href, ""));
    let mut out = String::with_capacity(href.len() + keyed_priorities.len() + 48);
    out.push_str(base);
    out.push(if base.contains('?') { '&' } else { '?' });
    if let Some(leader) = leader {
        out.push_str("cc_leader=");
        out.push_str(leader);
        out.push('&');
    }
    out.push_str("cc_priorities=");
    out.push_str(keyed_priorities);
    if !fragment.is_empty() {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// Only web links carry the choice: on a `mailto:` link the parameters would become mail headers.
pub fn can_carry(href: &str) -> bool {
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
