//! `cargo xtask dist`: the release wasm, wasm-bindgen's glue, and the demo, in a self-contained `dist/`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools;

/// The wasm-bindgen output's base name; the module an author includes is `comparison-card.js`.
const CORE_NAME: &str = "comparison-card-core";

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
    /// What a page downloads for the card: the wasm (its CSS is inside) and the JavaScript.
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

    tools::run(Command::new("cargo").current_dir(root).args([
        "build",
        "--release",
        "--lib",
        "--package",
        "comparison-card",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;

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
            .arg(dist.join(format!("{CORE_NAME}_bg.wasm"))),
    )?;
    copy_tree(&stage, &dist, &|path| path.extension().is_some_and(|e| e == "js"))?;

    let www = root.join("www");
    copy_tree(&www, &dist, &|path| path.file_name().is_some_and(|n| n != "index.html"))?;
    let page = std::fs::read_to_string(www.join("index.html")).map_err(|e| format!("www/index.html: {e}"))?;
    let page = inline_specs(&page, &www)?;
    std::fs::write(dist.join("index.html"), page).map_err(|e| e.to_string())?;

    let wasm = Size::of(&read(&dist.join(format!("{CORE_NAME}_bg.wasm")))?);
    let mut js_bytes = Vec::new();
    collect_js(&dist, &mut js_bytes, &|_| true)?;
    // Each JavaScript file is fetched, and compressed, on its own.
    let js = js_bytes.iter().map(|bytes| Size::of(bytes)).fold(Size::default(), Size::add);
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

/// The bytes of every `.js` file under `dir` for which `keep` holds.
pub fn collect_js(dir: &Path, out: &mut Vec<Vec<u8>>, keep: &dyn Fn(&Path) -> bool) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_js(&path, out, keep)?;
        } else if path.extension().is_some_and(|e| e == "js") && keep(&path) {
            out.push(read(&path)?);
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
