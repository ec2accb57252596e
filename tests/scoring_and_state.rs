//! Native tests of the scoring engine and the card state, on the demo spec and small specs.
#![cfg(not(target_arch = "wasm32"))]

use comparison_card::core::scoring::{self, Standing};
use comparison_card::core::spec::{self, Comparison};
use comparison_card::core::state::{CardState, Changes, Msg};
use comparison_card::core::text;
use serde_json::json;

fn demo() -> Comparison {
    let text = std::fs::read_to_string("www/specs/node-vs-python.json").unwrap();
    spec::parse(&mut serde_json::Deserializer::from_str(&text)).unwrap()
}

fn two_options(scores: &[(f64, f64)]) -> Comparison {
    let criteria: Vec<_> = scores
        .iter()
        .enumerate()
        .map(|(i, (a, b))| json!({ "id": format!("c{i}"), "name": format!("C{i}"), "scores": { "a": a, "b": b } }))
        .collect();
    spec::parse(json!({
        "title": "T",
        "options": [{ "id": "a", "name": "Alpha" }, { "id": "b", "name": "Beta" }],
        "criteria": criteria
    }))
    .unwrap()
}

fn set(state: &mut CardState, criterion: usize, level: u8) -> Changes {
    state.update(Msg::SetPriority { criterion, level })
}

fn verdict(state: &CardState) -> String {
    let mut out = String::new();
    text::push_verdict(&mut out, state.comparison(), state.standing());
    out
}

/// Index of a criterion in the demo spec by id.
fn criterion(comparison: &Comparison, id: &str) -> usize {
    comparison.criteria.iter().position(|c| c.id == id).unwrap()
}

#[test]
fn the_demo_tally_is_three_one_two() {
    let state = CardState::new(demo());
    let tally = state.tally();
    assert_eq!((tally.wins[0], tally.ties, tally.wins[1]), (3, 1, 2));
    let mut sentence = String::new();
    text::push_tally_sentence(&mut sentence, state.comparison(), tally);
    assert_eq!(sentence, "3 wins for Node.js, 1 tie, 2 wins for Python");
}

#[test]
fn equal_priorities_give_plain_averages() {
    let state = CardState::new(demo());
    let totals = state.totals().unwrap();
    assert!((totals[0] - 51.0 / 6.0).abs() < 1e-9, "{totals:?}");
    assert!((totals[1] - 44.0 / 6.0).abs() < 1e-9, "{totals:?}");
    assert_eq!(state.standing().leader(), Some(0));
    assert_eq!(verdict(&state), "Node.js leads by 1.2 points at your priorities.");
}

#[test]
fn weighted_totals_follow_the_formula() {
    let comparison = two_options(&[(10.0, 0.0), (0.0, 10.0)]);
    let mut totals = [0.0; 2];
    assert!(scoring::weighted_totals(&comparison.criteria, &[3, 1], &mut totals));
    assert_eq!(totals, [7.5, 2.5]);
    assert!(scoring::weighted_totals(&comparison.criteria, &[0, 5], &mut totals));
    assert_eq!(totals, [0.0, 10.0]);
}

#[test]
fn ai_ml_alone_makes_python_lead_and_full_stack_alone_makes_node_lead() {
    let comparison = demo();
    let ai = criterion(&comparison, "ai-ml");
    let full_stack = criterion(&comparison, "full-stack");
    let count = comparison.criteria.len();

    let mut state = CardState::new(comparison);
    for i in 0..count {
        set(&mut state, i, if i == ai { 5 } else { 0 });
    }
    assert_eq!(state.standing().leader(), Some(1));
    assert_eq!(verdict(&state), "Python leads by 6.0 points at your priorities.");

    for i in 0..count {
        set(&mut state, i, if i == full_stack { 5 } else { 0 });
    }
    assert_eq!(state.standing().leader(), Some(0));
    assert!(verdict(&state).starts_with("Node.js leads by 7.0"), "{}", verdict(&state));
}

#[test]
fn every_slider_at_zero_asks_for_a_priority() {
    let comparison = demo();
    let count = comparison.criteria.len();
    let mut state = CardState::new(comparison);
    for i in 0..count {
        set(&mut state, i, 0);
    }
    assert_eq!(state.standing(), Standing::NoPriorities);
    assert!(state.totals().is_none());
    assert_eq!(state.tally(), Default::default(), "ignored criteria are not counted");
    assert!(verdict(&state).contains("Raise at least one priority"));
}

#[test]
fn totals_equal_to_two_decimals_are_a_tie() {
    let mut state = CardState::new(two_options(&[(8.0, 8.004), (5.0, 5.0)]));
    assert!(matches!(state.standing(), Standing::Tie(set) if set.len() == 2));
    assert_eq!(verdict(&state), "Alpha and Beta are tied at your priorities.");
    // Weighting the second criterion more does not break a tie between equal scores.
    let changes = set(&mut state, 1, 5);
    assert!(changes.priorities && !changes.result);
}

#[test]
fn floating_point_noise_does_not_break_a_tie() {
    // Both totals are 2.175 exactly; computed, one comes out as 2.1750000000000003.
    let comparison = two_options(&[(2.9, 1.3), (1.8, 3.7), (1.1, 2.4)]);
    let mut state = CardState::new(comparison);
    set(&mut state, 0, 2);
    set(&mut state, 1, 1);
    set(&mut state, 2, 1);
    assert!(matches!(state.standing(), Standing::Tie(_)), "{:?}", state.totals());
    assert_eq!(verdict(&state), "Alpha and Beta are tied at your priorities.");
}

#[test]
fn a_close_lead_says_less_than_a_tenth() {
    let state = CardState::new(two_options(&[(8.0, 7.96)]));
    assert_eq!(verdict(&state), "Alpha leads by less than 0.1 points at your priorities.");
}

#[test]
fn ties_among_three_name_the_tied_options() {
    let comparison = spec::parse(json!({
        "title": "T",
        "options": [{ "id": "a", "name": "A" }, { "id": "b", "name": "B" }, { "id": "c", "name": "C" }],
        "criteria": [
            { "id": "x", "name": "X", "scores": { "a": 9, "b": 9, "c": 1 } },
            { "id": "y", "name": "Y", "scores": { "a": 2, "b": 3, "c": 5 } }
        ]
    }))
    .unwrap();
    let mut state = CardState::new(comparison);
    set(&mut state, 1, 0);
    assert_eq!(verdict(&state), "A and B are tied at your priorities.");
    let mut label = String::new();
    text::push_winner_label(&mut label, state.comparison(), state.winners()[0]);
    assert_eq!(label, "Tie: A and B");
    let mut sentence = String::new();
    text::push_tally_sentence(&mut sentence, state.comparison(), state.tally());
    assert_eq!(sentence, "0 wins for A, 0 wins for B, 0 wins for C, 1 tie");
}

#[test]
fn update_reports_what_changed() {
    let comparison = demo();
    let ai = criterion(&comparison, "ai-ml");
    let mut state = CardState::new(comparison);

    assert_eq!(set(&mut state, ai, 3), Changes::default(), "same level: nothing changes");
    assert_eq!(set(&mut state, 99, 1), Changes::default(), "unknown criterion: ignored");

    let changes = set(&mut state, ai, 4);
    assert_eq!(changes, Changes { priorities: true, result: false, preset: false });
    assert_eq!(state.priorities()[ai], 4);

    // Levels above the maximum are clamped.
    set(&mut state, ai, 200);
    assert_eq!(state.priorities()[ai], 5);
}

#[test]
fn the_result_changes_when_the_leader_changes() {
    let comparison = demo();
    let ai = criterion(&comparison, "ai-ml");
    let count = comparison.criteria.len();
    let mut state = CardState::new(comparison);
    for i in 0..count {
        set(&mut state, i, 1);
    }
    assert_eq!(state.standing().leader(), Some(0), "Node.js leads on equal weights");
    let changes = set(&mut state, ai, 5);
    assert_eq!(changes, Changes { priorities: true, result: true, preset: false });
    assert_eq!(state.standing().leader(), Some(1));
}

#[test]
fn winner_labels_name_the_winner_or_a_tie() {
    let state = CardState::new(demo());
    let labels: Vec<String> = state
        .winners()
        .iter()
        .map(|&w| {
            let mut s = String::new();
            text::push_winner_label(&mut s, state.comparison(), w);
            s
        })
        .collect();
    assert_eq!(labels, ["Node.js wins", "Python wins", "Python wins", "Node.js wins", "Node.js wins", "Tie"]);
}

fn preset(comparison: &Comparison, id: &str) -> usize {
    comparison.presets.iter().position(|p| p.id == id).unwrap()
}

#[test]
fn the_ml_pipeline_preset_makes_python_lead_until_a_slider_moves() {
    let mut state = CardState::new(demo());
    let ml = preset(state.comparison(), "ml-pipeline");
    let changes = state.update(Msg::ApplyPreset(ml));
    assert_eq!(changes, Changes { priorities: true, result: true, preset: true });
    assert_eq!(state.active_preset(), Some(ml));
    assert_eq!(state.priorities(), &[2, 5, 4, 0, 0, 3]);
    assert_eq!(state.standing().leader(), Some(1), "Python leads the ML pipeline");
    // Choosing it again changes nothing.
    assert_eq!(state.update(Msg::ApplyPreset(ml)), Changes::default());
    // Touching a slider leaves the preset, even when the result stays.
    let changes = set(&mut state, 0, 3);
    assert_eq!(changes, Changes { priorities: true, result: false, preset: true });
    assert_eq!(state.active_preset(), None);
}

#[test]
fn reset_returns_to_the_authors_priorities() {
    let mut state = CardState::new(demo());
    let chat = preset(state.comparison(), "chat-app");
    state.update(Msg::ApplyPreset(chat));
    let changes = state.update(Msg::Reset);
    assert!(changes.priorities && changes.preset);
    assert_eq!(state.priorities(), &[3; 6]);
    assert_eq!(state.active_preset(), None);
    assert_eq!(state.update(Msg::Reset), Changes::default(), "a second reset has nothing to do");
    // An index past the presets is ignored.
    assert_eq!(state.update(Msg::ApplyPreset(99)), Changes::default());
}

#[test]
fn restore_accepts_only_priorities_that_fit() {
    let mut state = CardState::new(demo());
    assert!(!state.restore(&[1, 2, 3]), "too few");
    assert!(!state.restore(&[1, 2, 3, 4, 5, 6]), "6 is above the top level");
    assert_eq!(state.priorities(), &[3; 6]);
    assert!(state.restore(&[0, 5, 0, 0, 0, 0]));
    assert_eq!(state.standing().leader(), Some(1));
}
