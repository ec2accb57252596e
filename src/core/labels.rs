//! Every fixed string the card shows, replaceable through the spec's optional `labels` field,
//! and the placeholders each one may use. English is the default.
//!
//! A label is a template: `{leader} leads by {margin} points at your priorities.` The card fills
//! the placeholders; validation refuses a placeholder a label does not offer, so a typo shows as
//! an error and never as `{leadr}` on a page.

/// One replaceable string: its key in `labels`, its English text and its placeholders.
pub struct Label {
    /// The label's key in the spec's `labels` object.
    pub key: &'static str,
    /// The English text, used when the spec gives none.
    pub english: &'static str,
    /// The placeholders the template may use, without braces.
    pub placeholders: &'static [&'static str],
}

macro_rules! labels {
    ($($name:ident = $key:literal, $english:literal, [$($placeholder:literal),*];)*) => {
        /// Which label; the index into [`LABELS`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(usize)]
        pub enum Key { $(#[doc = $english] $name),* }
        /// Every label, in [`Key`] order.
        pub const LABELS: &[Label] = &[$(Label { key: $key, english: $english, placeholders: &[$($placeholder),*] }),*];
    };
}

labels! {
    Leads = "leads", "{leader} leads by {margin} points at your priorities.", ["leader", "margin"];
    LeadsNarrowly = "leads_narrowly", "{leader} leads by less than {margin} points at your priorities.", ["leader", "margin"];
    TiedTwo = "tied", "{options} are tied at your priorities.", ["options"];
    TiedMany = "all_tied", "{options} are all tied at your priorities.", ["options"];
    NoPriorities = "no_priorities", "Every criterion is set to Ignore. Raise at least one priority to get a verdict.", [];
    CloseCall = "close_call", "Close call: {verdict}", ["verdict"];
    TippingRaise = "tipping_raise", "{leader} takes the lead if {criterion} is raised to {level} ({level_name}).", ["leader", "criterion", "level", "level_name"];
    TippingLower = "tipping_lower", "{leader} takes the lead if {criterion} is lowered to {level} ({level_name}).", ["leader", "criterion", "level", "level_name"];
    TippingNone = "tipping_none", "No single priority change alters the result.", [];
    And = "and", " and ", [];
    WinFor = "win_for", "win for {option}", ["option"];
    WinsFor = "wins_for", "wins for {option}", ["option"];
    Tie = "tie", "tie", [];
    Ties = "ties", "ties", [];
    Wins = "wins", "{option} wins", ["option"];
    TieChip = "tie_chip", "Tie", [];
    TieAmong = "tie_among", "Tie: {options}", ["options"];
    LeaderBadge = "leader_badge", "Leader", [];
    TiedBadge = "tied_badge", "Tied", [];
    TotalsName = "totals_name", "Weighted scores at your priorities", [];
    OutOf = "out_of", " out of {max}", ["max"];
    TallyName = "tally_name", "Criteria won at your priorities", [];
    ChartRadar = "chart_radar", "Radar chart of the scores on {count} criteria; the more a criterion matters to you, the bolder it is drawn.", ["count"];
    ChartBars = "chart_bars", "Bar chart of the scores on {count} criteria; the more a criterion matters to you, the bolder it is drawn.", ["count"];
    ChartHighest = "chart_highest", "{option} scores highest on {criteria}.", ["option", "criteria"];
    ChartTied = "chart_tied", "Tied: {criteria}.", ["criteria"];
    YourPriorities = "your_priorities", "Your priorities", [];
    Hint = "hint", "Move a slider to say how much each criterion matters to you.", [];
    PresetsName = "presets_name", "Preset priorities", [];
    Reset = "reset", "Reset", [];
    ResetName = "reset_name", "Reset to the author's priorities", [];
    CopyLink = "copy_link", "Copy link", [];
    LinkCopied = "link_copied", "Link copied to the clipboard.", [];
    CopyFailed = "copy_failed", "Could not copy: copy the page address instead.", [];
    Priority = "priority", "Priority", [];
    PriorityFor = "priority_for", "Priority for {criterion}", ["criterion"];
    BestFor = "best_for", "Best for {option}", ["option"];
    ErrorTitle = "error_title", "This comparison can't be shown", [];
    ErrorIntro = "error_intro", "The card's spec has {count} problems:", ["count"];
    ErrorIntroOne = "error_intro_one", "The card's spec has 1 problem:", [];
    ErrorDetails = "error_details", "Only the places are shown here. For what is wrong, use comparison-card.dev.js (comparison-card/dev on npm), the studio or comparison-card validate.", [];
    TableCriterion = "table_criterion", "Criterion", [];
    TableNote = "table_note", "Note", [];
    TableBest = "table_best", "(best)", [];
    TableTied = "table_tied", "(tied)", [];
    TableLeader = "table_leader", "(leader)", [];
    TableWeighted = "table_weighted", "Weighted score out of {max}", ["max"];
    WhyLeads = "why_leads", "{leader} leads mainly on {gains}.", ["leader", "gains"];
    WhyLeadsDespite = "why_leads_despite", "{leader} leads mainly on {gains}; {runner_up} gains on {losses}.", ["leader", "gains", "runner_up", "losses"];
    Contribution = "contribution", "{criterion} ({points})", ["criterion", "points"];
    RowContribution = "row_contribution", "{points} to the lead", ["points"];
    StripClose = "strip_close", "Narrow lead", [];
}

/// The names of the priority levels, 0 to 5, given as `labels.levels`.
pub const LEVELS_KEY: &str = "levels";
/// The six priority levels' names, 0 to 5, in English.
pub const ENGLISH_LEVELS: [&str; 6] = ["Ignore", "Minor", "Moderate", "Important", "High", "Critical"];

/// The labels a card uses: the author's where given, English elsewhere.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Labels {
    /// The author's texts by [`Key`]; `None` for the English default.
    given: Vec<Option<String>>,
    levels: Option<Vec<String>>,
    /// The decimal separator of the page's language: `.` unless the element's `lang` says
    /// otherwise (set by the element and by pre-rendering, from [`super::locale`]).
    pub decimal: Option<char>,
}

impl Labels {
    /// Labels from the spec's replacements (one per [`LABELS`] entry, `None` for English) and level names.
    pub fn new(given: Vec<Option<String>>, levels: Option<Vec<String>>) -> Self {
        Labels { given, levels, decimal: None }
    }

    /// The text of a label: the spec's, or English.
    pub fn get(&self, key: Key) -> &str {
        let index = key as usize;
        match self.given.get(index) {
            Some(Some(text)) => text,
            _ => LABELS[index].english,
        }
    }

    /// The name of priority level `level` (0 to 5).
    pub fn level(&self, level: u8) -> &str {
        let index = usize::from(level.min(5));
        match &self.levels {
            Some(levels) => levels.get(index).map_or(ENGLISH_LEVELS[index], String::as_str),
            None => ENGLISH_LEVELS[index],
        }
    }

    /// The decimal separator numbers are written with.
    pub fn decimal(&self) -> char {
        self.decimal.unwrap_or('.')
    }

    /// Appends label `key` with its placeholders filled from `values` (name, text) pairs.
    pub fn push(&self, out: &mut String, key: Key, values: &[(&str, &str)]) {
        fill(out, self.get(key), values);
    }
}

/// Appends `template` with each `{name}` replaced by its value; anything else is copied as is.
pub fn fill(out: &mut String, template: &str, values: &[(&str, &str)]) {
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let known = after
            .split_once('}')
            .and_then(|(name, tail)| values.iter().find(|(n, _)| *n == name).map(|(_, value)| (*value, tail)));
        match known {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// The placeholders used in `template` that `label` does not offer.
pub fn unknown_placeholders<'t>(label: &Label, template: &'t str) -> Vec<&'t str> {
    let mut unknown = Vec::new();
    let mut rest = template;
    while let Some((_, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else { break };
        if !label.placeholders.contains(&name) {
            unknown.push(name);
        }
        rest = tail;
    }
    unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_their_placeholders_and_keep_other_braces() {
        let mut out = String::new();
        fill(&mut out, "{leader} leads by {margin} {points}", &[("leader", "Node.js"), ("margin", "1,2")]);
        assert_eq!(out, "Node.js leads by 1,2 {points}");
        let mut out = String::new();
        fill(&mut out, "a { b } {", &[]);
        assert_eq!(out, "a { b } {");
    }

    #[test]
    fn every_key_is_unique_and_its_english_uses_only_its_placeholders() {
        for (index, label) in LABELS.iter().enumerate() {
            assert!(LABELS[..index].iter().all(|other| other.key != label.key), "{} twice", label.key);
            assert!(unknown_placeholders(label, label.english).is_empty(), "{}", label.key);
        }
        assert_eq!(LABELS[Key::TableWeighted as usize].key, "table_weighted");
    }

    #[test]
    fn given_labels_replace_the_english_ones() {
        let mut given = vec![None; LABELS.len()];
        given[Key::Reset as usize] = Some(String::from("Zurücksetzen"));
        let levels = ["Egal", "Wenig", "Mittel", "Wichtig", "Hoch", "Kritisch"].map(String::from).to_vec();
        let labels = Labels::new(given, Some(levels));
        assert_eq!(labels.get(Key::Reset), "Zurücksetzen");
        assert_eq!(labels.get(Key::CopyLink), "Copy link");
        assert_eq!(labels.level(5), "Kritisch");
        assert_eq!(Labels::default().level(3), "Important");
    }
}
