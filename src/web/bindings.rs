//! Every JavaScript import of the card, in one place: the helpers in `element.js` beside this
//! file, and the few DOM calls declared by hand.
//!
//! The hand-declared calls cannot fail for the arguments the card gives them (constant
//! selectors, our own window's location). web-sys declares them as throwing, and every `Result`
//! it returns costs an error branch at each call site; declared here without `catch`, on a type
//! of our own, they cost a plain call.

use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, History, HtmlElement};

#[wasm_bindgen(module = "/src/web/element.js")]
extern "C" {
    /// Defines the custom element; `create_controller` makes the Rust side of each instance.
    /// `false` when the tag was already taken.
    #[wasm_bindgen(js_name = defineCardElement)]
    pub fn define_card_element(tag_name: &str, create_controller: &Closure<dyn Fn(HtmlElement) -> JsValue>) -> bool;

    /// Tells `applyBatch` the batch's op names, in the order of their codes (see `dom.rs`).
    /// Throws when a name is one it does not know: the two sides disagree, and saying so at
    /// once beats drawing a broken card.
    #[wasm_bindgen(js_name = configureBatch, catch)]
    pub fn configure_batch(op_names: &str) -> Result<(), JsValue>;

    /// Does one batch of DOM work on a card's node list (see `dom.rs`).
    #[wasm_bindgen(js_name = applyBatch)]
    pub fn apply_batch(nodes: &JsValue, codes: &[u32], text: &str);

    /// `Intl.NumberFormat`'s decimal separator for a language tag; `None` for a tag it refuses.
    #[wasm_bindgen(js_name = decimalSeparator)]
    pub fn decimal_separator_for(lang: &str) -> Option<String>;

    /// Fetches a spec's text; resolves to `{ ticket, text }` or `{ ticket, failure }`, never rejects.
    #[wasm_bindgen(js_name = fetchSpec)]
    pub fn fetch_spec(url: &str, ticket: u32) -> js_sys::Promise;

    /// Puts text on the clipboard; resolves to whether it worked, never rejects.
    #[wasm_bindgen(js_name = copyText)]
    pub fn copy_text(text: &str) -> js_sys::Promise;

    /// The slider an `input` event came from and where it stands, as `index * 8 + level`;
    /// `None` when the event did not come from one of the card's sliders.
    #[wasm_bindgen(js_name = sliderStep)]
    pub fn slider_step(event: &Event) -> Option<u32>;

    /// `host.dispatchEvent(new CustomEvent(names[event], { bubbles, composed, detail }))` in one
    /// call, instead of one per property of the event's options and a name decoded each time.
    #[wasm_bindgen(js_name = dispatchCardEvent)]
    pub fn dispatch_card_event(host: &HtmlElement, names: &JsValue, event: u32, detail: &JsValue);
}

#[wasm_bindgen]
extern "C" {
    /// A DOM object seen only through the calls below.
    pub type Raw;
    #[wasm_bindgen(method, js_name = querySelector)]
    pub fn query_selector(this: &Raw, selectors: &str) -> Option<Element>;
    #[wasm_bindgen(method)]
    pub fn closest(this: &Raw, selectors: &str) -> Option<Element>;
    /// `location.hash`, `location.href` and `window.history` throw only for another origin.
    #[wasm_bindgen(method, getter)]
    pub fn hash(this: &Raw) -> String;
    #[wasm_bindgen(method, getter)]
    pub fn href(this: &Raw) -> String;
    #[wasm_bindgen(method, getter)]
    pub fn history(this: &Raw) -> History;
}

/// The calls above, on web-sys types.
pub trait Dom: JsCast {
    /// This object as a [`Raw`], for the calls declared above.
    fn raw(&self) -> &Raw {
        self.unchecked_ref()
    }
}

impl Dom for Element {}
impl Dom for web_sys::Location {}
impl Dom for web_sys::Window {}
