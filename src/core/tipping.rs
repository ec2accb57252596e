//! Tipping points: for each criterion, the nearest slider position at which a different single
//! option would lead, with every other slider left where it is.
//!
//! The answer must agree with what the card shows after the visitor moves that slider, so the
//! result at a position is judged exactly as [`scoring::standing`] judges it: in hundredths, with
//! ties and "nothing to weigh" included. Positions giving a tie, or no priorities at all, are
//! never tipping points: only a new single leader is.

use std::cmp::Reverse;

use super::scoring::{self, Standing};
use super::spec::{Criterion, Scale, MAX_OPTIONS, MAX_PRIORITY};

/// Moving criterion `criterion`'s slider to `at` makes option `leader` lead on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TippingPoint {
    /// The criterion whose slider would tip the result.
    pub criterion: usize,
    /// The slider position that would do it.
    pub at: u8,
    /// The option that would then lead.
    pub leader: usize,
}

/// A lead under this many points, on a 0–10 scale, is a close call.
const CLOSE_CALL_POINTS: f64 = 0.3;

/// Options are counted from the first criterion's scores (validation gives every criterion one
/// score per option); past [`MAX_OPTIONS`] they are ignored, so the scratch array always fits.
fn option_count(criteria: &[Criterion]) -> usize {
    criteria.first().map_or(0, |c| c.scores.len()).min(MAX_OPTIONS)
}

/// The option leading at a candidate position, when that is a change worth reporting: from a
/// leader, a different leader; from a tie or no priorities, any single leader.
fn new_leader(now: Standing, there: Standing) -> Option<usize> {
    there.leader().filter(|&option| Some(option) != now.leader())
}

/// How near `at` is to `current`; smaller is nearer. At equal distance the higher position wins,
/// because "raise X to 4" reads more naturally than "lower X to 2" and most sliders start mid-way.
fn nearness(at: u8, current: u8) -> (u8, Reverse<u8>) {
    (at.abs_diff(current), Reverse(at))
}

/// The slider positions other than `current`, nearest first in the order of [`nearness`].
fn positions_by_nearness(current: u8) -> impl Iterator<Item = u8> {
    // Far enough to reach both ends of the slider, even from a level above it.
    let reach = current.max(MAX_PRIORITY.saturating_sub(current));
    (1..=reach)
        .flat_map(move |distance| [current.checked_add(distance), current.checked_sub(distance)])
        .flatten()
        .filter(|&at| at <= MAX_PRIORITY)
}

/// Fills `out` (cleared first), in criterion order, with each criterion's nearest tipping point;
/// criteria with none are left out. Allocates nothing beyond `out`.
///
/// The sums Σ priority × score per option and Σ priority are taken once; moving criterion i from
/// p to w then changes them by (w − p) × score and (w − p), so every candidate costs one pass over
/// the options instead of one over all criteria.
///
/// The candidate totals are worked out in a different order from [`scoring::weighted_totals`], so
/// they can differ from it in the last bits; the standing compares hundredths after rounding to
/// 1e-9, which absorbs that. For scores on a binary grid (whole, halves, quarters) every sum is
/// exact and the totals are bit for bit the same; for scores with up to two decimals the true totals
/// never sit near a rounding edge, since the weights sum to at most 5 × 30; only arbitrary
/// floats landing within a few ulps of one could come out differently, which the property tests
/// against [`tipping_points_brute_force`] have not found.
pub fn tipping_points(criteria: &[Criterion], priorities: &[u8], out: &mut Vec<TippingPoint>) {
    out.clear();
    let options = option_count(criteria);
    let mut totals = [0.0; MAX_OPTIONS];
    let totals = &mut totals[..options];
    let has_totals = scoring::weighted_totals(criteria, priorities, totals);
    let now = scoring::standing(totals, has_totals);

    // Summed in the same order as weighted_totals, so that they match it as closely as possible.
    let mut numerators = [0.0; MAX_OPTIONS];
    let mut weight_sum: u32 = 0;
    for (criterion, &priority) in criteria.iter().zip(priorities) {
        if priority == 0 {
            continue;
        }
        weight_sum += u32::from(priority);
        for (numerator, &score) in numerators.iter_mut().zip(&criterion.scores) {
            *numerator += f64::from(priority) * score;
        }
    }

    for (index, (criterion, &current)) in criteria.iter().zip(priorities).enumerate() {
        for at in positions_by_nearness(current) {
            let weights = weight_sum - u32::from(current) + u32::from(at);
            // No weights is "nothing to weigh", which has no leader.
            if weights == 0 {
                continue;
            }
            let step = f64::from(at) - f64::from(current);
            let there = (0..options).map(|option| {
                // A missing score counts as 0, as it does in weighted_totals.
                numerators[option] + step * criterion.scores.get(option).copied().unwrap_or(0.0)
            });
            if let Some(leader) = sole_leader(there, f64::from(weights), now.leader()) {
                out.push(TippingPoint { criterion: index, at, leader });
                break;
            }
        }
    }
}

/// The option that leads on its own with these numerators over `weights`, unless it is `leader`:
/// the same answer as `top_options(totals).only()` filtered, with two totals rounded instead of
/// one per option. Rounding to hundredths never reverses an order, and the totals share one
/// positive divisor, so the first largest numerator holds the top hundredth and the largest of
/// the others the best of the rest: the first leads alone exactly when its hundredth is higher.
/// When it is the current leader, it leads again or ties, and neither is news, so nothing at all
/// is rounded: the usual case.
fn sole_leader(numerators: impl Iterator<Item = f64>, weights: f64, leader: Option<usize>) -> Option<usize> {
    let mut top: Option<(usize, f64)> = None;
    let mut rest: Option<f64> = None;
    for (option, numerator) in numerators.enumerate() {
        match top {
            Some((_, best)) if numerator <= best => rest = Some(rest.map_or(numerator, |r| r.max(numerator))),
            _ => {
                if let Some((_, best)) = top {
                    rest = Some(rest.map_or(best, |r| r.max(best)));
                }
                top = Some((option, numerator));
            }
        }
    }
    let (option, best) = top.filter(|&(option, _)| Some(option) != leader)?;
    let alone = rest.is_none_or(|rest| scoring::hundredths(best / weights) > scoring::hundredths(rest / weights));
    alone.then_some(option)
}

/// The reference for [`tipping_points`], kept public for the tests: every position of every
/// slider is scored from scratch with [`scoring::weighted_totals`] and [`scoring::standing`].
pub fn tipping_points_brute_force(criteria: &[Criterion], priorities: &[u8]) -> Vec<TippingPoint> {
    let mut totals = vec![0.0; option_count(criteria)];
    let has_totals = scoring::weighted_totals(criteria, priorities, &mut totals);
    let now = scoring::standing(&totals, has_totals);
    let mut moved = priorities.to_vec();
    let mut points = Vec::new();
    for (criterion, &current) in priorities.iter().enumerate().take(criteria.len()) {
        let mut best: Option<TippingPoint> = None;
        for at in (0..=MAX_PRIORITY).filter(|&at| at != current) {
            moved[criterion] = at;
            let has_totals = scoring::weighted_totals(criteria, &moved, &mut totals);
            let Some(leader) = new_leader(now, scoring::standing(&totals, has_totals)) else { continue };
            if best.is_none_or(|best| nearness(at, current) < nearness(best.at, current)) {
                best = Some(TippingPoint { criterion, at, leader });
            }
        }
        moved[criterion] = current;
        points.extend(best);
    }
    points
}

/// The tipping point needing the smallest slider move; at equal moves, the earlier criterion.
/// Points naming a criterion without a priority are skipped.
pub fn closest(points: &[TippingPoint], priorities: &[u8]) -> Option<TippingPoint> {
    points
        .iter()
        .filter_map(|&point| Some(((priorities.get(point.criterion)?.abs_diff(point.at), point.criterion), point)))
        .min_by_key(|&(key, _)| key)
        .map(|(_, point)| point)
}

/// Whether a leader's margin is a close call: under 0.3 points on a 0–10 scale, the same share
/// of the range on any other scale.
pub fn is_close_call(margin: f64, scale: Scale) -> bool {
    let threshold = CLOSE_CALL_POINTS / 10.0 * (scale.max - scale.min);
    // A margin of 7.3 − 7.0 comes out a hair under 0.3; a billionth of slack keeps it out.
    margin < threshold * (1.0 - 1e-9)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criteria(rows: &[&[f64]]) -> Vec<Criterion> {
        rows.iter()
            .map(|scores| Criterion {
                id: String::new(),
                name: String::new(),
                note: None,
                priority: 3,
                scores: scores.to_vec(),
            })
            .collect()
    }

    fn fast(criteria: &[Criterion], priorities: &[u8]) -> Vec<TippingPoint> {
        let mut out = vec![TippingPoint { criterion: 9, at: 9, leader: 9 }];
        tipping_points(criteria, priorities, &mut out);
        out
    }

    #[test]
    fn positions_come_nearest_first_and_higher_first_at_equal_distance() {
        assert_eq!(positions_by_nearness(3).collect::<Vec<_>>(), [4, 2, 5, 1, 0]);
        assert_eq!(positions_by_nearness(0).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
        assert_eq!(positions_by_nearness(5).collect::<Vec<_>>(), [4, 3, 2, 1, 0]);
        assert_eq!(positions_by_nearness(7).collect::<Vec<_>>(), [5, 4, 3, 2, 1, 0]);
    }

    #[test]
    fn a_higher_position_wins_over_an_equally_near_lower_one() {
        // Tied 5–5 overall; moving the first slider either way by one makes a different leader.
        let criteria = criteria(&[&[9.0, 1.0], &[1.0, 9.0]]);
        let expected =
            [TippingPoint { criterion: 0, at: 4, leader: 0 }, TippingPoint { criterion: 1, at: 4, leader: 1 }];
        assert_eq!(fast(&criteria, &[3, 3]), expected);
        assert_eq!(tipping_points_brute_force(&criteria, &[3, 3]), expected);
    }

    #[test]
    fn a_single_criterion_can_only_tip_from_zero() {
        let criteria = criteria(&[&[2.0, 8.0]]);
        assert_eq!(fast(&criteria, &[0]), [TippingPoint { criterion: 0, at: 1, leader: 1 }]);
        // At any other level the same option leads, and 0 leaves nothing to weigh.
        assert_eq!(fast(&criteria, &[4]), []);
    }

    #[test]
    fn a_tie_at_a_nearer_position_is_passed_over() {
        let criteria = criteria(&[&[8.0, 2.0], &[2.0, 8.0]]);
        // B leads; at 1 on the first slider the totals are 5 and 5, at 2 they are 6 and 4.
        assert_eq!(fast(&criteria, &[0, 1]), [TippingPoint { criterion: 0, at: 2, leader: 0 }]);
        // A leads 6 to 4; positions 1 (first slider) and 2 (second slider) tie.
        let expected =
            [TippingPoint { criterion: 0, at: 0, leader: 1 }, TippingPoint { criterion: 1, at: 3, leader: 1 }];
        assert_eq!(fast(&criteria, &[2, 1]), expected);
    }

    #[test]
    fn closest_prefers_the_smaller_move_then_the_earlier_criterion() {
        let points = [
            TippingPoint { criterion: 0, at: 0, leader: 1 },
            TippingPoint { criterion: 1, at: 4, leader: 1 },
            TippingPoint { criterion: 2, at: 2, leader: 2 },
        ];
        assert_eq!(closest(&points, &[3, 3, 3]), Some(points[1]));
        assert_eq!(closest(&points, &[1, 5, 3]), Some(points[0]));
        assert_eq!(closest(&points, &[3]), Some(points[0]));
        assert_eq!(closest(&[], &[3]), None);
    }
}
