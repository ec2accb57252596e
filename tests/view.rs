//! The view, natively, over its HTML backend: patching a card gives exactly the tree that
//! building it afresh gives, whatever the visitor did before.
#![cfg(not(target_arch = "wasm32"))]

use comparison_card::core::spec;
use comparison_card::core::state::{CardState, Msg};
use comparison_card::view::html::HtmlFactory;
use comparison_card::view::{self, Features};
use proptest::prelude::*;
use serde_json::json;

mod common;
use common::{valid_spec, DEMO};

fn state_of(spec: &serde_json::Value) -> CardState {
    let comparison = spec::parse(spec).unwrap_or_else(|problems| panic!("{problems:?}"));
    CardState::new(comparison)
}

fn fresh_html(state: &CardState, features: Features) -> String {
    view::build(&HtmlFactory, state, features).0.to_html()
}

/// A spec from [`valid_spec`] with up to three presets over its criteria.
fn spec_with_presets() -> impl Strategy<Value = serde_json::Value> {
    (valid_spec(), prop::collection::vec(prop::collection::vec(0u8..=5, 30), 0..=3)).prop_map(|(mut spec, presets)| {
        let criteria = spec["criteria"].as_array().map_or(0, Vec::len);
        let presets: Vec<_> = presets
            .iter()
            .enumerate()
            .map(|(p, levels)| {
                let priorities: serde_json::Map<_, _> =
                    levels.iter().take(criteria).enumerate().map(|(c, l)| (format!("c{c}"), json!(l))).collect();
                json!({ "id": format!("p{p}"), "name": format!("Preset {p}"), "priorities": priorities })
            })
            .collect();
        if !presets.is_empty() {
            spec["presets"] = json!(presets);
        }
        spec
    })
}

fn any_msg() -> impl Strategy<Value = Msg> {
    prop_oneof![
        6 => (0usize..30, 0u8..=5).prop_map(|(criterion, level)| Msg::SetPriority { criterion, level }),
        1 => (0usize..3).prop_map(Msg::ApplyPreset),
        1 => Just(Msg::Reset),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `slider_moved` is left out on purpose: it tells the view that the browser already shows
    /// a slider's new value, which an HTML tree does not do by itself.
    #[test]
    fn patching_gives_the_same_tree_as_building_afresh(
        spec in spec_with_presets(),
        msgs in prop::collection::vec(any_msg(), 0..24),
        chart in any::<bool>(),
        share in any::<bool>(),
    ) {
        let features = Features { chart, share };
        let mut state = state_of(&spec);
        let criteria = state.priorities().len();
        let (root, mut card) = view::build(&HtmlFactory, &state, features);
        for msg in msgs {
            let msg = match msg {
                Msg::SetPriority { criterion, level } => Msg::SetPriority { criterion: criterion % criteria, level },
                other => other,
            };
            state.update(msg);
            card.patch(&state);
            prop_assert_eq!(root.to_html(), fresh_html(&state, features));
        }
    }
}

#[test]
fn a_hidden_tipping_tick_keeps_no_position() {
    let mut state = state_of(&serde_json::from_str(DEMO).unwrap());
    let features = Features { chart: true, share: false };
    let (root, mut card) = view::build(&HtmlFactory, &state, features);
    // Ignoring Full-stack JavaScript ties the demo; from there one step tips it either way.
    state.update(Msg::SetPriority { criterion: 3, level: 0 });
    card.patch(&state);
    assert!(!state.tipping().is_empty());
    assert!(root.to_html().contains("--at:"), "a shown tick has its position");
    // At the author's priorities no single change gives another leader.
    state.update(Msg::Reset);
    card.patch(&state);
    assert!(state.tipping().is_empty());
    assert!(!root.to_html().contains("--at:"), "every tick hidden, none keeps a position");
}

/// The text of every element matching `selector` in a built card.
fn texts(html: &str, selector: &str) -> Vec<String> {
    let fragment = scraper::Html::parse_fragment(html);
    let selector = scraper::Selector::parse(selector).unwrap();
    fragment.select(&selector).map(|e| e.text().collect::<String>()).collect()
}

#[test]
fn the_strip_repeats_the_header_for_the_eyes_only_and_follows_every_step() {
    let mut state = state_of(&serde_json::from_str(DEMO).unwrap());
    let (root, mut card) = view::build(&HtmlFactory, &state, Features { chart: true, share: true });
    let html = root.to_html();
    // Hidden from assistive technology, not live, nothing to focus; placed just above the rows,
    // inside the priorities section it sticks in.
    let strip = scraper::Html::parse_fragment(&html);
    let found = strip.select(&scraper::Selector::parse("section.criteria > .strip + ol.rows").unwrap()).count();
    assert_eq!(found, 1, "{html}");
    let strip_tag = html.split("<div class=\"strip\"").nth(1).and_then(|rest| rest.split('>').next()).unwrap_or("");
    assert!(strip_tag.contains("aria-hidden=\"true\"") && strip_tag.contains("part=\"strip\""), "{strip_tag}");
    assert!(!strip_tag.contains("role=") && !strip_tag.contains("aria-live"), "{strip_tag}");
    let inside = texts(&html, ".strip a, .strip button, .strip input, .strip [tabindex]");
    assert!(inside.is_empty(), "{inside:?}");

    assert_eq!(texts(&html, ".strip-name"), ["Node.js", "Python"]);
    assert_eq!(texts(&html, ".strip-value"), texts(&html, ".total-value"));
    assert_eq!(texts(&html, ".strip-badge"), ["Leader", ""]);
    for step in [
        Msg::SetPriority { criterion: 1, level: 5 },
        Msg::SetPriority { criterion: 3, level: 0 },
        Msg::SetPriority { criterion: 0, level: 1 },
    ] {
        state.update(step);
        card.patch(&state);
        let html = root.to_html();
        assert_eq!(texts(&html, ".strip-value"), texts(&html, ".total-value"), "{step:?}");
        assert_eq!(texts(&html, ".strip-badge"), texts(&html, ".total-badge"), "{step:?}");
    }
    // A lead of 0.2 on a 0–10 scale is a close call: the leader's badge says so.
    let close = json!({
        "title": "T",
        "options": [{ "id": "a", "name": "A" }, { "id": "b", "name": "B" }],
        "criteria": [
            { "id": "x", "name": "X", "scores": { "a": 8, "b": 7 } },
            { "id": "y", "name": "Y", "scores": { "a": 7, "b": 8.4 } }
        ]
    });
    let html = view::build(&HtmlFactory, &state_of(&close), Features::default()).0.to_html();
    assert!(html.contains("<div class=\"strip\" part=\"strip\" aria-hidden=\"true\" data-close"), "{html}");
    assert_eq!(texts(&html, ".strip-badge"), ["", "Narrow lead"]);
}

#[test]
fn the_card_says_why_the_leader_leads_and_marks_each_row() {
    let mut state = state_of(&serde_json::from_str(DEMO).unwrap());
    let (root, mut card) = view::build(&HtmlFactory, &state, Features { chart: false, share: false });
    let html = root.to_html();
    assert_eq!(
        texts(&html, ".verdict + .why"),
        ["Node.js leads mainly on Full-stack JavaScript (+1.2) and Real-time features (+0.7); \
          Python gains on AI / ML ecosystem (\u{2212}1.0) and Developer productivity (\u{2212}0.2)."]
    );
    assert_eq!(
        texts(&html, ".row-lead"),
        [
            "+0.5 to the lead",
            "\u{2212}1.0 to the lead",
            "\u{2212}0.2 to the lead",
            "+1.2 to the lead",
            "+0.7 to the lead",
            "" // a tie on the row: nothing to say
        ]
    );
    // Real-time features ignored: no mark on its row. Every priority at 0: no sentence, no marks.
    state.update(Msg::SetPriority { criterion: 4, level: 0 });
    card.patch(&state);
    assert_eq!(texts(&root.to_html(), ".row-lead").get(4).map(String::as_str), Some(""));
    for criterion in 0..6 {
        state.update(Msg::SetPriority { criterion, level: 0 });
    }
    card.patch(&state);
    let html = root.to_html();
    assert_eq!(texts(&html, ".why"), [""]);
    assert!(texts(&html, ".row-lead").iter().all(String::is_empty), "{html}");
}

#[test]
fn the_chart_numbers_its_axes_keys_them_and_breaks_long_names() {
    let state = state_of(&serde_json::from_str(DEMO).unwrap());
    let html = view::build(&HtmlFactory, &state, Features { chart: true, share: false }).0.to_html();
    assert_eq!(texts(&html, ".axis-number"), ["1", "2", "3", "4", "5", "6"]);
    assert_eq!(
        texts(&html, ".axis-key li"),
        state.comparison().criteria.iter().map(|c| c.name.clone()).collect::<Vec<_>>()
    );
    assert_eq!(texts(&html, ".axis-name tspan"), ["Performance &", "concurrency"]);
    assert!(!html.contains('…'), "no name is cut: {html}");
}
