//! The browser edge (wasm only): the `<comparison-card>` element and everything that touches
//! JavaScript. The card's decisions live in `core`; what it shows, in `view`.
//!
//! - `controller`: `define`, the controller behind each element, and the per-card message queue;
//! - `message`: the messages, what posting code sees of the queue, and the events to send;
//! - `lifecycle`: a card's phases and what each message does to them;
//! - `source`: where the spec comes from (property, `src`, script child);
//! - `persistence`: the fragment and `localStorage`; `options`: the element's attributes;
//! - `input`: the visitor's DOM events, as messages; `events`: the events the card sends;
//! - `shadow`: the shadow root and its stylesheet; `dom`: the batched DOM edge;
//! - `js_value`: plain JavaScript data read into a `Value`;
//! - `bindings`: every JavaScript import, beside `element.js`.

mod bindings;
mod controller;
mod dom;
mod events;
mod input;
mod js_value;
mod lifecycle;
mod message;
mod options;
mod persistence;
mod shadow;
mod source;

pub use crate::core::contract::TAG_NAME;
pub use controller::{define, CardController};
