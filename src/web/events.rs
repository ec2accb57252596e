//! The card's events: their names, their `detail`, and how they are dispatched.
//!
//! `detail` is `{ priorities: {criterionId: n}, totals: {optionId: x | null}, leader: id | null,
//! preset: id | null, tipping: [{criterion, at, leader}], contributions: {criterionId: x} | null }`,
//! written by serde-wasm-bindgen's serializer as plain objects.

use std::rc::Rc;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

use super::bindings;
use crate::core::contract;
use crate::core::spec::Comparison;
use crate::core::state::CardState;

/// The card's events.
#[derive(Clone, Copy)]
pub enum CardEvent {
    /// `prioritychange`: once per committed change (slider let go, key, preset, Reset), not per drag step.
    PriorityChange,
    /// `verdictchange`: the leader, or the set of tied options, changed.
    VerdictChange,
    /// `ctaclick`: the visitor follows the call to action, before the browser navigates.
    CtaClick,
}

/// The event names of [`contract::EVENT_NAMES`] as one JavaScript array, shared with what a step dispatches after the card is
/// no longer borrowed.
#[derive(Clone)]
pub struct EventNames(Rc<JsValue>);

/// The ids as JavaScript strings, made once when a card goes live: every event's detail then
/// reuses them instead of converting 30-odd strings on each slider step.
pub struct EventKeys {
    criteria: Vec<JsValue>,
    options: Vec<JsValue>,
    presets: Vec<JsValue>,
    /// The detail's own field names, in [`FIELDS`] order: a `&str` key would be decoded into a
    /// new JavaScript string for every entry of every detail (three per tipping point).
    fields: Vec<JsValue>,
    /// The event names, for [`dispatch`].
    names: EventNames,
}

const FIELDS: [&str; 8] = ["priorities", "totals", "leader", "preset", "tipping", "criterion", "at", "contributions"];
const PRIORITIES: usize = 0;
const TOTALS: usize = 1;
const LEADER: usize = 2;
const PRESET: usize = 3;
const TIPPING: usize = 4;
const CRITERION: usize = 5;
const AT: usize = 6;
const CONTRIBUTIONS: usize = 7;

impl EventKeys {
    pub fn new(comparison: &Comparison) -> Self {
        EventKeys {
            criteria: comparison.criteria.iter().map(|c| JsValue::from_str(&c.id)).collect(),
            options: comparison.options.iter().map(|o| JsValue::from_str(&o.id)).collect(),
            presets: comparison.presets.iter().map(|p| JsValue::from_str(&p.id)).collect(),
            fields: FIELDS.iter().map(|&f| JsValue::from_str(f)).collect(),
            names: EventNames(Rc::new(
                contract::EVENT_NAMES.iter().map(|&name| JsValue::from_str(name)).collect::<js_sys::Array>().into(),
            )),
        }
    }

    pub fn names(&self) -> EventNames {
        self.names.clone()
    }

    fn field(&self, index: usize) -> Key<'_> {
        Key(&self.fields[index])
    }
}

pub fn detail(state: &CardState, keys: &EventKeys) -> JsValue {
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true).serialize_missing_as_null(true);
    Detail(state, keys).serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// A bubbling, composed `CustomEvent` on the element. A page listener that throws is reported
/// by the browser; it does not reach the card.
pub fn dispatch(host: &HtmlElement, names: &EventNames, event: CardEvent, detail: &JsValue) {
    bindings::dispatch_card_event(host, &names.0, event as u32, detail);
}

/// A JavaScript string passed through serde-wasm-bindgen as it is.
struct Key<'a>(&'a JsValue);

impl Serialize for Key<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde_wasm_bindgen::preserve::serialize(self.0, serializer)
    }
}

/// Every value the detail holds, as one type: serde-wasm-bindgen's map writer is instantiated
/// once per value type, about 250 bytes of wasm each, so the nine kinds go through this one.
enum Field<'a> {
    /// A JavaScript string as it is, or `null`.
    Key(Option<&'a JsValue>),
    /// A number, or `null`.
    Number(Option<f64>),
    Priorities(Priorities<'a>),
    Totals(Totals<'a>),
    Tipping(Tipping<'a>),
    Contributions(Contributions<'a>),
}

impl Serialize for Field<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Key(Some(key)) => Key(key).serialize(serializer),
            Field::Number(Some(number)) => serializer.serialize_f64(*number),
            Field::Key(None) | Field::Number(None) => serializer.serialize_none(),
            Field::Priorities(value) => value.serialize(serializer),
            Field::Totals(value) => value.serialize(serializer),
            Field::Tipping(value) => value.serialize(serializer),
            Field::Contributions(value) => value.serialize(serializer),
        }
    }
}

struct Detail<'a>(&'a CardState, &'a EventKeys);
struct Priorities<'a>(&'a CardState, &'a EventKeys);
struct Totals<'a>(&'a CardState, &'a EventKeys);
struct Tipping<'a>(&'a CardState, &'a EventKeys);
struct Contributions<'a>(&'a CardState, &'a EventKeys);
struct Point<'a>(&'a JsValue, u8, &'a JsValue, &'a EventKeys);

impl Serialize for Detail<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let leader = self.0.standing().leader().and_then(|i| self.1.options.get(i));
        // A map rather than a struct: serde-wasm-bindgen caches struct field names in a
        // HashMap, which would bring hashbrown into the wasm for three keys.
        let preset = self.0.active_preset().and_then(|i| self.1.presets.get(i));
        let keys = self.1;
        let mut detail = serializer.serialize_map(Some(6))?;
        detail.serialize_entry(&keys.field(PRIORITIES), &Field::Priorities(Priorities(self.0, keys)))?;
        detail.serialize_entry(&keys.field(TOTALS), &Field::Totals(Totals(self.0, keys)))?;
        detail.serialize_entry(&keys.field(LEADER), &Field::Key(leader))?;
        detail.serialize_entry(&keys.field(PRESET), &Field::Key(preset))?;
        detail.serialize_entry(&keys.field(TIPPING), &Field::Tipping(Tipping(self.0, keys)))?;
        detail.serialize_entry(&keys.field(CONTRIBUTIONS), &Field::Contributions(Contributions(self.0, keys)))?;
        detail.end()
    }
}

impl Serialize for Priorities<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.1.criteria.len()))?;
        for (key, priority) in self.1.criteria.iter().zip(self.0.priorities()) {
            map.serialize_entry(&Key(key), &Field::Number(Some(f64::from(*priority))))?;
        }
        map.end()
    }
}

/// Totals rounded to two decimals exactly as ties are decided, so the figures agree with `leader`.
impl Serialize for Totals<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let totals = self.0.totals();
        let mut map = serializer.serialize_map(Some(self.1.options.len()))?;
        for (index, key) in self.1.options.iter().enumerate() {
            let total = totals.and_then(|t| t.get(index)).map(|&t| crate::core::scoring::to_hundredths(t));
            map.serialize_entry(&Key(key), &Field::Number(total))?;
        }
        map.end()
    }
}

/// `[{ criterion, at, leader }]`, one per criterion with a tipping point, in criterion order.
impl Serialize for Tipping<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let keys = self.1;
        serializer.collect_seq(self.0.tipping().iter().filter_map(|point| {
            Some(Point(keys.criteria.get(point.criterion)?, point.at, keys.options.get(point.leader)?, keys))
        }))
    }
}

impl Serialize for Point<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut point = serializer.serialize_map(Some(3))?;
        let keys = self.3;
        point.serialize_entry(&keys.field(CRITERION), &Field::Key(Some(self.0)))?;
        point.serialize_entry(&keys.field(AT), &Field::Number(Some(f64::from(self.1))))?;
        point.serialize_entry(&keys.field(LEADER), &Field::Key(Some(self.2)))?;
        point.end()
    }
}

/// Each criterion's share of the leader's margin over the runner-up, rounded as the totals are,
/// so they add up to the margin within that rounding; `null` while no option leads.
impl Serialize for Contributions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some((_, points)) = self.0.contributions() else { return serializer.serialize_none() };
        let mut map = serializer.serialize_map(Some(points.len()))?;
        for (key, &points) in self.1.criteria.iter().zip(points) {
            map.serialize_entry(&Key(key), &Field::Number(Some(crate::core::scoring::to_hundredths(points))))?;
        }
        map.end()
    }
}
