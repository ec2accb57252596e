//! The visitor's input: three listeners delegated on the shadow root turn DOM events into
//! messages for the card's queue.

use std::rc::Weak;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, ShadowRoot};

use super::bindings::{self, Dom};
use super::message::{send, Mailbox, Message};
use crate::core::spec::MAX_PRIORITY;
use crate::core::state::Msg;
use crate::view::{ACTION_ATTRIBUTE, COPY_ACTION, PRESET_ATTRIBUTE};

/// `input` (a slider moves), `change` (a slider is let go: the moment to save) and `click`
/// (presets, Reset, Copy link, the call to action). Dropping them stops listening.
pub fn listen<M: Mailbox + 'static>(shadow: &ShadowRoot, card: &Weak<M>) -> [EventListener; 3] {
    let (on_step, on_release, on_press) = (card.clone(), card.clone(), card.clone());
    [
        EventListener::new(shadow, "input", move |event| on_input(&on_step, event)),
        EventListener::new(shadow, "change", move |_| send(&on_release, Message::Committed)),
        EventListener::new(shadow, "click", move |event| on_click(&on_press, event)),
    ]
}

fn on_input<M: Mailbox>(card: &Weak<M>, event: &Event) {
    // One call for what would be four (the target, its type, its index attribute, its value).
    let Some(step) = bindings::slider_step(event) else { return };
    let criterion = (step / 8) as usize;
    let level = (step % 8).min(u32::from(MAX_PRIORITY)) as u8;
    send(card, Message::Visitor(Msg::SetPriority { criterion, level }));
}

fn on_click<M: Mailbox>(card: &Weak<M>, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(control) = target.raw().closest("button,a") else { return };
    // The local name, not `tagName`: that is upper case in HTML documents but lower case in
    // XHTML ones.
    if control.local_name() == "a" {
        // Sent now, while the browser has not yet followed the link.
        send(card, Message::CtaFollowed);
        return;
    }
    let message = match (control.get_attribute(PRESET_ATTRIBUTE), control.get_attribute(ACTION_ATTRIBUTE)) {
        (Some(index), _) => index.parse().ok().map(|index| Message::Visitor(Msg::ApplyPreset(index))),
        (None, Some(action)) if action == COPY_ACTION => Some(Message::CopyLink),
        (None, Some(_)) => Some(Message::Visitor(Msg::Reset)),
        (None, None) => None,
    };
    if let Some(message) = message {
        send(card, message);
    }
}
