//! The architecture, checked: what each layer may import, and no import circle among the
//! files of `src/` (ARCHITECTURE.md explains the layers).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, as paths relative to `src/`.
fn sources(src: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(src, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.strip_prefix(src).unwrap().to_path_buf());
        }
    }
}

/// A file's code without its comments, so a doc comment that names a module is no import.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().map(|line| line.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// The module a file is, as a path such as `web::lifecycle` (`mod.rs` is its folder's module).
fn module_of(file: &Path) -> String {
    let mut parts: Vec<String> = file.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" && stem != "main" {
        parts.push(stem.to_string());
    }
    parts.join("::")
}

/// The `src/` modules a file's code names: `crate::a::b` and `super::b`, deepest known first.
fn imports(file: &Path, text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let own = module_of(file);
    let parent = match own.rsplit_once("::") {
        Some((parent, _)) if !file.ends_with("mod.rs") => parent.to_string(),
        _ if file.ends_with("mod.rs") => own.clone(),
        _ => String::new(),
    };
    let mut found = BTreeSet::new();
    let words: Vec<&str> =
        text.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).filter(|w| w.contains("::")).collect();
    for word in words {
        let path = if let Some(rest) = word.strip_prefix("crate::") {
            // In a binary, `crate` is the binary's own root folder, `bin/<name>`.
            match file.strip_prefix("bin").ok().and_then(|inner| inner.iter().next()) {
                Some(name) => format!("bin::{}::{rest}", name.to_string_lossy()),
                None => rest.to_string(),
            }
        } else if let Some(rest) = word.strip_prefix("super::") {
            if parent.is_empty() {
                rest.to_string()
            } else {
                format!("{parent}::{rest}")
            }
        } else {
            continue;
        };
        let segments: Vec<&str> = path.split("::").collect();
        if let Some(module) = (1..=segments.len()).rev().map(|n| segments[..n].join("::")).find(|m| known.contains(m)) {
            if module != own && !own.starts_with(&format!("{module}::")) && !module.is_empty() {
                found.insert(module);
            }
        }
    }
    found
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &src, &mut files);
    let known: BTreeSet<String> = files.iter().map(|f| module_of(f)).collect();
    files
        .iter()
        // Folder modules only declare and re-export their children; a child's edge to them
        // would be structure, not a dependency.
        .filter(|f| !f.ends_with("mod.rs") && !f.ends_with("lib.rs") && !f.ends_with("main.rs"))
        .map(|f| {
            let found = imports(f, &code(&src.join(f)), &known);
            let found = found.into_iter().filter(|m| !known_folder(&src, m)).collect();
            (module_of(f), found)
        })
        .collect()
}

fn known_folder(src: &Path, module: &str) -> bool {
    src.join(module.replace("::", "/")).join("mod.rs").is_file()
}

#[test]
fn the_core_imports_nothing_from_the_other_layers_nor_any_web_crate() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join("core");
    let mut files = Vec::new();
    sources(&src, &src, &mut files);
    assert!(files.len() > 5, "found the core's files");
    for file in files {
        let text = code(&src.join(&file));
        for forbidden in [
            "crate::view",
            "crate::web",
            "crate::native",
            "wasm_bindgen",
            "web_sys",
            "js_sys",
            "gloo",
            "serde_wasm_bindgen",
        ] {
            assert!(!text.contains(forbidden), "src/core/{} uses {forbidden}", file.display());
        }
    }
}

#[test]
fn each_layer_imports_only_the_layers_it_builds_on() {
    for (module, imports) in graph() {
        for import in imports {
            let allowed = match module.split("::").next() {
                Some("core") => import.starts_with("core::"),
                Some("view") => import.starts_with("core::") || import.starts_with("view::"),
                Some("native") => !import.starts_with("web::"),
                Some("web") => !import.starts_with("native::"),
                _ => true,
            };
            assert!(allowed, "{module} imports {import}");
        }
    }
}

#[test]
fn no_import_circle_among_the_files_of_src() {
    let graph = graph();
    assert!(graph.get("web::lifecycle").is_some_and(|i| i.contains("web::message")), "the graph sees imports");
    // Depth-first search; a module met again while still on the path closes a circle.
    fn visit<'g>(
        module: &'g str,
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'g str>,
        done: &mut BTreeSet<&'g str>,
    ) {
        if done.contains(module) {
            return;
        }
        if let Some(at) = path.iter().position(|m| *m == module) {
            panic!("import circle: {} -> {module}", path[at..].join(" -> "));
        }
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            visit(next, graph, path, done);
        }
        path.pop();
        done.insert(module);
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        visit(module, &graph, &mut Vec::new(), &mut done);
    }
}
