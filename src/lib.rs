//! comparison-card: an embeddable comparison card with live priority sliders.
//!
//! The crate has three layers:
//! - a pure core that never touches the DOM and is tested with plain `cargo test`:
//!   [`value`] and [`spec`] (reading the spec, and its validation), [`scoring`] (weights to totals, winners, tally,
//!   standing), [`state`] (one message type, one update) and [`text`] (every visible string);
//! - the DOM edge (`view`, wasm only): builds a card's shadow DOM once and patches it;
//! - the host API (`element`, wasm only): the `<comparison-card>` custom element.

pub mod scoring;
pub mod spec;
pub mod state;
pub mod text;
pub mod value;

#[cfg(target_arch = "wasm32")]
mod element;
#[cfg(target_arch = "wasm32")]
mod js_value;
#[cfg(target_arch = "wasm32")]
mod view;

#[cfg(target_arch = "wasm32")]
pub use element::{define, CardController, TAG_NAME};
