//! The wasm side of the DOM: the view's writes, batched (see [`Batch`]) into one call per build
//! or slider step.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;

use super::bindings;
use crate::view::tree;

/// The view's elements, as handles into a card's node list (see [`Batch`]).
#[derive(Clone, Copy)]
pub struct Handle(u32);

/// The text nodes the view patches, likewise.
#[derive(Clone, Copy)]
pub struct TextHandle(u32);

/// The card's target: the shadow root is always the first node of a card's list.
pub const ROOT: Handle = Handle(0);

/// One instruction each. The operands follow the code: a node's index, numbers, and strings as
/// their UTF-16 length in the batch's text. `applyBatch` in element.js learns the codes from
/// [`OP_NAMES`] once (see [`configure`]), so the numbers are written down only here.
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

/// The ops' names in code order, as `applyBatch` knows them.
const OP_NAMES: &str = "element svg text set toggle append setText style number data replace";

/// Tells element.js what each op code means; an error when it does not know one of the names.
pub fn configure() -> Result<(), JsValue> {
    bindings::configure_batch(OP_NAMES)
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
    static BATCH: RefCell<Batch> = const { RefCell::new(Batch { codes: Vec::new(), text: String::new(), next: 0 }) };
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

/// A card's node list in JavaScript, and how many nodes it holds: the indices its handles use.
/// Each card counts its own, so two cards never share an index.
pub struct Nodes {
    list: JsValue,
    count: u32,
}

impl Nodes {
    /// A new list for a card whose shadow root is `shadow`: `[shadow]`, so it is [`ROOT`].
    pub fn new(shadow: &ShadowRoot) -> Nodes {
        Nodes { list: js_sys::Array::of1(shadow).into(), count: 1 }
    }

    /// Writes DOM work for this card with `work`, then does it in one call into JavaScript.
    ///
    /// `work` must not run page code (no attribute or property reads on the host): page code
    /// could write for another card in between. Builders and patches only compute and write.
    pub fn batch<T>(&mut self, work: impl FnOnce() -> T) -> T {
        BATCH.with(|batch| batch.borrow_mut().next = self.count);
        let result = work();
        self.count = BATCH.with(|batch| batch.borrow().next);
        flush(&self.list);
        result
    }
}

/// Replaces everything in `parent` with `child`.
pub fn replace_children(parent: Handle, child: Handle) {
    write(Op::Replace, parent.0, &[], Some(child.0));
}

/// Does the work written since the last flush, on the card whose node list is `nodes`.
fn flush(nodes: &JsValue) {
    // Taken out while JavaScript runs: the DOM work can run a page's listener at once (removing
    // a focused slider fires `focusout`), and that listener may draw another card, which then
    // writes and flushes a batch of its own.
    let (mut codes, mut text) = BATCH.with(|batch| {
        let batch = &mut *batch.borrow_mut();
        (std::mem::take(&mut batch.codes), std::mem::take(&mut batch.text))
    });
    if !codes.is_empty() {
        bindings::apply_batch(nodes, &codes, &text);
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
