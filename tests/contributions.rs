//! Why the leader leads: contributions on small specs and the demo, ties and all-zero priorities,
//! the sentence under the verdict (labels, signs, the decimal separator) and the rows' marks.
#![cfg(not(target_arch = "wasm32"))]

use comparison_card::core::contributions;
use comparison_card::core::labels::Labels;
use comparison_card::core::spec::{self, Comparison};
use comparison_card::core::state::{CardState, Msg};
use comparison_card::core::text;
use serde_json::json;

fn demo() -> Comparison {
    let text = std::fs::read_to_string("www/specs/node-vs-python.json").unwrap();
    spec::parse(&mut serde_json::Deserializer::from_str(&text)).unwrap()
}

fn spec_with(options: &[&str], scores: &[&[f64]]) -> Comparison {
    let option_list: Vec<_> = options.iter().map(|name| json!({ "id": name.to_lowercase(), "name": name })).collect();
    let criteria: Vec<_> = scores
        .iter()
        .enumerate()
        .map(|(c, row)| {
            let scores: serde_json::Map<_, _> =
                options.iter().zip(row.iter()).map(|(o, s)| (o.to_lowercase(), json!(s))).collect();
            json!({ "id": format!("c{c}"), "name": format!("C{c}"), "scores": scores })
        })
        .collect();
    spec::parse(json!({ "title": "T", "options": option_list, "criteria": criteria })).unwrap()
}

fn why(state: &CardState) -> String {
    let mut out = String::new();
    text::push_why(&mut out, state.comparison(), state.contributions());
    out
}

#[test]
fn the_demo_says_why_node_leads_with_real_minus_signs() {
    let state = CardState::new(demo());
    let (pair, points) = state.contributions().unwrap();
    assert_eq!((pair.leader, pair.runner_up), (0, 1));
    let expected = [0.5, -1.0, -1.0 / 6.0, 7.0 / 6.0, 4.0 / 6.0, 0.0];
    for (got, want) in points.iter().zip(expected) {
        assert!((got - want).abs() < 1e-12, "{points:?}");
    }
    assert_eq!(
        why(&state),
        "Node.js leads mainly on Full-stack JavaScript (+1.2) and Real-time features (+0.7); \
         Python gains on AI / ML ecosystem (\u{2212}1.0) and Developer productivity (\u{2212}0.2)."
    );
}

#[test]
fn ties_and_all_zero_priorities_have_no_contributions_and_no_sentence() {
    let mut state = CardState::new(spec_with(&["A", "B"], &[&[9.0, 5.0], &[5.0, 9.0]]));
    assert!(state.contributions().is_none(), "tied");
    assert_eq!(why(&state), "");
    state.update(Msg::SetPriority { criterion: 0, level: 0 });
    assert!(state.contributions().is_some());
    state.update(Msg::SetPriority { criterion: 1, level: 0 });
    assert!(state.contributions().is_none(), "every priority 0");
    assert_eq!(why(&state), "");
}

#[test]
fn a_leader_without_a_weak_spot_gets_the_short_sentence() {
    let state = CardState::new(spec_with(&["A", "B"], &[&[9.0, 5.0], &[7.0, 7.0]]));
    assert_eq!(why(&state), "A leads mainly on C0 (+2.0).");
}

#[test]
fn the_runner_up_is_the_first_of_equal_totals() {
    // B and C both total 5; the margin is 3 against either, split differently.
    let state = CardState::new(spec_with(&["A", "B", "C"], &[&[8.0, 8.0, 2.0], &[8.0, 2.0, 8.0]]));
    let (pair, points) = state.contributions().unwrap();
    assert_eq!((pair.leader, pair.runner_up), (0, 1));
    assert_eq!(points, &[0.0, 3.0]);
    // The verdict's margin is measured from the highest other total, even when the two are
    // equal to two decimals; floating-point noise alone does not make one higher.
    assert_eq!(contributions::runner_up(&[8.0, 5.0, 5.004], 0), Some(2));
    assert_eq!(contributions::runner_up(&[8.0, 2.175, 2.1750000000000003], 0), Some(1));
}

#[test]
fn small_contributions_keep_two_decimals_and_zero_has_no_sign() {
    let labels = Labels::default();
    let cases = [(1.25, "+1.3"), (-0.04, "\u{2212}0.04"), (0.0, "0.0"), (0.049, "+0.05"), (-2.0, "\u{2212}2.0")];
    for (points, shown) in cases {
        let mut out = String::new();
        text::push_points(&mut out, &labels, points);
        assert_eq!(out, shown, "{points}");
    }
    let mut comma = Labels::default();
    comma.decimal = Some(',');
    let mut out = String::new();
    text::push_row_contribution(&mut out, &comma, Some(-0.5), 3);
    assert_eq!(out, "\u{2212}0,5 to the lead");
    out.clear();
    text::push_row_contribution(&mut out, &comma, Some(-0.5), 0);
    assert_eq!(out, "", "an ignored row has no mark");
    text::push_row_contribution(&mut out, &comma, None, 3);
    assert_eq!(out, "", "no leader, no mark");
}

#[test]
fn the_strongest_reasons_come_first_and_a_thin_lead_still_has_one() {
    let (gains, losses) = contributions::strongest(&[0.5, -1.0, 0.7, -0.2, 1.2, 0.0], 2);
    assert_eq!((gains, losses), (vec![4, 2], vec![1, 3]));
    let (gains, losses) = contributions::strongest(&[0.003, 0.004, -0.001], 2);
    assert_eq!((gains, losses), (vec![1], vec![]));
}

#[test]
fn the_sentence_follows_the_labels_and_the_decimal_separator() {
    let text = std::fs::read_to_string("www/specs/hosting-de.json").unwrap();
    let mut comparison = spec::parse(&mut serde_json::Deserializer::from_str(&text)).unwrap();
    comparison.labels.decimal = Some(',');
    let state = CardState::new(comparison);
    assert_eq!(
        why(&state),
        "Serverless liegt vor allem vorn bei Kosten bei wenig Verkehr (+1,2) und Skalierung (+0,4); \
         Verwaltete PaaS holt auf bei Kontrolle & Portabilität (\u{2212}0,4) und Betriebsaufwand (\u{2212}0,3)."
    );
}

#[test]
fn a_lead_too_thin_to_show_names_its_reason_without_a_zero_figure() {
    // Totals 2.0057 against 2.0, which round to 2.01 and 2.00: A leads, while each criterion's share
    // of the margin is under half a hundredth (0.003, 0.0013, 0.0013), and a figure would read "+0.00".
    let state = CardState::new(spec_with(&["A", "B"], &[&[2.009, 2.0], &[2.004, 2.0], &[2.004, 2.0]]));
    let sentence = why(&state);
    assert_eq!(sentence, "A leads mainly on C0.");
}
