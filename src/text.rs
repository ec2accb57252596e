//! Every fixed string the card shows, and number formatting written by hand.
//!
//! Numbers are formatted here instead of through `core::fmt`: float formatting there pulls in
//! several kilobytes of wasm, and the card only ever needs short decimals.

use crate::scoring::{OptionSet, Standing, Tally};
use crate::spec::Comparison;
use crate::tipping::TippingPoint;

/// The name of each priority level, indexed by the slider position 0..=5.
pub const LEVEL_NAMES: [&str; 6] = ["Ignore", "Minor", "Moderate", "Important", "High", "Critical"];

/// Appends `value` rounded to exactly `decimals` decimal places (half away from zero).
/// Values too large to matter on a score scale are written as a bounded phrase.
pub fn push_fixed(out: &mut String, value: f64, decimals: u32) {
    push_decimal(out, value, decimals, false);
}

/// Appends `value` rounded to at most `decimals` decimal places, without trailing zeros:
/// `10`, `7.5`, `0.25`. Used for author scores and in messages.
pub fn push_trimmed(out: &mut String, value: f64, decimals: u32) {
    push_decimal(out, value, decimals, true);
}

/// Appends an unsigned integer.
pub fn push_uint(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (value % 10) as u8;
        len += 1;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for &digit in digits[..len].iter().rev() {
        out.push(digit as char);
    }
}

fn push_decimal(out: &mut String, value: f64, decimals: u32, trim: bool) {
    if value.is_nan() {
        out.push_str("NaN");
        return;
    }
    // Beyond this, scaled integers lose precision; no score scale gets near it.
    const LIMIT: f64 = 1e15;
    if value >= LIMIT {
        out.push_str("more than 1000000000000000");
        return;
    }
    if value <= -LIMIT {
        out.push_str("less than -1000000000000000");
        return;
    }
    let scale = 10u64.pow(decimals) as f64;
    let scaled = (value.abs() * scale).round() as u64;
    let unit = 10u64.pow(decimals);
    let (whole, mut fraction) = (scaled / unit, scaled % unit);
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    push_uint(out, whole);
    let mut width = decimals;
    if trim {
        while width > 0 && fraction % 10 == 0 {
            fraction /= 10;
            width -= 1;
        }
    }
    if width > 0 {
        out.push('.');
        let mut divisor = 10u64.pow(width - 1);
        while divisor > 0 {
            out.push((b'0' + (fraction / divisor % 10) as u8) as char);
            divisor /= 10;
        }
    }
}

/// "1 win" / "3 wins", "1 tie" / "0 ties".
pub fn push_count(out: &mut String, count: u64, singular: &str, plural: &str) {
    push_uint(out, count);
    out.push(' ');
    out.push_str(if count == 1 { singular } else { plural });
}

/// Joins names as "A", "A and B", "A, B and C".
pub fn push_name_list<'a>(out: &mut String, names: impl ExactSizeIterator<Item = &'a str>) {
    let count = names.len();
    for (i, name) in names.enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == count { " and " } else { ", " });
        }
        out.push_str(name);
    }
}

/// One entry of the tally strip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TallyItem {
    Wins(usize),
    Ties,
}

/// The tally's reading order. With two options it follows the familiar layout
/// "wins for the first, ties, wins for the second"; with more, every option and then the ties.
pub fn tally_items(option_count: usize) -> Vec<TallyItem> {
    let mut items: Vec<TallyItem> = (0..option_count).map(TallyItem::Wins).collect();
    let tie_position = if option_count == 2 { 1 } else { option_count };
    items.insert(tie_position, TallyItem::Ties);
    items
}

pub fn tally_count(tally: Tally, item: TallyItem) -> u8 {
    match item {
        TallyItem::Wins(option) => tally.wins.get(option).copied().unwrap_or(0),
        TallyItem::Ties => tally.ties,
    }
}

/// The words after the count: "wins for Node.js", "win for Python", "ties", "tie".
pub fn push_tally_label(out: &mut String, comparison: &Comparison, count: u8, item: TallyItem) {
    match item {
        TallyItem::Wins(option) => {
            out.push_str(if count == 1 { "win for " } else { "wins for " });
            if let Some(choice) = comparison.options.get(option) {
                out.push_str(&choice.name);
            }
        }
        TallyItem::Ties => out.push_str(if count == 1 { "tie" } else { "ties" }),
    }
}

/// "3 wins for Node.js, 1 tie, 2 wins for Python".
pub fn push_tally_sentence(out: &mut String, comparison: &Comparison, tally: Tally) {
    for (i, item) in tally_items(comparison.options.len()).into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let count = tally_count(tally, item);
        push_uint(out, u64::from(count));
        out.push(' ');
        push_tally_label(out, comparison, count, item);
    }
}

/// The verdict at the visitor's priorities, for the live region.
pub fn push_verdict(out: &mut String, comparison: &Comparison, standing: Standing) {
    let name = |index: usize| comparison.options.get(index).map_or("", |o| o.name.as_str());
    match standing {
        Standing::NoPriorities => {
            out.push_str("Every criterion is set to Ignore. Raise at least one priority to get a verdict.")
        }
        Standing::Leader { option, margin } => {
            out.push_str(name(option));
            if margin < 0.05 {
                out.push_str(" leads by less than 0.1 points at your priorities.");
            } else {
                out.push_str(" leads by ");
                push_fixed(out, margin, 1);
                out.push_str(" points at your priorities.");
            }
        }
        Standing::Tie(options) => {
            push_name_list(out, options.iter().map(name));
            out.push_str(if options.len() == 2 {
                " are tied at your priorities."
            } else {
                " are all tied at your priorities."
            });
        }
    }
}

/// Put before the verdict when the margin is within a close call.
pub const CLOSE_CALL: &str = "Close call: ";

/// The nearest change of result, under the verdict: "Python takes the lead if AI / ML ecosystem
/// is raised to 5 (Critical).", or that no single slider changes it.
pub fn push_tipping(out: &mut String, comparison: &Comparison, point: Option<TippingPoint>, priorities: &[u8]) {
    let found = point.and_then(|p| Some((p, comparison.options.get(p.leader)?, comparison.criteria.get(p.criterion)?)));
    let Some((point, leader, criterion)) = found else {
        out.push_str("No single priority change alters the result.");
        return;
    };
    out.push_str(&leader.name);
    out.push_str(" takes the lead if ");
    out.push_str(&criterion.name);
    let current = priorities.get(point.criterion).copied().unwrap_or(0);
    out.push_str(if point.at > current { " is raised to " } else { " is lowered to " });
    push_uint(out, u64::from(point.at));
    out.push_str(" (");
    out.push_str(LEVEL_NAMES[usize::from(point.at.min(5))]);
    out.push_str(").");
}

/// The chart's text alternative: what it shows and who scores highest where.
pub fn push_chart_summary(out: &mut String, comparison: &Comparison, winners: &[OptionSet], radar: bool) {
    out.push_str(if radar { "Radar chart of the scores on " } else { "Bar chart of the scores on " });
    push_count(out, comparison.criteria.len() as u64, "criterion", "criteria");
    out.push_str("; the more a criterion matters to you, the bolder it is drawn.");
    let criterion_names = |keep: &dyn Fn(OptionSet) -> bool| -> Vec<&str> {
        comparison.criteria.iter().zip(winners).filter(|(_, w)| keep(**w)).map(|(c, _)| c.name.as_str()).collect()
    };
    for (index, option) in comparison.options.iter().enumerate() {
        let names = criterion_names(&|w: OptionSet| w.only() == Some(index));
        if names.is_empty() {
            continue;
        }
        out.push(' ');
        out.push_str(&option.name);
        out.push_str(" scores highest on ");
        push_name_list(out, names.into_iter());
        out.push('.');
    }
    let tied = criterion_names(&|w: OptionSet| w.only().is_none());
    if !tied.is_empty() {
        out.push_str(" Tied: ");
        push_name_list(out, tied.into_iter());
        out.push('.');
    }
}

/// The winner chip of a criterion row: "Node.js wins", "Tie", or "Tie: A and B" among three or more.
pub fn push_winner_label(out: &mut String, comparison: &Comparison, winners: OptionSet) {
    match winners.only() {
        Some(option) => {
            if let Some(choice) = comparison.options.get(option) {
                out.push_str(&choice.name);
            }
            out.push_str(" wins");
        }
        None if winners.len() == comparison.options.len() => out.push_str("Tie"),
        None => {
            out.push_str("Tie: ");
            push_name_list(out, winners.iter().map(|i| comparison.options.get(i).map_or("", |o| o.name.as_str())));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(value: f64, decimals: u32) -> String {
        let mut s = String::new();
        push_fixed(&mut s, value, decimals);
        s
    }

    fn trimmed(value: f64, decimals: u32) -> String {
        let mut s = String::new();
        push_trimmed(&mut s, value, decimals);
        s
    }

    #[test]
    fn fixed_rounds_half_away_from_zero_and_keeps_zeros() {
        assert_eq!(fixed(8.5, 1), "8.5");
        assert_eq!(fixed(44.0 / 6.0, 1), "7.3");
        assert_eq!(fixed(10.0, 1), "10.0");
        assert_eq!(fixed(0.05, 1), "0.1");
        assert_eq!(fixed(0.0, 1), "0.0");
        assert_eq!(fixed(-2.25, 1), "-2.3");
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(1.23456, 2), "1.23");
        assert_eq!(fixed(7.0, 0), "7");
    }

    #[test]
    fn trimmed_drops_trailing_zeros() {
        assert_eq!(trimmed(11.0, 2), "11");
        assert_eq!(trimmed(10.5, 2), "10.5");
        assert_eq!(trimmed(0.25, 2), "0.25");
        assert_eq!(trimmed(-1.0, 2), "-1");
        assert_eq!(trimmed(1e20, 2), "more than 1000000000000000");
        assert_eq!(trimmed(f64::NAN, 2), "NaN");
    }

    #[test]
    fn counts_and_lists_read_naturally() {
        let mut s = String::new();
        push_count(&mut s, 1, "tie", "ties");
        s.push_str(", ");
        push_count(&mut s, 3, "win", "wins");
        assert_eq!(s, "1 tie, 3 wins");
        let mut s = String::new();
        push_name_list(&mut s, ["A", "B", "C"].into_iter());
        assert_eq!(s, "A, B and C");
        let mut s = String::new();
        push_name_list(&mut s, ["A", "B"].into_iter());
        assert_eq!(s, "A and B");
    }
}
