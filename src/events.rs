//! The card's events: their names, their `detail`, and how they are dispatched.
//!
//! `detail` is `{ priorities: {criterionId: n}, totals: {optionId: x | null}, leader: id | null }`,
//! written by serde-wasm-bindgen's serializer as plain objects.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::state::CardState;

/// Fired on every priority change a visitor makes.
pub const PRIORITY_CHANGE: &str = "prioritychange";
/// Fired when the leader, or the set of tied options, changes.
pub const VERDICT_CHANGE: &str = "verdictchange";

pub fn detail(state: &CardState) -> JsValue {
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true).serialize_missing_as_null(true);
    Detail(state).serialize(&serializer).unwrap_or(JsValue::NULL)
}

/// A bubbling, composed `CustomEvent` on the element. A page listener that throws is reported
/// by the browser; it does not reach the card.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

struct Detail<'a>(&'a CardState);
struct Priorities<'a>(&'a CardState);
struct Totals<'a>(&'a CardState);

impl Serialize for Detail<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let comparison = self.0.comparison();
        let leader = self.0.standing().leader().and_then(|i| comparison.options.get(i)).map(|o| o.id.as_str());
        // A map rather than a struct: serde-wasm-bindgen caches struct field names in a
        // HashMap, which would bring hashbrown into the wasm for three keys.
        let mut detail = serializer.serialize_map(Some(3))?;
        detail.serialize_entry("priorities", &Priorities(self.0))?;
        detail.serialize_entry("totals", &Totals(self.0))?;
        detail.serialize_entry("leader", &leader)?;
        detail.end()
    }
}

impl Serialize for Priorities<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let criteria = &self.0.comparison().criteria;
        let mut map = serializer.serialize_map(Some(criteria.len()))?;
        for (criterion, priority) in criteria.iter().zip(self.0.priorities()) {
            map.serialize_entry(&criterion.id, priority)?;
        }
        map.end()
    }
}

/// Totals rounded to two decimals, the precision at which ties are decided.
impl Serialize for Totals<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let options = &self.0.comparison().options;
        let totals = self.0.totals();
        let mut map = serializer.serialize_map(Some(options.len()))?;
        for (index, option) in options.iter().enumerate() {
            let total = totals.map(|t| (t[index] * 100.0).round() / 100.0);
            map.serialize_entry(&option.id, &total)?;
        }
        map.end()
    }
}
