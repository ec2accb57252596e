//! `cargo xtask wordpress`: the WordPress plugin as an installable zip, with the card's module and
//! wasm from `dist/` in its own `assets/` folder; and the suite that tests it on a real WordPress.

mod site;

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{dist, tools};

pub use site::suite;

/// The plugin's folder name, which is also its slug and the zip's only top-level folder.
pub const SLUG: &str = "comparison-card";

/// Builds `dist/`, packages the plugin, and prints the zip's absolute path as the last line.
pub fn build(root: &Path) -> Result<(), String> {
    let report = dist::build(root)?;
    report.print();
    let zip = package(root, &report.dir)?;
    println!("{}", zip.display());
    Ok(())
}

/// Stages the plugin source with the card's files and zips it; returns the zip's path.
pub fn package(root: &Path, dist_dir: &Path) -> Result<PathBuf, String> {
    tools::ensure_debian_packages(&["zip"])?;
    let stage = root.join("target").join("wordpress-stage");
    dist::recreate(&stage)?;
    let plugin = stage.join(SLUG);
    std::fs::create_dir_all(&plugin).map_err(|e| e.to_string())?;
    dist::copy_tree(&root.join("wordpress").join(SLUG), &plugin, &|_| true)?;
    // The card's files go into a folder named for their content, so a new version is a new
    // address: no cache ever pairs a new module with an old wasm (the module fetches the wasm
    // beside it, without any query string). The PHP reads the folder's name from assets/build.php.
    let mut files = Vec::new();
    // The development build too: the block editor previews with it, so an author sees what is
    // wrong with a spec, not only where; published pages load the shipped card.
    for file in [dist::SHIPPED.entry, dist::SHIPPED.wasm, dist::DEVELOPMENT.entry, dist::DEVELOPMENT.wasm] {
        let bytes = std::fs::read(dist_dir.join(file)).map_err(|e| format!("dist/{file}: {e}"))?;
        files.push((file, bytes));
    }
    let build = content_name(files.iter().map(|(_, bytes)| bytes.as_slice()));
    let assets = plugin.join("assets");
    std::fs::create_dir_all(assets.join(&build)).map_err(|e| e.to_string())?;
    for (file, bytes) in &files {
        std::fs::write(assets.join(&build).join(file), bytes).map_err(|e| e.to_string())?;
    }
    let manifest = format!(
        "<?php\n// Written by `cargo xtask wordpress`: the folder holding this build of the card.\nreturn '{build}';\n"
    );
    std::fs::write(assets.join("build.php"), manifest).map_err(|e| e.to_string())?;
    let out = root.join("target").join("wordpress");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let zip = out.join(format!("{SLUG}.zip"));
    if zip.exists() {
        std::fs::remove_file(&zip).map_err(|e| format!("cannot replace {}: {e}", zip.display()))?;
    }
    // -X leaves out owners and extra timestamps; -q keeps the zip's path the last line printed.
    tools::run(Command::new("zip").current_dir(&stage).args(["-r", "-X", "-q"]).arg(&zip).arg(SLUG))?;
    Ok(zip)
}

/// Twelve hex digits of FNV-1a over the files: a folder name that changes with any byte.
fn content_name<'a>(files: impl Iterator<Item = &'a [u8]>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in files.flat_map(|bytes| bytes.iter()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:012x}", hash >> 16)
}

#[cfg(test)]
mod tests {
    use super::content_name;

    #[test]
    fn the_assets_folder_name_follows_every_byte() {
        let name = content_name([&b"module"[..], &b"wasm"[..]].into_iter());
        assert_eq!(name.len(), 12);
        assert_ne!(name, content_name([&b"module"[..], &b"wasn"[..]].into_iter()));
        assert_eq!(name, content_name([&b"module"[..], &b"wasm"[..]].into_iter()));
    }
}
