//! The DOM edge: builds a card's shadow DOM once, keeps handles to what changes, and patches only
//! text and attributes that differ from what is shown. Author text only ever goes in as text.

use crate::core::chart;
use crate::core::labels::{Key, Labels};
use crate::core::number;
use crate::core::scoring::Standing;
use crate::core::share;
use crate::core::spec::{Comparison, Problem, MAX_PRIORITY};
use crate::core::state::CardState;
use crate::core::text::{self, TallyItem};
use crate::view::tree::{Factory, Node, TextNode};

/// The card's stylesheet, minified by build.rs: adopted by every shadow root in the browser, and
/// written into pre-rendered cards.
pub const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));

/// Attribute on each slider naming its criterion's index, read back by the input listener.
pub const INDEX_ATTRIBUTE: &str = "data-index";
/// Attribute on each preset button naming its index, read back by the click listener.
pub const PRESET_ATTRIBUTE: &str = "data-preset";
/// Attribute on the other buttons naming what they do.
pub const ACTION_ATTRIBUTE: &str = "data-action";
/// The Reset button's action.
pub const RESET_ACTION: &str = "reset";
/// The Copy link button's action.
pub const COPY_ACTION: &str = "copy";

/// What the element's attributes ask of the view.
#[derive(Clone, Copy, Default)]
pub struct Features {
    /// `chart="none"` turns the chart off.
    pub chart: bool,
    /// `share`: a "Copy link" button.
    pub share: bool,
}

/// A text node and the text it shows, so writing the same text again costs nothing.
struct TextSlot<N: Node> {
    node: N::Text,
    shown: String,
}

impl<N: Node> TextSlot<N> {
    fn set(&mut self, text: &str) {
        if self.shown != text {
            self.node.set_data(text);
            self.shown.clear();
            self.shown.push_str(text);
        }
    }
}

/// A boolean attribute and whether it is set, for the same reason.
struct Flag<N: Node> {
    element: N,
    name: &'static str,
    on: bool,
}

impl<N: Node> Flag<N> {
    fn new(element: &N, name: &'static str) -> Self {
        Flag { element: element.clone(), name, on: false }
    }
    fn set(&mut self, on: bool) {
        if self.on != on {
            self.element.toggle(self.name, on);
            self.on = on;
        }
    }
}

struct OptionHandles<N: Node> {
    score: TextSlot<N>,
    badge: TextSlot<N>,
    leader: Flag<N>,
}

/// The result strip: each option's total again, with the header's badge ("Leader", "Tied"), or
/// "Narrow lead" on a close call.
struct StripHandles<N: Node> {
    options: Vec<OptionHandles<N>>,
    close_call: Flag<N>,
}

struct RowHandles<N: Node> {
    slider: N,
    /// The position the slider shows: written by the card, or moved there by the visitor.
    slider_at: Option<u8>,
    level: TextSlot<N>,
    /// "+1.2 to the lead": the row's share of the leader's margin.
    contribution: TextSlot<N>,
    ignored: Flag<N>,
    shown_priority: Option<u8>,
    /// The small mark on the slider where the leader would change.
    tick: N,
    shown_tick: Option<u8>,
    /// The criterion's axis (or bar group) in the chart, whose weight follows the priority.
    axis: Option<N>,
}

struct PresetHandles<N: Node> {
    button: N,
    pressed: Option<bool>,
}

/// The call to action when it carries the visitor's choice: its link and the author's address.
struct CarryHandles<N: Node> {
    link: N,
    href: String,
}

struct TallyHandles<N: Node> {
    item: TallyItem,
    count: TextSlot<N>,
    label: TextSlot<N>,
}

/// Handles to everything in a mounted card that changes with the visitor's priorities.
pub struct CardView<N: Node> {
    options: Vec<OptionHandles<N>>,
    rows: Vec<RowHandles<N>>,
    tally: Vec<TallyHandles<N>>,
    verdict: TextSlot<N>,
    close_call: Flag<N>,
    why: TextSlot<N>,
    tipping: TextSlot<N>,
    strip: StripHandles<N>,
    presets: Vec<PresetHandles<N>>,
    carry: Option<CarryHandles<N>>,
    /// "Link copied", or why not; empty until the button is used.
    copy_status: Option<TextSlot<N>>,
    /// Reused for every number and sentence, so a patch does not allocate once warm.
    scratch: String,
}

/// Creates elements; every author string goes in as text (a text node, or `set_text`).
struct Builder<'a, F: Factory> {
    factory: &'a F,
}

impl<F: Factory> Builder<'_, F> {
    fn element(&self, tag: &str, class: &str) -> F::Node {
        let element = self.factory.element(tag);
        if !class.is_empty() {
            element.set("class", class);
        }
        element
    }

    fn child(&self, parent: &F::Node, tag: &str, class: &str) -> F::Node {
        let element = self.element(tag, class);
        parent.append(&element);
        element
    }

    fn text_child(&self, parent: &F::Node, tag: &str, class: &str, text: &str) -> F::Node {
        let element = self.child(parent, tag, class);
        element.set_text(text);
        element
    }

    fn svg(&self, parent: &F::Node, tag: &str, class: &str) -> F::Node {
        let element = self.factory.svg_element(tag);
        if !class.is_empty() {
            element.set("class", class);
        }
        parent.append(&element);
        element
    }

    fn button(&self, parent: &F::Node, class: &str, text: &str) -> F::Node {
        let button = self.text_child(parent, "button", class, text);
        button.set("type", "button");
        button
    }

    /// An empty text node in `parent`, for text that changes.
    fn slot(&self, parent: &F::Node) -> TextSlot<F::Node> {
        TextSlot { node: parent.append_text(""), shown: String::new() }
    }
}

/// The class giving an option its colour: `o1` … `o6`.
fn option_class(base: &str, index: usize) -> String {
    let mut class = String::from(base);
    class.push_str(" o");
    number::push_uint(&mut class, index as u64 + 1);
    class
}

/// Builds the card for `state`, detached; the caller inserts it once.
pub fn build<F: Factory>(factory: &F, state: &CardState, features: Features) -> (F::Node, CardView<F::Node>) {
    let b = Builder { factory };
    let comparison = state.comparison();
    let labels = &comparison.labels;
    let card = b.element("article", "card");
    card.set("part", "card");
    card.set("aria-labelledby", "title");

    let header = b.child(&card, "header", "head");
    header.set("part", "header");
    b.text_child(&header, "h2", "title", &comparison.title).set("id", "title");
    if let Some(summary) = &comparison.summary {
        b.text_child(&header, "p", "summary", summary);
    }

    let options = build_totals(&b, &card, comparison);

    let verdict_box = b.child(&card, "p", "verdict");
    verdict_box.set("role", "status");
    verdict_box.set("part", "verdict");
    let verdict = b.slot(&verdict_box);
    // Outside the live region, like the tipping sentence: each step announces one sentence.
    let why_box = b.child(&card, "p", "why");
    why_box.set("part", "why");
    let why = b.slot(&why_box);
    let tipping_box = b.child(&card, "p", "tipping");
    tipping_box.set("part", "tipping");
    let tipping = b.slot(&tipping_box);

    let tally = build_tally(&b, &card, comparison);
    let axes = if features.chart { build_chart(&b, &card, state) } else { Vec::new() };

    let section = b.child(&card, "section", "criteria");
    // Named by its heading and the card's title: two cards on a page need distinct landmarks.
    section.set("aria-labelledby", "criteria-title title");
    b.text_child(&section, "h3", "section-title", labels.get(Key::YourPriorities)).set("id", "criteria-title");
    b.text_child(&section, "p", "hint", labels.get(Key::Hint));
    let (presets, copy_status) = build_toolbar(&b, &section, comparison, features);
    let strip = build_strip(&b, &section, comparison);
    let rows = build_rows(&b, &section, state, axes);

    build_best_for(&b, &card, comparison);
    let mut carry = None;
    if let Some(cta) = &comparison.cta {
        let footer = b.child(&card, "footer", "foot");
        let link = b.text_child(&footer, "a", "cta", &cta.label);
        // The link was checked in validation (https, http or mailto only).
        link.set("href", &cta.href);
        link.set("part", "cta");
        if cta.carry && share::can_carry(&cta.href) {
            carry = Some(CarryHandles { link, href: cta.href.clone() });
        }
    }

    let mut view = CardView {
        options,
        rows,
        tally,
        verdict,
        close_call: Flag::new(&verdict_box, "data-close"),
        why,
        tipping,
        strip,
        presets,
        carry,
        copy_status,
        scratch: String::new(),
    };
    view.patch(state);
    (card, view)
}

/// Preset buttons, "Reset" and, when the card is shared, "Copy link" with its status line.
type Toolbar<N> = (Vec<PresetHandles<N>>, Option<TextSlot<N>>);

fn build_toolbar<F: Factory>(
    b: &Builder<F>,
    section: &F::Node,
    comparison: &Comparison,
    features: Features,
) -> Toolbar<F::Node> {
    let labels = &comparison.labels;
    let bar = b.child(section, "div", "toolbar");
    let mut presets = Vec::with_capacity(comparison.presets.len());
    if !comparison.presets.is_empty() {
        let group = b.child(&bar, "div", "presets");
        group.set("role", "group");
        group.set("aria-label", labels.get(Key::PresetsName));
        let mut index_text = String::new();
        for (index, preset) in comparison.presets.iter().enumerate() {
            let button = b.button(&group, "preset", &preset.name);
            button.set("part", "preset");
            index_text.clear();
            number::push_uint(&mut index_text, index as u64);
            button.set(PRESET_ATTRIBUTE, &index_text);
            presets.push(PresetHandles { button, pressed: None });
        }
    }
    let actions = b.child(&bar, "div", "actions");
    let reset = b.button(&actions, "action", labels.get(Key::Reset));
    reset.set(ACTION_ATTRIBUTE, RESET_ACTION);
    reset.set("aria-label", labels.get(Key::ResetName));
    let mut copy_status = None;
    if features.share {
        let copy = b.button(&actions, "action", labels.get(Key::CopyLink));
        copy.set(ACTION_ATTRIBUTE, COPY_ACTION);
        let status = b.child(&actions, "span", "copy-status");
        status.set("role", "status");
        copy_status = Some(b.slot(&status));
    }
    (presets, copy_status)
}

/// The chart under the tally: a radar for three criteria or more, grouped bars for fewer.
/// Returns one element per criterion (its axis or its group) for the priority emphasis.
fn build_chart<F: Factory>(b: &Builder<F>, card: &F::Node, state: &CardState) -> Vec<F::Node> {
    let comparison = state.comparison();
    let criteria = &comparison.criteria;
    let radar = chart::is_radar(criteria.len());
    let figure = b.child(card, "figure", "chart");
    figure.set("part", "chart");
    let svg = b.svg(&figure, "svg", if radar { "chart-svg radar" } else { "chart-svg" });
    svg.set("viewBox", if radar { chart::RADAR_VIEW_BOX } else { chart::BARS_VIEW_BOX });
    svg.set("role", "img");
    svg.set("focusable", "false");
    let mut scratch = String::new();
    text::push_chart_summary(&mut scratch, comparison, state.winners(), radar);
    svg.set("aria-label", &scratch);

    let mut axes = Vec::with_capacity(criteria.len());
    if radar {
        let directions = chart::axis_directions(criteria.len());
        // One group around the centre, which narrow cards draw larger (by CSS, see the stylesheet).
        let svg = b.svg(&svg, "g", "plot");
        for fraction in chart::RINGS {
            scratch.clear();
            chart::push_ring(&mut scratch, fraction, &directions);
            b.svg(&svg, "polygon", "ring").set("points", &scratch);
        }
        for (criterion, &direction) in criteria.iter().zip(&directions) {
            let axis = b.svg(&svg, "g", "axis");
            let line = b.svg(&axis, "line", "");
            scratch.clear();
            number::push_fixed(&mut scratch, direction.0 * chart::RADIUS, 1);
            line.set("x2", &scratch);
            scratch.clear();
            number::push_fixed(&mut scratch, direction.1 * chart::RADIUS, 1);
            line.set("y2", &scratch);
            let label = chart::axis_label(direction);
            svg_text(b, &axis, &mut scratch, &label, &criterion.name, axes.len());
            axes.push(axis);
        }
        for (index, _) in comparison.options.iter().enumerate() {
            scratch.clear();
            chart::push_polygon(&mut scratch, criteria.iter().map(|c| c.scores[index]), comparison.scale, &directions);
            b.svg(&svg, "polygon", &option_class("shape", index)).set("points", &scratch);
        }
    } else {
        let options = comparison.options.len();
        for (position, criterion) in criteria.iter().enumerate() {
            let group = b.svg(&svg, "g", "axis");
            for (index, &score) in criterion.scores.iter().enumerate() {
                let bar = chart::bar(position, criteria.len(), index, options, score, comparison.scale);
                let rect = b.svg(&group, "rect", &option_class("column", index));
                for (name, value) in [("x", bar.x), ("y", bar.y), ("width", bar.width), ("height", bar.height)] {
                    scratch.clear();
                    number::push_fixed(&mut scratch, value, 1);
                    rect.set(name, &scratch);
                }
            }
            svg_text(b, &group, &mut scratch, &chart::bar_label(position, criteria.len()), &criterion.name, position);
            axes.push(group);
        }
    }

    // The options' colours, named; the SVG's label already says the same to a screen reader.
    let legend = b.child(&figure, "ul", "legend");
    legend.set("aria-hidden", "true");
    for (index, option) in comparison.options.iter().enumerate() {
        b.text_child(&legend, "li", &option_class("legend-item", index), &option.name);
    }
    // Narrow cards number the axes and name them here in full (the stylesheet shows one or the
    // other): names at a legible size would not fit beside a phone-sized chart.
    let key = b.child(&figure, "ol", "axis-key");
    key.set("aria-hidden", "true");
    for criterion in criteria {
        b.text_child(&key, "li", "", &criterion.name);
    }
    axes
}

/// An axis's labels, placed by `label`: its name (on two lines when long), and its number for
/// narrow cards.
fn svg_text<F: Factory>(
    b: &Builder<F>,
    parent: &F::Node,
    scratch: &mut String,
    label: &chart::Label,
    name: &str,
    index: usize,
) {
    for class in ["axis-name", "axis-number"] {
        let element = b.svg(parent, "text", class);
        for (attribute, value) in [("x", label.x), ("y", label.y)] {
            scratch.clear();
            number::push_fixed(scratch, value, 1);
            element.set(attribute, scratch);
        }
        element.set("text-anchor", label.anchor);
        scratch.clear();
        if class == "axis-number" {
            number::push_uint(scratch, index as u64 + 1);
            element.set_text(scratch);
            continue;
        }
        match chart::label_lines(name) {
            (line, None) => element.set_text(&line),
            (first, Some(second)) => {
                // Two lines centred on the label's point, the second one line-height below.
                for (text, dy) in [(first, "-0.6em"), (second, "1.2em")] {
                    let line = b.svg(&element, "tspan", "");
                    scratch.clear();
                    number::push_fixed(scratch, label.x, 1);
                    line.set("x", scratch);
                    line.set("dy", dy);
                    line.set_text(&text);
                }
            }
        }
    }
}

fn build_totals<F: Factory>(b: &Builder<F>, card: &F::Node, comparison: &Comparison) -> Vec<OptionHandles<F::Node>> {
    let labels = &comparison.labels;
    let list = b.child(card, "ul", "totals");
    list.set("aria-label", labels.get(Key::TotalsName));
    list.set("part", "totals");
    let mut scale_max = String::new();
    text::push_number(&mut scale_max, labels, comparison.scale.max, 2, true);
    let shown_max = String::from("/") + &scale_max;
    let mut spoken_max = String::new();
    labels.push(&mut spoken_max, Key::OutOf, &[("max", &scale_max)]);
    let mut handles = Vec::with_capacity(comparison.options.len());
    for (index, option) in comparison.options.iter().enumerate() {
        let tile = b.child(&list, "li", &option_class("total", index));
        let top = b.child(&tile, "span", "total-top");
        b.text_child(&top, "span", "total-name", &option.name);
        let badge_box = b.child(&top, "span", "total-badge");
        let badge = b.slot(&badge_box);
        let figure = b.child(&tile, "span", "total-figure");
        let value = b.child(&figure, "span", "total-value");
        let score = b.slot(&value);
        // Read aloud as "8.5 out of 10", not "8.5 slash 10".
        b.text_child(&figure, "span", "total-max", &shown_max).set("aria-hidden", "true");
        b.text_child(&figure, "span", "visually-hidden", &spoken_max);
        handles.push(OptionHandles { score, badge, leader: Flag::new(&tile, "data-leader") });
    }
    handles
}

/// The result strip above the rows: sticks to the top of the viewport (inside the card, by CSS)
/// while the sliders are on screen, so the visitor sees the totals move as they drag. It repeats
/// what the header shows, for the eyes only: hidden from assistive technology, where the verdict's
/// status region is the one announcement, and nothing in it takes focus.
fn build_strip<F: Factory>(b: &Builder<F>, section: &F::Node, comparison: &Comparison) -> StripHandles<F::Node> {
    let strip = b.child(section, "div", "strip");
    strip.set("part", "strip");
    strip.set("aria-hidden", "true");
    let mut options = Vec::with_capacity(comparison.options.len());
    for (index, option) in comparison.options.iter().enumerate() {
        let item = b.child(&strip, "span", &option_class("strip-option", index));
        b.text_child(&item, "span", "strip-name", &option.name);
        let figure = b.child(&item, "span", "strip-figure");
        let value = b.child(&figure, "span", "strip-value");
        let score = b.slot(&value);
        let badge_box = b.child(&figure, "span", "strip-badge");
        let badge = b.slot(&badge_box);
        options.push(OptionHandles { score, badge, leader: Flag::new(&item, "data-leader") });
    }
    StripHandles { options, close_call: Flag::new(&strip, "data-close") }
}

fn build_tally<F: Factory>(b: &Builder<F>, card: &F::Node, comparison: &Comparison) -> Vec<TallyHandles<F::Node>> {
    let list = b.child(card, "ul", "tally");
    list.set("aria-label", comparison.labels.get(Key::TallyName));
    list.set("part", "tally");
    let mut handles = Vec::new();
    for item in text::tally_items(comparison.options.len()) {
        let class = match item {
            TallyItem::Wins(index) => option_class("tally-item", index),
            TallyItem::Ties => String::from("tally-item ties"),
        };
        let entry = b.child(&list, "li", &class);
        let count_box = b.child(&entry, "span", "tally-count");
        let count = b.slot(&count_box);
        entry.append_text(" ");
        let label_box = b.child(&entry, "span", "tally-label");
        let label = b.slot(&label_box);
        handles.push(TallyHandles { item, count, label });
    }
    handles
}

fn build_rows<F: Factory>(
    b: &Builder<F>,
    section: &F::Node,
    state: &CardState,
    axes: Vec<F::Node>,
) -> Vec<RowHandles<F::Node>> {
    let mut axes = axes.into_iter();
    let comparison = state.comparison();
    let scale = comparison.scale;
    let list = b.child(section, "ol", "rows");
    let mut handles = Vec::with_capacity(comparison.criteria.len());
    let mut scratch = String::new();
    for (index, criterion) in comparison.criteria.iter().enumerate() {
        let row = b.child(&list, "li", "row");
        row.set("part", "row");
        row.set("data-criterion", &criterion.id);

        let head = b.child(&row, "div", "row-head");
        b.text_child(&head, "h4", "row-name", &criterion.name);
        let winners = state.winners()[index];
        let chip_class = match winners.only() {
            Some(option) => option_class("row-winner", option),
            None => String::from("row-winner tie"),
        };
        scratch.clear();
        text::push_winner_label(&mut scratch, comparison, winners);
        b.text_child(&head, "span", &chip_class, &scratch);

        let bars = b.child(&row, "ul", "bars");
        for (option_index, option) in comparison.options.iter().enumerate() {
            let bar = b.child(&bars, "li", &option_class("bar", option_index));
            b.text_child(&bar, "span", "bar-name", &option.name);
            let track = b.child(&bar, "span", "bar-track");
            track.set("aria-hidden", "true");
            let fill = b.child(&track, "span", "bar-fill");
            let score = criterion.scores[option_index];
            scratch.clear();
            number::push_fixed(&mut scratch, (score - scale.min) / (scale.max - scale.min) * 100.0, 2);
            scratch.push('%');
            fill.set_style("width", &scratch);
            scratch.clear();
            text::push_number(&mut scratch, &comparison.labels, score, 2, true);
            b.text_child(&bar, "span", "bar-score", &scratch);
        }

        if let Some(note) = &criterion.note {
            b.text_child(&row, "p", "note", note);
        }

        let control = b.child(&row, "div", "priority");
        let slider = b.element("input", "slider");
        for (name, value) in [("type", "range"), ("min", "0"), ("max", "5"), ("step", "1")] {
            slider.set(name, value);
        }
        scratch.clear();
        number::push_uint(&mut scratch, index as u64);
        slider.set(INDEX_ATTRIBUTE, &scratch);
        scratch.clear();
        comparison.labels.push(&mut scratch, Key::PriorityFor, &[("criterion", &criterion.name)]);
        slider.set("aria-label", &scratch);
        slider.set("part", "slider");
        let caption = b.text_child(&control, "span", "priority-caption", comparison.labels.get(Key::Priority));
        caption.set("aria-hidden", "true");
        let track = b.child(&control, "span", "slider-box");
        track.append(&slider);
        let tick = b.child(&track, "span", "tick");
        tick.set("aria-hidden", "true");
        tick.toggle("hidden", true);
        let level_box = b.child(&control, "span", "priority-level");
        level_box.set("aria-hidden", "true");
        let level = b.slot(&level_box);
        // In the row's head, after the winner chip; read with the row, it is not live.
        let contribution_box = b.child(&head, "span", "row-lead");
        let contribution = b.slot(&contribution_box);
        handles.push(RowHandles {
            slider,
            slider_at: None,
            level,
            contribution,
            ignored: Flag::new(&row, "data-ignored"),
            shown_priority: None,
            tick,
            shown_tick: None,
            axis: axes.next(),
        });
    }
    handles
}

fn build_best_for<F: Factory>(b: &Builder<F>, card: &F::Node, comparison: &Comparison) {
    if comparison.options.iter().all(|o| o.best_for.is_empty()) {
        return;
    }
    let section = b.child(card, "section", "best");
    section.set("part", "best-for");
    let mut heading = String::new();
    for (index, option) in comparison.options.iter().enumerate() {
        if option.best_for.is_empty() {
            continue;
        }
        let column = b.child(&section, "div", &option_class("best-option", index));
        heading.clear();
        comparison.labels.push(&mut heading, Key::BestFor, &[("option", &option.name)]);
        b.text_child(&column, "h3", "best-title", &heading);
        let list = b.child(&column, "ul", "best-list");
        for line in &option.best_for {
            b.text_child(&list, "li", "", line);
        }
    }
}

impl<N: Node> CardView<N> {
    /// Brings the DOM in line with `state`, writing only what differs from what is shown.
    pub fn patch(&mut self, state: &CardState) {
        let comparison = state.comparison();
        let labels = &comparison.labels;
        let standing = state.standing();
        let totals = state.totals();
        let scratch = &mut self.scratch;

        for (index, handles) in self.options.iter_mut().enumerate() {
            scratch.clear();
            match totals {
                Some(totals) => text::push_number(scratch, labels, totals[index], 1, false),
                None => scratch.push('–'),
            }
            handles.score.set(scratch);
            let (badge, leads) = match standing {
                Standing::Leader { option, .. } if option == index => (labels.get(Key::LeaderBadge), true),
                Standing::Tie(tied) if tied.contains(index) => (labels.get(Key::TiedBadge), false),
                _ => ("", false),
            };
            handles.badge.set(badge);
            handles.leader.set(leads);
            if let Some(strip) = self.strip.options.get_mut(index) {
                strip.score.set(scratch);
                let close = leads && matches!(standing, Standing::Leader { margin, .. } if state.is_close_call(margin));
                strip.badge.set(if close { labels.get(Key::StripClose) } else { badge });
                strip.leader.set(leads);
            }
        }

        let close = matches!(standing, Standing::Leader { margin, .. } if state.is_close_call(margin));
        scratch.clear();
        if close {
            text::push_close_call(scratch, comparison, standing);
        } else {
            text::push_verdict(scratch, comparison, standing);
        }
        self.verdict.set(scratch);
        self.close_call.set(close);
        scratch.clear();
        let contributions = state.contributions();
        text::push_why(scratch, comparison, contributions);
        self.why.set(scratch);
        self.strip.close_call.set(close);
        scratch.clear();
        text::push_tipping(scratch, comparison, state.closest_tipping(), state.priorities());
        self.tipping.set(scratch);

        let active = state.active_preset();
        for (index, preset) in self.presets.iter_mut().enumerate() {
            let pressed = active == Some(index);
            if preset.pressed != Some(pressed) {
                preset.button.set("aria-pressed", if pressed { "true" } else { "false" });
                preset.pressed = Some(pressed);
            }
        }

        let tally = state.tally();
        for handles in &mut self.tally {
            let count = text::tally_count(tally, handles.item);
            scratch.clear();
            number::push_uint(scratch, u64::from(count));
            handles.count.set(scratch);
            scratch.clear();
            text::push_tally_label(scratch, comparison, count, handles.item);
            handles.label.set(scratch);
        }

        let mut tipping = state.tipping().iter().peekable();
        for (index, (row, &priority)) in self.rows.iter_mut().zip(state.priorities()).enumerate() {
            let tick = tipping.next_if(|point| point.criterion == index).map(|point| point.at);
            scratch.clear();
            let points = contributions.and_then(|(_, points)| points.get(index).copied());
            text::push_row_contribution(scratch, labels, points, priority);
            row.contribution.set(scratch);
            if row.shown_tick != tick {
                if let Some(at) = tick {
                    scratch.clear();
                    number::push_uint(scratch, u64::from(at));
                    // Placed by the stylesheet from this one number, through the CSSOM.
                    row.tick.set_style("--at", scratch);
                } else {
                    // A hidden tick keeps no position: nothing stale for a stylesheet to read.
                    row.tick.set_style("--at", "");
                }
                row.tick.toggle("hidden", tick.is_none());
                row.shown_tick = tick;
            }
            if row.shown_priority == Some(priority) {
                continue;
            }
            let name = labels.level(priority.min(MAX_PRIORITY));
            if row.slider_at != Some(priority) {
                row.slider.set_number(priority);
                row.slider_at = Some(priority);
            }
            row.slider.set("aria-valuetext", name);
            row.level.set(name);
            row.ignored.set(priority == 0);
            if let Some(axis) = &row.axis {
                scratch.clear();
                number::push_uint(scratch, u64::from(priority));
                axis.set("data-level", scratch);
            }
            row.shown_priority = Some(priority);
        }

        // After a change, "Link copied" would speak of an address that no longer matches.
        if let Some(status) = &mut self.copy_status {
            status.set("");
        }

        if let Some(carry) = &self.carry {
            scratch.clear();
            share::push_keyed(scratch, comparison, state.priorities());
            let leader = standing.leader().and_then(|i| comparison.options.get(i)).map(|o| o.id.as_str());
            let href = share::carried_href(&carry.href, leader, scratch);
            carry.link.set("href", &href);
        }
    }

    /// The visitor moved slider `criterion` to `level`: it shows that already, so the next patch
    /// need not write it back (a write the browser would sanitise and restyle for nothing).
    pub fn slider_moved(&mut self, criterion: usize, level: u8) {
        if let Some(row) = self.rows.get_mut(criterion) {
            row.slider_at = Some(level);
        }
    }

    /// Says whether "Copy link" worked. Emptied first, so a second copy is announced again.
    pub fn show_copy_status(&mut self, message: &str) {
        if let Some(status) = &mut self.copy_status {
            status.set("");
            status.set(message);
        }
    }
}

/// The box shown while a `src` spec loads. Its height is the page's to set
/// (`--cc-loading-height`), so the card's place is held and the page does not jump when it comes.
/// The spec, and with it any labels, is not there yet: this one text is always English.
pub fn build_loading<F: Factory>(factory: &F, source: &str) -> F::Node {
    let b = Builder { factory };
    let panel = b.element("div", "loading");
    panel.set("role", "status");
    panel.set("aria-busy", "true");
    panel.set("part", "loading");
    panel.set("data-src", source);
    b.text_child(&panel, "p", "loading-text", "Loading the comparison…");
    panel
}

/// The error box shown instead of a card: a heading and one line per problem, all as text.
pub fn build_error<F: Factory>(factory: &F, labels: &Labels, problems: &[Problem]) -> F::Node {
    let b = Builder { factory };
    let panel = b.element("div", "error");
    panel.set("role", "alert");
    panel.set("part", "error");
    b.text_child(&panel, "p", "error-title", labels.get(Key::ErrorTitle));
    let mut intro = String::new();
    if problems.len() == 1 {
        intro.push_str(labels.get(Key::ErrorIntroOne));
    } else {
        let mut count = String::new();
        number::push_uint(&mut count, problems.len() as u64);
        labels.push(&mut intro, Key::ErrorIntro, &[("count", &count)]);
    }
    b.text_child(&panel, "p", "error-intro", &intro);
    let list = b.child(&panel, "ul", "error-list");
    let mut places_only = false;
    for problem in problems {
        let item = b.child(&list, "li", "");
        b.text_child(&item, "code", "error-path", &problem.path);
        if problem.message.is_empty() {
            places_only = true;
        } else {
            item.append_text(": ");
            item.append_text(&problem.message);
        }
    }
    // The shipped card validates without its messages (see `core::problems`): say where they are.
    if places_only {
        b.text_child(&panel, "p", "error-details", labels.get(Key::ErrorDetails));
    }
    panel
}
