//! The pure core: no DOM, no JavaScript, no other layer of this crate. Every module here runs
//! natively under plain `cargo test`, and the order below is the order of dependence: a module
//! uses only modules listed above it.

pub mod chart;
pub mod contract;
pub mod contributions;
pub mod labels;
pub mod locale;
pub mod number;
pub mod problems;
pub mod scoring;
pub mod share;
pub mod spec;
pub mod state;
pub mod text;
pub mod tipping;
pub mod value;
