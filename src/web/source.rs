//! Where a card's spec comes from: the `spec` property, a `src` address, or the JSON script
//! inside the element, and reading each into a [`Comparison`].

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::bindings::{self, Dom};
use super::js_value;
use crate::core::labels::Labels;
use crate::core::locale;
use crate::core::spec::{self, Comparison, Problem};

/// What the page set through the `spec` property.
pub enum SpecProperty {
    /// A plain copy of the page's value (or its JSON text), made by the element class.
    Readable(JsValue),
    /// A value that could not be copied (a Proxy, a getter that throws, a function), and why.
    Unreadable(String),
}

/// Problems with a spec, and the labels to show them with: the spec's own, when its `labels`
/// field could be read, so the error box speaks the card's language too.
pub type Refused = (Vec<Problem>, Labels);

/// Problems shown with the default labels.
pub fn refused(problems: Vec<Problem>) -> Refused {
    (problems, Labels::default())
}

/// Reads the `spec` property. A string is taken as JSON text, like the script child.
pub fn read_property(property: &SpecProperty) -> Result<Comparison, Refused> {
    match property {
        SpecProperty::Readable(value) => match value.as_string() {
            Some(text) => read_comparison(&parse_json(&text).map_err(refused)?),
            None => read_comparison(value),
        },
        SpecProperty::Unreadable(reason) => {
            let mut message = String::from("cannot be read as plain data: ");
            message.push_str(reason);
            Err(refused(vec![Problem::new("spec", message)]))
        }
    }
}

/// The JSON script inside the element, parsed; the caller keeps it for the `spec` getter.
pub fn script_child(host: &HtmlElement) -> Result<JsValue, Refused> {
    let script = host.raw().query_selector("script[type='application/json']").ok_or_else(|| {
        refused(vec![Problem::new(
            "spec",
            "missing: put the spec in a <script type=\"application/json\"> inside the element, or set the element's spec property",
        )])
    })?;
    parse_json(&script.text_content().unwrap_or_default()).map_err(refused)
}

#[cfg(feature = "full-problems")]
use spec::from_value as validate;
/// The card a visitor downloads names where a spec's problems are; the development build
/// (`--features full-problems`, shipped as `comparison-card.dev.js`) says what they are too.
/// Both refuse exactly the same specs (`tests/properties.rs`).
#[cfg(not(feature = "full-problems"))]
use spec::from_value_paths_only as validate;

/// Plain JavaScript data, validated into a comparison.
pub fn read_comparison(value: &JsValue) -> Result<Comparison, Refused> {
    let value = js_value::read(value).map_err(|problem| refused(vec![problem]))?;
    validate(&value).map_err(|problems| (problems, spec::labels_only(&value)))
}

/// Starts fetching a `src` spec; `answered` receives `{ ticket, text }` or `{ ticket, failure }`.
pub fn fetch(url: &str, ticket: u32, answered: &Closure<dyn FnMut(JsValue)>) {
    let _ = bindings::fetch_spec(url, ticket).then(answered);
}

/// A fetch's answer: its ticket, and the parsed JSON or why there is none.
pub fn read_answer(url: &str, answer: &JsValue) -> (Option<u32>, Result<JsValue, Vec<Problem>>) {
    let field = |name: &str| js_sys::Reflect::get(answer, &JsValue::from_str(name)).ok();
    let ticket = field("ticket").and_then(|t| t.as_f64()).map(|t| t as u32);
    let result = match (field("text").and_then(|t| t.as_string()), field("failure")) {
        (Some(text), _) => parse_json(&text),
        (None, failure) => {
            let mut message = String::from("could not load `");
            message.push_str(url);
            message.push_str("`: ");
            message.push_str(&failure.and_then(|f| f.as_string()).unwrap_or_default());
            Err(vec![Problem::new("src", message)])
        }
    };
    (ticket, result)
}

fn parse_json(text: &str) -> Result<JsValue, Vec<Problem>> {
    if spec::is_blank(text) {
        return Err(vec![Problem::new("spec", "empty: the JSON script inside the element has no content")]);
    }
    js_sys::JSON::parse(text).map_err(|error| {
        let mut message = String::from("not valid JSON: ");
        message.push_str(&js_error_message(&error, "the text could not be parsed"));
        vec![Problem::new("spec", message)]
    })
}

fn js_error_message(error: &JsValue, fallback: &str) -> String {
    error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| fallback.to_string())
}

/// The decimal separator of the element's language (its own `lang`, an ancestor's, or the
/// page's), from the core's table, as pre-rendering writes it (not `Intl`, whose first call is
/// slow on a phone); `None` for the default dot.
pub fn decimal_separator(host: &HtmlElement) -> Option<char> {
    let lang = host.raw().closest("[lang]")?.get_attribute("lang").filter(|lang| !lang.is_empty())?;
    Some(locale::decimal_separator(&lang))
}
