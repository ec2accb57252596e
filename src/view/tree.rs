//! What the view needs from a document, so one builder makes both the live card (the DOM batch,
//! in `web/dom.rs`) and its pre-rendered HTML (`html.rs`): the same elements, classes and text,
//! hence the same layout, which is what lets a pre-rendered card upgrade without moving the page.

/// An element the view builds and later patches.
pub trait Node: Clone {
    type Text: TextNode;
    fn set(&self, name: &str, value: &str);
    fn toggle(&self, name: &str, on: bool);
    fn append(&self, child: &Self);
    /// Appends a text node and returns it, for text that changes.
    fn append_text(&self, text: &str) -> Self::Text;
    /// Replaces the content with one text node.
    fn set_text(&self, text: &str);
    /// Sets one CSS property (through the CSSOM in the DOM, which a strict `style-src` allows);
    /// an empty value removes it.
    fn set_style(&self, property: &str, value: &str);
    /// A range input's value.
    fn set_number(&self, value: u8);
}

pub trait TextNode {
    fn set_data(&self, text: &str);
}

/// Makes elements.
pub trait Factory {
    type Node: Node;
    fn element(&self, tag: &str) -> Self::Node;
    fn svg_element(&self, tag: &str) -> Self::Node;
}
