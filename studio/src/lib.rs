//! comparison-card-studio: what the studio page (`www/studio/`) needs from Rust, so that it checks
//! and renders specs with the card's own code rather than a second copy in JavaScript.
//!
//! Pure modules, tested natively: [`spec_text`] (a spec's JSON text → the card's comparison or
//! its problems, exactly as the CLI reads a file), [`snippet`] (the embed snippet and the
//! pre-rendered one) and [`paste`] (TSV/CSV from a spreadsheet → a grid). The wasm exports in
//! `exports` only pass text in and JSON text out.
#![forbid(unsafe_code)]

pub mod paste;
pub mod snippet;
pub mod spec_text;

#[cfg(target_arch = "wasm32")]
mod exports;
