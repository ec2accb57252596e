//! comparison-card: an embeddable comparison card with live priority sliders.
//!
//! Four layers, one folder each; a layer imports only from the layers listed before it
//! (`ARCHITECTURE.md` maps them):
//! - [`core`]: pure and platform-free, tested with plain `cargo test`: reading and validating a
//!   spec, scoring, the card's state (one message type, one `update`), tipping points, chart
//!   geometry, share formats, labels, sentences and number formatting;
//! - [`view`]: builds a card once and patches what changed, over a tree trait, as DOM in the
//!   browser or as HTML for pre-rendering;
//! - `web` (wasm only): the `<comparison-card>` custom element, its message queue, the batched
//!   DOM edge, events, and every JavaScript import;
//! - [`native`]: what authoring tools need and the shipped card does not: pre-rendered HTML and
//!   (native only) the spec's JSON Schema.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod core;
pub mod native;
pub mod view;
#[cfg(all(target_arch = "wasm32", not(feature = "without-element")))]
mod web;

#[cfg(all(target_arch = "wasm32", not(feature = "without-element")))]
pub use web::{define, CardController, TAG_NAME};

/// talc instead of the default dlmalloc: the same job in fewer bytes of wasm (measured in
/// `docs/performance.md`). The card runs on the page's single thread.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
