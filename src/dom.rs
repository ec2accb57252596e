//! DOM calls that cannot fail for the arguments the card gives them: constant tag, attribute and
//! selector names, new nodes appended to new elements, our own window's location. web-sys
//! declares them as throwing, and every `Result` it returns costs an error branch at each call
//! site (and a `handleError` wrapper in the glue); declared here without `catch`, on a type of
//! our own, they cost a plain call.

use wasm_bindgen::prelude::*;
use web_sys::{Element, History, Node};

use crate::tree;

const SVG: &str = "http://www.w3.org/2000/svg";

#[wasm_bindgen]
extern "C" {
    /// A DOM object seen only through the calls below.
    pub type Raw;
    #[wasm_bindgen(method, js_name = createElement)]
    pub fn create_element(this: &Raw, tag: &str) -> Element;
    #[wasm_bindgen(method, js_name = createElementNS)]
    pub fn create_element_ns(this: &Raw, namespace: &str, tag: &str) -> Element;
    #[wasm_bindgen(method, js_name = appendChild)]
    pub fn append_child(this: &Raw, child: &Node);
    #[wasm_bindgen(method, js_name = setAttribute)]
    pub fn set_attribute(this: &Raw, name: &str, value: &str);
    #[wasm_bindgen(method, js_name = toggleAttribute)]
    pub fn toggle_attribute(this: &Raw, name: &str, on: bool);
    #[wasm_bindgen(method, js_name = setProperty)]
    pub fn set_property(this: &Raw, name: &str, value: &str);
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
    /// `new Text(data)`: a text node, owned by the page's document; it cannot throw.
    #[wasm_bindgen(js_name = Text)]
    pub type NewText;
    #[wasm_bindgen(constructor, js_class = "Text")]
    pub fn new(data: &str) -> NewText;
    #[wasm_bindgen(method, getter)]
    pub fn style(this: &Raw) -> Raw;
    #[wasm_bindgen(method, setter, js_name = valueAsNumber)]
    pub fn set_value_as_number(this: &Raw, value: f64);
}

/// The view's elements are DOM elements; see `tree.rs`.
pub struct Document(pub web_sys::Document);

impl tree::Factory for Document {
    type Node = Element;
    fn element(&self, tag: &str) -> Element {
        self.0.raw().create_element(tag)
    }
    fn svg_element(&self, tag: &str) -> Element {
        self.0.raw().create_element_ns(SVG, tag)
    }
}

impl tree::Node for Element {
    type Text = web_sys::Text;
    fn set(&self, name: &str, value: &str) {
        Dom::set(self, name, value);
    }
    fn toggle(&self, name: &str, on: bool) {
        Dom::toggle(self, name, on);
    }
    fn append(&self, child: &Self) {
        Dom::append(self, child);
    }
    fn append_text(&self, text: &str) -> web_sys::Text {
        let node: web_sys::Text = NewText::new(text).unchecked_into();
        Dom::append(self, &node);
        node
    }
    fn set_text(&self, text: &str) {
        self.set_text_content(Some(text));
    }
    fn set_style(&self, property: &str, value: &str) {
        self.raw().style().set_property(property, value);
    }
    fn set_number(&self, value: u8) {
        self.raw().set_value_as_number(f64::from(value));
    }
}

impl tree::TextNode for web_sys::Text {
    fn set_data(&self, text: &str) {
        web_sys::CharacterData::set_data(self, text);
    }
}

/// The calls above, on web-sys types; the common ones by name.
pub trait Dom: JsCast {
    fn raw(&self) -> &Raw {
        self.unchecked_ref()
    }
    fn set(&self, name: &str, value: &str) {
        self.raw().set_attribute(name, value);
    }
    fn toggle(&self, name: &str, on: bool) {
        self.raw().toggle_attribute(name, on);
    }
    fn append(&self, child: &Node) {
        self.raw().append_child(child);
    }
}

impl Dom for Element {}
impl Dom for web_sys::Document {}
impl Dom for web_sys::CssStyleDeclaration {}
impl Dom for web_sys::Location {}
impl Dom for web_sys::Window {}
