//! Where a visitor's priorities are kept between visits: the page address's fragment (`share`)
//! and `localStorage` (`persist`). The formats are pure (`core/share.rs`); this is the browser's
//! side of them.

use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

use super::bindings::Dom;
use super::options::Options;
use crate::core::share::{self, Saved};
use crate::core::state::CardState;

/// With `share` or `persist`, starts from the priorities in the page's URL fragment, or else
/// from the ones stored on an earlier visit. Anything that does not fit is ignored, with a
/// warning: an old link must never break the card.
pub fn restore(host: &HtmlElement, state: &mut CardState) {
    let options = Options::read(host);
    let Some(window) = web_sys::window() else { return };
    if options.features.share {
        let hash = window.location().raw().hash();
        match share::read_fragment(&hash, &options.id, state.priorities().len()) {
            Saved::Found(levels) => {
                state.restore(&levels);
                return;
            }
            Saved::Malformed => warn("ignoring priorities in the page address that do not fit card ", &options.id),
            Saved::Absent => {}
        }
    }
    if options.persist {
        let stored = local_storage(&window).and_then(|s| s.get_item(&options.storage_key()).ok().flatten());
        if let Some(stored) = stored {
            match share::read_keyed(&stored, state.comparison()) {
                Some(levels) => {
                    state.restore(&levels);
                }
                None => warn("ignoring stored priorities that no longer fit card ", &options.id),
            }
        }
    }
}

/// Writes the priorities where `share` and `persist` keep them. Called when a slider is let go
/// or a button is pressed, not on every step: browsers limit how often a page may rewrite its
/// address.
pub fn save(host: &HtmlElement, state: &CardState) {
    let options = Options::read(host);
    let Some(window) = web_sys::window() else { return };
    if options.features.share {
        let hash = window.location().raw().hash();
        // A fragment the page uses itself (an anchor, a route) is left alone.
        if let Some(fragment) = share::updated_fragment(&hash, &options.id, state.priorities()) {
            let url = String::from("#") + &fragment;
            // Replaced, not pushed: moving sliders must not fill the back button's history.
            let _ = window.raw().history().replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
    if options.persist {
        if let Some(storage) = local_storage(&window) {
            let mut value = String::new();
            share::push_keyed(&mut value, state.comparison(), state.priorities());
            // Full or blocked storage is not the visitor's problem: the card works on.
            let _ = storage.set_item(&options.storage_key(), &value);
        }
    }
}

/// The address that restores these priorities on this card, for Copy link.
pub fn shared_address(host: &HtmlElement, state: &CardState) -> Option<String> {
    let href = web_sys::window()?.location().raw().href();
    Some(share::shared_address(&href, &Options::read(host).id, state.priorities()))
}

fn local_storage(window: &web_sys::Window) -> Option<web_sys::Storage> {
    // web-sys directly rather than gloo-storage: reading `localStorage` throws when the visitor
    // blocks site data, and gloo-storage turns that into a JavaScript exception, where the card
    // has to carry on without storage.
    window.local_storage().ok().flatten()
}

fn warn(message: &str, id: &str) {
    let mut text = String::from("comparison-card: ");
    text.push_str(message);
    text.push_str(id);
    web_sys::console::warn_1(&JsValue::from_str(&text));
}
