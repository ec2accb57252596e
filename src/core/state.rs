//! The card's state: one message type, one `update`, and what changed so the view patches only that.

use super::contributions::{self, Pair};
use super::scoring::{self, OptionSet, Standing, Tally};
use super::spec::{Comparison, MAX_PRIORITY};
use super::tipping::{self, TippingPoint};

/// Everything a visitor can do to a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A priority slider moved. Levels above the maximum are clamped.
    SetPriority {
        /// The criterion, by index.
        criterion: usize,
        /// Its new level, 0–5.
        level: u8,
    },
    /// A preset button: its priorities, and it shows as chosen until a slider moves.
    ApplyPreset(usize),
    /// Back to the author's priorities.
    Reset,
}

/// What an `update` changed, for the view and for the events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// The priorities changed.
    pub priorities: bool,
    /// The leader, or the set of tied options, is different.
    pub result: bool,
    /// Another preset (or none) is marked as chosen.
    pub preset: bool,
}

/// A card's state: the spec, the visitor's priorities, and everything derived from them.
pub struct CardState {
    comparison: Comparison,
    /// Criterion winners depend on the scores only, so they are worked out once.
    winners: Vec<OptionSet>,
    priorities: Vec<u8>,
    /// The preset last chosen, until a slider moves or the card is reset.
    active_preset: Option<usize>,
    totals: Vec<f64>,
    has_totals: bool,
    standing: Standing,
    tally: Tally,
    /// Each criterion's nearest slider position that would change the leader.
    tipping: Vec<TippingPoint>,
    /// Each criterion's share of the leader's margin over the runner-up, while one option leads.
    contributions: Vec<f64>,
    contributing: Option<Pair>,
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
            active_preset: None,
            totals,
            has_totals: false,
            standing: Standing::NoPriorities,
            tally: Tally::default(),
            tipping: Vec::new(),
            contributions: Vec::new(),
            contributing: None,
        };
        state.recompute();
        state
    }

    /// Applies one message; says what changed.
    pub fn update(&mut self, msg: Msg) -> Changes {
        let before = (self.standing, self.active_preset);
        let moved = match msg {
            Msg::SetPriority { criterion, level } => {
                let level = level.min(MAX_PRIORITY);
                match self.priorities.get_mut(criterion) {
                    Some(current) if *current != level => {
                        *current = level;
                        self.active_preset = None;
                        true
                    }
                    _ => false,
                }
            }
            Msg::ApplyPreset(index) => match self.comparison.presets.get(index) {
                Some(preset) => {
                    self.active_preset = Some(index);
                    replace(&mut self.priorities, &preset.priorities)
                }
                None => false,
            },
            Msg::Reset => {
                self.active_preset = None;
                let mut changed = false;
                for (current, criterion) in self.priorities.iter_mut().zip(&self.comparison.criteria) {
                    changed |= *current != criterion.priority;
                    *current = criterion.priority;
                }
                changed
            }
        };
        let preset = before.1 != self.active_preset;
        if !moved {
            return Changes { preset, ..Changes::default() };
        }
        self.recompute();
        Changes { priorities: true, result: !before.0.same_result(self.standing), preset }
    }

    /// Puts back priorities saved earlier (a shared link, a stored visit). Returns `false`, and
    /// changes nothing, when they do not fit this spec.
    pub fn restore(&mut self, priorities: &[u8]) -> bool {
        let fits = priorities.len() == self.priorities.len() && priorities.iter().all(|&p| p <= MAX_PRIORITY);
        if fits && replace(&mut self.priorities, priorities) {
            self.active_preset = None;
            self.recompute();
        }
        fits
    }

    fn recompute(&mut self) {
        self.has_totals = scoring::weighted_totals(&self.comparison.criteria, &self.priorities, &mut self.totals);
        self.standing = scoring::standing(&self.totals, self.has_totals);
        self.tally = scoring::tally(&self.winners, &self.priorities);
        tipping::tipping_points(&self.comparison.criteria, &self.priorities, &mut self.tipping);
        self.contributing = contributions::contributions(
            &self.comparison.criteria,
            &self.priorities,
            &self.totals,
            self.standing,
            &mut self.contributions,
        );
    }

    /// The spec.
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }
    /// Each criterion's winners, in criterion order.
    pub fn winners(&self) -> &[OptionSet] {
        &self.winners
    }
    /// The priorities, in criterion order.
    pub fn priorities(&self) -> &[u8] {
        &self.priorities
    }
    /// The chosen preset, until a slider moves.
    pub fn active_preset(&self) -> Option<usize> {
        self.active_preset
    }
    /// Weighted totals per option; `None` while every priority is 0.
    pub fn totals(&self) -> Option<&[f64]> {
        self.has_totals.then_some(&self.totals[..])
    }
    /// Where the options stand.
    pub fn standing(&self) -> Standing {
        self.standing
    }
    /// The criteria won and tied, over the criteria that count.
    pub fn tally(&self) -> Tally {
        self.tally
    }
    /// Tipping points in criterion order, only for criteria that have one.
    pub fn tipping(&self) -> &[TippingPoint] {
        &self.tipping
    }
    /// The leader and runner-up, and each criterion's contribution to the margin between them
    /// (in criterion order); `None` while no option leads.
    pub fn contributions(&self) -> Option<(Pair, &[f64])> {
        self.contributing.map(|pair| (pair, &self.contributions[..]))
    }
    /// The tipping point needing the smallest slider move.
    pub fn closest_tipping(&self) -> Option<TippingPoint> {
        tipping::closest(&self.tipping, &self.priorities)
    }
    /// Whether a lead of `margin` points is a close call on this spec's scale.
    pub fn is_close_call(&self, margin: f64) -> bool {
        tipping::is_close_call(margin, self.comparison.scale)
    }
}

/// Copies `new` over `current` (same length); `true` when anything differed.
fn replace(current: &mut [u8], new: &[u8]) -> bool {
    let changed = current != new;
    current.copy_from_slice(new);
    changed
}
