//! The element's public contract, written down once: its tag, attributes, properties, events,
//! CSS custom properties and parts, each with the sentence that documents it.
//!
//! The card reads the names from here (the events it sends, the parts it draws), and every
//! document that repeats the contract is checked against, or generated from, these tables: the
//! README's tables (`tests/contract.rs`), the custom-elements manifest and the TypeScript
//! declarations of the npm package. Adding a public name means adding it here first. The
//! sentences are only read by native tools, so they never reach the shipped wasm.

/// The custom element's tag.
pub const TAG_NAME: &str = "comparison-card";

/// One public name and what it does, as the README says it.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The name, exactly as a page writes it.
    pub name: &'static str,
    /// One sentence (or a few) for the documentation.
    pub description: &'static str,
}

const fn entry(name: &'static str, description: &'static str) -> Entry {
    Entry { name, description }
}

/// The attributes the element reads.
pub const ATTRIBUTES: &[Entry] = &[
    entry("share", "keep the priorities in the page address's fragment, restore them on load, show **Copy link**"),
    entry("persist", "keep the priorities in `localStorage` and restore them on the next visit"),
    entry("chart", "`none` leaves the chart out"),
    entry(
        "src",
        "fetch the spec from this address (relative to the page) instead of the JSON script child; a `spec` property still wins. Changing it draws the new spec",
    ),
    entry("theme", "`light`, `dark`, or `auto` (the default: follows `prefers-color-scheme`)"),
    entry("id", "names the card in the fragment and in storage"),
    entry(
        "loading",
        "`lazy` (the default): the card's wasm is fetched when a card comes within about a viewport of the visible area; `eager`: at once",
    ),
    entry(
        "analytics",
        "`datalayer` pushes `{ event: 'comparison_card_<event name>', card, leader, preset, priorities }` to `window.dataLayer` (made if absent) for verdict changes, committed priority changes and call-to-action clicks",
    ),
    entry("lang", "the language of the card's numbers (its own, an ancestor's, or the page's): `de` writes `8,5`"),
    entry("dir", "`rtl` (on the element or an ancestor) mirrors the layout"),
    entry("sticky", "`off` leaves out the result strip that otherwise stays at the top of the viewport while the sliders are on screen"),
];

/// The element's properties.
pub const PROPERTIES: &[Entry] = &[entry(
    "spec",
    "the spec as an object (or JSON text); setting it draws the new spec in place. Reading it returns what was last set, or the object parsed from the JSON script; `null` before the first render",
)];

/// The events' names alone, in the order of [`EVENTS`]: what the card itself needs, so that
/// the descriptions stay out of its wasm (the element reads the names from here).
pub const EVENT_NAMES: [&str; 3] = [EVENTS[0].name, EVENTS[1].name, EVENTS[2].name];
// A fourth event must be named above too: this stops the build until it is.
const _: () = assert!(EVENTS.len() == EVENT_NAMES.len());

/// The events the element sends. Their order is the order of `CardEvent` in the web layer.
pub const EVENTS: &[Entry] = &[
    entry(
        "prioritychange",
        "once per committed priority change: a slider let go (`change`), each keyboard step, a preset, Reset; not during a drag",
    ),
    entry(
        "verdictchange",
        "after a change that gives a different leader, or a different set of tied options, during a drag too",
    ),
    entry("ctaclick", "when the visitor follows the call to action, before the browser navigates"),
];

/// The CSS custom properties a page may set on the element.
pub const CSS_PROPERTIES: &[Entry] = &[
    entry("--cc-accent", "sliders, verdict rule, call-to-action button"),
    entry("--cc-option-1", "the first option's tile, bars, chips and tally figure"),
    entry("--cc-option-2", "the second option's colour"),
    entry("--cc-option-3", "the third option's colour"),
    entry("--cc-option-4", "the fourth option's colour"),
    entry("--cc-option-5", "the fifth option's colour"),
    entry("--cc-option-6", "the sixth option's colour"),
    entry("--cc-text", "main text"),
    entry("--cc-muted", "secondary text"),
    entry("--cc-background", "card background"),
    entry("--cc-surface", "tiles and panels on the card"),
    entry("--cc-border", "rules and borders"),
    entry("--cc-track", "the empty part of the score bars"),
    entry("--cc-radius", "corner radius of the card"),
    entry("--cc-space", "the card's base spacing"),
    entry("--cc-font-family", "the card's font (default: the system UI font)"),
    entry("--cc-close-call", "close-call verdict rule and tipping ticks"),
    entry("--cc-loading-height", "height of the loading box while a `src` spec loads"),
    entry(
        "--cc-sticky-top",
        "how far below the top of the viewport the result strip sticks, for a page with a fixed header (default 0px)",
    ),
];

/// The shadow parts, for `comparison-card::part(name)`.
pub const PARTS: &[Entry] = &[
    entry("card", "the whole card"),
    entry("header", "title, summary, totals and verdict"),
    entry("totals", "the weighted score tiles"),
    entry("verdict", "the verdict sentence"),
    entry("why", "the sentence saying on which criteria the leader gains and loses its margin"),
    entry("tipping", "the sentence naming what would change the answer"),
    entry("tally", "the criteria-won strip"),
    entry("strip", "the result strip above the sliders, which sticks to the top of the viewport while they scroll"),
    entry("chart", "the radar or bar chart"),
    entry("preset", "each preset button"),
    entry("row", "each criterion's row"),
    entry("slider", "each priority slider"),
    entry("best-for", "each option's best-for list"),
    entry("cta", "the call to action"),
    entry("loading", "the box shown while a `src` spec loads"),
    entry("error", "the box listing a refused spec's problems"),
];

/// The names of a table, in order.
pub fn names(entries: &[Entry]) -> impl Iterator<Item = &'static str> + '_ {
    entries.iter().map(|entry| entry.name)
}
