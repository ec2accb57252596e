//! `comparison-card`: the authoring command line. It checks a spec, renders a card as static HTML
//! for a page, and prints the spec's JSON Schema, with the card's own spec and scoring code.
//!
//! Exit status: 0 when done, 1 when the spec has problems (listed on standard error, one
//! `path: message` per line), 2 for a usage error or a file that cannot be read.
//!
//! It is a native tool: built for wasm32 (as `cargo test --target wasm32-unknown-unknown` does
//! for every binary), it is an empty program and brings in none of its dependencies.

#[cfg(not(target_arch = "wasm32"))]
mod commands;
#[cfg(not(target_arch = "wasm32"))]
mod failure;
#[cfg(not(target_arch = "wasm32"))]
mod input;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;

    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    match commands::run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure::Failure::Problems) => ExitCode::from(1),
        Err(failure::Failure::Usage(message)) => {
            eprintln!("comparison-card: {message}");
            ExitCode::from(2)
        }
    }
}
