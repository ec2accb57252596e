//! `cargo xtask bench`: the Rust card against a plain JavaScript card (`bench/plain-card.js`),
//! side by side in one headless Chromium run. Prints a table of figures with their ratios and
//! writes it as JSON to `target/bench/results.json`. It times nothing in the tests.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::dist::{self, Size};
use crate::{serve, testing::Chromedriver, tools};
use webdriver::Session;

const STARTUP_LOADS: usize = 15;
/// Page loads per card for each update figure; the median of their results is reported.
const UPDATE_ROUNDS: usize = 5;
const SPECS: [&str; 2] = ["demo", "large"];
const IMPLS: [&str; 2] = ["wasm", "js"];

/// With `updates_only`, just the update figures without forced layout (about a minute instead of
/// six): for trying a change to the slider path. The full run is what the README reports.
pub fn run(root: &Path, updates_only: bool) -> Result<(), String> {
    let chromedriver = tools::ensure_browser()?;
    let report = dist::build(root)?;
    let site = assemble_site(root, &report.dir)?;

    let bytes = measure_bytes(&site)?;
    let listener = serve::bind(0)?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let site_root = site.clone();
    std::thread::spawn(move || serve::serve_forever(listener, site_root, serve::Headers::CrossOriginIsolated));
    let driver = Chromedriver::start(&chromedriver)?;
    let session = Session::start_with(&driver.url, &["--js-flags=--expose-gc", "--enable-precise-memory-info"])?;
    let page = |query: &str| format!("http://{address}/bench/bench.html?{query}");

    let mut startup = serde_json::Map::new();
    let mut update = serde_json::Map::new();
    for spec in SPECS {
        // A quick run skips start-up; the update loop below is the same in both.
        if !updates_only {
            println!("xtask bench: start-up, {spec} spec ({STARTUP_LOADS} loads of each card, alternating)");
            let mut paint: [Vec<f64>; 2] = Default::default();
            let mut mount: [Vec<f64>; 2] = Default::default();
            for _ in 0..STARTUP_LOADS {
                for (index, implementation) in IMPLS.iter().enumerate() {
                    let result = measure(&session, &page(&format!("impl={implementation}&spec={spec}&mode=startup")))?;
                    paint[index].push(number(&result, "paint_ms")?);
                    mount[index].push(number(&result, "mount_ms")?);
                }
            }
            for (index, implementation) in IMPLS.iter().enumerate() {
                startup.insert(
                    key(implementation, spec),
                    json!({ "paint_ms": median(&mut paint[index]), "mount_ms": median(&mut mount[index]) }),
                );
            }
        }
        // Update timings move from one page load to the next by more than the difference being
        // measured, so each is taken on several loads, alternating the two cards.
        let layouts: &[bool] = if updates_only { &[false] } else { &[false, true] };
        for &layout in layouts {
            println!("xtask bench: update, {spec} spec, layout forced: {layout} ({UPDATE_ROUNDS} rounds)");
            let mut rounds: Vec<(&str, Value)> = Vec::new();
            for _ in 0..UPDATE_ROUNDS {
                for implementation in IMPLS {
                    let query = format!("impl={implementation}&spec={spec}&mode=update&layout={}", u8::from(layout));
                    rounds.push((implementation, measure(&session, &page(&query))?));
                }
            }
            for implementation in IMPLS {
                let mine: Vec<&Value> = rounds.iter().filter(|(i, _)| *i == implementation).map(|(_, v)| v).collect();
                let field = |name: &str| -> Result<f64, String> {
                    let mut values = mine.iter().map(|v| number(v, name)).collect::<Result<Vec<f64>, String>>()?;
                    Ok(median(&mut values))
                };
                let summary = json!({
                    "median_ms": field("median_ms")?,
                    "p95_ms": field("p95_ms")?,
                    "mean_ms": field("mean_ms")?,
                    "batched_median_ms": field("batched_median_ms")?,
                    "rounds": mine.len(),
                    "isolated": mine.iter().all(|v| v["isolated"] == json!(true)),
                });
                update.insert(format!("{}{}", key(implementation, spec), if layout { "_layout" } else { "" }), summary);
            }
        }
    }
    if updates_only {
        for spec in SPECS {
            let get = |side: &str, field: &str| update[&key(side, spec)][field].as_f64().unwrap_or(0.0);
            let ratio = |field: &str| ratio_text(get("wasm", field), get("js", field));
            println!(
                "update {spec}: median {:.3} / {:.3} ms = {}, ten to a reading {:.4} / {:.4} ms = {}, \
                 p95 {:.3} / {:.3} ms = {}, mean {:.4} / {:.4} ms = {}",
                get("wasm", "median_ms"),
                get("js", "median_ms"),
                ratio("median_ms"),
                get("wasm", "batched_median_ms"),
                get("js", "batched_median_ms"),
                ratio("batched_median_ms"),
                get("wasm", "p95_ms"),
                get("js", "p95_ms"),
                ratio("p95_ms"),
                get("wasm", "mean_ms"),
                get("js", "mean_ms"),
                ratio("mean_ms"),
            );
        }
        return Ok(());
    }
    let mut memory = serde_json::Map::new();
    for implementation in IMPLS {
        println!("xtask bench: memory, {implementation} card");
        memory.insert(
            implementation.to_string(),
            measure(&session, &page(&format!("impl={implementation}&spec=demo&mode=memory")))?,
        );
    }
    drop(session);
    drop(driver);

    let results = json!({ "bytes": bytes, "startup": startup, "update": update, "memory": memory });
    print_table(&results);
    let out = root.join("target").join("bench");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let path = out.join("results.json");
    std::fs::write(&path, serde_json::to_string_pretty(&results).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    println!("\nwritten to {}", path.display());
    Ok(())
}

fn key(implementation: &str, spec: &str) -> String {
    format!("{implementation}_{spec}")
}

/// `dist/` plus `bench/` under `/bench/`, with the card's stylesheet as a module for the plain card.
fn assemble_site(root: &Path, dist_dir: &Path) -> Result<PathBuf, String> {
    let site = root.join("target").join("bench-site");
    dist::recreate(&site)?;
    dist::copy_tree(dist_dir, &site, &|_| true)?;
    let bench = site.join("bench");
    std::fs::create_dir_all(&bench).map_err(|e| e.to_string())?;
    dist::copy_tree(&root.join("bench"), &bench, &|_| true)?;
    // Memory mode needs the wasm instance's exports, which the bundled module keeps to itself.
    let unbundled = bench.join("unbundled");
    std::fs::create_dir_all(&unbundled).map_err(|e| e.to_string())?;
    dist::copy_tree(&root.join("target").join("dist-stage"), &unbundled, &|p| {
        p.extension().is_some_and(|e| e == "js")
    })?;
    std::fs::copy(root.join("www").join(dist::ENTRY_FILE), unbundled.join(dist::ENTRY_FILE))
        .map_err(|e| e.to_string())?;
    std::fs::copy(dist_dir.join(dist::WASM_FILE), unbundled.join(dist::WASM_FILE)).map_err(|e| e.to_string())?;
    // The plain card gets the treatment the Rust card's module gets: the stylesheet minified,
    // everything bundled and minified by the same esbuild.
    let esbuild = tools::esbuild(root)?;
    let minified_css = Command::new(&esbuild)
        .arg(root.join("src").join("view").join("style.css"))
        .args(["--minify", "--log-level=warning"])
        .output()
        .map_err(|e| format!("cannot run esbuild: {e}"))?;
    let css = String::from_utf8_lossy(&minified_css.stdout).into_owned();
    let module = format!("export default {};\n", serde_json::to_string(css.trim()).map_err(|e| e.to_string())?);
    std::fs::write(bench.join("plain-card-style.js"), module).map_err(|e| e.to_string())?;
    tools::run(
        Command::new(&esbuild)
            .arg(bench.join("plain-card.js"))
            .args(["--bundle", "--minify", "--format=esm", "--target=es2022", "--legal-comments=none"])
            .arg(format!("--outfile={}", bench.join("plain-card.min.js").display())),
    )?;
    Ok(site)
}

/// What each card makes a page download, raw, gzip -9 and brotli 11.
fn measure_bytes(site: &Path) -> Result<Value, String> {
    let file = |path: &str| std::fs::read(site.join(path)).map_err(|e| format!("{path}: {e}"));
    let wasm_card = json!({
        "wasm": sizes(&[file(dist::WASM_FILE)?]),
        "js": sizes(&[file(dist::ENTRY_FILE)?]),
        // The card's CSS is compiled into the wasm.
        "css": sizes(&[]),
    });
    let plain_card = json!({
        "wasm": sizes(&[]),
        // One minified module, the minified stylesheet inside it.
        "js": sizes(&[file("bench/plain-card.min.js")?]),
        "css": sizes(&[]),
    });
    Ok(json!({ "wasm": total(wasm_card), "js": total(plain_card) }))
}

fn sizes(files: &[Vec<u8>]) -> Value {
    let mut all = [0u64; 3];
    for bytes in files {
        let size = Size::of(bytes);
        all[0] += size.raw;
        all[1] += size.gzip;
        all[2] += size.brotli;
    }
    json!({ "raw": all[0], "gzip": all[1], "brotli": all[2] })
}

fn total(mut parts: Value) -> Value {
    let mut sum = [0u64; 3];
    for part in ["wasm", "js", "css"] {
        for (i, measure) in ["raw", "gzip", "brotli"].iter().enumerate() {
            sum[i] += parts[part][measure].as_u64().unwrap_or(0);
        }
    }
    parts["total"] = json!({ "raw": sum[0], "gzip": sum[1], "brotli": sum[2] });
    parts
}

/// Loads per card and variant for `--visitor`, alternating the cards.
const VISITOR_LOADS: usize = 9;

/// `--visitor`'s load conditions: slow 4G as Lighthouse defines it (150 ms round trip, 1.6 Mbit/s
/// down, 750 kbit/s up) and the CPU slowed 4×, through the DevTools protocol.
const LATENCY_MS: f64 = 150.0;
const DOWNLOAD_BYTES_PER_S: u32 = 200_000;
const UPLOAD_BYTES_PER_S: u32 = 93_750;
const CPU_SLOWDOWN: u32 = 4;
/// The part of a long frame (or task) over this counts as blocking, as in Total Blocking Time.
const BLOCKING_OVER_MS: f64 = 50.0;
/// Each card's module, as its load page names it.
const LOAD_MODULES: [&str; 2] = ["/comparison-card.js", "/bench/plain-card.min.js"];

/// `cargo xtask bench --visitor`: what a visitor on a slow phone waits for and feels.
///
/// Load: one card per page, embedded as a page author does (`bench/load.html`), each load in a
/// fresh browser (empty cache) on slow 4G with the CPU slowed 4× and brotli-compressed responses,
/// the two cards alternating, 9 loads each after one unmeasured load of each: the time from
/// navigation start until the card has handled a first `input` on its first slider, the blocking
/// time of long animation frames from the card's module on, and the bytes transferred.
///
/// Drag: the first slider dragged one step per frame at CPU 4×, both cards, both specs, with the
/// rows' `content-visibility` on (as shipped) and off: frames over 17.5 ms out of 120.
///
/// Prints the medians with their ranges and writes everything to `target/bench/visitor.json`.
pub fn run_visitor(root: &Path) -> Result<(), String> {
    let chromedriver = tools::ensure_browser()?;
    let report = dist::build(root)?;
    let site = assemble_site(root, &report.dir)?;
    write_load_pages(root, &site)?;
    let load_average_start = load_average();
    // Load pages as a host serves them (no cross-origin isolation headers); drag pages isolated,
    // for 5 µs timers.
    let plain = serve::bind(0)?;
    let plain_address = plain.local_addr().map_err(|e| e.to_string())?;
    let plain_root = site.clone();
    std::thread::spawn(move || serve::serve_forever(plain, plain_root, serve::Headers::Plain));
    let isolated = serve::bind(0)?;
    let address = isolated.local_addr().map_err(|e| e.to_string())?;
    std::thread::spawn(move || serve::serve_forever(isolated, site, serve::Headers::CrossOriginIsolated));
    let driver = Chromedriver::start(&chromedriver)?;

    println!();
    println!(
        "load: one card per page, slow 4G ({LATENCY_MS} ms, {} B/s down) + CPU {CPU_SLOWDOWN}×, brotli, a fresh browser per load, {VISITOR_LOADS} loads each, alternating",
        thousands(f64::from(DOWNLOAD_BYTES_PER_S))
    );
    let load_url = |implementation: &str| format!("http://{plain_address}/bench/load-{implementation}.html");
    // One load of each first, not counted: the server compresses each file on its first request.
    for (index, implementation) in IMPLS.iter().enumerate() {
        load_once(&driver.url, &load_url(implementation), LOAD_MODULES[index])?;
    }
    let mut loads: [Vec<Load>; 2] = Default::default();
    let mut raw: Vec<Value> = Vec::new();
    for round in 0..VISITOR_LOADS {
        for (index, implementation) in IMPLS.iter().enumerate() {
            let (load, value) = load_once(&driver.url, &load_url(implementation), LOAD_MODULES[index])?;
            println!(
                "  {implementation:<4} {}/{VISITOR_LOADS}: interactive {} ms, blocking {} ms, {} B",
                round + 1,
                thousands(load.interactive_ms),
                thousands(load.blocking_ms),
                thousands(load.transfer as f64),
            );
            loads[index].push(load);
            raw.push(json!({ "impl": implementation, "round": round + 1, "page": value }));
        }
    }
    let long_kind = loads.iter().flatten().map(|load| load.long_kind.as_str()).next().unwrap_or("none");
    let figures: [Figure; 6] = [
        ("interactive_ms", "interactive, slow 4G + CPU 4×", |l| l.interactive_ms, "ms"),
        ("sliders_ms", "sliders present", |l| l.sliders_ms, "ms"),
        ("blocking_ms", "blocking from the module, Σ(d − 50)", |l| l.blocking_ms, "ms"),
        ("long_ms", "long frames from the module, Σd", |l| l.long_ms, "ms"),
        ("transfer_bytes", "transferred, page + card (transferSize)", |l| l.transfer as f64, "B"),
        ("encoded_bytes", "bodies as sent (encodedBodySize)", |l| l.encoded as f64, "B"),
    ];
    println!();
    println!("load ({long_kind} entries; blocking and long frames from the card's module to 1 s after interactive):");
    let mut load_summary = serde_json::Map::new();
    for (name, label, get, unit) in figures {
        let rust = spread(&loads[0].iter().map(get).collect::<Vec<f64>>());
        let plain = spread(&loads[1].iter().map(get).collect::<Vec<f64>>());
        let ratio = ratio_text(rust.median, plain.median).replace('x', "×");
        println!("  {label}: Rust {}, plain {}, {ratio}", rust.text(unit), plain.text(unit));
        load_summary.insert(
            name.to_string(),
            json!({ "wasm": rust.json(), "js": plain.json(), "ratio": (plain.median > 0.0).then(|| rust.median / plain.median) }),
        );
    }

    let session = Session::start(&driver.url)?;
    session.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": CPU_SLOWDOWN }))?;
    let mut drag = serde_json::Map::new();
    println!();
    println!("drag, CPU 4×: frames over 17.5 ms of 120, median (range) of {VISITOR_LOADS} loads");
    for spec in SPECS {
        for cv in ["on", "off"] {
            let mut late: [Vec<f64>; 2] = Default::default();
            for _ in 0..VISITOR_LOADS {
                for (index, implementation) in IMPLS.iter().enumerate() {
                    let url = format!(
                        "http://{address}/bench/bench.html?impl={implementation}&spec={spec}&mode=drag&cv={cv}"
                    );
                    late[index].push(number(&measure(&session, &url)?, "late")?);
                }
            }
            let mut line = format!("  {spec:<6} content-visibility {cv:<3}");
            for (index, implementation) in IMPLS.iter().enumerate() {
                let frames = spread(&late[index]);
                line.push_str(&format!("  {implementation}: {:>3} ({}–{})", frames.median, frames.min, frames.max));
                drag.insert(
                    format!("{implementation}_{spec}_cv_{cv}"),
                    json!({ "late_median": frames.median, "late_min": frames.min, "late_max": frames.max }),
                );
            }
            println!("{line}");
        }
    }
    drop(session);
    drop(driver);
    let load_average_end = load_average();
    println!();
    println!("load average: {load_average_start} at the start, {load_average_end} at the end");
    let results = json!({
        "load": {
            "conditions": {
                "latency_ms": LATENCY_MS,
                "download_bytes_per_s": DOWNLOAD_BYTES_PER_S,
                "upload_bytes_per_s": UPLOAD_BYTES_PER_S,
                "cpu_slowdown": CPU_SLOWDOWN,
                "encoding": "br",
                "protocol": "HTTP/1.1",
                "loads_per_card": VISITOR_LOADS,
                "long_entries": long_kind,
            },
            "summary": load_summary,
            "loads": raw,
        },
        "drag": drag,
        "load_average": { "start": load_average_start, "end": load_average_end },
    });
    let out = root.join("target").join("bench");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let path = out.join("visitor.json");
    std::fs::write(&path, serde_json::to_string_pretty(&results).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    println!("written to {}", path.display());
    Ok(())
}

/// `bench/load-wasm.html` and `bench/load-js.html` from the `bench/load.html` template: the Rust
/// card with the loading lines `comparison-card render` writes (module preload, wasm preload,
/// module), the plain card with its one module; each with the demo spec inline, as compact JSON.
fn write_load_pages(root: &Path, site: &Path) -> Result<(), String> {
    let template = std::fs::read_to_string(root.join("bench").join("load.html")).map_err(|e| e.to_string())?;
    let spec_path = root.join("www").join("specs").join("node-vs-python.json");
    let spec: Value = serde_json::from_str(&std::fs::read_to_string(&spec_path).map_err(|e| e.to_string())?)
        .map_err(|e| format!("{}: {e}", spec_path.display()))?;
    // `<` only occurs inside strings, where `\u003c` means the same; no text can end the script.
    let spec = serde_json::to_string(&spec).map_err(|e| e.to_string())?.replace('<', "\\u003c");
    let pages = [
        (
            "load-wasm.html",
            comparison_card::native::render::loading_hints(&format!("../{}", dist::ENTRY_FILE)),
            "comparison-card",
        ),
        (
            "load-js.html",
            "<script type=\"module\" src=\"plain-card.min.js\"></script>\n".to_string(),
            "plain-comparison-card",
        ),
    ];
    for (file, head, tag) in pages {
        let card = format!("<{tag}>\n<script type=\"application/json\">{spec}</script>\n</{tag}>\n");
        if !template.contains("<!-- card head -->\n") || !template.contains("<!-- card -->\n") {
            return Err("bench/load.html lacks its <!-- card head --> or <!-- card --> line".into());
        }
        let page = template.replacen("<!-- card head -->\n", &head, 1).replacen("<!-- card -->\n", &card, 1);
        std::fs::write(site.join("bench").join(file), page).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// A load figure: its key in the JSON, its label, how it is read from a load, its unit.
type Figure = (&'static str, &'static str, fn(&Load) -> f64, &'static str);

/// One load's figures, from what `bench/load.html`'s probe reported.
#[derive(Debug, Clone, PartialEq)]
struct Load {
    interactive_ms: f64,
    sliders_ms: f64,
    blocking_ms: f64,
    long_ms: f64,
    long_kind: String,
    transfer: u64,
    encoded: u64,
}

/// Loads `url` once in a fresh browser, throttled before it navigates, and reads the probe.
fn load_once(driver: &str, url: &str, module: &str) -> Result<(Load, Value), String> {
    let session = Session::start(driver)?;
    session.goto("about:blank")?;
    session.cdp("Network.enable", json!({}))?;
    session.cdp(
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": LATENCY_MS,
            "downloadThroughput": DOWNLOAD_BYTES_PER_S,
            "uploadThroughput": UPLOAD_BYTES_PER_S,
        }),
    )?;
    session.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": CPU_SLOWDOWN }))?;
    let value = measure(&session, url)?;
    drop(session);
    let load = read_load(&value, module).map_err(|e| format!("{url}: {e}"))?;
    Ok((load, value))
}

/// The figures of one load, checking that it ran under the conditions asked for.
fn read_load(value: &Value, module: &str) -> Result<Load, String> {
    let resources = value["resources"].as_array().ok_or("no resources")?;
    let field = |resource: &Value, name: &str| resource[name].as_f64().unwrap_or(0.0);
    let document = resources.first().ok_or("no navigation entry")?;
    // Emulated latency delays every response by the round trip (a navigation's after its first
    // byte): a quicker one means no throttling.
    let took = field(document, "response_end") - field(document, "request_start");
    if took < LATENCY_MS * 0.9 {
        return Err(format!("the page arrived {took:.0} ms after its request: network throttling not applied"));
    }
    for resource in resources {
        let path = resource["path"].as_str().unwrap_or("");
        let compressible =
            [".html", ".js", ".wasm"].iter().any(|end| path.split('?').next().unwrap_or("").ends_with(end));
        if compressible && field(resource, "encoded") >= field(resource, "decoded") {
            return Err(format!("{path} was not sent compressed ({} B encoded)", field(resource, "encoded")));
        }
    }
    let module_end = resources
        .iter()
        .find(|resource| resource["path"].as_str() == Some(module))
        .map(|resource| field(resource, "response_end"))
        .ok_or_else(|| format!("no request for {module}"))?;
    // A module runs once it has arrived and the document is parsed, not before.
    let module_start = module_end.max(number(value, "dom_interactive_ms")?);
    let frames: Vec<(f64, f64)> = value["long"]
        .as_array()
        .ok_or("no long frames list")?
        .iter()
        .map(|frame| (field(frame, "start"), field(frame, "duration")))
        .collect();
    let (blocking_ms, long_ms) = blocking(&frames, module_start);
    let (transfer, encoded) = transferred(resources);
    Ok(Load {
        interactive_ms: number(value, "interactive_ms")?,
        sliders_ms: number(value, "sliders_ms")?,
        blocking_ms,
        long_ms,
        long_kind: value["long_kind"].as_str().unwrap_or("none").to_string(),
        transfer,
        encoded,
    })
}

/// Of the long frames `(start, duration)` that end after `from`: the sum of their time over
/// 50 ms (blocking time), and the sum of their durations.
fn blocking(frames: &[(f64, f64)], from: f64) -> (f64, f64) {
    frames
        .iter()
        .filter(|(start, duration)| start + duration > from)
        .fold((0.0, 0.0), |(over, total), (_, duration)| {
            (over + (duration - BLOCKING_OVER_MS).max(0.0), total + duration)
        })
}

/// Bytes over the wire (`transferSize`: headers and body) and bodies as sent (`encodedBodySize`),
/// summed over the page and everything it requested.
fn transferred(resources: &[Value]) -> (u64, u64) {
    resources.iter().fold((0, 0), |(transfer, encoded), resource| {
        let get = |name: &str| resource[name].as_f64().unwrap_or(0.0).max(0.0) as u64;
        (transfer + get("transfer"), encoded + get("encoded"))
    })
}

/// A median with the range it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Spread {
    median: f64,
    min: f64,
    max: f64,
}

/// The median (the mean of the middle two for an even count) and the extremes; zeros for none.
fn spread(values: &[f64]) -> Spread {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n == 0 {
        return Spread { median: 0.0, min: 0.0, max: 0.0 };
    }
    let median = if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 };
    Spread { median, min: sorted[0], max: sorted[n - 1] }
}

impl Spread {
    /// `1,050 ms (980–1,200)`.
    fn text(&self, unit: &str) -> String {
        format!("{} {unit} ({}–{})", thousands(self.median), thousands(self.min), thousands(self.max))
    }

    fn json(&self) -> Value {
        json!({ "median": self.median, "min": self.min, "max": self.max })
    }
}

/// Rounded to a whole number, with commas between thousands: `1,050`, `-2,000`.
fn thousands(value: f64) -> String {
    let rounded = value.round();
    let digits = format!("{:.0}", rounded.abs());
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if rounded < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// The 1-, 5- and 15-minute load averages, as `uptime` prints them.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| text.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_string())
}

/// Opens a benchmark page and waits for its result.
fn measure(session: &Session, url: &str) -> Result<Value, String> {
    session.goto(url)?;
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let value = session.eval("return window.__bench;", json!([]))?;
        if let Some(error) = value.get("error") {
            return Err(format!("{url}: {error}"));
        }
        if !value.is_null() {
            return Ok(value);
        }
        if Instant::now() > deadline {
            return Err(format!("{url}: no result within 180 s"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn number(value: &Value, field: &str) -> Result<f64, String> {
    value.get(field).and_then(Value::as_f64).ok_or_else(|| format!("result without {field}: {value}"))
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn print_table(results: &Value) {
    println!();
    println!("{:<44} {:>12} {:>12} {:>8}", "", "Rust card", "plain JS", "ratio");
    let row = |label: &str, ours: f64, theirs: f64, unit: &str| {
        let ratio = ratio_text(ours, theirs);
        println!("{label:<44} {:>12} {:>12} {ratio:>8}", format!("{ours:.4}{unit}"), format!("{theirs:.4}{unit}"));
    };
    let bytes = &results["bytes"];
    for part in ["wasm", "js", "css", "total"] {
        for measure in ["raw", "gzip", "brotli"] {
            let get = |side: &str| bytes[side][part][measure].as_f64().unwrap_or(0.0);
            let label = format!("bytes {part} {measure}");
            println!("{label:<44} {:>12} {:>12} {:>8}", get("wasm"), get("js"), ratio_text(get("wasm"), get("js")));
        }
    }
    for spec in SPECS {
        let get = |side: &str, field: &str| results["startup"][key(side, spec)][field].as_f64().unwrap_or(0.0);
        row(
            &format!("start-up {spec}: import to painted, median"),
            get("wasm", "paint_ms"),
            get("js", "paint_ms"),
            " ms",
        );
        row(&format!("start-up {spec}: mount script, median"), get("wasm", "mount_ms"), get("js", "mount_ms"), " ms");
    }
    for spec in SPECS {
        for layout in ["", "_layout"] {
            let get = |side: &str, field: &str| {
                results["update"][format!("{}{layout}", key(side, spec))][field].as_f64().unwrap_or(0.0)
            };
            let forced = if layout.is_empty() { "" } else { " +layout" };
            row(
                &format!("update {spec}{forced}: per input, median"),
                get("wasm", "median_ms"),
                get("js", "median_ms"),
                " ms",
            );
            row(
                &format!("update {spec}{forced}: median, ten per reading"),
                get("wasm", "batched_median_ms"),
                get("js", "batched_median_ms"),
                " ms",
            );
            row(&format!("update {spec}{forced}: per input, p95"), get("wasm", "p95_ms"), get("js", "p95_ms"), " ms");
            row(
                &format!("update {spec}{forced}: per input, mean"),
                get("wasm", "mean_ms"),
                get("js", "mean_ms"),
                " ms",
            );
        }
    }
    let memory = &results["memory"];
    for field in [
        "heap_start",
        "heap_after_inputs",
        "heap_after_moves",
        "heap_after_cycles",
        "wasm_start",
        "wasm_after_inputs",
        "wasm_after_moves",
        "wasm_after_cycles",
    ] {
        let get = |side: &str| memory[side][field].as_f64().unwrap_or(0.0) / 1024.0;
        row(&format!("memory {field}"), get("wasm"), get("js"), " KiB");
    }
    let isolated = results["update"]["wasm_demo"]["isolated"].as_bool().unwrap_or(false);
    println!("(timer resolution: {})", if isolated { "5 us, cross-origin isolated" } else { "100 us, NOT isolated" });
}

fn ratio_text(ours: f64, theirs: f64) -> String {
    if theirs > 0.0 {
        format!("{:.2}x", ours / theirs)
    } else {
        "-".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_is_the_median_and_the_range() {
        assert_eq!(spread(&[3.0, 1.0, 2.0]), Spread { median: 2.0, min: 1.0, max: 3.0 });
        assert_eq!(spread(&[4.0, 1.0, 2.0, 10.0]), Spread { median: 3.0, min: 1.0, max: 10.0 });
        assert_eq!(spread(&[5.0]), Spread { median: 5.0, min: 5.0, max: 5.0 });
        assert_eq!(spread(&[]), Spread { median: 0.0, min: 0.0, max: 0.0 });
        assert_eq!(spread(&[1200.0, 980.0, 1050.4]).text("ms"), "1,050 ms (980–1,200)");
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(999.5), "1,000");
        assert_eq!(thousands(52_345.0), "52,345");
        assert_eq!(thousands(1_234_567.0), "1,234,567");
        assert_eq!(thousands(-2000.0), "-2,000");
    }

    #[test]
    fn blocking_counts_frames_that_end_after_the_module_started() {
        // Before the module: left out. Across its start: counted whole. Short: no blocking.
        let frames = [(0.0, 200.0), (900.0, 150.0), (1100.0, 40.0), (1200.0, 80.5)];
        assert_eq!(blocking(&frames, 1000.0), (100.0 + 30.5, 150.0 + 40.0 + 80.5));
        assert_eq!(blocking(&frames, 0.0), (150.0 + 100.0 + 30.5, 200.0 + 150.0 + 40.0 + 80.5));
        assert_eq!(blocking(&[], 0.0), (0.0, 0.0));
    }

    fn probe(document_wait: f64, wasm_encoded: f64) -> Value {
        json!({
            "interactive_ms": 2000.0,
            "sliders_ms": 1990.0,
            "long_kind": "long-animation-frame",
            "dom_interactive_ms": 400.0,
            "long": [
                { "start": 100.0, "duration": 90.0 },
                { "start": 1500.0, "duration": 120.0 },
                { "start": 1990.0, "duration": 30.0 },
            ],
            "resources": [
                { "path": "/bench/load-wasm.html", "request_start": 10.0, "response_start": 15.0,
                  "response_end": 10.0 + document_wait, "transfer": 3300, "encoded": 3000, "decoded": 9000 },
                { "path": "/comparison-card.js", "response_end": 900.0, "transfer": 5300, "encoded": 5000, "decoded": 15000 },
                { "path": "/comparison-card.wasm", "response_end": 1400.0, "transfer": wasm_encoded + 300.0,
                  "encoded": wasm_encoded, "decoded": 100000 },
            ],
        })
    }

    #[test]
    fn a_load_is_read_from_the_probe() {
        let load = read_load(&probe(160.0, 45000.0), "/comparison-card.js").unwrap();
        assert_eq!(
            load,
            Load {
                interactive_ms: 2000.0,
                sliders_ms: 1990.0,
                blocking_ms: 70.0,
                long_ms: 150.0,
                long_kind: "long-animation-frame".into(),
                transfer: 3300 + 5300 + 45300,
                encoded: 3000 + 5000 + 45000,
            }
        );
    }

    #[test]
    fn a_load_without_throttling_or_compression_is_refused() {
        assert!(read_load(&probe(5.0, 45000.0), "/comparison-card.js").unwrap_err().contains("throttling"));
        assert!(read_load(&probe(160.0, 100000.0), "/comparison-card.js").unwrap_err().contains("compressed"));
        assert!(read_load(&probe(160.0, 45000.0), "/bench/plain-card.min.js").unwrap_err().contains("no request"));
    }

    #[test]
    fn load_pages_embed_each_card_as_a_page_author_does() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let site = std::env::temp_dir().join(format!("xtask-load-pages-{}", std::process::id()));
        std::fs::create_dir_all(site.join("bench")).unwrap();
        write_load_pages(root, &site).unwrap();
        let wasm = std::fs::read_to_string(site.join("bench/load-wasm.html")).unwrap();
        let js = std::fs::read_to_string(site.join("bench/load-js.html")).unwrap();
        let _ = std::fs::remove_dir_all(&site);
        assert!(wasm.contains(&comparison_card::native::render::loading_hints("../comparison-card.js")));
        assert!(js.contains("<script type=\"module\" src=\"plain-card.min.js\"></script>"));
        assert!(!js.contains("comparison-card.js") && !js.contains(".wasm"));
        for (page, tag) in [(&wasm, "comparison-card"), (&js, "plain-comparison-card")] {
            assert!(page.contains(&format!("<{tag}>\n<script type=\"application/json\">{{\"$schema\"")));
            assert!(!page.contains("<!-- card"));
            // The probe comes before the card's module.
            assert!(page.find("window.__bench").unwrap() < page.find("type=\"module\"").unwrap());
        }
    }
}
