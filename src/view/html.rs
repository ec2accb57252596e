//! The view's HTML backend: a tree held in memory and written out as HTML, for pre-rendering.
//!
//! Every text and attribute value is escaped, so author text stays text here too.

use std::cell::RefCell;
use std::rc::Rc;

use super::tree::{Factory, Node, TextNode};

/// Elements the HTML parser closes by itself; they are written without a closing tag.
const VOID: [&str; 2] = ["input", "br"];

#[derive(Default)]
struct Element {
    tag: String,
    attributes: Vec<(String, String)>,
    style: Vec<(String, String)>,
    children: Vec<Child>,
}

enum Child {
    Element(HtmlNode),
    Text(HtmlText),
}

/// An element of a tree held in memory and written out as HTML.
#[derive(Clone)]
pub struct HtmlNode(Rc<RefCell<Element>>);

#[derive(Clone)]
/// A text node of an [`HtmlNode`] tree.
pub struct HtmlText(Rc<RefCell<String>>);

/// Makes [`HtmlNode`]s. Tag names are the view's own constants.
pub struct HtmlFactory;

impl Factory for HtmlFactory {
    type Node = HtmlNode;
    fn element(&self, tag: &str) -> HtmlNode {
        HtmlNode::new(tag)
    }
    fn svg_element(&self, tag: &str) -> HtmlNode {
        HtmlNode::new(tag)
    }
}

impl HtmlNode {
    fn new(tag: &str) -> Self {
        HtmlNode(Rc::new(RefCell::new(Element { tag: tag.to_string(), ..Element::default() })))
    }

    /// The element and everything in it, as HTML.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        let element = self.0.borrow();
        out.push('<');
        out.push_str(&element.tag);
        for (name, value) in &element.attributes {
            push_attribute(out, name, value);
        }
        if !element.style.is_empty() {
            let mut style = String::new();
            for (property, value) in &element.style {
                style.push_str(property);
                style.push_str(": ");
                style.push_str(value);
                style.push(';');
            }
            push_attribute(out, "style", &style);
        }
        out.push('>');
        if VOID.contains(&element.tag.as_str()) {
            return;
        }
        for child in &element.children {
            match child {
                Child::Element(node) => node.write(out),
                Child::Text(text) => push_escaped(out, &text.0.borrow()),
            }
        }
        out.push_str("</");
        out.push_str(&element.tag);
        out.push('>');
    }
}

fn push_attribute(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    push_escaped(out, value);
    out.push('"');
}

/// Escapes text for an HTML text node or a double-quoted attribute value.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

impl Node for HtmlNode {
    type Text = HtmlText;

    fn set(&self, name: &str, value: &str) {
        let mut element = self.0.borrow_mut();
        match element.attributes.iter_mut().find(|(n, _)| n == name) {
            Some((_, current)) => *current = value.to_string(),
            None => element.attributes.push((name.to_string(), value.to_string())),
        }
    }

    fn toggle(&self, name: &str, on: bool) {
        let present = self.0.borrow().attributes.iter().any(|(n, _)| n == name);
        if on && !present {
            self.set(name, "");
        } else if !on && present {
            self.0.borrow_mut().attributes.retain(|(n, _)| n != name);
        }
    }

    fn append(&self, child: &Self) {
        self.0.borrow_mut().children.push(Child::Element(child.clone()));
    }

    fn append_text(&self, text: &str) -> HtmlText {
        let node = HtmlText(Rc::new(RefCell::new(text.to_string())));
        self.0.borrow_mut().children.push(Child::Text(node.clone()));
        node
    }

    fn set_text(&self, text: &str) {
        let mut element = self.0.borrow_mut();
        element.children.clear();
        element.children.push(Child::Text(HtmlText(Rc::new(RefCell::new(text.to_string())))));
    }

    fn set_style(&self, property: &str, value: &str) {
        let mut element = self.0.borrow_mut();
        // An empty value removes the property, as `style.setProperty` does in the DOM.
        if value.is_empty() {
            element.style.retain(|(p, _)| p != property);
            return;
        }
        match element.style.iter_mut().find(|(p, _)| p == property) {
            Some((_, current)) => *current = value.to_string(),
            None => element.style.push((property.to_string(), value.to_string())),
        }
    }

    fn set_number(&self, value: u8) {
        let mut text = String::new();
        crate::core::number::push_uint(&mut text, u64::from(value));
        self.set("value", &text);
    }
}

impl TextNode for HtmlText {
    fn set_data(&self, text: &str) {
        let mut data = self.0.borrow_mut();
        data.clear();
        data.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_void_elements_not_closed() {
        let factory = HtmlFactory;
        let root = factory.element("p");
        root.set("title", "\"quoted\" & <b>");
        root.append_text("<script>alert('x')</script>");
        let input = factory.element("input");
        input.set_number(3);
        input.toggle("hidden", true);
        input.set_style("--at", "2");
        root.append(&input);
        assert_eq!(
            root.to_html(),
            "<p title=\"&quot;quoted&quot; &amp; &lt;b&gt;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\
             <input value=\"3\" hidden=\"\" style=\"--at: 2;\"></p>"
        );
        input.toggle("hidden", false);
        assert!(!root.to_html().contains("hidden"));
    }
}
