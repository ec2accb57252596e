//! The host API: `define`, and the [`CardController`] behind each `<comparison-card>`.
//!
//! Every call from the page (connected, disconnected, `spec` set, `src` set) and every answer
//! from the browser (a fetch, the clipboard, the visitor's input) becomes a [`Message`] on the
//! card's own queue. A message that arrives while the card is busy (a page listener run by the
//! card's DOM work or by one of its events, calling back into the card) waits its turn and runs
//! right after, in order: nothing is dropped, and the card is never entered twice.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::bindings;
use super::dom;
use super::lifecycle::Lifecycle;
use super::message::{Mailbox, Message};
use super::shadow;
use super::source::SpecProperty;
use crate::core::contract::TAG_NAME;

thread_local! {
    static DEFINED: Cell<bool> = const { Cell::new(false) };
}

/// Defines `<comparison-card>`. Returns `false` when the tag was already defined, by this module
/// or by another script; calling it again is harmless.
#[wasm_bindgen]
pub fn define() -> bool {
    if DEFINED.with(|d| d.replace(true)) {
        return false;
    }
    install_panic_hook();
    if let Err(error) = dom::configure() {
        web_sys::console::error_2(&"comparison-card: this module and its wasm do not match".into(), &error);
        return false;
    }
    let create = Closure::<dyn Fn(HtmlElement) -> JsValue>::new(|host: HtmlElement| CardController::new(&host).into());
    let defined = bindings::define_card_element(TAG_NAME, &create);
    // The element class calls this for every card created from now until the page unloads, so
    // the closure has to live as long as the page: a page-lifetime hook, the one place to forget.
    create.forget();
    defined
}

/// A panic would stop every card on the page, so the code is written not to panic; should one
/// happen anyway, say clearly what and where instead of a bare "unreachable" trap.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // Written by hand: formatting the panic message would link all of core's formatting.
        let mut message = String::from("comparison-card: internal error, please report it: ");
        message.push_str(info.payload_as_str().unwrap_or("panic"));
        if let Some(location) = info.location() {
            message.push_str(" at ");
            message.push_str(location.file());
            message.push(':');
            crate::core::number::push_uint(&mut message, u64::from(location.line()));
        }
        web_sys::console::error_1(&JsValue::from_str(&message));
    }));
}

/// One card: its queue, and the state the queue's messages act on.
struct Card {
    /// What the `spec` getter returns: the value the page last set, or the object read from the
    /// script child or `src`. Kept outside the busy state, so reading it never waits.
    spec_value: RefCell<JsValue>,
    /// Counts the page's requests for a new spec (`spec` or `src` set), as they are made: an
    /// event prepared before a newer request is not sent.
    requests: Cell<u32>,
    /// Waiting messages, oldest first. A few at most, so a `Vec` (its code is in the wasm
    /// anyway) rather than a `VecDeque`.
    queue: RefCell<Vec<Message>>,
    busy: Cell<bool>,
    lifecycle: RefCell<Lifecycle<Card>>,
}

impl Mailbox for Card {
    fn post(&self, message: Message) {
        self.queue.borrow_mut().push(message);
        if self.busy.replace(true) {
            return;
        }
        loop {
            let next = {
                let mut queue = self.queue.borrow_mut();
                (!queue.is_empty()).then(|| queue.remove(0))
            };
            let Some(message) = next else { break };
            // Page code may run inside `handle` (DOM work firing `focusout`) and inside `send`
            // (event listeners); either may call back into this card, which only queues.
            let outbox = self.lifecycle.borrow_mut().handle(message);
            if let Some(outbox) = outbox {
                outbox.send(self);
            }
        }
        self.busy.set(false);
    }

    fn set_spec_value(&self, value: JsValue) {
        *self.spec_value.borrow_mut() = value;
    }

    fn requests(&self) -> u32 {
        self.requests.get()
    }
}

/// The Rust side of one `<comparison-card>`, made by the element class for each instance. The
/// element is passed again to each call that needs it, so the controller does not root it.
#[wasm_bindgen]
pub struct CardController {
    card: Rc<Card>,
}

#[wasm_bindgen]
impl CardController {
    /// Attaches the shadow root.
    #[wasm_bindgen(constructor)]
    pub fn new(host: &HtmlElement) -> CardController {
        shadow::attach(host);
        let card = Rc::new_cyclic(|me: &Weak<Card>| Card {
            spec_value: RefCell::new(JsValue::NULL),
            requests: Cell::new(0),
            queue: RefCell::new(Vec::new()),
            busy: Cell::new(false),
            lifecycle: RefCell::new(Lifecycle::new(me.clone())),
        });
        CardController { card }
    }

    /// The element is in a document: draw if needed, then listen.
    pub fn connected(&self, host: HtmlElement) {
        self.card.post(Message::Connected(host));
    }

    /// The `src` attribute changed (or was there when the element was created).
    #[wasm_bindgen(js_name = setSource)]
    pub fn set_source(&self, host: HtmlElement, source: Option<String>) {
        self.card.requests.set(self.card.requests.get().wrapping_add(1));
        self.card.post(Message::SourceSet(host, source));
    }

    /// The element left the document: drop the listeners and every handle into the DOM.
    pub fn disconnected(&self) {
        self.card.post(Message::Disconnected);
    }

    /// The spec last set or read, as an object (`null` before the first render).
    pub fn spec(&self) -> JsValue {
        self.card.spec_value.borrow().clone()
    }

    /// Replaces the spec and draws again. `original` is what the page set (returned by the
    /// getter); `readable` is a plain copy of it made by the element class, or the same value
    /// when it is not an object (a JSON string, or nothing).
    #[wasm_bindgen(js_name = setSpec)]
    pub fn set_spec(&self, host: HtmlElement, original: JsValue, readable: JsValue) {
        self.spec_requested(original);
        self.card.post(Message::SpecSet(host, SpecProperty::Readable(readable)));
    }

    /// The page set a spec that cannot be copied (a Proxy, a getter that throws, a function).
    #[wasm_bindgen(js_name = setUnreadableSpec)]
    pub fn set_unreadable_spec(&self, host: HtmlElement, original: JsValue, reason: String) {
        self.spec_requested(original);
        self.card.post(Message::SpecSet(host, SpecProperty::Unreadable(reason)));
    }
}

impl CardController {
    fn spec_requested(&self, original: JsValue) {
        self.card.set_spec_value(original);
        self.card.requests.set(self.card.requests.get().wrapping_add(1));
    }
}
