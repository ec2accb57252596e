//! The npm package in real apps: Vite 7 and the current Vite, each `vite build` (served) and
//! `vite` (development server), with plain JavaScript, React 19 and Vue 3 pages and one importing
//! the development build (`comparison-card/dev`); a page without
//! a build loading the package from a CDN-like path under a strict policy; and `tsc --strict`
//! on the declarations. `cargo xtask test` prepares the apps (`xtask/src/frameworks.rs`) and
//! runs these with `--ignored`; a plain `cargo test` lists them as ignored.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use serde_json::{json, Value};
use webdriver::Session;

/// Console errors and warnings, uncaught exceptions, from the first script of every page on.
const CAPTURE: &str = r#"
window.__problems = [];
for (const level of ['error', 'warn']) {
  const original = console[level];
  console[level] = function (...args) {
    window.__problems.push(level + ': ' + args.map(String).join(' '));
    return original.apply(this, args);
  };
}
addEventListener('error', (e) => window.__problems.push('uncaught: ' + e.message));
addEventListener('unhandledrejection', (e) => window.__problems.push('unhandled: ' + e.reason));
"#;

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set; run these through `cargo xtask test`"))
}

/// The sites `cargo xtask test` serves, by name (`vite7-build`, `vite8-dev`, `cdn`, …).
fn sites() -> Vec<(String, String)> {
    var("CC_FW_SITES")
        .split(',')
        .filter_map(|pair| pair.split_once('=').map(|(name, url)| (name.to_string(), url.to_string())))
        .collect()
}

fn open(url: &str) -> Session {
    let session = Session::start(&var("CC_WEBDRIVER_URL")).unwrap();
    session.before_each_page(CAPTURE).unwrap();
    session.goto(url).unwrap();
    session
}

fn wait_live(session: &Session, title: &str) {
    session
        .wait_for(
            "const card = document.querySelector('#card');
             const node = card && card.shadowRoot && card.shadowRoot.querySelector('.title');
             return node !== null && node.textContent === arguments[0]
               && card.shadowRoot.querySelector('.verdict') !== null;",
            json!([title]),
        )
        .unwrap_or_else(|e| {
            let state = session
                .eval("return { problems: window.__problems, html: document.body.outerHTML.slice(0, 400) };", json!([]))
                .unwrap_or(Value::Null);
            panic!("no live card titled {title:?}: {e}; {state}")
        });
}

/// The wasm the page fetched, asked for again: its status and MIME type (resource timing leaves
/// the type out for a fetch). A wrong type would also show as wasm-bindgen's console warning.
const WASM: &str = "return Promise.all(performance.getEntriesByType('resource')
    .filter((entry) => entry.name.includes('.wasm'))
    .map((entry) => fetch(entry.name).then((response) => ({ status: response.status,
      type: response.headers.get('content-type'), path: new URL(entry.name).pathname }))));";

/// One page of a framework app, checked as its author would.
fn check_page(site: &str, base: &str, page: &str, framework: &str) {
    let session = open(&format!("{base}/{page}.html"));
    let from = format!("From {framework} state");
    wait_live(&session, &from);
    let how = session
        .eval(
            "const card = document.querySelector('#card');
             return { attribute: card.hasAttribute('spec'), property: typeof card.spec,
                      defined: customElements.get('comparison-card') !== undefined };",
            json!([]),
        )
        .unwrap();
    assert_eq!(
        how,
        json!({ "attribute": false, "property": "object", "defined": true }),
        "{site} {page}: spec set as a property"
    );
    // A visitor moves a slider: the framework's own handler counts it and re-renders.
    session
        .eval(
            "const slider = document.querySelector('#card').shadowRoot.querySelector('input[type=range]');
             slider.value = '5';
             slider.dispatchEvent(new Event('input', { bubbles: true }));
             slider.dispatchEvent(new Event('change', { bubbles: true }));",
            json!([]),
        )
        .unwrap();
    session
        .wait_for("return document.querySelector('#events').textContent === '1';", json!([]))
        .unwrap_or_else(|e| panic!("{site} {page}: the framework's handler did not run: {e}"));
    // The framework's state changes: the card draws the new spec.
    session.eval("document.querySelector('#rename').click();", json!([])).unwrap();
    wait_live(&session, &format!("Renamed in {framework} state"));
    let wasm = session.eval(WASM, json!([])).unwrap();
    assert_eq!(wasm.as_array().map(Vec::len), Some(1), "{site} {page}: one wasm: {wasm}");
    assert_eq!(
        (&wasm[0]["status"], &wasm[0]["type"]),
        (&json!(200), &json!("application/wasm")),
        "{site} {page}: {wasm}"
    );
    println!("{site} {page}: wasm from {}", wasm[0]["path"]);
    let problems = session.eval("return window.__problems;", json!([])).unwrap();
    assert_eq!(problems, json!([]), "{site} {page}: console errors or warnings");
}

fn check_site(name: &str) {
    let sites = sites();
    let (_, base) = sites.iter().find(|(site, _)| site == name).unwrap_or_else(|| panic!("no site {name}"));
    for (page, framework) in [("vanilla", "plain"), ("react", "React"), ("vue", "Vue")] {
        check_page(name, base, page, framework);
    }
    check_proxies(name, base);
    check_development_build(name, base);
}

/// `import 'comparison-card/dev'`: the same card from its own wasm, saying what is wrong with a
/// spec where the shipped card names only the place.
fn check_development_build(site: &str, base: &str) {
    let session = open(&format!("{base}/dev.html"));
    let problems = session
        .wait_for(
            "const root = document.querySelector('#card')?.shadowRoot;
             const items = root ? [...root.querySelectorAll('.error-list li')] : [];
             return items.length ? items.map((li) => li.textContent) : null;",
            json!([]),
        )
        .unwrap_or_else(|e| panic!("{site}: no error box from the development build: {e}"));
    assert_eq!(problems, json!(["criteria[0].scores.node: expected a number from 0 to 10, got 11"]), "{site}");
    let wasm = session.eval(WASM, json!([])).unwrap();
    assert_eq!(wasm.as_array().map(Vec::len), Some(1), "{site}: one wasm: {wasm}");
    let path = wasm[0]["path"].as_str().unwrap_or_default();
    assert!(path.contains("comparison-card.dev") && path.ends_with(".wasm"), "{site}: {wasm}");
    assert_eq!((&wasm[0]["status"], &wasm[0]["type"]), (&json!(200), &json!("application/wasm")), "{site}: {wasm}");
    // The refused spec's one console error, and nothing else.
    let logged = session.eval("return window.__problems;", json!([])).unwrap();
    let logged: Vec<String> = serde_json::from_value(logged).unwrap_or_default();
    assert!(
        logged.len() == 1 && logged[0].contains("cannot be shown") && logged[0].contains("expected a number"),
        "{site}: {logged:?}"
    );
}

/// Vue's `reactive()` handed to the card directly is drawn; a Proxy whose traps throw is refused
/// with a message that says what to pass instead.
fn check_proxies(site: &str, base: &str) {
    let session = open(&format!("{base}/vue.html"));
    wait_live(&session, "From Vue state");
    session
        .eval(
            "const card = document.querySelector('#card');
             card.spec = window.__vueReactive({ ...card.spec, title: 'Straight from reactive()' });",
            json!([]),
        )
        .unwrap();
    wait_live(&session, "Straight from reactive()");
    let refused = session
        .eval(
            "const card = document.querySelector('#card');
             card.spec = new Proxy({}, { ownKeys() { throw new Error('no keys today'); } });
             return new Promise((resolve) => setTimeout(() =>
               resolve(card.shadowRoot.querySelector('.error-list').textContent), 0));",
            json!([]),
        )
        .unwrap();
    let refused = refused.as_str().unwrap_or_default();
    assert!(refused.starts_with("spec: cannot be read as plain data: no keys today"), "{site}: {refused}");
    assert!(refused.contains("Pass plain data") && refused.contains("toRaw(spec)"), "{site}: {refused}");
}

/// `vite build`'s output for a fixture: nothing but what it built, no warning.
fn check_build_log(fixture: &str) {
    let log = PathBuf::from(var("CC_FW_DIR")).join(fixture).join("build.log");
    let text = std::fs::read_to_string(&log).unwrap_or_else(|e| panic!("{}: {e}", log.display()));
    let warnings: Vec<&str> = text
        .lines()
        .filter(|line| {
            let lower = line.to_ascii_lowercase();
            lower.contains("warn") || lower.contains("doesn't exist") || lower.contains("comparison-card")
        })
        .collect();
    assert_eq!(warnings, Vec::<&str>::new(), "{fixture}: vite build says more than it built");
}

#[test]
#[ignore = "frameworks: needs the apps built and served; run by `cargo xtask test`"]
fn vite7_build_renders_in_plain_react_and_vue() {
    check_build_log("vite7");
    check_site("vite7-build");
}

#[test]
#[ignore = "frameworks: needs the apps built and served; run by `cargo xtask test`"]
fn vite7_dev_server_renders_in_plain_react_and_vue() {
    check_site("vite7-dev");
}

#[test]
#[ignore = "frameworks: needs the apps built and served; run by `cargo xtask test`"]
fn current_vite_build_renders_in_plain_react_and_vue() {
    check_build_log("vite8");
    check_site("vite8-build");
}

#[test]
#[ignore = "frameworks: needs the apps built and served; run by `cargo xtask test`"]
fn current_vite_dev_server_renders_in_plain_react_and_vue() {
    check_site("vite8-dev");
}

#[test]
#[ignore = "frameworks: needs the apps built and served; run by `cargo xtask test`"]
fn a_page_without_a_build_loads_the_package_from_a_cdn_path_under_a_strict_policy() {
    let sites = sites();
    let (_, base) = sites.iter().find(|(site, _)| site == "cdn").unwrap();
    let session = open(&format!("{base}/"));
    wait_live(&session, "From a CDN path");
    let wasm = session.eval(WASM, json!([])).unwrap();
    let path = format!("/npm/comparison-card@{}/comparison-card.wasm", env!("CARGO_PKG_VERSION"));
    assert_eq!(wasm, json!([{ "status": 200, "type": "application/wasm", "path": path }]));
    assert_eq!(session.eval("return window.__problems;", json!([])).unwrap(), json!([]));
}

/// `tsc` from the current-Vite fixture on `types/` there.
fn tsc(config: &str) -> (bool, String) {
    let types = PathBuf::from(var("CC_FW_DIR")).join("vite8").join("types");
    let output = std::process::Command::new(types.join("../node_modules/.bin/tsc"))
        .current_dir(&types)
        .args(["-p", config])
        .output()
        .unwrap();
    (output.status.success(), String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
#[ignore = "frameworks: needs the apps built and served; run by `cargo xtask test`"]
fn the_declarations_type_check_strictly_and_refuse_a_wrong_spec() {
    let (ok, output) = tsc("tsconfig.json");
    assert!(ok, "a TS and a TSX file using the element, React's JSX and Vue's types:\n{output}");
    let (ok, output) = tsc("tsconfig.bad.json");
    assert!(!ok, "a number given as the spec must not type-check");
    assert!(output.contains("bad.ts(3,1): error TS2322"), "card.spec = 42 refused:\n{output}");
    assert!(output.contains("bad.tsx(4,"), "a spec with a numeric title refused in JSX:\n{output}");
}
