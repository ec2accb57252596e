//! The scoring engine: priorities in, weighted totals, winners, tally and standing out.
//!
//! Everything here is plain arithmetic on slices the caller owns, so a slider step allocates
//! nothing. Values are compared in hundredths: two scores equal to two decimals are tied,
//! whatever floating-point noise sits below that.

pub use super::number::round;
use super::spec::{Criterion, MAX_OPTIONS};

/// A set of option indexes. There are at most six options, so one byte holds the set.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct OptionSet(u8);

impl OptionSet {
    /// Indexes past the set's capacity are ignored; validation keeps options to six.
    pub fn single(index: usize) -> Self {
        let mut set = OptionSet::default();
        set.insert(index);
        set
    }
    /// Adds an option.
    pub fn insert(&mut self, index: usize) {
        if index < 8 {
            self.0 |= 1 << index;
        }
    }
    /// Whether the option is in the set.
    pub fn contains(self, index: usize) -> bool {
        index < 8 && self.0 & (1 << index) != 0
    }
    /// How many options are in the set.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The only member, when there is exactly one.
    pub fn only(self) -> Option<usize> {
        (self.len() == 1).then(|| self.0.trailing_zeros() as usize)
    }
    /// The members in ascending order, without allocating.
    pub fn iter(self) -> Members {
        Members(self.0)
    }
}

/// Iterator over an [`OptionSet`]: takes the lowest set bit each step.
pub struct Members(u8);

impl Iterator for Members {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let index = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(index)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let count = self.0.count_ones() as usize;
        (count, Some(count))
    }
}

impl ExactSizeIterator for Members {}

/// A value in whole hundredths. Rounding first to 1e-9 clears floating-point noise, so totals
/// that are equal in exact arithmetic (2.175 and 2.1750000000000003) land on the same hundredth.
pub fn hundredths(value: f64) -> i64 {
    round(round(value * 1e9) / 1e7) as i64
}

/// `value` rounded to two decimals the way ties are decided, for figures a page reads.
pub fn to_hundredths(value: f64) -> f64 {
    hundredths(value) as f64 / 100.0
}

/// The options holding the highest value, all of them when several share it.
pub fn top_options(values: &[f64]) -> OptionSet {
    // One pass, each value rounded once: a higher value starts the set again, an equal one joins.
    let mut best = i64::MIN;
    let mut top = OptionSet::default();
    for (index, &value) in values.iter().enumerate() {
        let value = hundredths(value);
        if value > best {
            best = value;
            top = OptionSet::single(index);
        } else if value == best {
            top.insert(index);
        }
    }
    top
}

/// Who wins a criterion on its scores alone; several options when they share the top score.
pub fn criterion_winners(criterion: &Criterion) -> OptionSet {
    top_options(&criterion.scores)
}

/// Writes Σ priority × score / Σ priority for every option into `totals`.
/// Returns `false`, leaving zeros, when every priority is 0 and there is nothing to weigh.
pub fn weighted_totals(criteria: &[Criterion], priorities: &[u8], totals: &mut [f64]) -> bool {
    totals.iter_mut().for_each(|t| *t = 0.0);
    let mut weight_sum = 0.0;
    for (criterion, &priority) in criteria.iter().zip(priorities) {
        if priority == 0 {
            continue;
        }
        let weight = f64::from(priority);
        weight_sum += weight;
        for (total, &score) in totals.iter_mut().zip(&criterion.scores) {
            *total += weight * score;
        }
    }
    if weight_sum == 0.0 {
        return false;
    }
    totals.iter_mut().for_each(|t| *t /= weight_sum);
    true
}

/// Where the options stand at the visitor's priorities.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Standing {
    /// Every priority is 0: nothing to weigh.
    NoPriorities,
    /// One option ahead, by `margin` points on the spec's scale.
    Leader {
        /// The leading option.
        option: usize,
        /// Its lead over the runner-up.
        margin: f64,
    },
    /// Several options share the top total.
    Tie(OptionSet),
}

impl Standing {
    /// The leading option, when one leads alone.
    pub fn leader(self) -> Option<usize> {
        match self {
            Standing::Leader { option, .. } => Some(option),
            _ => None,
        }
    }

    /// The same result for a visitor: same leader, or same tie, ignoring the margin.
    pub fn same_result(self, other: Standing) -> bool {
        match (self, other) {
            (Standing::NoPriorities, Standing::NoPriorities) => true,
            (Standing::Leader { option: a, .. }, Standing::Leader { option: b, .. }) => a == b,
            (Standing::Tie(a), Standing::Tie(b)) => a == b,
            _ => false,
        }
    }
}

/// The standing from the weighted totals; `has_totals` is false when every priority is 0.
pub fn standing(totals: &[f64], has_totals: bool) -> Standing {
    if !has_totals {
        return Standing::NoPriorities;
    }
    let top = top_options(totals);
    match top.only() {
        None => Standing::Tie(top),
        Some(option) => {
            let runner_up = totals
                .iter()
                .enumerate()
                .filter(|&(index, _)| index != option)
                .map(|(_, &total)| total)
                .fold(f64::NEG_INFINITY, f64::max);
            Standing::Leader { option, margin: totals[option] - runner_up }
        }
    }
}

/// Criteria won by each option, and criteria tied, over the criteria the visitor counts.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Tally {
    /// Criteria won by each option, in option order.
    pub wins: [u8; MAX_OPTIONS],
    /// Criteria where several options share the top score.
    pub ties: u8,
}

/// Counts wins and ties over the criteria whose priority is above 0.
pub fn tally(winners: &[OptionSet], priorities: &[u8]) -> Tally {
    let mut tally = Tally::default();
    for (winners, &priority) in winners.iter().zip(priorities) {
        if priority == 0 {
            continue;
        }
        match winners.only().and_then(|option| tally.wins.get_mut(option)) {
            Some(wins) => *wins += 1,
            None => tally.ties += 1,
        }
    }
    tally
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_sets_hold_members() {
        let mut set = OptionSet::single(2);
        assert_eq!(set.only(), Some(2));
        set.insert(5);
        assert_eq!(set.len(), 2);
        assert_eq!(set.only(), None);
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![2, 5]);
        assert!(!set.contains(9));
    }

    #[test]
    fn round_is_std_round() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            -1.5,
            2.5,
            0.49999999999999994,
            -0.49999999999999994,
            4503599627370495.5,
            4503599627370497.0,
            9007199254740993.0,
            1e300,
            -1e300,
            5e-324,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            2.175e9,
            217499999.99999997,
            8.005e9,
        ];
        let mut seed = 1u64;
        for _ in 0..200_000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            values.push(f64::from_bits(seed));
            values.push((seed >> 11) as f64 / (1u64 << 20) as f64 - 4e9);
            values.push(((seed >> 40) as f64 + 0.5) * if seed & 1 == 0 { 1.0 } else { -1.0 });
        }
        for value in values {
            let (ours, std) = (round(value), value.round());
            assert!(ours.to_bits() == std.to_bits() || (ours.is_nan() && std.is_nan()), "{value:e}: {ours} {std}");
        }
        assert!(round(f64::NAN).is_nan());
    }

    #[test]
    fn top_options_treat_values_equal_to_two_decimals_as_tied() {
        assert_eq!(top_options(&[7.0, 9.0, 9.0]).iter().collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(top_options(&[8.001, 8.004]).len(), 2);
        assert_eq!(top_options(&[8.00, 8.01]).only(), Some(1));
        // Equal in exact arithmetic, apart by one ulp in floating point.
        assert_eq!(top_options(&[2.175, 2.1750000000000003]).len(), 2);
    }
}
