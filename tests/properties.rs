//! Property tests (proptest, stable Rust) for the spec validator and the scoring engine.
#![cfg(not(target_arch = "wasm32"))]

use comparison_card::core::scoring::{self, Standing};
use comparison_card::core::spec::{self, Comparison};
use comparison_card::core::state::{CardState, Msg};
use comparison_card::core::value::Value;
use proptest::prelude::*;

mod common;
use common::valid_spec;
use serde_json::json;

/// Any JSON-like value; keys are drawn partly from the spec's own vocabulary so that the
/// walker goes deep instead of stopping at the first unknown field.
fn any_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("title".to_string()),
        Just("options".to_string()),
        Just("criteria".to_string()),
        Just("scores".to_string()),
        Just("id".to_string()),
        Just("name".to_string()),
        Just("cta".to_string()),
        Just("href".to_string()),
        Just("scale".to_string()),
        Just("priority".to_string()),
        Just(String::new()),
        "[a-z]{1,6}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        (-20.0..20.0f64).prop_map(Value::Number),
        ".{0,12}".prop_map(Value::Text),
    ];
    leaf.prop_recursive(6, 200, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::List),
            prop::collection::vec((key.clone(), inner), 0..8).prop_map(Value::Object),
        ]
    })
}

/// Writes a validated comparison back out as a spec.
fn to_spec(comparison: &Comparison) -> serde_json::Value {
    let options: Vec<_> =
        comparison.options.iter().map(|o| json!({ "id": o.id, "name": o.name, "best_for": o.best_for })).collect();
    let criteria: Vec<_> = comparison
        .criteria
        .iter()
        .map(|c| {
            let scores: serde_json::Map<_, _> =
                comparison.options.iter().zip(&c.scores).map(|(o, s)| (o.id.clone(), json!(s))).collect();
            json!({ "id": c.id, "name": c.name, "scores": scores, "note": c.note, "priority": c.priority })
        })
        .collect();
    json!({
        "title": comparison.title,
        "summary": comparison.summary,
        "scale": { "min": comparison.scale.min, "max": comparison.scale.max },
        "options": options,
        "criteria": criteria,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_validator_never_panics_and_always_explains(value in any_value()) {
        match spec::from_value(&value) {
            Ok(comparison) => prop_assert!(comparison.options.len() >= 2),
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                prop_assert!(problems.len() <= 51);
                prop_assert!(problems.iter().all(|p| !p.path.is_empty() && !p.message.is_empty()));
            }
        }
    }

    #[test]
    fn a_valid_spec_is_accepted_and_round_trips(spec in valid_spec()) {
        let comparison = spec::parse(spec).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        let again = spec::parse(to_spec(&comparison)).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        prop_assert_eq!(again, comparison);
    }

    #[test]
    fn weighted_totals_stay_within_the_scale(spec in valid_spec(), levels in prop::collection::vec(0u8..=5, 30)) {
        let comparison = spec::parse(spec).unwrap();
        let priorities = &levels[..comparison.criteria.len()];
        let mut totals = vec![0.0; comparison.options.len()];
        if scoring::weighted_totals(&comparison.criteria, priorities, &mut totals) {
            let (min, max) = (comparison.scale.min, comparison.scale.max);
            prop_assert!(totals.iter().all(|&t| t >= min - 1e-9 && t <= max + 1e-9), "{totals:?}");
        } else {
            prop_assert!(priorities.iter().all(|&p| p == 0));
        }
    }

    /// Raising a criterion's priority moves its winner's lead over every rival towards its lead
    /// on that criterion: it never falls behind a rival it was level with or ahead of, and never
    /// loses ground to one it trailed.
    #[test]
    fn raising_a_priority_never_hurts_that_criterion_winner(spec in valid_spec(), pick in any::<prop::sample::Index>()) {
        let comparison = spec::parse(spec).unwrap();
        let criterion = pick.index(comparison.criteria.len());
        let mut state = CardState::new(comparison);
        let Some(winner) = state.winners()[criterion].only() else { return Ok(()) };
        let level = state.priorities()[criterion];
        prop_assume!(level < 5);
        let Some(before) = state.totals().map(<[f64]>::to_vec) else { return Ok(()) };
        state.update(Msg::SetPriority { criterion, level: level + 1 });
        let after = state.totals().unwrap();
        for rival in (0..before.len()).filter(|&o| o != winner) {
            let (lead_before, lead_after) = (before[winner] - before[rival], after[winner] - after[rival]);
            if lead_before >= 0.0 {
                prop_assert!(lead_after >= -1e-9, "fell behind option {rival}: {lead_before} -> {lead_after}");
            } else {
                prop_assert!(lead_after >= lead_before - 1e-9, "lost ground to option {rival}: {lead_before} -> {lead_after}");
            }
        }
        if let Standing::Leader { option, .. } = state.standing() {
            prop_assert!(option < before.len());
        }
    }

    /// Contributions against a direct computation: the leader's and the runner-up's totals
    /// worked out afresh from the scores; the runner-up is an option with the highest other total
    /// (to floating-point noise: which of several equal ones is a matter of spec order, tested
    /// apart). Each term is its weight share × score difference, and the terms add up to the
    /// margin the verdict states.
    #[test]
    fn contributions_add_up_to_the_margin(spec in valid_spec(), levels in prop::collection::vec(0u8..=5, 30)) {
        let comparison = spec::parse(spec).unwrap();
        let range = comparison.scale.max - comparison.scale.min;
        let mut state = CardState::new(comparison.clone());
        for (criterion, &level) in levels.iter().enumerate().take(comparison.criteria.len()) {
            state.update(Msg::SetPriority { criterion, level });
        }
        let priorities = state.priorities().to_vec();
        let weight: f64 = priorities.iter().map(|&p| f64::from(p)).sum();
        let total = |option: usize| -> f64 {
            comparison.criteria.iter().zip(&priorities).map(|(c, &p)| f64::from(p) * c.scores[option]).sum::<f64>() / weight
        };
        match (state.standing(), state.contributions()) {
            (Standing::Leader { option, margin }, Some((pair, points))) => {
                prop_assert_eq!(pair.leader, option);
                let others: Vec<usize> = (0..comparison.options.len()).filter(|&o| o != option).collect();
                let best = others.iter().map(|&o| total(o)).fold(f64::NEG_INFINITY, f64::max);
                let runner_up = pair.runner_up;
                prop_assert!(runner_up != option && total(runner_up) >= best - 1e-9 * range.max(1.0), "runner-up {runner_up}");
                prop_assert_eq!(points.len(), comparison.criteria.len());
                for (index, (criterion, &p)) in comparison.criteria.iter().zip(&priorities).enumerate() {
                    let direct = f64::from(p) / weight * (criterion.scores[option] - criterion.scores[runner_up]);
                    prop_assert!((points[index] - direct).abs() <= 1e-12 * range.max(1.0), "{index}: {} vs {direct}", points[index]);
                    if p == 0 {
                        prop_assert_eq!(points[index], 0.0);
                    }
                }
                let sum: f64 = points.iter().sum();
                let tolerance = 1e-9 * range.max(1.0);
                prop_assert!((sum - (total(option) - total(runner_up))).abs() <= tolerance, "{sum} vs direct margin");
                prop_assert!((sum - margin).abs() <= tolerance, "{sum} vs the verdict's margin {margin}");
            }
            (Standing::Leader { .. }, None) => prop_assert!(false, "a leader without contributions"),
            (_, contributions) => prop_assert!(contributions.is_none(), "contributions without a leader"),
        }
    }
}
