//! What the view needs from a document, so one builder makes both the live card (the DOM batch,
//! in `web/dom.rs`) and its pre-rendered HTML (`html.rs`): the same elements, classes and text,
//! hence the same layout, which is what lets a pre-rendered card upgrade without moving the page.

/// An element the view builds and later patches.
pub trait Node: Clone {
    /// The text nodes this tree makes.
    type Text: TextNode;
    /// Sets an attribute.
    fn set(&self, name: &str, value: &str);
    /// Adds or removes a boolean attribute.
    fn toggle(&self, name: &str, on: bool);
    /// Appends a child element.
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

/// A text node the view patches.
pub trait TextNode {
    /// Replaces its text.
    fn set_data(&self, text: &str);
}

/// Makes elements.
pub trait Factory {
    /// The elements this factory makes.
    type Node: Node;
    /// A new HTML element.
    fn element(&self, tag: &str) -> Self::Node;
    /// A new SVG element.
    fn svg_element(&self, tag: &str) -> Self::Node;
}
