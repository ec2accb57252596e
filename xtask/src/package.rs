//! `cargo xtask package`: `dist/` built, then the npm package made from it and `npm/`, packed
//! with `npm pack`. The tarball's absolute path is the last line printed, for scripts.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::dist;

/// The package.json template's stand-in for the version, replaced by Cargo.toml's.
const VERSION_PLACEHOLDER: &str = "0.0.0-from-cargo-toml";
/// Files copied from `npm/` as they are.
const FROM_NPM_FOLDER: [&str; 3] = ["README.md", "LICENSE-MIT", "LICENSE-APACHE"];

/// The card's files from `dist/`: the shipped card and its development build.
const CARD_FILES: [&str; 4] =
    [dist::SHIPPED.entry, dist::SHIPPED.wasm, dist::DEVELOPMENT.entry, dist::DEVELOPMENT.wasm];

/// Builds the package folder and the tarball; returns the tarball's absolute path.
pub fn build(root: &Path) -> Result<PathBuf, String> {
    let report = dist::build(root)?;
    report.print();
    let version = crate_version(root)?;
    let out = root.join("target").join("package");
    let folder = out.join("comparison-card");
    dist::recreate(&folder)?;
    for file in CARD_FILES {
        std::fs::copy(report.dir.join(file), folder.join(file)).map_err(|e| format!("dist/{file}: {e}"))?;
    }
    for (name, text) in comparison_card::native::manifest::files() {
        std::fs::write(folder.join(name), text).map_err(|e| format!("{name}: {e}"))?;
    }
    let npm = root.join("npm");
    for file in FROM_NPM_FOLDER {
        std::fs::copy(npm.join(file), folder.join(file)).map_err(|e| format!("npm/{file}: {e}"))?;
    }
    let template = std::fs::read_to_string(npm.join("package.json")).map_err(|e| format!("npm/package.json: {e}"))?;
    let manifest = with_version(&template, &version)?;
    std::fs::write(folder.join("package.json"), manifest).map_err(|e| e.to_string())?;

    let tarball = out.join(format!("comparison-card-{version}.tgz"));
    let _ = std::fs::remove_file(&tarball);
    let mut pack = Command::new("npm");
    pack.current_dir(&folder).args(["pack", "--silent", "--pack-destination"]).arg(&out);
    // npm pack prints the file name; its notices go to stderr, and stdout stays for the path.
    let output = pack.output().map_err(|e| format!("cannot run npm pack: {e}"))?;
    if !output.status.success() || !tarball.is_file() {
        return Err(format!("npm pack failed: {}", String::from_utf8_lossy(&output.stderr)));
    }
    tarball.canonicalize().map_err(|e| e.to_string())
}

/// The `[package]` version in Cargo.toml.
fn crate_version(root: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(root.join("Cargo.toml")).map_err(|e| format!("Cargo.toml: {e}"))?;
    text.lines()
        .find_map(|line| line.strip_prefix("version = \"")?.strip_suffix('"').map(str::to_string))
        .ok_or_else(|| "Cargo.toml has no version line".to_string())
}

fn with_version(template: &str, version: &str) -> Result<String, String> {
    let quoted = format!("\"{VERSION_PLACEHOLDER}\"");
    if template.matches(&quoted).count() != 1 {
        return Err(format!("npm/package.json must have \"version\": {quoted} once"));
    }
    Ok(template.replace(&quoted, &format!("\"{version}\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_comes_from_cargo_toml() {
        let template = r#"{ "name": "comparison-card", "version": "0.0.0-from-cargo-toml" }"#;
        assert_eq!(with_version(template, "1.2.3").unwrap(), r#"{ "name": "comparison-card", "version": "1.2.3" }"#);
        assert!(with_version(r#"{ "version": "1.0.0" }"#, "1.2.3").is_err());
        let version = crate_version(&crate::project_root()).unwrap();
        assert!(version.split('.').count() == 3 && version.starts_with(|c: char| c.is_ascii_digit()), "{version}");
    }

    #[test]
    fn the_template_ships_what_the_package_needs() {
        let template = std::fs::read_to_string(crate::project_root().join("npm/package.json")).unwrap();
        let manifest: serde_json::Value = serde_json::from_str(&template).unwrap();
        assert_eq!(manifest["name"], "comparison-card");
        assert_eq!(manifest["type"], "module");
        assert_eq!(manifest["exports"]["./comparison-card.wasm"], "./comparison-card.wasm");
        let files: Vec<&str> = manifest["files"].as_array().unwrap().iter().filter_map(|f| f.as_str()).collect();
        for (name, _) in comparison_card::native::manifest::files() {
            assert!(files.contains(&name), "{name} is generated but not shipped");
        }
        for name in FROM_NPM_FOLDER.iter().chain(&CARD_FILES) {
            assert!(files.contains(name), "{name} is not shipped");
        }
        // The development build is importable by its own name, as `comparison-card/dev`.
        assert_eq!(manifest["exports"]["./dev"]["default"], format!("./{}", dist::DEVELOPMENT.entry));
        assert_eq!(
            manifest["exports"][format!("./{}", dist::DEVELOPMENT.wasm)],
            format!("./{}", dist::DEVELOPMENT.wasm)
        );
    }
}
