//! What a card is asked to do ([`Message`]), what it asks of the card that owns it
//! ([`Mailbox`]), and the events it sends once free again ([`Outbox`]).
//!
//! This sits below the lifecycle and the input handlers, which post messages, and the
//! controller, which queues them, so none of them needs to import another in a circle.

use std::rc::Weak;

use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

use super::events::{self, CardEvent, EventNames};
use super::source::SpecProperty;
use crate::core::state::Msg;

/// Something for a card to do, from the page or the browser.
pub enum Message {
    /// The element is in a document.
    Connected(HtmlElement),
    /// The element left the document.
    Disconnected,
    /// The page set `spec`.
    SpecSet(HtmlElement, SpecProperty),
    /// The `src` attribute changed (or was there when the element was created).
    SourceSet(HtmlElement, Option<String>),
    /// A fetch of `src` answered (`{ ticket, text }` or `{ ticket, failure }`).
    Fetched(JsValue),
    /// The visitor moved a slider, chose a preset or pressed Reset.
    Visitor(Msg),
    /// A slider was let go (or stepped with a key): the moment to save.
    Committed,
    /// The visitor pressed Copy link.
    CopyLink,
    /// The clipboard answered: whether the link was copied.
    Copied(bool),
    /// The visitor follows the call to action.
    CtaFollowed,
}

/// The card's queue, as the code that posts to it sees it. Generic code takes it as a type
/// parameter rather than `dyn`: there is one card type, and no vtable to ship.
pub trait Mailbox {
    /// Queues a message and runs the queue, unless it is running already.
    fn post(&self, message: Message);
    /// Sets what the `spec` getter returns.
    fn set_spec_value(&self, value: JsValue);
    /// How many times the page has asked for a new spec so far.
    fn requests(&self) -> u32;
}

/// Posts to a card that may be gone.
pub fn send<M: Mailbox>(card: &Weak<M>, message: Message) {
    if let Some(card) = card.upgrade() {
        card.post(message);
    }
}

/// Events to send once the card is no longer busy, each with a detail object of its own (a
/// listener that edits its event's detail must not change what the next listener reads).
pub struct Outbox {
    /// The element that sends them.
    pub host: HtmlElement,
    /// The event names, as JavaScript strings.
    pub names: EventNames,
    /// The events, in order, with their details.
    pub events: Vec<(CardEvent, JsValue)>,
    /// [`Mailbox::requests`] when they were prepared.
    pub requests: u32,
}

impl Outbox {
    /// Sends the events in order. One is skipped when the card has left the page, or the page
    /// asked for another spec, since it was prepared: a listener of the first may do either.
    pub fn send<M: Mailbox>(self, card: &M) {
        for (event, detail) in &self.events {
            if !self.host.is_connected() || card.requests() != self.requests {
                return;
            }
            events::dispatch(&self.host, &self.names, *event, detail);
        }
    }
}
