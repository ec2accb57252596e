//! The view: builds the card once into any [`tree::Factory`] and patches only what changed.
//!
//! The same builder draws the live card (the DOM, through the batch in `web/dom.rs`) and the
//! pre-rendered one ([`html`]), which is why a pre-rendered card upgrades without moving.

mod card;
pub mod html;
pub mod tree;

pub use card::*;
