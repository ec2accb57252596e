//! A card's life, as one enum of phases ([`Phase`]) and one `handle` for every [`Message`].

use std::rc::Weak;

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::bindings;
use super::dom::{self, Nodes};
use super::events::{self, CardEvent, EventKeys};
use super::input;
use super::message::{send, Mailbox, Message, Outbox};
use super::options::Options;
use super::persistence;
use super::shadow;
use super::source::{self, Refused, SpecProperty};
use crate::core::labels::Key;
use crate::core::spec::{Comparison, Problem};
use crate::core::state::{CardState, Msg};
use crate::view::{self, CardView};

/// Where a card is in its life.
#[derive(Default)]
enum Phase {
    /// Never drawn, or its spec changed while out of the page: drawn when it connects.
    #[default]
    Unrendered,
    /// In the page, showing the card, the loading box or the error box.
    Shown(Shown),
    /// Out of the page after being shown. Only the visitor's priorities are kept, not the
    /// parsed spec or any DOM handle: a removed card waits for the garbage collector, and each
    /// JavaScript value held in Rust would be a root keeping it alive. The spec is read again
    /// when the card comes back.
    Away(Option<Vec<u8>>),
}

/// A card in the page.
struct Shown {
    host: HtmlElement,
    /// The card on screen, when the spec was read; `None` behind the loading or error box.
    live: Option<Box<Live>>,
}

/// A card drawn from a readable spec, listening to its visitor.
struct Live {
    state: CardState,
    /// Handles to what changes, and the node list in JavaScript they index (see `dom.rs`):
    /// kept together, so dropping one drops the other.
    view: CardView<dom::Handle>,
    nodes: Nodes,
    keys: EventKeys,
    /// Delegated listeners on the shadow root (see `input.rs`), dropped with the card.
    _listeners: [EventListener; 3],
}

/// Everything a card knows besides its queue.
pub struct Lifecycle<M: Mailbox> {
    /// The card's own queue, for browser callbacks and listeners to post to, and for the
    /// `spec` getter's value. Weak: the queue owns this lifecycle.
    mailbox: Weak<M>,
    phase: Phase,
    /// The `spec` property, which wins over `src` and the script child.
    property: Option<SpecProperty>,
    /// The `src` attribute: where to fetch the spec when no `spec` property is set.
    source: Option<String>,
    /// What the last fetch of `source` gave: the parsed JSON, or why there is none. Kept, so a
    /// card moved in the page is drawn again without fetching again.
    fetched: Option<Result<JsValue, Vec<Problem>>>,
    /// The fetch under way: its ticket and address.
    in_flight: Option<(u32, String)>,
    /// Counts spec changes: a fetch answers with the count it was asked under.
    generation: u32,
    /// Browser callbacks, made once per card and kept with it rather than with the DOM
    /// handles: a fetch or the clipboard may answer after the card has left the page.
    callbacks: Option<Callbacks>,
}

struct Callbacks {
    fetched: Closure<dyn FnMut(JsValue)>,
    copied: Closure<dyn FnMut(JsValue)>,
}

/// What reading the spec gave.
enum Read {
    Ready(Comparison),
    Refused(Refused),
    /// Waiting for `src`, at this address.
    Loading(String),
}

impl<M: Mailbox + 'static> Lifecycle<M> {
    /// A card not yet drawn, whose queue is `mailbox`.
    pub fn new(mailbox: Weak<M>) -> Self {
        Lifecycle {
            mailbox,
            phase: Phase::Unrendered,
            property: None,
            source: None,
            fetched: None,
            in_flight: None,
            generation: 0,
            callbacks: None,
        }
    }

    /// Does what `message` asks; returns the events to send once the card is free again.
    pub fn handle(&mut self, message: Message) -> Option<Outbox> {
        match message {
            Message::Connected(host) => self.connect(host),
            Message::Disconnected => self.disconnect(),
            Message::SpecSet(host, property) => {
                self.property = Some(property);
                self.spec_changed(host);
            }
            Message::SourceSet(host, source) => {
                if self.source == source {
                    return None;
                }
                self.source = source;
                self.fetched = None;
                // A `spec` property wins over `src`: nothing to show differently.
                if self.property.is_none() {
                    self.spec_changed(host);
                }
            }
            Message::Fetched(answer) => self.fetched(&answer),
            Message::Visitor(msg) => return self.visitor(msg),
            Message::Committed => {
                if let Some((host, live)) = self.live() {
                    persistence::save(host, &live.state);
                }
            }
            Message::CopyLink => self.copy_link(),
            Message::Copied(copied) => self.show_copy_status(if copied { Key::LinkCopied } else { Key::CopyFailed }),
            Message::CtaFollowed => {
                let (host, live) = self.live()?;
                return Some(outbox(host, live, &[CardEvent::CtaClick], &self.mailbox));
            }
        }
        None
    }

    fn live(&self) -> Option<(&HtmlElement, &Live)> {
        match &self.phase {
            Phase::Shown(Shown { host, live: Some(live) }) => Some((host, live)),
            _ => None,
        }
    }

    fn connect(&mut self, host: HtmlElement) {
        match std::mem::take(&mut self.phase) {
            shown @ Phase::Shown(_) => self.phase = shown,
            Phase::Unrendered => self.draw(host, None),
            Phase::Away(kept) => self.draw(host, kept),
        }
    }

    fn disconnect(&mut self) {
        self.phase = match std::mem::take(&mut self.phase) {
            Phase::Shown(shown) => Phase::Away(shown.live.map(|live| live.state.priorities().to_vec())),
            // A second removal in the same task (remove, append, remove) keeps what the first kept.
            other => other,
        };
    }

    /// A new spec (or a new place to find it): drawn now in the page, or when the card connects.
    fn spec_changed(&mut self, host: HtmlElement) {
        self.generation = self.generation.wrapping_add(1);
        match self.phase {
            Phase::Shown(_) => self.draw(host, None),
            _ => self.phase = Phase::Unrendered,
        }
    }

    /// Reads the spec and shows the card, the loading box or the problems; `kept` are the
    /// visitor's priorities from before the card left the page.
    fn draw(&mut self, host: HtmlElement, kept: Option<Vec<u8>>) {
        // Drop the old card (its listeners and node list) before drawing the new one.
        self.phase = Phase::Unrendered;
        let live = match self.read(&host) {
            Read::Ready(comparison) => {
                let mut state = CardState::new(comparison);
                match kept {
                    Some(priorities) => {
                        state.restore(&priorities);
                    }
                    None => persistence::restore(&host, &mut state),
                }
                go_live(&host, state, &self.mailbox)
            }
            Read::Refused((problems, labels)) => {
                shadow::show_problems(&host, &problems, &labels);
                None
            }
            Read::Loading(url) => {
                shadow::show_loading(&host, &url);
                self.fetch(url);
                None
            }
        };
        self.phase = Phase::Shown(Shown { host, live });
    }

    /// Reads the spec from the property, the fetched `src` or the script child, in that order.
    fn read(&self, host: &HtmlElement) -> Read {
        let parsed = match (&self.property, &self.source, &self.fetched) {
            (Some(property), _, _) => source::read_property(property),
            (None, Some(url), None) => {
                self.spec_value(JsValue::NULL);
                return Read::Loading(url.clone());
            }
            (None, Some(_), Some(Ok(value))) => {
                self.spec_value(value.clone());
                source::read_comparison(value)
            }
            (None, Some(_), Some(Err(problems))) => Err(source::refused(problems.clone())),
            (None, None, _) => source::script_child(host).and_then(|value| {
                self.spec_value(value.clone());
                source::read_comparison(&value)
            }),
        };
        match parsed {
            Ok(mut comparison) => {
                comparison.labels.decimal = source::decimal_separator(host);
                Read::Ready(comparison)
            }
            Err(refused) => Read::Refused(refused),
        }
    }

    /// Fetches `url`, unless the same request is already under way (a card moved while loading).
    fn fetch(&mut self, url: String) {
        if self.in_flight.as_ref().is_some_and(|(ticket, asked)| *ticket == self.generation && *asked == url) {
            return;
        }
        let ticket = self.generation;
        source::fetch(&url, ticket, &self.callbacks().fetched);
        self.in_flight = Some((ticket, url));
    }

    /// A fetch answered: keep what it gave and draw, if it answers the card's current question.
    fn fetched(&mut self, answer: &JsValue) {
        let Some((ticket, url)) = &self.in_flight else { return };
        let (answered, result) = source::read_answer(url, answer);
        // An answer to an earlier question (an older `src`, an older spec) is not this one's.
        if answered != Some(*ticket) || *ticket != self.generation {
            return;
        }
        self.in_flight = None;
        self.fetched = Some(result);
        if let Phase::Shown(Shown { host, .. }) = &self.phase {
            let host = host.clone();
            self.draw(host, None);
        }
        // Out of the page: drawn from what was fetched when the card comes back.
    }

    /// Applies a visitor's action; returns the events it gives.
    fn visitor(&mut self, msg: Msg) -> Option<Outbox> {
        let Phase::Shown(Shown { host, live: Some(live) }) = &mut self.phase else { return None };
        let changes = live.state.update(msg);
        // A preset chosen (or left) without moving a slider is still news for the page: the
        // detail's `preset` changed.
        if !changes.priorities && !changes.preset {
            return None;
        }
        let (view, state) = (&mut live.view, &live.state);
        live.nodes.batch(|| {
            if let Msg::SetPriority { criterion, level } = msg {
                view.slider_moved(criterion, level);
            }
            view.patch(state);
        });
        if !matches!(msg, Msg::SetPriority { .. }) {
            // Presets and Reset are whole actions; a slider saves when it is let go.
            persistence::save(host, &live.state);
        }
        let events: &[CardEvent] = if changes.result {
            &[CardEvent::PriorityChange, CardEvent::VerdictChange]
        } else {
            &[CardEvent::PriorityChange]
        };
        Some(outbox(host, live, events, &self.mailbox))
    }

    /// Saves the priorities, then puts an address that restores them on the clipboard.
    fn copy_link(&mut self) {
        let Some((host, live)) = self.live() else { return };
        persistence::save(host, &live.state);
        let Some(address) = persistence::shared_address(host, &live.state) else {
            self.show_copy_status(Key::CopyFailed);
            return;
        };
        let _ = bindings::copy_text(&address).then(&self.callbacks().copied);
    }

    fn show_copy_status(&mut self, key: Key) {
        if let Phase::Shown(Shown { live: Some(live), .. }) = &mut self.phase {
            let message = live.state.comparison().labels.get(key);
            let view = &mut live.view;
            live.nodes.batch(|| view.show_copy_status(message));
        }
    }

    /// Sets what the `spec` getter returns.
    fn spec_value(&self, value: JsValue) {
        if let Some(card) = self.mailbox.upgrade() {
            card.set_spec_value(value);
        }
    }

    fn callbacks(&mut self) -> &Callbacks {
        self.callbacks.get_or_insert_with(|| {
            let (on_fetch, on_copy) = (self.mailbox.clone(), self.mailbox.clone());
            Callbacks {
                fetched: Closure::new(move |answer| send(&on_fetch, Message::Fetched(answer))),
                copied: Closure::new(move |copied: JsValue| {
                    send(&on_copy, Message::Copied(copied.as_bool() == Some(true)))
                }),
            }
        })
    }
}

/// Builds the card for `state` into the shadow root and starts listening.
fn go_live<M: Mailbox + 'static>(host: &HtmlElement, state: CardState, mailbox: &Weak<M>) -> Option<Box<Live>> {
    // Read before the mount: reading attributes runs page code (a page may override `id`),
    // and no page code may run while a batch is being written (see `dom::Nodes::batch`).
    let features = Options::read(host).features;
    let (view, nodes) = shadow::mount(host, |factory| view::build(factory, &state, features))?;
    let keys = EventKeys::new(state.comparison());
    let _listeners = input::listen(&host.shadow_root()?, mailbox);
    Some(Box::new(Live { state, view, nodes, keys, _listeners }))
}

/// The events `names`, each with its own detail of the current state.
fn outbox<M: Mailbox>(host: &HtmlElement, live: &Live, names: &[CardEvent], mailbox: &Weak<M>) -> Outbox {
    Outbox {
        host: host.clone(),
        names: live.keys.names(),
        events: names.iter().map(|&event| (event, events::detail(&live.state, &live.keys))).collect(),
        requests: mailbox.upgrade().map_or(0, |card| card.requests()),
    }
}
