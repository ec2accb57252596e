//! The browser edge (wasm only): the `<comparison-card>` element and everything that touches
//! JavaScript. Nothing below this folder is pure; the card's decisions live in `core`.

mod dom;
mod element;
mod events;
mod js_value;

pub use element::{define, CardController, TAG_NAME};
