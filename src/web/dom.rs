//! The wasm side of the DOM: the view's writes, batched (see [`Batch`]), and a few calls that
//! cannot fail for the arguments the card gives them (constant selectors, our own window's
//! location). web-sys declares those as throwing, and every `Result` it returns costs an error
//! branch at each call site; declared here without `catch`, on a type of our own, they cost a
//! plain call.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::{Element, History, ShadowRoot};

use crate::view::tree;

#[wasm_bindgen(module = "/src/web/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = applyBatch)]
    fn apply_batch(nodes: &JsValue, codes: &[u32], text: &str);
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

/// The view's elements, as handles into a card's node list (see [`Batch`]).
#[derive(Clone, Copy)]
pub struct Handle(u32);

/// The text nodes the view patches, likewise.
#[derive(Clone, Copy)]
pub struct TextHandle(u32);

/// The card's target: the shadow root is always the first node of a card's list.
pub const ROOT: Handle = Handle(0);

/// One instruction each; `applyBatch` in element.js reads the same numbers. The operands follow
/// the code: a node's index, numbers, and strings as their UTF-16 length in the batch's text.
#[derive(Clone, Copy)]
#[repr(u32)]
enum Op {
    /// tag → a new element, pushed onto the node list
    Element,
    /// tag → a new SVG element, pushed
    Svg,
    /// parent, text → a new text node appended to parent, pushed
    Text,
    /// node, name, value
    Set,
    /// node, name, 0 or 1
    Toggle,
    /// parent, child
    Append,
    /// node, text: `textContent`
    SetText,
    /// node, property, value: through the CSSOM, which a strict `style-src` allows
    Style,
    /// node, number: a range input's `valueAsNumber`
    Number,
    /// text node, text
    Data,
    /// node, child: `replaceChildren`
    Replace,
}

/// DOM work written as numbers and one string, and done by one call into JavaScript.
///
/// A direct web-sys call per write costs a crossing into JavaScript and a UTF-8 decode of every
/// string, attribute names included; a slider step makes a dozen such writes. Batched, a step is
/// one crossing and one decode, and the wasm holds plain indices instead of JavaScript handles
/// (nothing to clone or drop). Each card keeps its node list in JavaScript; removing the card
/// drops the list, and with it the nodes.
struct Batch {
    codes: Vec<u32>,
    text: String,
    /// Index the next created node gets in the card's list.
    next: u32,
}

thread_local! {
    static BATCH: RefCell<Batch> = const { RefCell::new(Batch { codes: Vec::new(), text: String::new(), next: 1 }) };
}

/// For the ops that create a node and so name none: Element and Svg.
const NO_NODE: u32 = u32::MAX;

/// Appends one op; returns the index the node it creates (if any) gets in the card's list.
fn write(op: Op, node: u32, strings: &[&str], number: Option<u32>) -> u32 {
    BATCH.with(|batch| {
        let batch = &mut *batch.borrow_mut();
        batch.codes.push(op as u32);
        if node != NO_NODE {
            batch.codes.push(node);
        }
        for text in strings {
            batch.codes.push(utf16_length(text));
            batch.text.push_str(text);
        }
        if let Some(number) = number {
            batch.codes.push(number);
        }
        let created = batch.next;
        if matches!(op, Op::Element | Op::Svg | Op::Text) {
            batch.next += 1;
        }
        created
    })
}

/// JavaScript slices the batch's text by UTF-16 units: one per character, two for those that
/// take four bytes in UTF-8. Counted on bytes: counting `chars()` brings in core's vectorised
/// character counter, 800 bytes of wasm.
fn utf16_length(text: &str) -> u32 {
    text.bytes().map(|byte| u32::from(byte & 0xC0 != 0x80) + u32::from(byte >= 0xF0)).sum()
}

/// A new node list for a card whose shadow root is `shadow`: `[shadow]`, so it is [`ROOT`].
pub fn node_list(shadow: &ShadowRoot) -> js_sys::Array {
    BATCH.with(|batch| batch.borrow_mut().next = 1);
    js_sys::Array::of1(shadow)
}

/// Replaces everything in `parent` with `child`.
pub fn replace_children(parent: Handle, child: Handle) {
    write(Op::Replace, parent.0, &[], Some(child.0));
}

/// Does the work written since the last flush, on the card whose node list is `nodes`.
pub fn flush(nodes: &JsValue) {
    // Taken out while JavaScript runs: the DOM work can run a page's listener at once (removing
    // a focused slider fires `focusout`), and that listener may draw another card, which then
    // writes and flushes a batch of its own.
    let (mut codes, mut text) = BATCH.with(|batch| {
        let batch = &mut *batch.borrow_mut();
        (std::mem::take(&mut batch.codes), std::mem::take(&mut batch.text))
    });
    if !codes.is_empty() {
        apply_batch(nodes, &codes, &text);
    }
    codes.clear();
    text.clear();
    // Put back for reuse, so a warm card does not allocate per step.
    BATCH.with(|batch| {
        let batch = &mut *batch.borrow_mut();
        if batch.codes.is_empty() {
            batch.codes = codes;
            batch.text = text;
        }
    });
}

/// Builds into the card's node list; see [`Batch`].
pub struct Batched;

impl tree::Factory for Batched {
    type Node = Handle;
    fn element(&self, tag: &str) -> Handle {
        Handle(write(Op::Element, NO_NODE, &[tag], None))
    }
    fn svg_element(&self, tag: &str) -> Handle {
        Handle(write(Op::Svg, NO_NODE, &[tag], None))
    }
}

impl tree::Node for Handle {
    type Text = TextHandle;
    fn set(&self, name: &str, value: &str) {
        write(Op::Set, self.0, &[name, value], None);
    }
    fn toggle(&self, name: &str, on: bool) {
        write(Op::Toggle, self.0, &[name], Some(u32::from(on)));
    }
    fn append(&self, child: &Self) {
        write(Op::Append, self.0, &[], Some(child.0));
    }
    fn append_text(&self, text: &str) -> TextHandle {
        TextHandle(write(Op::Text, self.0, &[text], None))
    }
    fn set_text(&self, text: &str) {
        write(Op::SetText, self.0, &[text], None);
    }
    fn set_style(&self, property: &str, value: &str) {
        write(Op::Style, self.0, &[property, value], None);
    }
    fn set_number(&self, value: u8) {
        write(Op::Number, self.0, &[], Some(u32::from(value)));
    }
}

impl tree::TextNode for TextHandle {
    fn set_data(&self, text: &str) {
        write(Op::Data, self.0, &[text], None);
    }
}

/// The calls above, on web-sys types.
pub trait Dom: JsCast {
    fn raw(&self) -> &Raw {
        self.unchecked_ref()
    }
}

impl Dom for Element {}
impl Dom for web_sys::Location {}
impl Dom for web_sys::Window {}
