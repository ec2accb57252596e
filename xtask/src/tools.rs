//! Finds the tools the build and the tests need, and installs whichever are missing, saying so.

use std::path::{Path, PathBuf};
use std::process::Command;

// The npm tools, pinned in xtask/npm-tools/package-lock.json and installed with `npm ci`:
// binaryen's wasm-opt (Debian's is too old for current rustc output), esbuild (bundles and
// minifies the JavaScript a page loads) and axe-core (audits the end-to-end tests' pages).
/// 132 is the first binaryen that prints its name mapping as JSON, which `dist` applies to the glue.
const MIN_WASM_OPT_VERSION: u32 = 132;

/// Runs a command to completion, echoing it, and fails on a non-zero exit.
pub fn run(command: &mut Command) -> Result<(), String> {
    println!("$ {}", describe(command));
    let status = command.status().map_err(|e| format!("could not start {}: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(command)))
    }
}

pub fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// The standard output of a command that succeeded, or `None`.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn installing(what: &str) {
    println!("xtask: {what} is missing; installing it now");
}

pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|line| line.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    installing("the wasm32-unknown-unknown Rust target");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
        .map_err(|e| format!("{e}\nxtask: install the target with `rustup target add wasm32-unknown-unknown`"))
}

/// The wasm-bindgen version pinned in Cargo.toml, as resolved in Cargo.lock.
pub fn pinned_wasm_bindgen(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    locked_version(&lock, "wasm-bindgen").ok_or_else(|| "Cargo.lock has no wasm-bindgen entry".to_string())
}

fn locked_version(lock: &str, package: &str) -> Option<String> {
    let needle = format!("name = \"{package}\"\n");
    let start = lock.find(&needle)? + needle.len();
    let line = lock[start..].lines().next()?;
    Some(line.strip_prefix("version = \"")?.strip_suffix('"')?.to_string())
}

/// wasm-bindgen's CLI at exactly the pinned version; it brings wasm-bindgen-test-runner.
pub fn ensure_wasm_bindgen(version: &str) -> Result<(), String> {
    let found = output_of("wasm-bindgen", &["--version"]).unwrap_or_default();
    let runner = output_of("wasm-bindgen-test-runner", &["--version"]).is_some();
    if found.split_whitespace().nth(1) == Some(version) && runner {
        return Ok(());
    }
    installing(&format!("wasm-bindgen-cli {version} (about 3 minutes)"));
    // No --locked: the registry here lacks one of the CLI's locked dependencies.
    run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", version]))
        .map_err(|e| format!("{e}\nxtask: install it with `cargo install wasm-bindgen-cli --version {version}`"))
}

/// A wasm-opt new enough for current rustc output: one on the path, or binaryen from npm.
pub fn wasm_opt(root: &Path) -> Result<PathBuf, String> {
    if let Some(version) = output_of("wasm-opt", &["--version"]) {
        if wasm_opt_version(&version).is_some_and(|v| v >= MIN_WASM_OPT_VERSION) {
            return Ok(PathBuf::from("wasm-opt"));
        }
    }
    npm_tool(root, "wasm-opt").map_err(|e| {
        format!("{e}\nxtask: wasm-opt needs Node.js and npm, or binaryen {MIN_WASM_OPT_VERSION}+ on the path")
    })
}

/// esbuild, from the npm registry, in the project's own tools folder.
pub fn esbuild(root: &Path) -> Result<PathBuf, String> {
    npm_tool(root, "esbuild").map_err(|e| format!("{e}\nxtask: esbuild needs Node.js and npm"))
}

/// axe-core's browser script, from the npm registry: nothing is downloaded while tests run.
pub fn axe_core(root: &Path) -> Result<PathBuf, String> {
    npm_tools(root).map_err(|e| format!("{e}\nxtask: axe-core needs Node.js and npm"))?;
    Ok(npm_folder(root).join("node_modules").join("axe-core").join("axe.min.js"))
}

/// A command-line tool from the pinned npm tools.
fn npm_tool(root: &Path, command: &str) -> Result<PathBuf, String> {
    npm_tools(root)?;
    Ok(npm_folder(root).join("node_modules").join(".bin").join(command))
}

/// The project's own folder for npm packages.
fn npm_folder(root: &Path) -> PathBuf {
    root.join("target").join("tools")
}

/// Installs the npm tools exactly as locked, unless the installed set already matches the lock.
fn npm_tools(root: &Path) -> Result<(), String> {
    let pinned = root.join("xtask").join("npm-tools");
    let folder = npm_folder(root);
    let lock = read_text(&pinned.join("package-lock.json"))?;
    if std::fs::read_to_string(folder.join("package-lock.json")).is_ok_and(|installed| installed == lock)
        && folder.join("node_modules").is_dir()
    {
        return Ok(());
    }
    installing("the npm tools (wasm-opt, esbuild, axe-core, pinned in xtask/npm-tools)");
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    for file in ["package.json", "package-lock.json"] {
        std::fs::copy(pinned.join(file), folder.join(file)).map_err(|e| format!("{file}: {e}"))?;
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--prefix"]).arg(&folder))
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn wasm_opt_version(output: &str) -> Option<u32> {
    // "wasm-opt version 132 (version_132)"
    output.split_whitespace().nth(2)?.parse().ok()
}

/// Chromium and chromedriver for the browser and end-to-end tests; returns chromedriver's path.
pub fn ensure_browser() -> Result<PathBuf, String> {
    if let Ok(path) = std::env::var("CHROMEDRIVER") {
        return Ok(PathBuf::from(path));
    }
    let driver = PathBuf::from("/usr/bin/chromedriver");
    let browser_present = output_of("chromium", &["--version"]).is_some();
    if driver.exists() && browser_present {
        return Ok(driver);
    }
    installing("Chromium and chromedriver (Debian packages chromium, chromium-driver)");
    let apt = |args: &[&str]| run(Command::new("apt-get").args(args).env("DEBIAN_FRONTEND", "noninteractive"));
    apt(&["update"])
        .and_then(|()| apt(&["install", "-y", "chromium", "chromium-driver"]))
        .map_err(|e| format!("{e}\nxtask: install Chromium and chromedriver (as root: apt-get install chromium chromium-driver), or set CHROMEDRIVER"))?;
    Ok(driver)
}

/// Installs whichever of these Debian packages are missing (as root), saying so.
pub fn ensure_debian_packages(packages: &[&str]) -> Result<(), String> {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|package| {
            output_of("dpkg-query", &["-W", "-f=${Status}", package]).is_none_or(|s| !s.ends_with("installed"))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    installing(&format!("Debian packages {}", missing.join(" ")));
    let apt = |args: &[&str]| run(Command::new("apt-get").args(args).env("DEBIAN_FRONTEND", "noninteractive"));
    apt(&["update"])
        .and_then(|()| apt(&[&["install", "-y"][..], &missing].concat()))
        .map_err(|e| format!("{e}\nxtask: install them (as root): apt-get install {}", missing.join(" ")))
}

/// WebKit's WebDriver (Debian's webkit2gtk-driver, which drives WebKitGTK's MiniBrowser) and a
/// virtual display for it (xvfb): MiniBrowser has no headless mode. Returns the driver's path.
pub fn ensure_webkit() -> Result<PathBuf, String> {
    ensure_debian_packages(&["webkit2gtk-driver", "xvfb"])?;
    Ok(PathBuf::from("/usr/bin/WebKitWebDriver"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_locked_version() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\nsource = \"x\"\n";
        assert_eq!(locked_version(lock, "wasm-bindgen").as_deref(), Some("0.2.130"));
        assert_eq!(locked_version(lock, "serde"), None);
    }

    #[test]
    fn reads_a_wasm_opt_version() {
        assert_eq!(wasm_opt_version("wasm-opt version 132 (version_132)"), Some(132));
        assert_eq!(wasm_opt_version("wasm-opt version 108"), Some(108));
        assert_eq!(wasm_opt_version("garbage"), None);
    }
}
