//! Why the leader leads: each criterion's share of the leader's margin over the runner-up.
//!
//! With priorities `w`, their sum `W` and scores `s`, an option's weighted total is
//! `T(o) = Σ w_i × s_i(o) / W`. The margin `T(leader) − T(runner-up)` therefore splits into one
//! term per criterion, `c_i = w_i / W × (s_i(leader) − s_i(runner-up))`: its weight share times
//! the score difference. The terms add up to the margin (to floating-point rounding), a criterion
//! the visitor ignores contributes 0, and one the runner-up scores higher on contributes a
//! negative amount.
//!
//! Defined only when one option leads. A tie has no margin to explain, and with every priority at
//! 0 there is nothing weighed: both give `None`.
//! The runner-up is the option with the highest total after the leader, the one the verdict's
//! margin is measured from; when several share that total (equal to nine decimals, which clears
//! floating-point noise), the first of them in the spec's order. The margin is the same against
//! each of them, only its split differs, and spec order keeps it stable. (Totals equal to two
//! decimals but not to nine are not shared: the verdict measures from the higher one.)

use super::scoring::{self, Standing};
use super::spec::Criterion;

/// The two options compared; the points themselves are written into the caller's slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The option that leads.
    pub leader: usize,
    /// The option behind it, whose total the margin is measured from.
    pub runner_up: usize,
}

/// The runner-up behind `leader`: the highest other total, the first in spec order among equals
/// (to nine decimals).
pub fn runner_up(totals: &[f64], leader: usize) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (index, &total) in totals.iter().enumerate() {
        let value = scoring::round(total * 1e9);
        if index != leader && best.is_none_or(|(_, top)| value > top) {
            best = Some((index, value));
        }
    }
    best.map(|(index, _)| index)
}

/// Writes each criterion's contribution to the leader's margin into `points` (resized to one per
/// criterion) and returns the pair compared; `None`, with `points` emptied, when no option leads.
pub fn contributions(
    criteria: &[Criterion],
    priorities: &[u8],
    totals: &[f64],
    standing: Standing,
    points: &mut Vec<f64>,
) -> Option<Pair> {
    points.clear();
    let leader = standing.leader()?;
    let runner_up = runner_up(totals, leader)?;
    let weight_sum: f64 = priorities.iter().map(|&p| f64::from(p)).sum();
    if weight_sum == 0.0 {
        return None;
    }
    points.extend(criteria.iter().zip(priorities).map(|(criterion, &priority)| {
        let difference = criterion.scores[leader] - criterion.scores[runner_up];
        f64::from(priority) / weight_sum * difference
    }));
    Some(Pair { leader, runner_up })
}

/// The criteria that help the leader most (`gains`, largest first) and those that help the
/// runner-up most (`losses`, most negative first), at most `keep` of each. A contribution that is
/// 0 to two decimals is neither, except the largest gain, always kept: a lead spread thinly over
/// many criteria still has a first reason. Equal contributions keep the spec's order.
pub fn strongest(points: &[f64], keep: usize) -> (Vec<usize>, Vec<usize>) {
    let gains = pick(points, keep, 1.0, true);
    let losses = pick(points, keep, -1.0, false);
    (gains, losses)
}

/// Up to `keep` indexes whose point times `sign` is largest and positive, largest first, the
/// first index among equals; only those not 0 to two decimals, except the first when
/// `first_always`. Picked by repeated scans rather than a sort: `keep` is 2, and a slice sort
/// adds kilobytes to the wasm.
fn pick(points: &[f64], keep: usize, sign: f64, first_always: bool) -> Vec<usize> {
    let mut picked: Vec<usize> = Vec::with_capacity(keep);
    while picked.len() < keep {
        let mut best: Option<usize> = None;
        for (index, &point) in points.iter().enumerate() {
            let value = point * sign;
            if value > 0.0 && !picked.contains(&index) && best.is_none_or(|b| value > points[b] * sign) {
                best = Some(index);
            }
        }
        match best {
            Some(index) if (first_always && picked.is_empty()) || scoring::hundredths(points[index]) != 0 => {
                picked.push(index)
            }
            _ => break,
        }
    }
    picked
}
