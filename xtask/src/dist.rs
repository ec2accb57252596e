//! `cargo xtask dist`: the release wasm, wasm-bindgen's glue, and the demo, in a self-contained `dist/`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools;

/// wasm-opt's passes, chosen by measuring gzip -9 bytes (README, "Size"). Against plain `-Oz`:
/// `-ocimfs 20 -aimfs 4` stop inlining functions with a single caller past 20 instructions and
/// allow 4-instruction ones everywhere: more, smaller functions that repeat one another's shape,
/// which compresses better (raw bytes grow 1%, gzip shrinks 6%); `--flatten --rereloop` rebuilds
/// the control flow before the size passes run twice; `--low-memory-unused` lets them fold
/// addresses, as Rust places nothing in the first kilobyte of memory.
const WASM_OPT_PASSES: [&str; 9] =
    ["-ocimfs", "20", "-aimfs", "4", "--low-memory-unused", "--flatten", "--rereloop", "-Oz", "-Oz"];

/// The wasm-bindgen output's base name, in the staging folder.
const CORE_NAME: &str = "comparison-card-core";
/// What `dist/` ships for the card: the one module an author includes, and the wasm beside it.
pub const ENTRY_FILE: &str = "comparison-card.js";
pub const WASM_FILE: &str = comparison_card::native::render::WASM_FILE_NAME;
/// The studio page's own wasm, built into `dist/studio/` (never part of the card).
const STUDIO_PACKAGE: &str = "comparison-card-studio";

/// The name under which the entry module imports the element class (`src/web/element.js`).
const ELEMENT_SHIM: &str = "comparison-card-element.js";

pub struct Report {
    pub dir: PathBuf,
    pub wasm: Size,
    pub js: Size,
}

#[derive(Clone, Copy, Default)]
pub struct Size {
    pub raw: u64,
    pub gzip: u64,
    /// Brotli at quality 11 with a 4 MB window: what a CDN serves to browsers today.
    pub brotli: u64,
}

impl Size {
    pub fn of(bytes: &[u8]) -> Size {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing into a Vec cannot fail.
        let _ = encoder.write_all(bytes);
        let gzip = encoder.finish().map(|v| v.len() as u64).unwrap_or(0);
        Size { raw: bytes.len() as u64, gzip, brotli: brotli_size(bytes) }
    }

    fn add(self, other: Size) -> Size {
        Size { raw: self.raw + other.raw, gzip: self.gzip + other.gzip, brotli: self.brotli + other.brotli }
    }
}

fn brotli_size(bytes: &[u8]) -> u64 {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        // Writing into a Vec cannot fail; the writer finishes the stream when dropped.
        let _ = writer.write_all(bytes);
    }
    out.len() as u64
}

impl Report {
    /// What a page downloads for the card: the wasm (its CSS is inside) and the one module.
    pub fn total(&self) -> Size {
        self.wasm.add(self.js)
    }

    pub fn print(&self) {
        println!();
        println!("dist/ bytes shipped     raw     gzip -9  brotli 11");
        for (name, size) in [("wasm (with CSS)", self.wasm), ("JavaScript", self.js), ("total", self.total())] {
            println!("  {name:<16} {:>9} {:>9} {:>10}", size.raw, size.gzip, size.brotli);
        }
    }
}

pub fn build(root: &Path) -> Result<Report, String> {
    tools::ensure_wasm_target()?;
    tools::ensure_wasm_bindgen(&tools::pinned_wasm_bindgen(root)?)?;
    let wasm_opt = tools::wasm_opt(root)?;
    let esbuild = tools::esbuild(root)?;

    let dist = root.join("dist");
    recreate(&dist)?;
    build_card(root, &dist, &wasm_opt, &esbuild, &SHIPPED)?;
    // After the shipped card: both builds write the same file under target/, read in between.
    build_card(root, &dist, &wasm_opt, &esbuild, &DEVELOPMENT)?;

    let www = root.join("www");
    copy_tree(&www, &dist, &|path| path.file_name().is_some_and(|n| n != "index.html" && n != ENTRY_FILE))?;
    let page = std::fs::read_to_string(www.join("index.html")).map_err(|e| format!("www/index.html: {e}"))?;
    let page = inline_specs(&page, &www)?;
    let page = with_loading_hints(&page)?;
    std::fs::write(dist.join("index.html"), page).map_err(|e| e.to_string())?;

    build_studio(root, &dist, &wasm_opt)?;

    let wasm = Size::of(&read(&dist.join(WASM_FILE))?);
    let js = Size::of(&read(&dist.join(ENTRY_FILE))?);
    Ok(Report { dir: dist, wasm, js })
}

/// One build of the card: its two files in `dist/`.
pub struct Variant {
    /// Cargo features of the card crate.
    features: &'static [&'static str],
    /// Where wasm-bindgen's output is staged, under `target/`.
    stage: &'static str,
    pub entry: &'static str,
    pub wasm: &'static str,
}

/// The card pages ship: problems in a spec are named by place only (`src/core/problems.rs`).
pub const SHIPPED: Variant = Variant { features: &[], stage: "dist-stage", entry: ENTRY_FILE, wasm: WASM_FILE };
/// The card for authoring: the same card, whose error box also says what is wrong.
pub const DEVELOPMENT: Variant = Variant {
    features: &["full-problems"],
    stage: "dist-stage-dev",
    entry: "comparison-card.dev.js",
    wasm: "comparison-card.dev.wasm",
};

fn build_card(root: &Path, dist: &Path, wasm_opt: &Path, esbuild: &Path, variant: &Variant) -> Result<(), String> {
    let mut cargo = release_build(root);
    cargo.args(["--lib", "--package", "comparison-card"]);
    if !variant.features.is_empty() {
        cargo.arg("--features").arg(variant.features.join(","));
    }
    tools::run(&mut cargo)?;

    let stage = root.join("target").join(variant.stage);
    recreate(&stage)?;

    let built = root.join("target/wasm32-unknown-unknown/release/comparison_card.wasm");
    tools::run(
        Command::new("wasm-bindgen")
            .arg(&built)
            .args(["--target", "web", "--no-typescript", "--out-name", CORE_NAME, "--out-dir"])
            .arg(&stage),
    )?;
    let bindgen_wasm = stage.join(format!("{CORE_NAME}_bg.wasm"));
    let mut optimize = Command::new(wasm_opt);
    optimize
        .arg(&bindgen_wasm)
        .args(WASM_OPT_PASSES)
        // The `target_features` section only matters to a linker: 148 bytes no browser reads.
        .args(["--strip-debug", "--strip-producers", "--strip-target-features"])
        .args(["--minify-imports-and-exports-and-modules", "-o"])
        .arg(dist.join(variant.wasm));
    println!("$ {}", tools::describe(&optimize));
    let output = optimize.output().map_err(|e| format!("cannot run wasm-opt: {e}"))?;
    if !output.status.success() {
        return Err(format!("wasm-opt failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    let glue_path = stage.join(format!("{CORE_NAME}.js"));
    let glue = std::fs::read_to_string(&glue_path).map_err(|e| e.to_string())?;
    let glue = rename_in_glue(&glue, &String::from_utf8_lossy(&output.stdout))?;
    let glue = without_default_wasm_url(&glue)?;
    let glue = with_own_mime_warning(&glue)?;
    std::fs::write(&glue_path, glue).map_err(|e| e.to_string())?;
    // The entry module defines the element class before the wasm arrives, so it imports the
    // element's module too: through this name, the same module the glue imports, bundled once.
    let element = element_snippet(&stage)?;
    std::fs::write(stage.join(ELEMENT_SHIM), format!("export * from './{element}';\n")).map_err(|e| e.to_string())?;

    // One module for the page: the entry, wasm-bindgen's glue and the element class, bundled
    // and minified. One request instead of three, and fewer bytes.
    let entry =
        std::fs::read_to_string(root.join("www").join(ENTRY_FILE)).map_err(|e| format!("www/{ENTRY_FILE}: {e}"))?;
    std::fs::write(stage.join(ENTRY_FILE), entry_for(&entry, variant)?).map_err(|e| e.to_string())?;
    tools::run(
        Command::new(esbuild)
            .arg(stage.join(ENTRY_FILE))
            .args(["--bundle", "--minify", "--format=esm", "--target=es2022", "--legal-comments=none"])
            .arg("--log-level=warning")
            .arg(format!("--outfile={}", dist.join(variant.entry).display())),
    )
}

/// The entry module for a variant: the development build looks for its own wasm beside it.
fn entry_for(entry: &str, variant: &Variant) -> Result<String, String> {
    if variant.wasm == WASM_FILE {
        return Ok(entry.to_string());
    }
    let quoted = |name: &str| [format!("'{name}'"), format!("/{name}`")];
    let mut out = entry.to_string();
    for (old, new) in quoted(WASM_FILE).iter().zip(quoted(variant.wasm)) {
        if out.matches(old.as_str()).count() != 1 {
            return Err(format!("www/{ENTRY_FILE} no longer names {old} once; check entry_for"));
        }
        out = out.replace(old.as_str(), &new);
    }
    Ok(out)
}

/// The studio's wasm (`studio/`) beside its page in `dist/studio/`: glue for `--target web`, and
/// wasm-opt's plain `-Oz`. Not part of the card: its two shipped files stay as they are.
fn build_studio(root: &Path, dist: &Path, wasm_opt: &Path) -> Result<(), String> {
    // A cargo run of its own: the studio turns the card's element off, and features are unified
    // across one run.
    tools::run(release_build(root).args(["--package", STUDIO_PACKAGE]))?;
    let out = dist.join("studio");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let built = root.join("target/wasm32-unknown-unknown/release/comparison_card_studio.wasm");
    tools::run(
        Command::new("wasm-bindgen")
            .arg(&built)
            .args(["--target", "web", "--no-typescript", "--out-name", "studio", "--out-dir"])
            .arg(&out),
    )?;
    let wasm = out.join("studio_bg.wasm");
    tools::run(Command::new(wasm_opt).arg(&wasm).args(["-Oz", "--strip-debug", "--strip-producers", "-o"]).arg(&wasm))
}

/// Replaces `<script type="application/json" data-include="specs/x.json"></script>` with the
/// spec's text, so the demo page shows the embed exactly as an author writes it, and pre-renders
/// the card around it as `comparison-card render` does: the live card's markup in a declarative
/// shadow root before the script, the static fallback after it. Features follow the element's
/// own attributes (`share`, `chart="none"`).
pub fn inline_specs(page: &str, www: &Path) -> Result<String, String> {
    const OPEN: &str = "<script type=\"application/json\" data-include=\"";
    let mut out = String::with_capacity(page.len() * 2);
    let mut rest = page;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + OPEN.len()..];
        let quote = after.find('"').ok_or("unterminated data-include")?;
        let file = &after[..quote];
        let close = after.find("</script>").ok_or("data-include script without </script>")?;
        let spec = std::fs::read_to_string(www.join(file)).map_err(|e| format!("www/{file}: {e}"))?;
        let mut comparison = comparison_card::core::spec::parse(&mut serde_json::Deserializer::from_str(&spec))
            .map_err(|problems| format!("www/{file}: {problems:?}"))?;
        let (features, lang) = element_features(&out);
        comparison.labels.decimal = lang.as_deref().map(comparison_card::core::locale::decimal_separator);
        out.push_str(&comparison_card::native::render::render_shadow(&comparison, features));
        // Every `<` escaped (in valid JSON it can only be inside a string, where `\u003c` means the
        // same), so no author text can end the script or open a comment in it; the author's
        // layout is kept.
        out.push_str("\n<script type=\"application/json\">\n");
        out.push_str(&spec.trim_end().replace('<', "\\u003c"));
        out.push_str("\n</script>\n");
        out.push_str(comparison_card::native::render::render_static(&comparison).trim_end());
        rest = &after[close + "</script>".len()..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The demo page's module script, replaced by the lines `comparison-card render` writes: the
/// same script after a `modulepreload` for it and a preload for the wasm, so both downloads
/// start at once.
fn with_loading_hints(page: &str) -> Result<String, String> {
    let script = format!("<script type=\"module\" src=\"{ENTRY_FILE}\"></script>\n");
    let at = page.find(&script).ok_or_else(|| format!("www/index.html: no {}", script.trim_end()))?;
    // The page's indentation, kept on every line.
    let indent = &page[page[..at].rfind('\n').map_or(0, |n| n + 1)..at];
    let hints = comparison_card::native::render::loading_hints(ENTRY_FILE);
    let hints = hints.trim_end().replace('\n', &format!("\n{indent}"));
    Ok(format!("{}{hints}\n{}", &page[..at], &page[at + script.len()..]))
}

/// The features and the language the last `<comparison-card …>` tag in `page` asks for.
fn element_features(page: &str) -> (comparison_card::view::Features, Option<String>) {
    let tag = page.rfind("<comparison-card").map_or("", |at| {
        let tag = &page[at + "<comparison-card".len()..];
        &tag[..tag.find('>').unwrap_or(tag.len())]
    });
    let mut features = comparison_card::view::Features { chart: true, share: false };
    let mut lang = None;
    for attribute in tag.split_whitespace() {
        let (name, value) = attribute.split_once('=').unwrap_or((attribute, ""));
        let value = value.trim_matches(|c| c == '"' || c == '\'');
        match name.to_ascii_lowercase().as_str() {
            "share" => features.share = true,
            "chart" => features.chart = value != "none",
            "lang" => lang = Some(value.to_string()),
            _ => {}
        }
    }
    (features, lang)
}

/// wasm-bindgen names every import `__wbg_<name>_<16 hex digits>`: thousands of bytes, twice
/// (in the wasm and in the glue), that no compressor shrinks. wasm-opt renames the wasm's imports,
/// exports and import module to a letter or two and prints the mapping; this applies it to the glue.
fn rename_in_glue(glue: &str, mapping: &str) -> Result<String, String> {
    let mapping: serde_json::Value =
        serde_json::from_str(mapping).map_err(|e| format!("wasm-opt printed no name mapping: {e}"))?;
    let pairs = |key: &str| mapping[key].as_array().cloned().unwrap_or_default();
    let mismatch =
        |what: String| format!("the glue no longer matches wasm-opt's renaming ({what}); check wasm-bindgen's output");
    if glue.contains("import1") {
        return Err(mismatch("more than one import module".into()));
    }
    let mut glue = glue.to_string();
    let mut module_name: Option<String> = None;
    for import in pairs("imports") {
        let (Some(module), Some(old), Some(new)) = (import[0].as_str(), import[1].as_str(), import[2].as_str()) else {
            return Err(format!("unexpected import mapping: {import}"));
        };
        if module_name.is_none() {
            // The pass gives the one import module the name "a".
            let from = format!("\"{module}\": import0");
            if !glue.contains(&from) {
                return Err(mismatch(format!("no {from}")));
            }
            glue = glue.replace(&from, "\"a\": import0");
            module_name = Some(module.to_string());
        }
        let (renamed, count) = replace_identifier(&glue, old, new);
        if count == 0 {
            return Err(mismatch(format!("import {old} not found")));
        }
        glue = renamed;
    }
    for export in pairs("exports") {
        let (Some(old), Some(new)) = (export[0].as_str(), export[1].as_str()) else {
            return Err(format!("unexpected export mapping: {export}"));
        };
        glue = replace_identifier(&glue, &format!("wasm.{old}"), &format!("wasm.{new}")).0;
    }
    if module_name.as_deref().is_some_and(|module| glue.contains(module)) {
        return Err(mismatch("the old module name is still there".into()));
    }
    Ok(glue)
}

/// wasm-bindgen's glue falls back to `new URL('<name>_bg.wasm', import.meta.url)` when given no
/// address. The card always gives one (`comparison-card.wasm`, or the page's), and bundlers read
/// that line as an asset reference: Vite warns that the file does not exist. It becomes an error
/// the card never reaches.
fn without_default_wasm_url(glue: &str) -> Result<String, String> {
    let default = format!("new URL('{CORE_NAME}_bg.wasm', import.meta.url)");
    if glue.matches(&default).count() != 1 {
        return Err(format!("the glue no longer has one `{default}`; check wasm-bindgen's output"));
    }
    Ok(glue.replace(&default, "(() => { throw new Error('comparison-card: no wasm address'); })()"))
}

/// wasm-bindgen's warning for a wasm served with another type names neither the card nor the fix;
/// the card's own says both, in half the bytes every visitor downloads.
fn with_own_mime_warning(glue: &str) -> Result<String, String> {
    let theirs = "\"`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with \
                  `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. \
                  Original error:\\n\"";
    if glue.matches(theirs).count() != 1 {
        return Err("the glue no longer has wasm-bindgen's MIME type warning; check its output".into());
    }
    Ok(glue.replace(theirs, "\"comparison-card: serve .wasm as application/wasm, so it compiles while it downloads\""))
}

/// The element module's path inside wasm-bindgen's output, relative to `stage`, with `/`.
fn element_snippet(stage: &Path) -> Result<String, String> {
    let snippets = stage.join("snippets");
    let entries = std::fs::read_dir(&snippets).map_err(|e| format!("{}: {e}", snippets.display()))?;
    let found: Vec<String> = entries
        .flatten()
        .filter(|entry| entry.path().join("src/web/element.js").is_file())
        .map(|entry| format!("snippets/{}/src/web/element.js", entry.file_name().to_string_lossy()))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(format!("expected one src/web/element.js under {}, found {}", snippets.display(), found.len())),
    }
}

/// Replaces `old` where it stands as a whole identifier (not inside a longer one, not a property
/// of something else); returns the text and how many it replaced.
fn replace_identifier(text: &str, old: &str, new: &str) -> (String, usize) {
    let is_part = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut count = 0;
    while let Some(at) = rest.find(old) {
        let before = rest[..at].chars().next_back().or_else(|| out.chars().next_back());
        let after = rest[at + old.len()..].chars().next();
        out.push_str(&rest[..at]);
        if before.is_some_and(|c| is_part(c) || c == '.') || after.is_some_and(is_part) {
            out.push_str(old);
        } else {
            out.push_str(new);
            count += 1;
        }
        rest = &rest[at + old.len()..];
    }
    out.push_str(rest);
    (out, count)
}

/// `cargo build --release --target wasm32-unknown-unknown` with the release flags below.
fn release_build(root: &Path) -> Command {
    let mut command = Command::new("cargo");
    command
        .current_dir(root)
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .env(
            "CARGO_ENCODED_RUSTFLAGS",
            release_rustflags(
                root,
                std::env::var("CARGO_ENCODED_RUSTFLAGS").ok().filter(|f| !f.is_empty()),
                std::env::var("RUSTFLAGS").ok(),
            ),
        )
        // Cargo reads only one of the two; the user's RUSTFLAGS are inside the encoded ones.
        .env_remove("RUSTFLAGS");
    command
}

/// The compiler flags for the release build: the user's own (from `CARGO_ENCODED_RUSTFLAGS`, or
/// else `RUSTFLAGS`), then `--remap-path-prefix` for the project and the registry, so the wasm's
/// panic locations name `cc/src/...` instead of this machine's folders. Written in cargo's
/// encoded form (flags separated by U+001F), so a folder whose path has a space stays one flag.
fn release_rustflags(root: &Path, encoded: Option<String>, plain: Option<String>) -> String {
    let mut flags: Vec<String> = match (encoded, plain) {
        (Some(encoded), _) => encoded.split('\u{1f}').filter(|f| !f.is_empty()).map(String::from).collect(),
        (None, Some(plain)) => plain.split_whitespace().map(String::from).collect(),
        (None, None) => Vec::new(),
    };
    flags.push(format!("--remap-path-prefix={}=cc", root.display()));
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    if let Some(registries) = cargo_home.map(|home| home.join("registry").join("src")) {
        for registry in std::fs::read_dir(registries).into_iter().flatten().flatten() {
            flags.push(format!("--remap-path-prefix={}=deps", registry.path().display()));
        }
    }
    flags.join("\u{1f}")
}

pub fn recreate(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Copies files for which `keep` holds, and every folder, from `from` into `to`.
pub fn copy_tree(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result<(), String> {
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            std::fs::create_dir_all(&target).map_err(|e| e.to_string())?;
            copy_tree(&path, &target, &|_| true)?;
        } else if keep(&path) {
            std::fs::copy(&path, &target).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_development_entry_asks_for_its_own_wasm_and_nothing_else_changes() {
        let entry = std::fs::read_to_string(crate::project_root().join("www").join(ENTRY_FILE)).unwrap();
        assert_eq!(entry_for(&entry, &SHIPPED).unwrap(), entry);
        let dev = entry_for(&entry, &DEVELOPMENT).unwrap();
        assert!(dev.contains("new URL('comparison-card.dev.wasm', import.meta.url)"), "{dev}");
        assert!(dev.contains("/comparison-card.dev.wasm`"), "{dev}");
        // Only the two places the module looks for its wasm differ.
        let changed = entry.lines().zip(dev.lines()).filter(|(a, b)| a != b).count();
        assert_eq!((changed, entry.lines().count()), (2, dev.lines().count()));
        assert!(entry_for("no wasm named here", &DEVELOPMENT).is_err());
    }

    #[test]
    fn release_flags_keep_the_users_and_survive_a_space_in_the_path() {
        let root = Path::new("/home/a user/my card");
        let flags = release_rustflags(root, None, Some("-C target-cpu=mvp  --cfg demo".into()));
        let flags: Vec<&str> = flags.split('\u{1f}').collect();
        assert_eq!(&flags[..4], ["-C", "target-cpu=mvp", "--cfg", "demo"]);
        assert_eq!(flags[4], "--remap-path-prefix=/home/a user/my card=cc", "one flag, space and all");
        // Encoded flags win over plain ones, as in cargo, and keep their own spaces.
        let encoded = release_rustflags(root, Some("--cfg\u{1f}x y".into()), Some("--cfg ignored".into()));
        assert!(encoded.starts_with("--cfg\u{1f}x y\u{1f}--remap-path-prefix="), "{encoded:?}");
    }

    #[test]
    fn renames_whole_identifiers_only() {
        let text = "wasm.spec(); wasm.spec_two(); x.wasm.spec; __wbg_a_1: f, __wbg_a_12: g";
        assert_eq!(
            replace_identifier(text, "wasm.spec", "wasm.b"),
            ("wasm.b(); wasm.spec_two(); x.wasm.spec; __wbg_a_1: f, __wbg_a_12: g".to_string(), 1)
        );
        assert_eq!(
            replace_identifier(text, "__wbg_a_1", "c"),
            ("wasm.spec(); wasm.spec_two(); x.wasm.spec; c: f, __wbg_a_12: g".to_string(), 1)
        );
    }

    #[test]
    fn applies_wasm_opt_name_mapping() {
        let glue = "const import0 = { __wbg_of_1f: function() {} };\nreturn { \"./x_bg.js\": import0 };\nwasm.memory; wasm.define();";
        let mapping =
            r#"{ "imports": [["./x_bg.js", "__wbg_of_1f", "$"]], "exports": [["memory", "b"], ["define", "c"]] }"#;
        assert_eq!(
            rename_in_glue(glue, mapping).unwrap(),
            "const import0 = { $: function() {} };\nreturn { \"a\": import0 };\nwasm.b; wasm.c();"
        );
        // An import the glue does not have means the two disagree: refuse to ship.
        let missing = r#"{ "imports": [["./x_bg.js", "__wbg_gone_2a", "$"]], "exports": [] }"#;
        assert!(rename_in_glue(glue, missing).is_err());
        assert!(rename_in_glue("const import1 = {};", mapping).is_err());
    }

    #[test]
    fn the_glue_keeps_no_default_wasm_address() {
        let glue = "if (x === undefined) {\n    x = new URL('comparison-card-core_bg.wasm', import.meta.url);\n}";
        let out = without_default_wasm_url(glue).unwrap();
        assert!(!out.contains("import.meta.url") && !out.contains("_bg.wasm"), "{out}");
        assert!(without_default_wasm_url("no such line").is_err(), "a changed glue is refused, not shipped");
        assert!(with_own_mime_warning("console.warn(\"other\", e);").is_err(), "a changed glue is refused");
    }

    #[test]
    fn inlines_spec_files_into_the_page() {
        let dir = std::env::temp_dir().join(format!("xtask-inline-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("specs")).unwrap();
        let spec = r#"{"title": "A", "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "criteria": [{"id": "c", "name": "C", "scores": {"a": 1, "b": 2}}]}"#;
        std::fs::write(dir.join("specs/a.json"), spec).unwrap();
        let page = "<p>x</p><comparison-card chart=\"none\"><script type=\"application/json\" \
                    data-include=\"specs/a.json\"></script></comparison-card><p>y</p>";
        let out = inline_specs(page, &dir).unwrap();
        assert!(out.starts_with("<p>x</p><comparison-card chart=\"none\"><template shadowrootmode=\"open\"><style>"));
        assert!(out.contains(&format!("</template>\n<script type=\"application/json\">\n{spec}\n</script>\n")));
        assert!(out.contains("<div class=\"cc-fallback\" data-cc-fallback>"));
        assert!(!out.contains("class=\"chart\""), "chart=\"none\" is followed");
        assert!(out.ends_with("</div></comparison-card><p>y</p>"), "{out}");
        std::fs::write(dir.join("specs/b.json"), spec.replace("\"A\"", "\"<!--<script></script>\"")).unwrap();
        let hostile = inline_specs(&page.replace("a.json", "b.json"), &dir).unwrap();
        assert!(hostile.contains("\"\\u003c!--\\u003cscript>\\u003c/script>\""), "{hostile}");
        assert_eq!(hostile.matches("</script>").count(), 1, "only the script's own end");
        let quoted =
            inline_specs(&page.replace("chart=\"none\"", "chart='none' share=\"\" lang=\"de\""), &dir).unwrap();
        assert!(!quoted.contains("class=\"chart\""), "chart='none' is followed");
        assert!(quoted.contains("data-action=\"copy\""), "share=\"\" is followed");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
