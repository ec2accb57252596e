//! The card as static HTML, for `comparison-card render`: a `<comparison-card>` element holding
//! the spec and a fallback that reads well with no JavaScript, no CSS and no shadow DOM.
//!
//! The fallback shows the card at the author's priorities: a table of scores with the weighted
//! totals, then the same verdict and tally sentences the live card starts with (from [`text`]),
//! the best-for lists and the call to action. Its class names follow the live card's (see
//! `view.rs`) so a stylesheet can later give it the same size. When the live card mounts, it
//! draws into its shadow root and the fallback, which has no slot there, is no longer shown.
//! Before the fallback comes a declarative shadow root holding the live card's own markup and
//! stylesheet at the author's priorities, built by the same view code the browser runs (through
//! [`crate::view::tree`]): browsers draw it at once, before any script, and when the module loads the
//! live card replaces it with an identical tree, so nothing on the page moves. Browsers without
//! declarative shadow DOM ignore the template and show the fallback. The wasm never uses this
//! module.

use super::markup::Html;
use crate::core::labels::Key;
use crate::core::locale;
use crate::core::number;
use crate::core::scoring::{OptionSet, Standing};
use crate::core::spec::{Comparison, MAX_PRIORITY};
use crate::core::state::CardState;
use crate::core::text;
use crate::view::html::HtmlFactory;
use crate::view::{self, Features};

pub use super::markup::{push_escaped, push_script_json};

/// The fallback's root: `<div class="cc-fallback" data-cc-fallback>`, for the live element to find.
pub const FALLBACK_CLASS: &str = "cc-fallback";
/// The fallback's root attribute, for the live element to find.
pub const FALLBACK_ATTRIBUTE: &str = "data-cc-fallback";

/// The element's attributes that change what it draws, given to `render` as flags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attributes {
    /// The element's `id`.
    pub id: Option<String>,
    /// The `share` attribute.
    pub share: bool,
    /// The `persist` attribute.
    pub persist: bool,
    /// `chart="none"`.
    pub no_chart: bool,
    /// The element's `lang`, for the decimal separator of the pre-rendered numbers.
    pub lang: Option<String>,
}

impl Attributes {
    fn features(&self) -> Features {
        Features { chart: !self.no_chart, share: self.share }
    }
}

/// The module's file name beside the page, `comparison-card render`'s default `--module`.
pub const DEFAULT_MODULE_URL: &str = "comparison-card.js";
/// The wasm's file name; the module fetches it from its own folder.
pub const WASM_FILE_NAME: &str = "comparison-card.wasm";

/// The lines that load the card, for a page's `<head>` (they work in the body too): a
/// `modulepreload` for the module, a preload for the wasm, and the module's script. The preload
/// lets the wasm download start with the module instead of after it has run. It must match the
/// module's own request for the browser to reuse it (otherwise the wasm is fetched twice):
/// wasm-bindgen's `fetch(url)` asks in `cors` mode with same-origin credentials, which is what
/// `as="fetch" crossorigin` (anonymous) asks for too. The wasm sits beside the module, as
/// `new URL('comparison-card.wasm', import.meta.url)` finds it.
pub fn loading_hints(module_url: &str) -> String {
    let folder_end = module_url.find(['?', '#']).unwrap_or(module_url.len());
    let folder = module_url[..folder_end].rfind('/').map_or("", |slash| &module_url[..=slash]);
    let mut out = String::from("<link rel=\"modulepreload\" href=\"");
    push_escaped(&mut out, module_url);
    out.push_str("\">\n<link rel=\"preload\" href=\"");
    push_escaped(&mut out, folder);
    out.push_str(WASM_FILE_NAME);
    out.push_str("\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n<script type=\"module\" src=\"");
    push_escaped(&mut out, module_url);
    out.push_str("\"></script>\n");
    out
}

/// What `comparison-card render` prints and the studio's pre-rendered snippet holds: the loading
/// lines for the module at `module_url` (none without one, as for a second card on a page), then
/// the whole element.
pub fn render_snippet(
    comparison: &Comparison,
    spec_json: &str,
    attributes: &Attributes,
    module_url: Option<&str>,
) -> String {
    let mut out = module_url.map(loading_hints).unwrap_or_default();
    out.push_str(&render_element(comparison, spec_json, attributes));
    out
}

/// The whole element: the live card in a declarative shadow root, the spec in a JSON script,
/// then the static fallback.
///
/// `spec_json` is the JSON text `comparison` was read from. It goes in compact, with every `<`
/// escaped, so author text such as `</script>` cannot end the script.
pub fn render_element(comparison: &Comparison, spec_json: &str, attributes: &Attributes) -> String {
    let tag = element_tag(attributes);
    let mut html = Html::default();
    // Numbers in the element's language, as the live card will write them.
    let mut comparison = comparison.clone();
    comparison.labels.decimal = attributes.lang.as_deref().map(locale::decimal_separator);
    let comparison = &comparison;
    html.raw(&tag).raw(&render_shadow(comparison, attributes.features())).raw("\n");
    html.open("script", &[("type", "application/json")]);
    html.script_json(spec_json).close("script").raw("\n");
    let mut out = html.finish();
    out.push_str(&render_static(comparison));
    out.push_str("</comparison-card>\n");
    out
}

/// The element's start tag with those attributes, and a line break: `<comparison-card id="x" share>`.
pub fn element_tag(attributes: &Attributes) -> String {
    let mut tag = String::from("<comparison-card");
    for (name, value) in [(" id=\"", &attributes.id), (" lang=\"", &attributes.lang)] {
        if let Some(value) = value {
            tag.push_str(name);
            push_escaped(&mut tag, value);
            tag.push('"');
        }
    }
    for (on, name) in
        [(attributes.share, " share"), (attributes.persist, " persist"), (attributes.no_chart, " chart=\"none\"")]
    {
        if on {
            tag.push_str(name);
        }
    }
    tag.push_str(">\n");
    tag
}

/// The live card at the author's priorities as a declarative shadow root, with its stylesheet.
pub fn render_shadow(comparison: &Comparison, features: Features) -> String {
    let state = CardState::new(comparison.clone());
    let (card, _) = view::build(&HtmlFactory, &state, features);
    let mut out = String::from("<template shadowrootmode=\"open\"><style>");
    out.push_str(view::STYLE);
    out.push_str("</style>");
    out.push_str(&card.to_html());
    out.push_str("</template>");
    out
}

/// The fallback alone, at the author's priorities.
pub fn render_static(comparison: &Comparison) -> String {
    let state = CardState::new(comparison.clone());
    let mut html = Html::default();
    html.open("div", &[("class", FALLBACK_CLASS), (FALLBACK_ATTRIBUTE, "")]).raw("\n");
    html.open("article", &[("class", "card")]).raw("\n");
    table(&mut html, &state);
    if let Some(summary) = &comparison.summary {
        html.element("p", &[("class", "summary")], summary).raw("\n");
    }

    let mut sentence = String::new();
    text::push_verdict(&mut sentence, comparison, state.standing());
    html.element("p", &[("class", "verdict")], &sentence).raw("\n");
    sentence.clear();
    text::push_why(&mut sentence, comparison, state.contributions());
    if !sentence.is_empty() {
        html.element("p", &[("class", "why")], &sentence).raw("\n");
    }
    sentence.clear();
    text::push_tally_sentence(&mut sentence, comparison, state.tally());
    html.element("p", &[("class", "tally")], &sentence).raw("\n");

    best_for(&mut html, comparison);
    if let Some(cta) = &comparison.cta {
        // Validation let through only https, http and mailto links.
        html.open("footer", &[("class", "foot")]);
        html.element("a", &[("class", "cta"), ("href", &cta.href)], &cta.label);
        html.close("footer").raw("\n");
    }
    html.close("article").raw("\n").close("div").raw("\n");
    html.finish()
}

/// `o1` … `o6`, the class giving an option its colour in the live card.
fn option_class(base: &str, index: usize) -> String {
    let mut class = String::from(base);
    class.push_str(" o");
    number::push_uint(&mut class, index as u64 + 1);
    class
}

/// Caption, a column per option, a row per criterion, and the weighted scores as the footer.
fn table(html: &mut Html, state: &CardState) {
    let comparison = state.comparison();
    let has_notes = comparison.criteria.iter().any(|c| c.note.is_some());
    html.open("table", &[("class", "scores")]).raw("\n");
    html.element("caption", &[("class", "title")], &comparison.title).raw("\n");
    table_head(html, comparison, has_notes);
    table_rows(html, state, has_notes);
    table_totals(html, state, has_notes);
    html.close("table").raw("\n");
}

fn table_head(html: &mut Html, comparison: &Comparison, has_notes: bool) {
    html.open("thead", &[]).open("tr", &[]);
    let labels = &comparison.labels;
    html.element("th", &[("scope", "col")], labels.get(Key::TableCriterion));
    for (index, option) in comparison.options.iter().enumerate() {
        html.element("th", &[("scope", "col"), ("class", &option_class("total-name", index))], &option.name);
    }
    html.element("th", &[("scope", "col")], labels.get(Key::Priority));
    if has_notes {
        html.element("th", &[("scope", "col")], labels.get(Key::TableNote));
    }
    html.close("tr").close("thead").raw("\n");
}

/// One row per criterion: its name, the scores with the top one marked, its priority, its note.
fn table_rows(html: &mut Html, state: &CardState, has_notes: bool) {
    let comparison = state.comparison();
    let labels = &comparison.labels;
    // Written after a criterion's top score, and after the leading weighted score, so that the
    // result reads without colour or bold.
    let (best, tied) = (labels.get(Key::TableBest), labels.get(Key::TableTied));
    html.open("tbody", &[]).raw("\n");
    let mut number = String::new();
    for ((criterion, &winners), &priority) in comparison.criteria.iter().zip(state.winners()).zip(state.priorities()) {
        let ignored = if priority == 0 { "data-ignored" } else { "" };
        html.open("tr", &[("class", "row"), ("data-criterion", &criterion.id), (ignored, "")]);
        html.element("th", &[("scope", "row"), ("class", "row-name")], &criterion.name);
        for (index, &score) in criterion.scores.iter().enumerate() {
            number.clear();
            text::push_number(&mut number, labels, score, 2, true);
            let mark = winners.contains(index).then_some(if winners.len() == 1 { best } else { tied });
            score_cell(html, &option_class("bar-score", index), &number, mark);
        }
        let level = labels.level(priority.min(MAX_PRIORITY));
        html.element("td", &[("class", "priority-level")], level);
        if has_notes {
            html.element("td", &[("class", "note")], criterion.note.as_deref().unwrap_or(""));
        }
        html.close("tr").raw("\n");
    }
    html.close("tbody").raw("\n");
}

/// The weighted scores at the author's priorities, the leader (or the tied options) marked.
fn table_totals(html: &mut Html, state: &CardState, has_notes: bool) {
    let comparison = state.comparison();
    let labels = &comparison.labels;
    let mut number = String::new();
    text::push_number(&mut number, labels, comparison.scale.max, 2, true);
    let mut heading = String::new();
    labels.push(&mut heading, Key::TableWeighted, &[("max", &number)]);
    html.open("tfoot", &[]).open("tr", &[("class", "totals")]);
    html.element("th", &[("scope", "row")], &heading);
    let (top, top_mark) = match state.standing() {
        Standing::Leader { option, .. } => (OptionSet::single(option), labels.get(Key::TableLeader)),
        Standing::Tie(tied) => (tied, labels.get(Key::TableTied)),
        Standing::NoPriorities => (OptionSet::default(), ""),
    };
    for index in 0..comparison.options.len() {
        number.clear();
        match state.totals() {
            Some(totals) => text::push_number(&mut number, labels, totals[index], 1, false),
            None => number.push('–'),
        }
        score_cell(html, &option_class("total-value", index), &number, top.contains(index).then_some(top_mark));
    }
    html.element("td", &[], "");
    if has_notes {
        html.element("td", &[], "");
    }
    html.close("tr").close("tfoot").raw("\n");
}

/// A score; the top one in bold and followed by its mark in words.
fn score_cell(html: &mut Html, class: &str, number: &str, mark: Option<&str>) {
    match mark {
        Some(mark) => {
            html.open("td", &[("class", class), ("data-best", "")]);
            html.element("strong", &[], number).text(" ").text(mark).close("td");
        }
        None => {
            html.element("td", &[("class", class)], number);
        }
    }
}

fn best_for(html: &mut Html, comparison: &Comparison) {
    if comparison.options.iter().all(|o| o.best_for.is_empty()) {
        return;
    }
    html.open("div", &[("class", "best")]).raw("\n");
    let mut heading = String::new();
    for (index, option) in comparison.options.iter().enumerate() {
        if option.best_for.is_empty() {
            continue;
        }
        heading.clear();
        comparison.labels.push(&mut heading, Key::BestFor, &[("option", &option.name)]);
        html.open("div", &[("class", &option_class("best-option", index))]);
        html.element("p", &[("class", "best-title")], &heading);
        html.open("ul", &[("class", "best-list")]);
        for line in &option.best_for {
            html.element("li", &[], line);
        }
        html.close("ul").close("div").raw("\n");
    }
    html.close("div").raw("\n");
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::spec;

    fn comparison(scores: [[u8; 3]; 2]) -> Comparison {
        let criteria: Vec<_> = scores
            .iter()
            .enumerate()
            .map(|(i, [a, b, c])| serde_json::json!({ "id": format!("k{i}"), "name": "K", "scores": { "a": a, "b": b, "c": c } }))
            .collect();
        let spec = serde_json::json!({
            "title": "T",
            "options": [{ "id": "a", "name": "A" }, { "id": "b", "name": "B" }, { "id": "c", "name": "C" }],
            "criteria": criteria
        });
        match spec::parse(spec) {
            Ok(comparison) => comparison,
            Err(problems) => panic!("{problems:?}"),
        }
    }

    #[test]
    fn tied_totals_and_tied_scores_are_marked_in_words() {
        let html = render_static(&comparison([[9, 9, 1], [5, 5, 5]]));
        let best = "<strong>9</strong> (tied)";
        assert_eq!(html.matches(best).count(), 2, "{html}");
        assert_eq!(html.matches("<strong>5</strong> (tied)").count(), 3, "an all-way tie marks every score");
        assert_eq!(html.matches("<strong>7.0</strong> (tied)").count(), 2, "{html}");
        assert!(html.contains("<p class=\"verdict\">A and B are tied at your priorities.</p>"), "{html}");
        assert!(html.contains("<p class=\"tally\">0 wins for A, 0 wins for B, 0 wins for C, 2 ties</p>"), "{html}");
        assert!(!html.contains("class=\"why\""), "a tie has no margin to explain: {html}");
    }

    #[test]
    fn a_single_winner_is_the_best_and_the_leader() {
        let html = render_static(&comparison([[1, 2, 3], [1, 2, 3]]));
        assert_eq!(html.matches("<strong>3</strong> (best)").count(), 2, "{html}");
        assert!(html.contains("<strong>3.0</strong> (leader)"), "{html}");
        assert!(!html.contains("(tied)"), "{html}");
        // C over B: 1/2 × (3 − 2) on each criterion.
        assert!(html.contains("<p class=\"why\">C leads mainly on K (+0.5) and K (+0.5).</p>"), "{html}");
        assert!(html.starts_with("<div class=\"cc-fallback\" data-cc-fallback>\n<article class=\"card\">\n"));
    }
}
