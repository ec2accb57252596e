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
