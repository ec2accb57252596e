//! `cargo xtask test`: every test, in four suites: native, in the browser, end to end on `dist/`,
//! and the WordPress plugin on a real WordPress.
//!
//! Each suite runs even when an earlier one failed, so one run shows everything that is wrong.
//! The closing line sums the test counts of all of them.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{dist, frameworks, serve, tools, wordpress};

/// The card's wasm and JavaScript together, brotli 11 (what CDNs serve), may not pass this:
/// growth shows at once. It sits just above the current size. A size step lowers it; a feature
/// that has to add bytes raises it in the same commit, with its measured cost in
/// docs/performance.md, so growth is a decision someone reads. Until the visitor's-wait issue it
/// was a gzip -9 budget (52,100 at the end, for 51,999). Brotli 11 was then 45,763; the decimal
/// separator table that replaced `Intl` took it to 46,216 (wasm 42,475, JavaScript 3,741). Merged
/// with main's loader, analytics and result strip (main's gzip budget 56,800 for 56,741): 50,133
/// brotli (wasm 45,350, JavaScript 4,783; gzip 57,339); the analytics layer forwarding the card's
/// committed `prioritychange` instead of committing on its own: 50,073. Validation without its
/// messages in the shipped card (they moved to `comparison-card.dev.js`), the event descriptions
/// out of the wasm: 48,663 (wasm 43,940); without the `target_features` section: 48,612; the
/// event detail's values through one type: 48,420; a thin lead's first reason named without a
/// "+0.00" figure: 48,452; sliders reached by keyboard scrolled clear of the stuck strip
/// (`scroll-margin-top`): 48,473; the rest of a spec checked when a list is over its limit:
/// 48,506; a slider moved on a pre-rendered card before the wasm arrived replayed on the live
/// card (JavaScript 4,862): 48,645; the card's own MIME type warning instead of wasm-bindgen's:
/// 48,608; lists under their minimum left unread again (no noise from an empty list), early
/// slider moves matched by label: 48,676; the error box naming `comparison-card/dev` for npm
/// users: 48,697. The line keeps about 35 B of room: a doc comment one line longer in
/// `src/web/events.rs` moved panic locations' line numbers and with them 23 B of brotli, at the
/// same raw size. The target is 40,000 brotli 11 (25,000 gzip stays the aim).
const SIZE_BUDGET_BROTLI: u64 = 48_730;

pub struct Outcome {
    pub name: &'static str,
    pub passed: u64,
    pub failed: u64,
    pub ignored: u64,
    pub ok: bool,
    pub took: Duration,
}

impl Outcome {
    /// A suite that could not run at all.
    pub fn failed(name: &'static str, took: Duration) -> Outcome {
        Outcome { name, passed: 0, failed: 0, ignored: 0, ok: false, took }
    }
}

/// Runs every suite, or with `only` the named ones (`cargo xtask test --only wordpress,e2e`);
/// with `e2e_only`, only the end-to-end tests whose names contain it.
pub fn run(root: &Path, only: Option<&str>, e2e_only: Option<&str>) -> Result<(), String> {
    let started = Instant::now();
    let wanted = |name: &str| only.is_none_or(|list| list.split(',').any(|n| n.trim() == name));
    tools::ensure_wasm_target()?;
    tools::ensure_wasm_bindgen(&tools::pinned_wasm_bindgen(root)?)?;
    let chromedriver = tools::ensure_browser()?;
    let axe = tools::axe_core(root)?;

    let mut outcomes = Vec::new();
    if wanted("native") && e2e_only.is_none() {
        outcomes.push(suite("native", Command::new("cargo").current_dir(root).args(["test", "--workspace"])));
    }
    if wanted("browser") && e2e_only.is_none() {
        outcomes.push(suite(
            "browser",
            Command::new("cargo")
                .current_dir(root)
                .args([
                    "test",
                    "--package",
                    "comparison-card",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--test",
                    "browser",
                ])
                .env("CHROMEDRIVER", &chromedriver)
                .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
        ));
    }

    let build_started = Instant::now();
    let report = dist::build(root)?;
    report.print();
    let build_took = build_started.elapsed();
    let shipped = report.total().brotli;
    let within_budget = shipped <= SIZE_BUDGET_BROTLI;

    // dist/ as shipped, plus the end-to-end tests' own pages beside it (never in dist/).
    let e2e_site = root.join("target").join("e2e-site");
    dist::recreate(&e2e_site)?;
    dist::copy_tree(&report.dir, &e2e_site, &|_| true)?;
    dist::copy_tree(&root.join("tests").join("e2e").join("pages"), &e2e_site, &|_| true)?;
    // The module alone in a folder, without its wasm beside it: a deployment that forgot a file.
    let lonely = e2e_site.join("no-wasm");
    std::fs::create_dir_all(&lonely).map_err(|e| e.to_string())?;
    std::fs::copy(report.dir.join("comparison-card.js"), lonely.join("comparison-card.js"))
        .map_err(|e| e.to_string())?;
    // Test pages that include a spec file get it pre-rendered, as the demo page does.
    for page in std::fs::read_dir(root.join("tests/e2e/pages")).map_err(|e| e.to_string())? {
        let path = page.map_err(|e| e.to_string())?.path();
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if text.contains("data-include=") {
            let rendered = dist::inline_specs(&text, &root.join("www"))?;
            let name = path.file_name().ok_or("a page without a name")?;
            std::fs::write(e2e_site.join(name), rendered).map_err(|e| e.to_string())?;
        }
    }
    let listener = serve::bind(0)?;
    let site = listener.local_addr().map_err(|e| e.to_string())?;
    let dir = e2e_site;
    std::thread::spawn(move || serve::serve_forever(listener, dir, serve::Headers::Plain));
    let driver = Chromedriver::start(&chromedriver)?;
    // Only the end-to-end suite uses WebKit.
    let webkit = if wanted("e2e") { Some(WebKitDriver::start(&tools::ensure_webkit()?)?) } else { None };
    let screenshots = root.join("target").join("screenshots");
    if wanted("e2e") {
        outcomes.push(suite(
            "end to end",
            Command::new("cargo")
                .current_dir(root)
                .args(["test", "--package", "comparison-card", "--test", "e2e", "--", "--ignored", "--test-threads=1"])
                .args(e2e_only)
                .env("CC_E2E_BASE_URL", format!("http://{site}"))
                .env("CC_WEBDRIVER_URL", &driver.url)
                .envs(webkit.as_ref().map(|webkit| ("CC_WEBKIT_WEBDRIVER_URL", webkit.url.as_str())))
                .env("CC_SCREENSHOT_DIR", &screenshots)
                .env("CC_AXE_SCRIPT", &axe),
        ));
    }
    if wanted("frameworks") {
        outcomes.push(frameworks_suite(root, &driver.url));
    }
    if wanted("wordpress") {
        match wordpress::package(root, &report.dir) {
            Ok(zip) => outcomes.push(wordpress::suite(root, &zip, &driver.url)),
            Err(message) => {
                eprintln!("xtask: the WordPress plugin could not be packaged: {message}");
                outcomes.push(Outcome::failed("wordpress", Duration::ZERO));
            }
        }
    }
    drop(driver);
    drop(webkit);

    println!();
    println!("suite          passed  failed  ignored    time");
    for o in &outcomes {
        let mark = if o.ok { "" } else { "  FAILED" };
        println!(
            "  {:<12} {:>6}  {:>6}  {:>7} {:>6.1}s{mark}",
            o.name,
            o.passed,
            o.failed,
            o.ignored,
            o.took.as_secs_f64()
        );
    }
    println!("  release build of dist/: {:.1}s; screenshots in {}", build_took.as_secs_f64(), screenshots.display());
    let verdict = if within_budget { "within" } else { "OVER" };
    println!("  card shipped: {shipped} bytes brotli 11, {verdict} the {SIZE_BUDGET_BROTLI}-byte budget");
    println!("  whole run: {:.1}s", started.elapsed().as_secs_f64());
    let passed: u64 = outcomes.iter().map(|o| o.passed).sum();
    let failed: u64 = outcomes.iter().map(|o| o.failed).sum();
    println!("tests: {passed} passed, {failed} failed");

    let mut broken: Vec<&str> = outcomes.iter().filter(|o| !o.ok).map(|o| o.name).collect();
    if !within_budget {
        broken.push("size budget");
    }
    if broken.is_empty() {
        Ok(())
    } else {
        Err(format!("failing suites: {}", broken.join(", ")))
    }
}

/// The packed package in real Vite, React and Vue builds (`frameworks.rs`), checked in Chromium.
fn frameworks_suite(root: &Path, driver: &str) -> Outcome {
    let started = Instant::now();
    match frameworks::prepare(root) {
        Ok(sites) => {
            let mut outcome = suite(
                "frameworks",
                Command::new("cargo")
                    .current_dir(root)
                    .args(["test", "--package", "comparison-card", "--test", "frameworks"])
                    .args(["--", "--ignored", "--test-threads=1"])
                    .env("CC_FW_SITES", &sites.list)
                    .env("CC_FW_DIR", &sites.dir)
                    .env("CC_WEBDRIVER_URL", driver),
            );
            outcome.took = started.elapsed();
            outcome
        }
        Err(error) => {
            eprintln!("xtask: the framework apps could not be prepared: {error}");
            Outcome::failed("frameworks", started.elapsed())
        }
    }
}

/// Runs one `cargo test`, echoing its output and adding up its "test result:" lines.
pub fn suite(name: &'static str, command: &mut Command) -> Outcome {
    println!("\n==> {name} tests");
    println!("$ {}", tools::describe(command));
    let started = Instant::now();
    let mut outcome = Outcome { name, passed: 0, failed: 0, ignored: 0, ok: false, took: Duration::ZERO };
    let mut child = match command.stdout(Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(error) => {
            eprintln!("xtask: cannot start the {name} tests: {error}");
            return outcome;
        }
    };
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(counts) = line.trim_start().strip_prefix("test result: ") {
                outcome.passed += count(counts, "passed");
                outcome.failed += count(counts, "failed");
                outcome.ignored += count(counts, "ignored");
            }
        }
    }
    // A suite that fails to build reports no counts, so its exit status decides.
    outcome.ok = child.wait().is_ok_and(|status| status.success()) && outcome.failed == 0;
    outcome.took = started.elapsed();
    outcome
}

/// The number before `label` in "ok. 5 passed; 0 failed; 1 ignored; ...".
fn count(counts: &str, label: &str) -> u64 {
    let words: Vec<&str> = counts.split([' ', ';']).filter(|w| !w.is_empty()).collect();
    words.windows(2).find(|pair| pair[1] == label).and_then(|pair| pair[0].parse().ok()).unwrap_or(0)
}

/// chromedriver on a free loopback port, stopped when dropped.
pub struct Chromedriver {
    child: Child,
    pub url: String,
}

impl Chromedriver {
    pub fn start(program: &Path) -> Result<Chromedriver, String> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free port for chromedriver: {e}"))?
            .port();
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
        let driver = Chromedriver { child, url: format!("http://127.0.0.1:{port}") };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not start listening within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(driver)
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A free loopback port.
fn free_port(what: &str) -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|address| address.port())
        .map_err(|e| format!("no free port for {what}: {e}"))
}

/// Waits until something listens on `port`.
fn wait_for_port(port: u16, what: &str) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err(format!("{what} did not start listening within 20 s"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

/// WebKitWebDriver on a free loopback port, with a virtual display of its own for the browser it
/// starts; both stopped when dropped.
pub struct WebKitDriver {
    display: Child,
    display_number: u32,
    driver: Child,
    pub url: String,
}

impl WebKitDriver {
    pub fn start(program: &Path) -> Result<WebKitDriver, String> {
        // The first display number whose lock file is free; Xvfb refuses a taken one.
        let number: u32 =
            (99..199).find(|n| !Path::new(&format!("/tmp/.X{n}-lock")).exists()).ok_or("no free X display")?;
        let display = format!(":{number}");
        let xvfb = Command::new("Xvfb")
            .args([display.as_str(), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start Xvfb: {e}"))?;
        let port = free_port("WebKitWebDriver")?;
        let driver = Command::new(program)
            .arg(format!("--port={port}"))
            .env("DISPLAY", &display)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let mut started = WebKitDriver {
            display: xvfb,
            display_number: number,
            driver: driver.map_err(|e| format!("cannot start {}: {e}", program.display()))?,
            url: format!("http://127.0.0.1:{port}"),
        };
        if let Err(error) = wait_for_port(port, "WebKitWebDriver") {
            let _ = started.driver.kill();
            return Err(error);
        }
        Ok(started)
    }
}

impl Drop for WebKitDriver {
    fn drop(&mut self) {
        for child in [&mut self.driver, &mut self.display] {
            let _ = child.kill();
            let _ = child.wait();
        }
        // Killed, Xvfb cannot remove its own lock and socket; they would hold the display number.
        let n = self.display_number;
        let _ = std::fs::remove_file(format!("/tmp/.X{n}-lock"));
        let _ = std::fs::remove_file(format!("/tmp/.X11-unix/X{n}"));
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn reads_counts_from_a_test_result_line() {
        let line = "ok. 5 passed; 2 failed; 6 ignored; 0 measured; 0 filtered out; finished in 0.00s";
        assert_eq!((count(line, "passed"), count(line, "failed"), count(line, "ignored")), (5, 2, 6));
        assert_eq!(count("FAILED. 9 passed; 1 failed; 0 ignored; 0 filtered out", "failed"), 1);
    }
}
