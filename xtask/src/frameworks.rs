//! The "frameworks" suite of `cargo xtask test`: the packed npm package installed into real
//! apps (plain JavaScript, React 19 and Vue 3 pages; `tests/frameworks/app/`) on Vite 7 and the
//! current Vite (`tests/frameworks/vite7`, `vite8`: pinned in their lockfiles), each built with
//! `vite build` and served, and run by `vite`'s development server; plus a page without a build
//! that loads the unpacked package from a CDN-like path. `tests/frameworks/main.rs` checks them
//! in Chromium and runs `tsc --strict` on the declarations.
//!
//! Installs are cached in `target/frameworks/<fixture>/node_modules`, redone when the lockfile
//! changes; the package itself is installed fresh each run.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{dist, package, serve, tools};

/// The fixtures: one per Vite major, each the same app.
const FIXTURES: [&str; 2] = ["vite7", "vite8"];

/// Everything the framework tests need, running until dropped.
pub struct Sites {
    /// `name=url` pairs, comma separated: each fixture's build and dev server, and the CDN page.
    pub list: String,
    /// Where the fixtures are, for the build logs and the TypeScript checks.
    pub dir: PathBuf,
    dev_servers: Vec<Child>,
}

impl Drop for Sites {
    fn drop(&mut self) {
        for child in &mut self.dev_servers {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

pub fn prepare(root: &Path) -> Result<Sites, String> {
    let tarball = package::build(root)?;
    let dir = root.join("target").join("frameworks");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let mut sites = Sites { list: String::new(), dir: dir.clone(), dev_servers: Vec::new() };
    let mut entries = Vec::new();
    for fixture in FIXTURES {
        let app = prepare_fixture(root, &dir.join(fixture), fixture, &tarball)?;
        let built = serve_folder(app.join("dist"))?;
        entries.push(format!("{fixture}-build={built}"));
        let (child, url) = dev_server(&app)?;
        sites.dev_servers.push(child);
        entries.push(format!("{fixture}-dev={url}"));
    }
    entries.push(format!("cdn={}", cdn_site(root, &dir, &tarball)?));
    sites.list = entries.join(",");
    Ok(sites)
}

/// The fixture's lockfile installed (once per lockfile), the app copied in, the tarball
/// installed, and `vite build` run with its output kept in `build.log`.
fn prepare_fixture(root: &Path, app: &Path, fixture: &str, tarball: &Path) -> Result<PathBuf, String> {
    let source = root.join("tests").join("frameworks");
    std::fs::create_dir_all(app).map_err(|e| e.to_string())?;
    let lock = std::fs::read(source.join(fixture).join("package-lock.json"))
        .map_err(|e| format!("tests/frameworks/{fixture}/package-lock.json: {e}"))?;
    let marker = app.join("node_modules").join(".installed-lock.json");
    for file in ["package.json", "package-lock.json"] {
        std::fs::copy(source.join(fixture).join(file), app.join(file)).map_err(|e| e.to_string())?;
    }
    if std::fs::read(&marker).ok().as_deref() != Some(&lock[..]) {
        tools::run(Command::new("npm").current_dir(app).args(["ci", "--no-audit", "--no-fund"]))?;
        std::fs::write(&marker, &lock).map_err(|e| e.to_string())?;
    }
    dist::copy_tree(&source.join("app"), app, &|_| true)?;
    tools::run(
        Command::new("npm").current_dir(app).args(["install", "--no-save", "--no-audit", "--no-fund"]).arg(tarball),
    )?;
    // The development server pre-bundles the package afresh, from this tarball.
    let _ = std::fs::remove_dir_all(app.join("node_modules").join(".vite"));
    let _ = std::fs::remove_dir_all(app.join("dist"));
    let vite = app.join("node_modules").join(".bin").join("vite");
    println!("$ {} build  (in {})", vite.display(), app.display());
    let output = Command::new(&vite).current_dir(app).arg("build").output().map_err(|e| format!("vite: {e}"))?;
    let log = [output.stdout, output.stderr].concat();
    std::fs::write(app.join("build.log"), &log).map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(format!("vite build failed in {}:\n{}", app.display(), String::from_utf8_lossy(&log)));
    }
    Ok(app.to_path_buf())
}

fn serve_folder(folder: PathBuf) -> Result<String, String> {
    let listener = serve::bind(0)?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    std::thread::spawn(move || serve::serve_forever(listener, folder, serve::Headers::Plain));
    Ok(format!("http://{address}"))
}

/// `vite` on a free loopback port, once it answers.
fn dev_server(app: &Path) -> Result<(Child, String), String> {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map_err(|e| format!("no free port: {e}"))?
        .port();
    let vite = app.join("node_modules").join(".bin").join("vite");
    let child = Command::new(&vite)
        .current_dir(app)
        .args(["--host", "127.0.0.1", "--strictPort", "--port", &port.to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", vite.display()))?;
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err("vite's development server did not listen within 60 s".into());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok((child, format!("http://127.0.0.1:{port}")))
}

/// The unpacked package under `/npm/comparison-card@VERSION/`, beside a page that loads it
/// with no build step.
fn cdn_site(root: &Path, dir: &Path, tarball: &Path) -> Result<String, String> {
    let site = dir.join("cdn");
    dist::recreate(&site)?;
    let version = tarball
        .file_stem()
        .and_then(|stem| stem.to_str())
        .and_then(|stem| stem.strip_prefix("comparison-card-"))
        .ok_or("the tarball is not named comparison-card-VERSION.tgz")?
        .to_string();
    let unpacked = site.join("npm").join(format!("comparison-card@{version}"));
    std::fs::create_dir_all(&unpacked).map_err(|e| e.to_string())?;
    tools::run(Command::new("tar").args(["xzf"]).arg(tarball).arg("--strip-components=1").arg("-C").arg(&unpacked))?;
    let page = std::fs::read_to_string(root.join("tests/frameworks/cdn/index.html")).map_err(|e| e.to_string())?;
    std::fs::write(site.join("index.html"), page.replace("@VERSION", &format!("@{version}")))
        .map_err(|e| e.to_string())?;
    serve_folder(site)
}
