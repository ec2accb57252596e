//! `cargo xtask dist`: the release wasm, wasm-bindgen's glue, and the demo, in a self-contained `dist/`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools;

/// The wasm-bindgen output's base name, in the staging folder.
const CORE_NAME: &str = "comparison-card-core";
/// What `dist/` ships for the card: the one module an author includes, and the wasm beside it.
pub const ENTRY_FILE: &str = "comparison-card.js";
pub const WASM_FILE: &str = "comparison-card.wasm";

pub struct Report {
    pub dir: PathBuf,
    pub wasm: Size,
    pub js: Size,
}

#[derive(Clone, Copy, Default)]
pub struct Size {
    pub raw: u64,
    pub gzip: u64,
}

impl Size {
    pub fn of(bytes: &[u8]) -> Size {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing into a Vec cannot fail.
        let _ = encoder.write_all(bytes);
        let gzip = encoder.finish().map(|v| v.len() as u64).unwrap_or(0);
        Size { raw: bytes.len() as u64, gzip }
    }

    fn add(self, other: Size) -> Size {
        Size { raw: self.raw + other.raw, gzip: self.gzip + other.gzip }
    }
}

impl Report {
    /// What a page downloads for the card: the wasm (its CSS is inside) and the one module.
    pub fn total(&self) -> Size {
        self.wasm.add(self.js)
    }

    pub fn print(&self) {
        println!();
        println!("dist/ bytes shipped     raw     gzip -9");
        for (name, size) in [("wasm (with CSS)", self.wasm), ("JavaScript", self.js), ("total", self.total())] {
            println!("  {name:<16} {:>9} {:>9}", size.raw, size.gzip);
        }
    }
}

pub fn build(root: &Path) -> Result<Report, String> {
    tools::ensure_wasm_target()?;
    tools::ensure_wasm_bindgen(&tools::pinned_wasm_bindgen(root)?)?;
    let wasm_opt = tools::wasm_opt(root)?;
    let esbuild = tools::esbuild(root)?;

    tools::run(
        Command::new("cargo")
            .current_dir(root)
            .args(["build", "--release", "--lib", "--package", "comparison-card", "--target", "wasm32-unknown-unknown"])
            .env("RUSTFLAGS", short_source_paths(root)),
    )?;

    let stage = root.join("target").join("dist-stage");
    let dist = root.join("dist");
    recreate(&stage)?;
    recreate(&dist)?;

    let built = root.join("target/wasm32-unknown-unknown/release/comparison_card.wasm");
    tools::run(
        Command::new("wasm-bindgen")
            .arg(&built)
            .args(["--target", "web", "--no-typescript", "--out-name", CORE_NAME, "--out-dir"])
            .arg(&stage),
    )?;
    let bindgen_wasm = stage.join(format!("{CORE_NAME}_bg.wasm"));
    tools::run(
        Command::new(&wasm_opt)
            .arg(&bindgen_wasm)
            .args(["-Oz", "--strip-debug", "--strip-producers", "-o"])
            .arg(dist.join(WASM_FILE)),
    )?;

    // One module for the page: the entry, wasm-bindgen's glue and the element class, bundled
    // and minified. One request instead of three, and fewer bytes.
    let www = root.join("www");
    std::fs::copy(www.join(ENTRY_FILE), stage.join(ENTRY_FILE)).map_err(|e| format!("www/{ENTRY_FILE}: {e}"))?;
    tools::run(
        Command::new(&esbuild)
            .arg(stage.join(ENTRY_FILE))
            .args(["--bundle", "--minify", "--format=esm", "--target=es2022", "--legal-comments=none"])
            .arg("--log-level=warning")
            .arg(format!("--outfile={}", dist.join(ENTRY_FILE).display())),
    )?;

    copy_tree(&www, &dist, &|path| path.file_name().is_some_and(|n| n != "index.html" && n != ENTRY_FILE))?;
    let page = std::fs::read_to_string(www.join("index.html")).map_err(|e| format!("www/index.html: {e}"))?;
    let page = inline_specs(&page, &www)?;
    std::fs::write(dist.join("index.html"), page).map_err(|e| e.to_string())?;

    let wasm = Size::of(&read(&dist.join(WASM_FILE))?);
    let js = Size::of(&read(&dist.join(ENTRY_FILE))?);
    Ok(Report { dir: dist, wasm, js })
}

/// Replaces `<script type="application/json" data-include="specs/x.json"></script>` with the
/// spec's text, so the demo page shows the embed exactly as an author writes it.
fn inline_specs(page: &str, www: &Path) -> Result<String, String> {
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
        if spec.contains("</") {
            return Err(format!("www/{file} contains \"</\", which would end the script element early"));
        }
        out.push_str("<script type=\"application/json\">\n");
        out.push_str(spec.trim_end());
        out.push_str("\n</script>");
        rest = &after[close + "</script>".len()..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Panic locations keep their file names in the wasm. Remapping the registry and project
/// folders shortens them, and keeps this machine's paths out of what the card ships.
fn short_source_paths(root: &Path) -> String {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    let mut flags = vec![format!("--remap-path-prefix={}=cc", root.display())];
    if let Some(registries) = cargo_home.map(|home| home.join("registry").join("src")) {
        for registry in std::fs::read_dir(registries).into_iter().flatten().flatten() {
            flags.push(format!("--remap-path-prefix={}=deps", registry.path().display()));
        }
    }
    flags.join(" ")
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
    fn inlines_spec_files_into_the_page() {
        let dir = std::env::temp_dir().join(format!("xtask-inline-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("specs")).unwrap();
        std::fs::write(dir.join("specs/a.json"), "{\"title\": \"A\"}\n").unwrap();
        let page = "<p>x</p><script type=\"application/json\" data-include=\"specs/a.json\"></script><p>y</p>";
        let out = inline_specs(page, &dir).unwrap();
        assert_eq!(out, "<p>x</p><script type=\"application/json\">\n{\"title\": \"A\"}\n</script><p>y</p>");
        std::fs::write(dir.join("specs/b.json"), "{\"title\": \"</script>\"}").unwrap();
        let bad = page.replace("a.json", "b.json");
        assert!(inline_specs(&bad, &dir).is_err());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
