//! Tipping points: hand-worked cases on the demo figures and small specs, then property tests of
//! the fast path against the brute-force reference and against the scoring engine itself.
#![cfg(not(target_arch = "wasm32"))]

use comparison_card::core::scoring::{self, Standing};
use comparison_card::core::spec::{Criterion, Scale};
use comparison_card::core::tipping::{self, TippingPoint};
use proptest::prelude::*;

fn criteria(rows: &[&[f64]]) -> Vec<Criterion> {
    rows.iter()
        .enumerate()
        .map(|(i, scores)| Criterion {
            id: format!("c{i}"),
            name: format!("Criterion {i}"),
            note: None,
            priority: 3,
            scores: scores.to_vec(),
        })
        .collect()
}

/// The demo's figures, Node.js then Python: concurrency, ai-ml, productivity, full-stack,
/// real-time, community. Node.js sums to 51, Python to 44.
fn demo() -> Vec<Criterion> {
    criteria(&[&[10.0, 7.0], &[4.0, 10.0], &[8.0, 9.0], &[10.0, 3.0], &[10.0, 6.0], &[9.0, 9.0]])
}

const NODE: usize = 0;
const PYTHON: usize = 1;

fn point(criterion: usize, at: u8, leader: usize) -> TippingPoint {
    TippingPoint { criterion, at, leader }
}

/// Both implementations, checked to agree.
fn points(criteria: &[Criterion], priorities: &[u8]) -> Vec<TippingPoint> {
    let mut fast = Vec::new();
    tipping::tipping_points(criteria, priorities, &mut fast);
    assert_eq!(fast, tipping::tipping_points_brute_force(criteria, priorities));
    fast
}

fn standing_at(criteria: &[Criterion], priorities: &[u8]) -> Standing {
    let mut totals = vec![0.0; criteria[0].scores.len()];
    let has_totals = scoring::weighted_totals(criteria, priorities, &mut totals);
    scoring::standing(&totals, has_totals)
}

#[test]
fn the_demo_at_default_priorities_has_no_tipping_point() {
    // Node.js leads 8.50 to 7.33. With the others at 3, Node.js leads Python by
    // 21 + (w − 3) × (its lead on the criterion) over 15 + w: never negative for w in 0..=5.
    // ai-ml, Python's best, only gets to 161 against 152 at 5 (8.05 to 7.60), and full-stack at 0
    // gives 123 against 123, a tie, which is not a new leader.
    let demo = demo();
    assert_eq!(standing_at(&demo, &[3; 6]).leader(), Some(NODE));
    assert_eq!(points(&demo, &[3; 6]), []);
    assert_eq!(tipping::closest(&[], &[3; 6]), None);
    assert_eq!(standing_at(&demo, &[3, 5, 3, 3, 3, 3]).leader(), Some(NODE));
    assert!(matches!(standing_at(&demo, &[3, 3, 3, 0, 3, 3]), Standing::Tie(_)));
}

#[test]
fn a_narrow_demo_lead_tips_one_step_away() {
    // ai-ml 5, full-stack 2: Node.js 151 against Python 149, over 19. One step down on concurrency
    // (141 to 142), full-stack (141 to 146) or real-time (141 to 143) hands Python the lead.
    // Productivity at 5 ties (167 each), and ai-ml can only move towards Node.js.
    let demo = demo();
    let priorities = [3, 5, 3, 2, 3, 3];
    assert_eq!(standing_at(&demo, &priorities).leader(), Some(NODE));
    let found = points(&demo, &priorities);
    assert_eq!(found, [point(0, 2, PYTHON), point(3, 1, PYTHON), point(4, 2, PYTHON)]);
    assert_eq!(tipping::closest(&found, &priorities), Some(point(0, 2, PYTHON)));
}

#[test]
fn from_a_tie_any_single_leader_counts() {
    // Full-stack ignored: 123 each over 15. One step up on any criterion where the two differ
    // breaks the tie towards that criterion's winner; community (9 and 9) cannot.
    let demo = demo();
    let priorities = [3, 3, 3, 0, 3, 3];
    let found = points(&demo, &priorities);
    assert_eq!(
        found,
        [point(0, 4, NODE), point(1, 4, PYTHON), point(2, 4, PYTHON), point(3, 1, NODE), point(4, 4, NODE)]
    );
    assert_eq!(tipping::closest(&found, &priorities), Some(point(0, 4, NODE)));
}

#[test]
fn from_all_zero_raising_one_criterion_makes_its_winner_lead() {
    let found = points(&demo(), &[0; 6]);
    assert_eq!(
        found,
        [point(0, 1, NODE), point(1, 1, PYTHON), point(2, 1, PYTHON), point(3, 1, NODE), point(4, 1, NODE)]
    );
}

#[test]
fn an_option_best_everywhere_cannot_be_overtaken() {
    let criteria = criteria(&[&[9.0, 2.0, 8.5], &[6.5, 5.0, 6.0], &[7.5, 7.0, 3.0]]);
    for priorities in [[3, 3, 3], [0, 5, 0], [5, 1, 0]] {
        assert_eq!(standing_at(&criteria, &priorities).leader(), Some(0));
        assert_eq!(points(&criteria, &priorities), []);
    }
}

#[test]
fn three_options() {
    let criteria = criteria(&[&[9.0, 5.0, 6.0], &[4.0, 9.0, 6.0], &[5.0, 5.0, 9.0]]);
    // C leads 63 to 57 and 54. Lowering the third criterion to 1 gives 44, 47, 45: B leads.
    // Raising the second to 5 ties B and C at 75; the first never dethrones C.
    assert_eq!(standing_at(&criteria, &[3, 3, 3]).leader(), Some(2));
    assert_eq!(points(&criteria, &[3, 3, 3]), [point(2, 1, 1)]);

    // A leads 62 to 57 and 57. First slider at 3: 44, 47, 45, B. Second at 4 ties A and B at 66,
    // at 5 B leads 75 to 70. Third at 2 keeps A ahead (67, 62, 66), at 3 C leads 75 to 72.
    let priorities = [5, 3, 1];
    let found = points(&criteria, &priorities);
    assert_eq!(found, [point(0, 3, 1), point(1, 5, 1), point(2, 3, 2)]);
    assert_eq!(tipping::closest(&found, &priorities), Some(point(0, 3, 1)));
}

#[test]
fn close_calls_scale_with_the_range() {
    let ten = Scale::default();
    assert!(tipping::is_close_call(0.29, ten));
    assert!(tipping::is_close_call(0.0, ten));
    assert!(!tipping::is_close_call(0.3, ten));
    // 0.2999999999999998 in floating point, but 0.3 on the card.
    assert!(!tipping::is_close_call(7.3 - 7.0, ten));
    assert!(!tipping::is_close_call(1.17, ten));

    let hundred = Scale { min: 0.0, max: 100.0 };
    assert!(tipping::is_close_call(2.9, hundred));
    assert!(tipping::is_close_call(0.5, hundred));
    assert!(!tipping::is_close_call(3.0, hundred));
    assert!(!tipping::is_close_call(73.0 - 70.0, hundred));

    let five = Scale { min: 1.0, max: 5.0 };
    assert!(tipping::is_close_call(0.11, five));
    assert!(!tipping::is_close_call(0.12, five));
}

/// Criteria and priorities: 2–6 options, 1–30 criteria, scores within a scale, either on a
/// grid of halves (exact sums, frequent ties) or anywhere in range.
fn spec(grid: bool) -> impl Strategy<Value = (Vec<Criterion>, Vec<u8>)> {
    let span = prop_oneof![1i32..4, 1i32..100];
    (2usize..=6, 1usize..=30, -50i32..50, span).prop_flat_map(move |(options, count, min, span)| {
        let (low, high) = (f64::from(min), f64::from(min + span));
        let score = if grid {
            (0..=2 * span).prop_map(move |halves| low + f64::from(halves) / 2.0).boxed()
        } else {
            (low..=high).boxed()
        };
        let rows = prop::collection::vec(prop::collection::vec(score, options), count);
        (rows, prop::collection::vec(0u8..=5, count)).prop_map(|(rows, priorities)| {
            let rows: Vec<&[f64]> = rows.iter().map(Vec::as_slice).collect();
            (criteria(&rows), priorities)
        })
    })
}

fn any_spec() -> impl Strategy<Value = (Vec<Criterion>, Vec<u8>)> {
    prop_oneof![spec(true), spec(false)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_fast_path_equals_the_brute_force_on_a_grid((criteria, priorities) in spec(true)) {
        let mut fast = Vec::new();
        tipping::tipping_points(&criteria, &priorities, &mut fast);
        prop_assert_eq!(fast, tipping::tipping_points_brute_force(&criteria, &priorities));
    }

    #[test]
    fn the_fast_path_equals_the_brute_force_anywhere((criteria, priorities) in spec(false)) {
        let mut fast = Vec::new();
        tipping::tipping_points(&criteria, &priorities, &mut fast);
        prop_assert_eq!(fast, tipping::tipping_points_brute_force(&criteria, &priorities));
    }

    #[test]
    fn every_point_really_gives_its_leader((criteria, priorities) in any_spec()) {
        let now = standing_at(&criteria, &priorities);
        let mut found = Vec::new();
        tipping::tipping_points(&criteria, &priorities, &mut found);
        prop_assert!(found.windows(2).all(|pair| pair[0].criterion < pair[1].criterion));
        for point in found {
            prop_assert_ne!(point.at, priorities[point.criterion]);
            prop_assert!(point.at <= 5);
            let mut moved = priorities.clone();
            moved[point.criterion] = point.at;
            let there = standing_at(&criteria, &moved);
            prop_assert_eq!(there.leader(), Some(point.leader));
            prop_assert_ne!(now.leader(), Some(point.leader));
        }
    }

    #[test]
    fn closest_is_a_listed_point_with_the_smallest_move((criteria, priorities) in any_spec()) {
        let mut found = Vec::new();
        tipping::tipping_points(&criteria, &priorities, &mut found);
        let distance = |p: &TippingPoint| p.at.abs_diff(priorities[p.criterion]);
        match tipping::closest(&found, &priorities) {
            None => prop_assert!(found.is_empty()),
            Some(best) => {
                prop_assert!(found.contains(&best));
                prop_assert!(found.iter().all(|p| distance(p) >= distance(&best)));
                let first = found.iter().find(|p| distance(p) == distance(&best));
                prop_assert_eq!(first, Some(&best));
            }
        }
    }
}
