//! comparison-card: an embeddable comparison card with live priority sliders.
//!
//! The crate has three layers:
//! - a pure core that never touches the DOM and is tested with plain `cargo test`:
//!   [`value`] and [`spec`] (reading the spec, and its validation), [`scoring`] (weights to totals, winners, tally,
//!   standing), [`state`] (one message type, one update) and [`text`] (every visible string);
//! - the view ([`view`] over [`tree`]): builds a card once and patches it, as DOM in the browser
//!   (`dom`, wasm only) or as HTML for pre-rendering;
//! - the host API (`element`, wasm only): the `<comparison-card>` custom element;
//! - for the authoring CLI (`src/bin`), never used by the wasm: [`render`], the card as static
//!   HTML, and `schema` (native only), the spec's JSON Schema.

pub mod chart;
pub mod labels;
pub mod render;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod scoring;
pub mod share;
pub mod spec;
pub mod state;
pub mod text;
pub mod tipping;
pub mod value;

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod element;
#[cfg(target_arch = "wasm32")]
mod events;
#[cfg(target_arch = "wasm32")]
mod js_value;
pub mod tree;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub use element::{define, CardController, TAG_NAME};

/// talc instead of the default dlmalloc: the same job in fewer bytes of wasm (measured in the
/// README's performance section). The card runs on the page's single thread.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
