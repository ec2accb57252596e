//! For authoring tools, never part of the shipped card: the card as static HTML (the CLI's
//! `render`, the studio's snippet) and, natively only, the spec's JSON Schema and the npm package's manifest and TypeScript
//! declarations.

#[cfg(not(target_arch = "wasm32"))]
pub mod manifest;
mod markup;
pub mod render;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
