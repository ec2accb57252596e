//! The host API in one place: the `<comparison-card>` element, its `spec` property and its events.
//!
//! The custom-element class itself is a few lines of JavaScript (`element.js`), since a class
//! extending `HTMLElement` cannot be written in Rust. Each instance owns a [`CardController`].

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, ShadowRoot};

use crate::core::labels::{Key, Labels};
use crate::core::share::{self, Saved};
use crate::core::spec::{self, Problem, MAX_PRIORITY};
use crate::core::state::{CardState, Msg};
use crate::view::tree::{self, Node};
use crate::view::{self, CardView, Features, ACTION_ATTRIBUTE, COPY_ACTION, PRESET_ATTRIBUTE};
use crate::web::dom::{self, Dom};
use crate::web::events::{self, CardEvent};
use crate::web::js_value;

pub use crate::core::contract::TAG_NAME;

#[wasm_bindgen(module = "/src/web/element.js")]
extern "C" {
    /// `Intl.NumberFormat`'s decimal separator for a language tag; `None` for a tag it refuses.
    #[wasm_bindgen(js_name = decimalSeparator)]
    fn decimal_separator_for(lang: &str) -> Option<String>;
    /// Fetches a spec's text; resolves to `{ ticket, text }` or `{ ticket, failure }`, never rejects.
    #[wasm_bindgen(js_name = fetchSpec)]
    fn fetch_spec(url: &str, ticket: u32) -> js_sys::Promise;
    /// The slider an `input` event came from and where it stands, as `index * 8 + level`;
    /// `None` when the event did not come from one of the card's sliders.
    #[wasm_bindgen(js_name = sliderStep)]
    fn slider_step(event: &Event) -> Option<u32>;
    #[wasm_bindgen(js_name = defineCardElement)]
    fn define_card_element(tag_name: &str, create_controller: &Closure<dyn Fn(HtmlElement) -> JsValue>) -> bool;
}

thread_local! {
    static DEFINED: Cell<bool> = const { Cell::new(false) };
    /// One constructed stylesheet, adopted by every card on the page.
    static STYLESHEET: RefCell<Option<web_sys::CssStyleSheet>> = const { RefCell::new(None) };
}

/// Defines `<comparison-card>`. Returns `false` when the tag was already defined, by this module
/// or by another script; calling it again is harmless.
#[wasm_bindgen]
pub fn define() -> bool {
    if DEFINED.with(|d| d.replace(true)) {
        return false;
    }
    install_panic_hook();
    let create = Closure::<dyn Fn(HtmlElement) -> JsValue>::new(|host: HtmlElement| CardController::new(&host).into());
    let defined = define_card_element(TAG_NAME, &create);
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

/// The Rust side of one `<comparison-card>`: reads the spec, renders, listens, dispatches events.
#[wasm_bindgen]
pub struct CardController {
    card: Rc<RefCell<Card>>,
}

struct Card {
    /// The spec set through the `spec` property; it takes precedence over the JSON script child.
    /// Holding it roots the author's object only, never the element.
    spec_property: Option<JsValue>,
    /// The spec last set or read, returned by the `spec` getter.
    spec_value: JsValue,
    rendered: bool,
    /// Counts spec changes, so events prepared for one spec are not sent after another.
    generation: u32,
    /// The state shown while the element is in the page. Pure Rust: it holds nothing of the DOM.
    state: Option<CardState>,
    /// Out of the page only the visitor's priorities are kept, not the parsed spec: a removed
    /// card waits for the garbage collector, and should weigh a few bytes meanwhile. The spec is
    /// read again when the card comes back.
    kept_priorities: Option<Vec<u8>>,
    /// Everything that points into the DOM, held only while connected. Each `JsValue` kept in Rust
    /// is a garbage-collection root, so a removed card must hold none of its nodes, or it could
    /// never be collected (and the FinalizationRegistry never free this controller).
    live: Option<Live>,
    /// The `src` attribute: where to fetch the spec when no `spec` property is set.
    source: Option<String>,
    /// What the last fetch of `source` gave: the parsed JSON, or why there is none. Kept, so a
    /// card moved in the page is drawn again without fetching again.
    fetched: Option<Result<JsValue, Vec<Problem>>>,
    /// The fetch under way for `source`, if any.
    pending: Option<Pending>,
    /// What a fetch does when it answers; made once, kept with the card like `copy_callbacks`.
    /// Plain promise callbacks rather than gloo-net and a Rust future: the same request for
    /// about 1 KB of wasm instead of 7 KB gzip (measured; see the README).
    fetch_answered: Option<Closure<dyn FnMut(JsValue)>>,
    /// What "Copy link" does when the clipboard answers. Made once and kept with the card, not
    /// with the DOM handles: the clipboard may answer after the card has left the page.
    copy_callbacks: Option<CopyCallbacks>,
}

type CopyCallbacks = (Closure<dyn FnMut(JsValue)>, Closure<dyn FnMut(JsValue)>);

/// A fetch of a `src` spec: for which address, and the element to draw into. Holding the element
/// keeps it alive until the answer comes, and no longer.
struct Pending {
    url: String,
    host: HtmlElement,
}

/// A fetch answered: keep what it gave and draw, if it answers the card's current question. The
/// answer carries the ticket (the card's spec generation) it was asked with, so an answer to an
/// earlier `src` is never taken for the latest one.
fn fetched(card: &Weak<RefCell<Card>>, answer: &JsValue) {
    let field = |name: &str| js_sys::Reflect::get(answer, &JsValue::from_str(name)).ok();
    let ticket = field("ticket").and_then(|t| t.as_f64());
    let Some(strong) = card.upgrade() else { return };
    let Ok(mut current) = strong.try_borrow_mut() else { return };
    if ticket != Some(f64::from(current.generation)) {
        return;
    }
    let Some(pending) = current.pending.take() else { return };
    current.fetched = Some(match (field("text").and_then(|t| t.as_string()), field("failure")) {
        (Some(text), _) => parse_json(&text),
        (None, failure) => {
            let mut message = String::from("could not load `");
            message.push_str(&pending.url);
            message.push_str("`: ");
            message.push_str(&failure.and_then(|f| f.as_string()).unwrap_or_default());
            Err(vec![Problem::new("src", message)])
        }
    });
    if current.live.take().is_some() {
        current.read_spec(&pending.host);
        current.restore_saved(&pending.host);
        current.go_live(&pending.host, card.clone());
    } else {
        // Out of the page: drawn from what was fetched when the card comes back.
        current.rendered = false;
    }
}

struct Live {
    host: HtmlElement,
    drawn: Option<Drawn>,
    keys: Option<events::EventKeys>,
    /// Delegated listeners on the shadow root: `input` (sliders move), `change` (a slider is
    /// let go: the moment to save) and `click` (presets, reset, copy link, call to action).
    _listeners: Vec<EventListener>,
}

/// A card on screen: handles to what changes, and the node list in JavaScript they index (see
/// `dom.rs`). Kept together, so dropping one drops the other.
struct Drawn {
    view: CardView<dom::Handle>,
    nodes: JsValue,
}

impl Live {
    fn show_copy_status(&mut self, message: &str) {
        if let Some(drawn) = &mut self.drawn {
            drawn.view.show_copy_status(message);
            dom::flush(&drawn.nodes);
        }
    }
}

/// The element's attributes that change how a card behaves, read when it is drawn.
#[derive(Default)]
struct Options {
    features: Features,
    /// `persist`: priorities kept in localStorage.
    persist: bool,
    /// Names the card in the URL fragment and in storage: the element's id, or `card`.
    id: String,
}

impl Options {
    fn read(host: &HtmlElement) -> Self {
        let id = host.id();
        Options {
            features: Features {
                chart: host.get_attribute("chart").is_none_or(|value| value != "none"),
                share: host.has_attribute("share"),
            },
            persist: host.has_attribute("persist"),
            id: if id.is_empty() { String::from("card") } else { id },
        }
    }

    fn storage_key(&self) -> String {
        String::from("comparison-card:") + &self.id
    }
}

/// What a slider step produced, carried out of the borrow before any event is dispatched, so a
/// page listener that touches the card (sets `spec`, removes it) finds it free.
struct Dispatch {
    host: HtmlElement,
    names: events::EventNames,
    detail: JsValue,
    result_changed: bool,
    generation: u32,
}

impl Dispatch {
    /// Sends `prioritychange`, then `verdictchange` if the result changed and the spec is the
    /// same (a page listener may have replaced it meanwhile; then this verdict is stale).
    fn send(self, card: &Rc<RefCell<Card>>) {
        events::dispatch(&self.host, &self.names, CardEvent::PriorityChange, &self.detail);
        let same_spec = card.try_borrow().is_ok_and(|card| card.generation == self.generation);
        if self.result_changed && same_spec {
            events::dispatch(&self.host, &self.names, CardEvent::VerdictChange, &self.detail);
        }
    }
}

#[wasm_bindgen]
impl CardController {
    /// Attaches the shadow root; the element is passed again to each call that needs it.
    #[wasm_bindgen(constructor)]
    pub fn new(host: &HtmlElement) -> CardController {
        attach_shadow(host);
        let card = Card {
            spec_property: None,
            spec_value: JsValue::NULL,
            rendered: false,
            generation: 0,
            state: None,
            kept_priorities: None,
            live: None,
            source: None,
            fetched: None,
            pending: None,
            fetch_answered: None,
            copy_callbacks: None,
        };
        CardController { card: Rc::new(RefCell::new(card)) }
    }

    /// The element is in a document: render if needed, then listen.
    pub fn connected(&self, host: &HtmlElement) {
        let Ok(mut card) = self.card.try_borrow_mut() else { return };
        if card.live.is_some() {
            return;
        }
        let mut fetch = None;
        if !card.rendered {
            fetch = card.read_spec(host);
            card.restore_saved(host);
        } else if let Some(priorities) = card.kept_priorities.take() {
            fetch = card.read_spec(host);
            card.restore(&priorities);
        }
        card.go_live(host, Rc::downgrade(&self.card));
        drop(card);
        self.fetch(host, fetch);
    }

    /// The `src` attribute changed (or was there when the element was created).
    #[wasm_bindgen(js_name = setSource)]
    pub fn set_source(&self, host: &HtmlElement, source: Option<String>) {
        let Ok(mut card) = self.card.try_borrow_mut() else { return };
        if card.source == source {
            return;
        }
        card.source = source;
        card.fetched = None;
        // A `spec` property wins over `src`: nothing to show differently.
        if card.spec_property.is_some() {
            return;
        }
        card.generation = card.generation.wrapping_add(1);
        card.kept_priorities = None;
        if card.live.take().is_none() {
            // Not in the page yet: read when it connects.
            card.rendered = false;
            return;
        }
        let fetch = card.read_spec(host);
        card.restore_saved(host);
        card.go_live(host, Rc::downgrade(&self.card));
        drop(card);
        self.fetch(host, fetch);
    }

    /// Fetches the spec at `url`; [`fetched`] takes the answer, unless the spec or `src` changed
    /// meanwhile.
    fn fetch(&self, host: &HtmlElement, url: Option<String>) {
        let Some(url) = url else { return };
        let Ok(mut card) = self.card.try_borrow_mut() else { return };
        card.pending = Some(Pending { url: url.clone(), host: host.clone() });
        let weak = Rc::downgrade(&self.card);
        let ticket = card.generation;
        let answered = card.fetch_answered.get_or_insert_with(|| Closure::new(move |answer| fetched(&weak, &answer)));
        let _ = fetch_spec(&url, ticket).then(answered);
    }

    /// The element left the document: drop the listener and every handle into the DOM.
    pub fn disconnected(&self) {
        if let Ok(mut card) = self.card.try_borrow_mut() {
            card.live = None;
            // Only a card holding state saves its priorities: a second removal in the same task
            // (remove, append, remove) must not overwrite the ones saved by the first.
            if let Some(state) = card.state.take() {
                card.kept_priorities = Some(state.priorities().to_vec());
            }
        }
    }

    /// The spec last read, as an object (`null` before the first render).
    pub fn spec(&self) -> JsValue {
        self.card.try_borrow().map(|card| card.spec_value.clone()).unwrap_or(JsValue::NULL)
    }

    /// Replaces the spec and renders again. `original` is what the page set (returned by the
    /// getter); `readable` is a plain copy of it made by the element class, or the same value
    /// when it is not an object (a JSON string, or nothing).
    #[wasm_bindgen(js_name = setSpec)]
    pub fn set_spec(&self, host: &HtmlElement, original: JsValue, readable: JsValue) {
        let Ok(mut card) = self.card.try_borrow_mut() else { return };
        card.spec_value = original;
        card.spec_property = Some(readable);
        card.generation = card.generation.wrapping_add(1);
        card.kept_priorities = None;
        let was_live = card.live.take().is_some();
        card.read_spec(host);
        card.restore_saved(host);
        // Outside the page the card is drawn when it connects, not twice.
        if was_live {
            card.go_live(host, Rc::downgrade(&self.card));
        }
    }

    /// The page set a spec that cannot be copied (a Proxy, a getter that throws, a function).
    #[wasm_bindgen(js_name = setUnreadableSpec)]
    pub fn set_unreadable_spec(&self, host: &HtmlElement, original: JsValue, reason: String) {
        let Ok(mut card) = self.card.try_borrow_mut() else { return };
        card.spec_value = original;
        card.spec_property = None;
        card.generation = card.generation.wrapping_add(1);
        card.state = None;
        card.kept_priorities = None;
        card.rendered = true;
        if let Some(live) = &mut card.live {
            // Still in the page, with nothing to listen to.
            live.drawn = None;
            live.keys = None;
            live._listeners.clear();
        }
        let mut message = String::from("cannot be read as plain data: ");
        message.push_str(&reason);
        show_problems(host, &[Problem::new("spec", message)], &Labels::default());
    }
}

fn attach_shadow(host: &HtmlElement) {
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

/// Gives the shadow root the card's styles: the constructed stylesheet all cards share. Where
/// constructable stylesheets are missing, [`mount`] adds a `<style>` to each thing it shows.
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
/// `build` returned besides the root, and the node list its handles index (see `dom.rs`).
///
/// Node indices are counted from the start of the mount to its flush, so `build` must not run
/// page code (no attribute or property reads on the host): page code could draw another card in
/// between and take the same indices. Builders only compute and write.
fn mount<T>(host: &HtmlElement, build: impl FnOnce(&dom::Batched) -> (dom::Handle, T)) -> Option<(T, JsValue)> {
    let nodes = dom::node_list(&host.shadow_root()?).into();
    let (root, built) = build(&dom::Batched);
    dom::replace_children(dom::ROOT, root);
    if STYLESHEET.with(|cell| cell.borrow().is_none()) {
        let style = tree::Factory::element(&dom::Batched, "style");
        style.set_text(view::STYLE);
        dom::ROOT.append(&style);
    }
    dom::flush(&nodes);
    Some((built, nodes))
}

impl Card {
    /// Reads the spec into `state` from the property, the fetched `src` or the script child, in
    /// that order of precedence, or shows the problems. Returns the address to fetch when `src`
    /// has not been fetched yet; the card shows that it is loading meanwhile.
    fn read_spec(&mut self, host: &HtmlElement) -> Option<String> {
        self.rendered = true;
        let parsed = match (self.spec_property.clone(), &self.source, &self.fetched) {
            (Some(value), _, _) => self.read_property(value),
            (None, Some(source), None) => {
                self.state = None;
                self.spec_value = JsValue::NULL;
                show_loading(host, source);
                return Some(source.clone());
            }
            (None, Some(_), Some(Ok(value))) => {
                self.spec_value = value.clone();
                read_comparison(value)
            }
            (None, Some(_), Some(Err(problems))) => Err(refused(problems.clone())),
            (None, None, _) => self.read_script_child(host),
        };
        match parsed {
            Ok(mut comparison) => {
                comparison.labels.decimal = decimal_separator(host);
                self.state = Some(CardState::new(comparison));
            }
            Err((problems, labels)) => {
                self.state = None;
                show_problems(host, &problems, &labels);
            }
        }
        None
    }

    /// Puts back the priorities a visitor had set, if the spec still has the same criteria.
    fn restore(&mut self, priorities: &[u8]) {
        if let Some(state) = &mut self.state {
            state.restore(priorities);
        }
    }

    /// With `share` or `persist`, starts from the priorities in the page's URL fragment, or else
    /// from the ones stored on an earlier visit. Anything that does not fit is ignored, with a
    /// warning: an old link must never break the card.
    fn restore_saved(&mut self, host: &HtmlElement) {
        let Some(state) = &mut self.state else { return };
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

    /// Writes the priorities where `share` and `persist` keep them. Called when a slider is let
    /// go or a button is pressed, not on every step: browsers limit how often a page may
    /// rewrite its address.
    fn save(&self, host: &HtmlElement) {
        let Some(state) = &self.state else { return };
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

    fn read_property(&mut self, value: JsValue) -> Result<spec::Comparison, Refused> {
        // A string is taken as JSON text, like the script child.
        let value = match value.as_string() {
            Some(text) => parse_json(&text).map_err(refused)?,
            None => value,
        };
        read_comparison(&value)
    }

    fn read_script_child(&mut self, host: &HtmlElement) -> Result<spec::Comparison, Refused> {
        self.spec_value = JsValue::NULL;
        let script = host.raw().query_selector("script[type='application/json']").ok_or_else(|| {
            refused(vec![Problem::new(
                "spec",
                "missing: put the spec in a <script type=\"application/json\"> inside the element, or set the element's spec property",
            )])
        })?;
        let value = parse_json(&script.text_content().unwrap_or_default()).map_err(refused)?;
        self.spec_value = value.clone();
        read_comparison(&value)
    }

    /// Builds the card for the current state into the shadow root; returns the handles to keep
    /// and the node list they index.
    fn draw(&self, host: &HtmlElement) -> Option<Drawn> {
        let state = self.state.as_ref()?;
        // Read before `mount`: reading attributes runs page code (a page may override `id`),
        // and no page code may run between a mount's start and its flush (see `mount`).
        let features = Options::read(host).features;
        let (view, nodes) = mount(host, |factory| view::build(factory, state, features))?;
        Some(Drawn { view, nodes })
    }

    /// Connects a rendered card to the page: fresh view handles and the input listener.
    fn go_live(&mut self, host: &HtmlElement, card: Weak<RefCell<Card>>) {
        let drawn = self.draw(host);
        let mut listeners = Vec::new();
        if let (Some(_), Some(shadow)) = (&drawn, host.shadow_root()) {
            let (on_step, on_release, on_press) = (card.clone(), card.clone(), card);
            listeners.push(EventListener::new(&shadow, "input", move |event| on_input(&on_step, event)));
            listeners.push(EventListener::new(&shadow, "change", move |_| on_change(&on_release)));
            listeners.push(EventListener::new(&shadow, "click", move |event| on_click(&on_press, event)));
        }
        let keys = drawn.as_ref().and(self.state.as_ref()).map(|state| events::EventKeys::new(state.comparison()));
        self.live = Some(Live { host: host.clone(), drawn, keys, _listeners: listeners });
    }

    /// Applies a visitor's action; returns what to dispatch once the card is no longer borrowed.
    fn apply(&mut self, msg: Msg) -> Option<Dispatch> {
        let (state, live) = (self.state.as_mut()?, self.live.as_mut()?);
        let changes = state.update(msg);
        // A preset chosen (or left) without moving a slider is still news for the page: the
        // detail's `preset` changed.
        if !changes.priorities && !changes.preset {
            return None;
        }
        if let Some(drawn) = &mut live.drawn {
            if let Msg::SetPriority { criterion, level } = msg {
                drawn.view.slider_moved(criterion, level);
            }
            drawn.view.patch(state);
            dom::flush(&drawn.nodes);
        }
        let keys = live.keys.as_ref()?;
        Some(Dispatch {
            host: live.host.clone(),
            names: keys.names(),
            detail: events::detail(state, keys),
            result_changed: changes.result,
            generation: self.generation,
        })
    }

    /// The detail every event carries, for the call to action's click.
    fn current_detail(&self) -> Option<(HtmlElement, events::EventNames, JsValue)> {
        let (state, live) = (self.state.as_ref()?, self.live.as_ref()?);
        let keys = live.keys.as_ref()?;
        Some((live.host.clone(), keys.names(), events::detail(state, keys)))
    }

    /// Saves the priorities, then puts the page address on the clipboard and says how it went.
    fn copy_link(&mut self, card: &Weak<RefCell<Card>>) {
        let Some(host) = self.live.as_ref().map(|live| live.host.clone()) else { return };
        self.save(&host);
        let Some(window) = web_sys::window() else { return };
        let href = window.location().raw().href();
        let callbacks = self.copy_callbacks.get_or_insert_with(|| {
            let (copied, failed) = (card.clone(), card.clone());
            (
                Closure::new(move |_| show_copy_status(&copied, Key::LinkCopied)),
                Closure::new(move |_| show_copy_status(&failed, Key::CopyFailed)),
            )
        });
        // Looked up by name: the Clipboard API is missing outside secure contexts, and this
        // keeps its bindings out of the wasm.
        let navigator = js_sys::Reflect::get(&window, &JsValue::from_str("navigator")).ok();
        let clipboard = navigator.and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("clipboard")).ok());
        let promise = clipboard.and_then(|clipboard| {
            let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")).ok()?;
            let write = write.dyn_into::<js_sys::Function>().ok()?;
            write.call1(&clipboard, &JsValue::from_str(&href)).ok()?.dyn_into::<js_sys::Promise>().ok()
        });
        match promise {
            Some(promise) => {
                let _ = promise.then2(&callbacks.0, &callbacks.1);
            }
            None => {
                let labels = self.state.as_ref().map(|state| &state.comparison().labels);
                let message = labels.map_or("", |labels| labels.get(Key::CopyFailed));
                if let Some(live) = &mut self.live {
                    live.show_copy_status(message);
                }
            }
        }
    }
}

fn show_copy_status(card: &Weak<RefCell<Card>>, key: Key) {
    let Some(card) = card.upgrade() else { return };
    let Ok(mut card) = card.try_borrow_mut() else { return };
    let card = &mut *card;
    let Some(message) = card.state.as_ref().map(|state| state.comparison().labels.get(key)) else { return };
    if let Some(live) = &mut card.live {
        live.show_copy_status(message);
    }
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

/// While `src` loads: a box that holds the card's place and says what it is waiting for.
fn show_loading(host: &HtmlElement, source: &str) {
    mount(host, |factory| (view::build_loading(factory, source), ()));
}

/// Replaces the card with the error box and logs the same problems to the console.
fn show_problems(host: &HtmlElement, problems: &[Problem], labels: &Labels) {
    let mut message = String::from("comparison-card: this card's spec cannot be shown:");
    for problem in problems {
        message.push_str("\n  - ");
        message.push_str(&problem.path);
        message.push_str(": ");
        message.push_str(&problem.message);
    }
    web_sys::console::error_2(&JsValue::from_str(&message), host);
    mount(host, |factory| (view::build_error(factory, labels, problems), ()));
}

fn on_input(card: &Weak<RefCell<Card>>, event: &Event) {
    // One call for what would be four (the target, its type, its index attribute, its value).
    let Some(step) = slider_step(event) else { return };
    let criterion = (step / 8) as usize;
    let level = (step % 8).min(u32::from(MAX_PRIORITY)) as u8;
    let Some(card) = card.upgrade() else { return };
    let dispatch = match card.try_borrow_mut() {
        Ok(mut card) => card.apply(Msg::SetPriority { criterion, level }),
        Err(_) => None,
    };
    if let Some(dispatch) = dispatch {
        dispatch.send(&card);
    }
}

/// A slider was let go (or stepped with a key): keep the priorities where asked to.
fn on_change(card: &Weak<RefCell<Card>>) {
    let Some(card) = card.upgrade() else { return };
    let Ok(card) = card.try_borrow() else { return };
    if let Some(live) = &card.live {
        card.save(&live.host);
    }
}

/// Preset and action buttons, and the call to action.
fn on_click(card: &Weak<RefCell<Card>>, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(control) = target.raw().closest("button,a") else { return };
    let Some(strong) = card.upgrade() else { return };
    if control.tag_name() == "A" {
        let detail = strong.try_borrow().ok().and_then(|card| card.current_detail());
        // Sent now, while the browser has not yet followed the link.
        if let Some((host, names, detail)) = detail {
            events::dispatch(&host, &names, CardEvent::CtaClick, &detail);
        }
        return;
    }
    let msg = match (control.get_attribute(PRESET_ATTRIBUTE), control.get_attribute(ACTION_ATTRIBUTE)) {
        (Some(index), _) => index.parse().ok().map(Msg::ApplyPreset),
        (None, Some(action)) if action == COPY_ACTION => {
            if let Ok(mut borrowed) = strong.try_borrow_mut() {
                borrowed.copy_link(card);
            }
            None
        }
        (None, Some(_)) => Some(Msg::Reset),
        (None, None) => None,
    };
    let Some(msg) = msg else { return };
    let dispatch = match strong.try_borrow_mut() {
        Ok(mut card) => {
            let dispatch = card.apply(msg);
            if let Some(live) = &card.live {
                card.save(&live.host);
            }
            dispatch
        }
        Err(_) => None,
    };
    if let Some(dispatch) = dispatch {
        dispatch.send(&strong);
    }
}

/// The decimal separator of the element's language (its own `lang`, an ancestor's, or the
/// page's), as `Intl.NumberFormat` writes it; `None` for the default dot.
fn decimal_separator(host: &HtmlElement) -> Option<char> {
    let lang = host.raw().closest("[lang]")?.get_attribute("lang").filter(|lang| !lang.is_empty())?;
    decimal_separator_for(&lang)?.chars().next()
}

/// Problems with a spec, and the labels to show them with: the spec's own, when its `labels`
/// field could be read, so the error box speaks the card's language too.
type Refused = (Vec<Problem>, Labels);

fn refused(problems: Vec<Problem>) -> Refused {
    (problems, Labels::default())
}

fn read_comparison(value: &JsValue) -> Result<spec::Comparison, Refused> {
    let value = js_value::read(value).map_err(|problem| refused(vec![problem]))?;
    spec::from_value(&value).map_err(|problems| (problems, spec::labels_only(&value)))
}

fn parse_json(text: &str) -> Result<JsValue, Vec<Problem>> {
    if spec::is_blank(text) {
        return Err(vec![Problem::new("spec", "empty: the JSON script inside the element has no content")]);
    }
    js_sys::JSON::parse(text).map_err(|error| {
        let mut message = String::from("not valid JSON: ");
        message.push_str(&js_error_message(&error, "the text could not be parsed"));
        vec![Problem::new("spec", message)]
    })
}

fn js_error_message(error: &JsValue, fallback: &str) -> String {
    error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| fallback.to_string())
}
