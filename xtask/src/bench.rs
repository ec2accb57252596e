//! `cargo xtask bench`: the Rust card against a plain JavaScript card (`bench/plain-card.js`),
//! side by side in one headless Chromium run. Prints a table of figures with their ratios and
//! writes it as JSON to `target/bench/results.json`. It times nothing in the tests.

use std::io::Write;
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
                "update {spec}: median {:.3} / {:.3} ms = {}, p95 {:.3} / {:.3} ms = {}, mean {:.4} / {:.4} ms = {}",
                get("wasm", "median_ms"),
                get("js", "median_ms"),
                ratio("median_ms"),
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
        all[2] += brotli_size(bytes);
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

fn brotli_size(bytes: &[u8]) -> u64 {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        let _ = writer.write_all(bytes);
    }
    out.len() as u64
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
        println!("{label:<44} {:>12} {:>12} {ratio:>8}", format!("{ours:.3}{unit}"), format!("{theirs:.3}{unit}"));
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
