//! Property tests (proptest, stable Rust) for the spec validator and the scoring engine.
#![cfg(not(target_arch = "wasm32"))]

use comparison_card::core::scoring::{self, Standing};
use comparison_card::core::spec::{self, Comparison};
use comparison_card::core::state::{CardState, Msg};
use comparison_card::core::value::Value;
use proptest::prelude::*;
use proptest::strategy::ValueTree;

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

// ---- The shipped card's paths-only validation against the full one ----

/// The site's specs: every field a spec can have between them (presets, a call to action,
/// labels, notes, "best for" lines, a scale).
fn site_specs() -> Vec<Value> {
    ["node-vs-python", "hosting", "hosting-de"]
        .iter()
        .map(|name| {
            let path = format!("{}/www/specs/{name}.json", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap();
            Value::read(&mut serde_json::Deserializer::from_str(&text)).unwrap()
        })
        .collect()
}

/// One change to a spec: at the `target`th value of a walk through it (taken modulo their
/// number), replace it, delete it from its object or list, give it twice, or rename its key.
#[derive(Debug, Clone)]
enum Change {
    Replace(Value),
    Delete,
    Repeat,
    Rename(String),
}

fn any_change() -> impl Strategy<Value = Change> {
    // Text around the length limits (40, 100, 200, 1000 and 2000 characters), blank text and
    // links, which the generic values above seldom reach.
    let text = prop_oneof![
        (0usize..2100, prop_oneof![Just('x'), Just('é'), Just(' ')]).prop_map(|(n, c)| c.to_string().repeat(n)),
        prop_oneof![
            Just(39usize),
            Just(40),
            Just(41),
            Just(100),
            Just(101),
            Just(200),
            Just(201),
            Just(1000),
            Just(1001)
        ]
        .prop_map(|n| "a".repeat(n)),
        prop_oneof![
            Just("https://x.example/"),
            Just("mailto:a@b.c"),
            Just("javascript:alert(1)"),
            Just("//x"),
            Just("{option} {leader}")
        ]
        .prop_map(str::to_string),
    ];
    prop_oneof![
        any_value().prop_map(Change::Replace),
        text.prop_map(|t| Change::Replace(Value::Text(t))),
        Just(Change::Delete),
        Just(Change::Repeat),
        prop_oneof![Just("id".to_string()), Just("priority".to_string()), "[a-z_]{0,8}"].prop_map(Change::Rename),
    ]
}

fn count(value: &Value) -> usize {
    1 + match value {
        Value::List(items) => items.iter().map(count).sum(),
        Value::Object(entries) => entries.iter().map(|(_, v)| count(v)).sum(),
        _ => 0,
    }
}

/// Applies `change` at the `target`th value below `value` (0 is `value`'s first child), counting
/// `target` down through the walk; whether it was applied.
fn apply(value: &mut Value, target: &mut usize, change: &Change) -> bool {
    let found = match value {
        Value::List(items) => find(items.iter_mut(), target, change),
        Value::Object(entries) => find(entries.iter_mut().map(|(_, item)| item), target, change),
        _ => return false,
    };
    let index = match found {
        Found::Here(index) => index,
        Found::Applied => return true,
        Found::Elsewhere => return false,
    };
    match (value, change) {
        (Value::List(items), Change::Replace(new)) => items[index] = new.clone(),
        (Value::List(items), Change::Delete) => drop(items.remove(index)),
        (Value::List(items), Change::Repeat | Change::Rename(_)) => items.push(items[index].clone()),
        (Value::Object(entries), Change::Replace(new)) => entries[index].1 = new.clone(),
        (Value::Object(entries), Change::Delete) => drop(entries.remove(index)),
        (Value::Object(entries), Change::Repeat) => entries.push(entries[index].clone()),
        (Value::Object(entries), Change::Rename(key)) => entries[index].0 = key.clone(),
        _ => return false,
    }
    true
}

/// Where the walk through a list's or object's children found its target.
enum Found {
    /// At this child, to be changed by the caller, who owns the list.
    Here(usize),
    /// Below a child, where the change has been made.
    Applied,
    /// Past all of them.
    Elsewhere,
}

fn find<'a>(children: impl Iterator<Item = &'a mut Value>, target: &mut usize, change: &Change) -> Found {
    for (index, child) in children.enumerate() {
        if *target == 0 {
            return Found::Here(index);
        }
        *target -= 1;
        if apply(child, target, change) {
            return Found::Applied;
        }
    }
    Found::Elsewhere
}

/// The card a visitor downloads validates with paths only (`from_value_paths_only`), the
/// authors' tools with messages (`from_value`): both must refuse exactly the same specs, at the
/// same places, and accept the rest as the same comparison.
fn same_verdict(value: &Value) -> Result<(), TestCaseError> {
    match (spec::from_value(value), spec::from_value_paths_only(value)) {
        (Ok(full), Ok(lean)) => prop_assert_eq!(full, lean),
        (Err(full), Err(lean)) => {
            let paths = |list: &[spec::Problem]| list.iter().map(|p| p.path.clone()).collect::<Vec<_>>();
            prop_assert_eq!(paths(&full), paths(&lean));
            // Only the count of problems not listed keeps its words.
            prop_assert!(lean.iter().all(|p| p.message.is_empty() || p.message.ends_with("more problems not listed")));
        }
        (full, lean) => prop_assert!(false, "full: {full:?}\npaths only: {lean:?}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn the_shipped_validation_refuses_exactly_what_the_full_one_refuses(
        pick in 0usize..3,
        changes in prop::collection::vec((any::<prop::sample::Index>(), any_change()), 1..4),
    ) {
        let mut value = site_specs().swap_remove(pick);
        for (target, change) in &changes {
            let mut target = target.index(count(&value).max(2) - 1);
            apply(&mut value, &mut target, change);
        }
        same_verdict(&value)?;
    }

    #[test]
    fn on_any_value_both_validations_agree(value in any_value()) {
        same_verdict(&value)?;
    }

    #[test]
    fn on_generated_specs_both_validations_agree(spec in valid_spec(), change in any_change(), target in any::<prop::sample::Index>()) {
        let mut value = Value::read(spec).unwrap();
        let mut target = target.index(count(&value).max(2) - 1);
        apply(&mut value, &mut target, &change);
        same_verdict(&value)?;
    }
}

/// The mutations above reach both outcomes and the deep fields, or the property says little.
#[test]
fn the_changed_specs_cover_acceptance_and_refusal_deep_in_the_spec() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = (0usize..3, any::<prop::sample::Index>(), any_change());
    let (mut accepted, mut refused, mut deep) = (0, 0, 0);
    for _ in 0..2000 {
        let (pick, target, change) = strategy.new_tree(&mut runner).unwrap().current();
        let mut value = site_specs().swap_remove(pick);
        let mut target = target.index(count(&value).max(2) - 1);
        apply(&mut value, &mut target, &change);
        match spec::from_value(&value) {
            Ok(_) => accepted += 1,
            Err(problems) => {
                refused += 1;
                deep += usize::from(problems.iter().any(|p| p.path.matches('.').count() >= 2));
            }
        }
    }
    assert!(accepted > 100 && refused > 500 && deep > 100, "accepted {accepted}, refused {refused}, deep {deep}");
}
