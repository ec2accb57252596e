//! The card's events: their names, their `detail`, and how they are dispatched.
//!
//! `detail` is `{ priorities: {criterionId: n}, totals: {optionId: x | null}, leader: id | null,
//! preset: id | null, tipping: [{criterion, at, leader}] }`, written by serde-wasm-bindgen's
//! serializer as plain objects.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEventInit, HtmlElement};

use crate::dom::{Dom, Raw};
use crate::spec::Comparison;
use crate::state::CardState;

/// Fired on every priority change a visitor makes.
pub const PRIORITY_CHANGE: &str = "prioritychange";
/// Fired when the leader, or the set of tied options, changes.
pub const VERDICT_CHANGE: &str = "verdictchange";
/// Fired when the visitor follows the call to action, before the browser navigates.
pub const CTA_CLICK: &str = "ctaclick";

/// The ids as JavaScript strings, made once when a card goes live: every event's detail then
/// reuses them instead of converting 30-odd strings on each slider step.
pub struct EventKeys {
    criteria: Vec<JsValue>,
    options: Vec<JsValue>,
    presets: Vec<JsValue>,
}

impl EventKeys {
    pub fn new(comparison: &Comparison) -> Self {
        EventKeys {
            criteria: comparison.criteria.iter().map(|c| JsValue::from_str(&c.id)).collect(),
            options: comparison.options.iter().map(|o| JsValue::from_str(&o.id)).collect(),
            presets: comparison.presets.iter().map(|p| JsValue::from_str(&p.id)).collect(),
        }
    }
}

pub fn detail(state: &CardState, keys: &EventKeys) -> JsValue {
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true).serialize_missing_as_null(true);
    Detail(state, keys).serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// A bubbling, composed `CustomEvent` on the element. A page listener that throws is reported
/// by the browser; it does not reach the card.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    host.raw().dispatch_event(&Raw::new_custom_event(name, &init));
}

/// A JavaScript string passed through serde-wasm-bindgen as it is.
struct Key<'a>(&'a JsValue);

impl Serialize for Key<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde_wasm_bindgen::preserve::serialize(self.0, serializer)
    }
}

struct Detail<'a>(&'a CardState, &'a EventKeys);
struct Priorities<'a>(&'a CardState, &'a EventKeys);
struct Totals<'a>(&'a CardState, &'a EventKeys);
struct Tipping<'a>(&'a CardState, &'a EventKeys);
struct Point<'a>(&'a JsValue, u8, &'a JsValue);

impl Serialize for Detail<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let leader = self.0.standing().leader().and_then(|i| self.1.options.get(i)).map(Key);
        // A map rather than a struct: serde-wasm-bindgen caches struct field names in a
        // HashMap, which would bring hashbrown into the wasm for three keys.
        let preset = self.0.active_preset().and_then(|i| self.1.presets.get(i)).map(Key);
        let mut detail = serializer.serialize_map(Some(5))?;
        detail.serialize_entry("priorities", &Priorities(self.0, self.1))?;
        detail.serialize_entry("totals", &Totals(self.0, self.1))?;
        detail.serialize_entry("leader", &leader)?;
        detail.serialize_entry("preset", &preset)?;
        detail.serialize_entry("tipping", &Tipping(self.0, self.1))?;
        detail.end()
    }
}

impl Serialize for Priorities<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.1.criteria.len()))?;
        for (key, priority) in self.1.criteria.iter().zip(self.0.priorities()) {
            map.serialize_entry(&Key(key), priority)?;
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
            let total = totals.and_then(|t| t.get(index)).map(|&t| crate::scoring::to_hundredths(t));
            map.serialize_entry(&Key(key), &total)?;
        }
        map.end()
    }
}

/// `[{ criterion, at, leader }]`, one per criterion with a tipping point, in criterion order.
impl Serialize for Tipping<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let keys = self.1;
        serializer.collect_seq(self.0.tipping().iter().filter_map(|point| {
            Some(Point(keys.criteria.get(point.criterion)?, point.at, keys.options.get(point.leader)?))
        }))
    }
}

impl Serialize for Point<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut point = serializer.serialize_map(Some(3))?;
        point.serialize_entry("criterion", &Key(self.0))?;
        point.serialize_entry("at", &self.1)?;
        point.serialize_entry("leader", &Key(self.2))?;
        point.end()
    }
}
