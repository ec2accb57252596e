//! The card's sentences, from the labels (`labels.rs`), with numbers written by `number.rs`.

use super::contributions::{self, Pair};
use super::labels::{Key, Labels};
use super::number::{push_decimal, push_uint};
use super::scoring::{self, OptionSet, Standing, Tally};
use super::spec::Comparison;
use super::tipping::TippingPoint;

/// "1 win" / "3 wins", "1 tie" / "0 ties".
pub fn push_count(out: &mut String, count: u64, singular: &str, plural: &str) {
    push_uint(out, count);
    out.push(' ');
    out.push_str(if count == 1 { singular } else { plural });
}

/// Joins names as "A", "A and B", "A, B and C" (the "and" from the labels).
pub fn push_name_list<'a>(out: &mut String, labels: &Labels, names: impl ExactSizeIterator<Item = &'a str>) {
    let count = names.len();
    for (i, name) in names.enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == count { labels.get(Key::And) } else { ", " });
        }
        out.push_str(name);
    }
}

/// A number for people to read: `decimals` places, with the page language's decimal separator.
pub fn push_number(out: &mut String, labels: &Labels, value: f64, decimals: u32, trim: bool) {
    let decimal = labels.decimal();
    // The usual case, on every slider step: straight into `out`, no scratch string.
    if decimal == '.' {
        push_decimal(out, value, decimals, trim);
        return;
    }
    let mut plain = String::new();
    push_decimal(&mut plain, value, decimals, trim);
    out.extend(plain.chars().map(|c| if c == '.' { decimal } else { c }));
}

/// A contribution to the margin, signed: `+1.2`, `−1.0` (a real minus sign), `0.0` for none.
/// One decimal, or two when one would show a non-zero amount as 0.0.
pub fn push_points(out: &mut String, labels: &Labels, points: f64) {
    let tiny = points.abs() < 0.05;
    if points != 0.0 {
        out.push(if points > 0.0 { '+' } else { '\u{2212}' });
    }
    let decimals = if tiny && points != 0.0 { 2 } else { 1 };
    push_number(out, labels, points.abs(), decimals, false);
}

/// How many criteria the sentence names on each side.
const WHY_NAMED: usize = 2;

/// Why the leader leads, under the verdict: "Node.js leads mainly on Full-stack JavaScript (+1.2)
/// and Real-time features (+0.7); Python gains on AI / ML ecosystem (−1.0)." Nothing while no
/// option leads.
pub fn push_why(out: &mut String, comparison: &Comparison, contributions: Option<(Pair, &[f64])>) {
    let Some((pair, points)) = contributions else { return };
    let labels = &comparison.labels;
    let name = |index: usize| comparison.options.get(index).map_or("", |o| o.name.as_str());
    let (gains, losses) = contributions::strongest(points, WHY_NAMED);
    let list = |indexes: &[usize]| {
        let items: Vec<String> = indexes
            .iter()
            .map(|&i| {
                let criterion = comparison.criteria.get(i).map_or("", |c| c.name.as_str());
                // The first gain is named even when it is under half a hundredth (a lead spread
                // over many rows); its figure would read "+0.00", so it goes without one.
                if scoring::hundredths(points[i]) == 0 {
                    return criterion.to_string();
                }
                let mut figure = String::new();
                push_points(&mut figure, labels, points[i]);
                let mut item = String::new();
                labels.push(&mut item, Key::Contribution, &[("criterion", criterion), ("points", &figure)]);
                item
            })
            .collect();
        let mut joined = String::new();
        push_name_list(&mut joined, labels, items.iter().map(String::as_str));
        joined
    };
    let gained = list(&gains);
    if losses.is_empty() {
        labels.push(out, Key::WhyLeads, &[("leader", name(pair.leader)), ("gains", &gained)]);
    } else {
        let lost = list(&losses);
        let values =
            [("leader", name(pair.leader)), ("gains", &gained), ("runner_up", name(pair.runner_up)), ("losses", &lost)];
        labels.push(out, Key::WhyLeadsDespite, &values);
    }
}

/// A row's mark: "+1.2 to the lead"; nothing while no option leads, the row is ignored, or it
/// moves the lead by less than the one decimal shown ("0.0 to the lead" would only be noise on a
/// row where the two options score alike).
pub fn push_row_contribution(out: &mut String, labels: &Labels, points: Option<f64>, priority: u8) {
    if let Some(points) = points.filter(|points| priority > 0 && points.abs() >= 0.05) {
        let mut figure = String::new();
        push_points(&mut figure, labels, points);
        labels.push(out, Key::RowContribution, &[("points", &figure)]);
    }
}

/// One entry of the tally strip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TallyItem {
    /// The wins of the option at this index.
    Wins(usize),
    /// The ties.
    Ties,
}

/// The tally's reading order. With two options it follows the familiar layout
/// "wins for the first, ties, wins for the second"; with more, every option and then the ties.
pub fn tally_items(option_count: usize) -> Vec<TallyItem> {
    let mut items: Vec<TallyItem> = (0..option_count).map(TallyItem::Wins).collect();
    let tie_position = if option_count == 2 { 1 } else { option_count };
    items.insert(tie_position, TallyItem::Ties);
    items
}

/// The number a tally entry shows.
pub fn tally_count(tally: Tally, item: TallyItem) -> u8 {
    match item {
        TallyItem::Wins(option) => tally.wins.get(option).copied().unwrap_or(0),
        TallyItem::Ties => tally.ties,
    }
}

/// The words after the count: "wins for Node.js", "win for Python", "ties", "tie".
pub fn push_tally_label(out: &mut String, comparison: &Comparison, count: u8, item: TallyItem) {
    let labels = &comparison.labels;
    match item {
        TallyItem::Wins(option) => {
            let name = comparison.options.get(option).map_or("", |o| o.name.as_str());
            labels.push(out, if count == 1 { Key::WinFor } else { Key::WinsFor }, &[("option", name)]);
        }
        TallyItem::Ties => out.push_str(labels.get(if count == 1 { Key::Tie } else { Key::Ties })),
    }
}

/// "3 wins for Node.js, 1 tie, 2 wins for Python".
pub fn push_tally_sentence(out: &mut String, comparison: &Comparison, tally: Tally) {
    for (i, item) in tally_items(comparison.options.len()).into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let count = tally_count(tally, item);
        push_uint(out, u64::from(count));
        out.push(' ');
        push_tally_label(out, comparison, count, item);
    }
}

/// The verdict at the visitor's priorities, for the live region.
pub fn push_verdict(out: &mut String, comparison: &Comparison, standing: Standing) {
    let labels = &comparison.labels;
    let name = |index: usize| comparison.options.get(index).map_or("", |o| o.name.as_str());
    match standing {
        Standing::NoPriorities => out.push_str(labels.get(Key::NoPriorities)),
        Standing::Leader { option, margin } => {
            let mut figure = String::new();
            let key = if margin < 0.05 {
                push_number(&mut figure, labels, 0.1, 1, false);
                Key::LeadsNarrowly
            } else {
                push_number(&mut figure, labels, margin, 1, false);
                Key::Leads
            };
            labels.push(out, key, &[("leader", name(option)), ("margin", &figure)]);
        }
        Standing::Tie(options) => {
            let mut names = String::new();
            push_name_list(&mut names, labels, options.iter().map(name));
            let key = if options.len() == 2 { Key::TiedTwo } else { Key::TiedMany };
            labels.push(out, key, &[("options", &names)]);
        }
    }
}

/// The verdict marked as a close call: "Close call: Node.js leads by 0.2 points …".
pub fn push_close_call(out: &mut String, comparison: &Comparison, standing: Standing) {
    let mut verdict = String::new();
    push_verdict(&mut verdict, comparison, standing);
    comparison.labels.push(out, Key::CloseCall, &[("verdict", &verdict)]);
}

/// The nearest change of result, under the verdict: "Python takes the lead if AI / ML ecosystem
/// is raised to 5 (Critical).", or that no single slider changes it.
pub fn push_tipping(out: &mut String, comparison: &Comparison, point: Option<TippingPoint>, priorities: &[u8]) {
    let labels = &comparison.labels;
    let found = point.and_then(|p| Some((p, comparison.options.get(p.leader)?, comparison.criteria.get(p.criterion)?)));
    let Some((point, leader, criterion)) = found else {
        out.push_str(labels.get(Key::TippingNone));
        return;
    };
    let current = priorities.get(point.criterion).copied().unwrap_or(0);
    let key = if point.at > current { Key::TippingRaise } else { Key::TippingLower };
    let mut level = String::new();
    push_uint(&mut level, u64::from(point.at));
    let values = [
        ("leader", leader.name.as_str()),
        ("criterion", criterion.name.as_str()),
        ("level", level.as_str()),
        ("level_name", labels.level(point.at)),
    ];
    labels.push(out, key, &values);
}

/// The chart's text alternative: what it shows and who scores highest where.
pub fn push_chart_summary(out: &mut String, comparison: &Comparison, winners: &[OptionSet], radar: bool) {
    let labels = &comparison.labels;
    let mut count = String::new();
    push_uint(&mut count, comparison.criteria.len() as u64);
    labels.push(out, if radar { Key::ChartRadar } else { Key::ChartBars }, &[("count", &count)]);
    let criterion_names = |keep: &dyn Fn(OptionSet) -> bool| -> String {
        let names: Vec<&str> =
            comparison.criteria.iter().zip(winners).filter(|(_, w)| keep(**w)).map(|(c, _)| c.name.as_str()).collect();
        let mut list = String::new();
        push_name_list(&mut list, labels, names.into_iter());
        list
    };
    for (index, option) in comparison.options.iter().enumerate() {
        let names = criterion_names(&|w: OptionSet| w.only() == Some(index));
        if !names.is_empty() {
            out.push(' ');
            labels.push(out, Key::ChartHighest, &[("option", &option.name), ("criteria", &names)]);
        }
    }
    let tied = criterion_names(&|w: OptionSet| w.only().is_none());
    if !tied.is_empty() {
        out.push(' ');
        labels.push(out, Key::ChartTied, &[("criteria", &tied)]);
    }
}

/// The winner chip of a criterion row: "Node.js wins", "Tie", or "Tie: A and B" among three or more.
pub fn push_winner_label(out: &mut String, comparison: &Comparison, winners: OptionSet) {
    let labels = &comparison.labels;
    let name = |i: usize| comparison.options.get(i).map_or("", |o| o.name.as_str());
    match winners.only() {
        Some(option) => labels.push(out, Key::Wins, &[("option", name(option))]),
        None if winners.len() == comparison.options.len() => out.push_str(labels.get(Key::TieChip)),
        None => {
            let mut names = String::new();
            push_name_list(&mut names, labels, winners.iter().map(name));
            labels.push(out, Key::TieAmong, &[("options", &names)]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_lists_read_naturally() {
        let mut s = String::new();
        push_count(&mut s, 1, "tie", "ties");
        s.push_str(", ");
        push_count(&mut s, 3, "win", "wins");
        assert_eq!(s, "1 tie, 3 wins");
        let labels = Labels::default();
        let mut s = String::new();
        push_name_list(&mut s, &labels, ["A", "B", "C"].into_iter());
        assert_eq!(s, "A, B and C");
        let mut s = String::new();
        push_name_list(&mut s, &labels, ["A", "B"].into_iter());
        assert_eq!(s, "A and B");
        let mut comma = Labels::default();
        comma.decimal = Some(',');
        let mut s = String::new();
        push_number(&mut s, &comma, 8.25, 1, false);
        assert_eq!(s, "8,3");
    }
}
