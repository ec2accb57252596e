//! `cargo xtask`: build, serve and test comparison-card with nothing but cargo on the path.
//!
//! - `cargo xtask dist`  builds the release card into `dist/`
//! - `cargo xtask package` builds `dist/` and the npm package; prints the tarball's path last
//! - `cargo xtask demo`  builds, then serves `dist/` on 127.0.0.1 and prints the address
//! - `cargo xtask test`  installs what is missing, then runs every test: native, browser, end to
//!   end, frameworks, WordPress (`--only frameworks,e2e` runs the named suites; `--e2e-only NAME` only the
//!   end-to-end tests whose names contain NAME)
//! - `cargo xtask wordpress` builds the WordPress plugin's zip and prints its path last
//! - `cargo xtask bench` the Rust card against a plain JavaScript card, in headless Chromium
//!   (`--visitor`: a visitor's wait and drag on a slow phone: load on slow 4G at CPU 4×, dragging at CPU 4×)

mod bench;
mod dist;
mod frameworks;
mod package;
mod serve;
mod testing;
mod tools;
mod wordpress;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <dist | demo [--port N] | test [--only SUITE,…] [--e2e-only NAME] | package | wordpress | bench [--updates | --visitor]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("dist") => dist::build(&root).map(|report| report.print()),
        Some("demo") => demo(&root, &args[1..]),
        Some("test") => match &args[1..] {
            [] => testing::run(&root, None, None),
            [flag, suites] if flag == "--only" => testing::run(&root, Some(suites), None),
            [flag, filter] if flag == "--e2e-only" => testing::run(&root, Some("e2e"), Some(filter)),
            _ => Err(USAGE.to_string()),
        },
        Some("package") => package::build(&root).map(|tarball| println!("{}", tarball.display())),
        Some("wordpress") => wordpress::build(&root),
        Some("bench") if args.iter().any(|a| a == "--visitor") => bench::run_visitor(&root),
        Some("bench") => bench::run(&root, args.iter().any(|a| a == "--updates")),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn project_root() -> PathBuf {
    // xtask lives one level below the workspace root.
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().map(PathBuf::from).unwrap_or(manifest_dir)
}

fn demo(root: &std::path::Path, args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, value] if flag == "--port" => value.parse().map_err(|_| format!("not a port number: {value}"))?,
        _ => return Err(USAGE.to_string()),
    };
    let report = dist::build(root)?;
    report.print();
    let listener = serve::bind(port)?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    println!();
    println!("Serving the demo at http://{address}/  (Ctrl-C to stop)");
    serve::serve_forever(listener, report.dir, serve::Headers::Plain);
    Ok(())
}
