//! The card's state: one message type, one `update`, and what changed so the view patches only that.

use crate::scoring::{self, OptionSet, Standing, Tally};
use crate::spec::{Comparison, MAX_PRIORITY};

/// Everything a visitor can do to a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A priority slider moved. Levels above the maximum are clamped.
    SetPriority { criterion: usize, level: u8 },
}

/// What an `update` changed, for the view and for the events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub priorities: bool,
    /// The leader, or the set of tied options, is different.
    pub result: bool,
}

pub struct CardState {
    comparison: Comparison,
    /// Criterion winners depend on the scores only, so they are worked out once.
    winners: Vec<OptionSet>,
    priorities: Vec<u8>,
    totals: Vec<f64>,
    has_totals: bool,
    standing: Standing,
    tally: Tally,
}

impl CardState {
    /// Starts at the author's priorities.
    pub fn new(comparison: Comparison) -> Self {
        let winners = comparison.criteria.iter().map(scoring::criterion_winners).collect();
        let priorities = comparison.criteria.iter().map(|c| c.priority).collect();
        let totals = vec![0.0; comparison.options.len()];
        let mut state = CardState {
            comparison,
            winners,
            priorities,
            totals,
            has_totals: false,
            standing: Standing::NoPriorities,
            tally: Tally::default(),
        };
        state.recompute();
        state
    }

    pub fn update(&mut self, msg: Msg) -> Changes {
        match msg {
            Msg::SetPriority { criterion, level } => {
                let level = level.min(MAX_PRIORITY);
                match self.priorities.get_mut(criterion) {
                    Some(current) if *current != level => *current = level,
                    _ => return Changes::default(),
                }
            }
        }
        let before = self.standing;
        self.recompute();
        Changes { priorities: true, result: !before.same_result(self.standing) }
    }

    fn recompute(&mut self) {
        self.has_totals = scoring::weighted_totals(&self.comparison.criteria, &self.priorities, &mut self.totals);
        self.standing = scoring::standing(&self.totals, self.has_totals);
        self.tally = scoring::tally(&self.winners, &self.priorities);
    }

    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }
    pub fn winners(&self) -> &[OptionSet] {
        &self.winners
    }
    pub fn priorities(&self) -> &[u8] {
        &self.priorities
    }
    /// Weighted totals per option; `None` while every priority is 0.
    pub fn totals(&self) -> Option<&[f64]> {
        self.has_totals.then_some(&self.totals[..])
    }
    pub fn standing(&self) -> Standing {
        self.standing
    }
    pub fn tally(&self) -> Tally {
        self.tally
    }
}
