//! The card's shadow root: attaching it, giving it the stylesheet, and showing something in it
//! (the card, the loading box, the error box).

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::{HtmlElement, ShadowRoot};

use super::dom::{self, Nodes};
use crate::core::labels::{Key, Labels};
use crate::core::spec::Problem;
use crate::view::{self, tree};

thread_local! {
    /// One constructed stylesheet, adopted by every card on the page.
    static STYLESHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
}

/// Gives the host a shadow root (or keeps a declarative one the page was served with) and the
/// card's stylesheet.
pub fn attach(host: &HtmlElement) {
    let shadow = match host.shadow_root() {
        Some(existing) => existing,
        None => match host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)) {
            Ok(shadow) => shadow,
            Err(error) => {
                web_sys::console::error_2(&"comparison-card: cannot attach a shadow root".into(), &error);
                return;
            }
        },
    };
    adopt_stylesheet(&shadow);
}

/// The constructed stylesheet all cards share. Where constructable stylesheets are missing,
/// [`mount`] adds a `<style>` to each thing it shows.
fn adopt_stylesheet(shadow: &ShadowRoot) {
    let sheet = STYLESHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let sheet = web_sys::CssStyleSheet::new().ok()?;
            sheet.replace_sync(view::STYLE).ok()?;
            *cell = Some(sheet);
        }
        cell.clone()
    });
    if let Some(sheet) = sheet {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
}

/// Shows what `build` makes in the host's shadow root, in place of what was there. Returns what
/// `build` returned besides the root, and the card's node list its handles index.
pub fn mount<T>(host: &HtmlElement, build: impl FnOnce(&dom::Batched) -> (dom::Handle, T)) -> Option<(T, Nodes)> {
    let mut nodes = Nodes::new(&host.shadow_root()?);
    let built = nodes.batch(|| {
        let (root, built) = build(&dom::Batched);
        dom::replace_children(dom::ROOT, root);
        if STYLESHEET.with(|cell| cell.borrow().is_none()) {
            let style = tree::Factory::element(&dom::Batched, "style");
            tree::Node::set_text(&style, view::STYLE);
            tree::Node::append(&dom::ROOT, &style);
        }
        built
    });
    Some((built, nodes))
}

/// While `src` loads: a box that holds the card's place and says what it is waiting for.
pub fn show_loading(host: &HtmlElement, source: &str) {
    mount(host, |factory| (view::build_loading(factory, source), ()));
}

/// Replaces the card with the error box and logs the same problems to the console.
pub fn show_problems(host: &HtmlElement, problems: &[Problem], labels: &Labels) {
    let mut message = String::from("comparison-card: this card's spec cannot be shown:");
    let mut places_only = false;
    for problem in problems {
        message.push_str("\n  - ");
        message.push_str(&problem.path);
        if problem.message.is_empty() {
            places_only = true;
        } else {
            message.push_str(": ");
            message.push_str(&problem.message);
        }
    }
    if places_only {
        message.push('\n');
        message.push_str(labels.get(Key::ErrorDetails));
    }
    web_sys::console::error_2(&JsValue::from_str(&message), host);
    mount(host, |factory| (view::build_error(factory, labels, problems), ()));
}
