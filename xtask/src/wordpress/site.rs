//! The "wordpress" suite: Debian's WordPress on MariaDB and Apache, on 127.0.0.1 only, with the
//! plugin installed from its zip; then `tests/wordpress` publishes through the REST API and looks
//! at the pages in Chromium.
//!
//! Every run starts from an empty database, so a machine where it ran before gives the same site.
//! Apache runs with its own configuration on a free port, and is stopped when the suite ends.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::testing::{self, Outcome};
use crate::tools;

const PACKAGES: [&str; 5] = ["wordpress", "mariadb-server", "apache2", "libapache2-mod-php", "php-mysql"];
const DATABASE: &str = "cc_wordpress";
/// Only reachable through the local socket, for a throwaway test database.
const DATABASE_PASSWORD: &str = "cc-wordpress-test";
/// Debian's wp-config.php reads `/etc/wordpress/config-<host>.php` for the request's host.
const CONFIG: &str = "/etc/wordpress/config-127.0.0.1.php";
const WEB_USER: &str = "www-data";

/// Installs and starts what is missing, runs the WordPress tests, and stops Apache again.
pub fn suite(root: &Path, zip: &Path, webdriver_url: &str) -> Outcome {
    let started = Instant::now();
    match prepare(zip) {
        Ok(site) => {
            let outcome = testing::suite(
                "wordpress",
                Command::new("cargo")
                    .current_dir(root)
                    .args(["test", "--package", "comparison-card", "--test", "wordpress", "--", "--ignored"])
                    .arg("--test-threads=1")
                    .env("CC_WP_URL", &site.url)
                    .env("CC_WP_CREDENTIALS", &site.credentials)
                    .env("CC_WP_SETUP", &site.setup)
                    .env("CC_WP_ZIP", &site.zip)
                    .env("CC_WP_DEBUG_LOG", &site.debug_log)
                    .env("CC_WEBDRIVER_URL", webdriver_url)
                    .env("CC_SCREENSHOT_DIR", root.join("target").join("screenshots")),
            );
            site.apache.stop();
            Outcome { took: started.elapsed(), ..outcome }
        }
        Err(message) => {
            eprintln!("xtask: the WordPress site could not be set up: {message}");
            Outcome::failed("wordpress", started.elapsed())
        }
    }
}

struct Site {
    url: String,
    credentials: String,
    setup: PathBuf,
    zip: PathBuf,
    debug_log: PathBuf,
    apache: Apache,
}

fn prepare(zip: &Path) -> Result<Site, String> {
    tools::ensure_debian_packages(&PACKAGES)?;
    // The web server's user runs the setup script, reads the zip and writes PHP's log, so they live
    // in the temporary folder, which it can reach wherever the project is checked out.
    let work = std::env::temp_dir().join("comparison-card-wordpress");
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let setup = work.join("setup.php");
    std::fs::write(&setup, include_str!("setup.php")).map_err(|e| e.to_string())?;
    let site_zip = work.join("comparison-card.zip");
    std::fs::copy(zip, &site_zip).map_err(|e| format!("{}: {e}", zip.display()))?;
    let debug_log = work.join("debug.log");
    let _ = std::fs::remove_file(&debug_log);
    tools::run(Command::new("chown").args(["-R", WEB_USER]).arg(&work))?;

    start_mariadb()?;
    let port = free_port()?;
    let url = format!("http://127.0.0.1:{port}");
    write_config(&url, &debug_log)?;
    let apache = Apache::start(&work, port)?;
    let output = Command::new("runuser")
        .args(["-u", WEB_USER, "--", "php"])
        .arg(&setup)
        .arg("install")
        .arg(&site_zip)
        .output()
        .map_err(|e| format!("cannot run php: {e}"))?;
    if !output.status.success() {
        apache.stop();
        return Err(format!(
            "setup.php install failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let credentials = String::from_utf8_lossy(&output.stdout).lines().last().unwrap_or_default().to_string();
    println!("WordPress at {url}/ (Apache and MariaDB on 127.0.0.1), plugin installed from {}", zip.display());
    Ok(Site { url, credentials, setup, zip: site_zip, debug_log, apache })
}

fn start_mariadb() -> Result<(), String> {
    let alive = || Command::new("mariadb-admin").arg("ping").output().is_ok_and(|o| o.status.success());
    if !alive() {
        // Debian's server listens on 127.0.0.1 and its socket only (bind-address in 50-server.cnf).
        tools::run(Command::new("service").args(["mariadb", "start"]))?;
    }
    // A fresh database each run: the same site whatever ran here before.
    let sql = format!(
        "DROP DATABASE IF EXISTS {DATABASE}; CREATE DATABASE {DATABASE} CHARACTER SET utf8mb4;
         CREATE USER IF NOT EXISTS '{DATABASE}'@'localhost' IDENTIFIED BY '{DATABASE_PASSWORD}';
         ALTER USER '{DATABASE}'@'localhost' IDENTIFIED BY '{DATABASE_PASSWORD}';
         GRANT ALL ON {DATABASE}.* TO '{DATABASE}'@'localhost';"
    );
    tools::run(Command::new("mariadb").args(["-e", &sql]))
}

/// The site's configuration: this run's address, application passwords over plain http on
/// loopback (`local` environment), no cron or update checks reaching out, and PHP's notices in a
/// log the tests read instead of in the pages.
fn write_config(url: &str, debug_log: &Path) -> Result<(), String> {
    let config = format!(
        "<?php
// Written by `cargo xtask test` for its WordPress suite; rewritten on every run.
define('DB_NAME', '{DATABASE}');
define('DB_USER', '{DATABASE}');
define('DB_PASSWORD', '{DATABASE_PASSWORD}');
define('DB_HOST', 'localhost');
define('WP_HOME', '{url}');
define('WP_SITEURL', '{url}');
define('WP_CONTENT_URL', '{url}/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '{}');
",
        debug_log.display()
    );
    std::fs::write(CONFIG, config).map_err(|e| format!("cannot write {CONFIG}: {e}"))
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port for Apache: {e}"))
}

/// Apache with its own configuration (not Debian's sites), serving WordPress on one loopback port.
struct Apache {
    config: PathBuf,
}

impl Apache {
    fn start(work: &Path, port: u16) -> Result<Apache, String> {
        let config = work.join("apache.conf");
        let modules = "/usr/lib/apache2/modules";
        let text = format!(
            "ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {work}/apache.pid
Mutex file:{work}
ErrorLog {work}/apache-error.log
User {WEB_USER}
Group {WEB_USER}
LoadModule mpm_prefork_module {modules}/mod_mpm_prefork.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule dir_module {modules}/mod_dir.so
LoadModule mime_module {modules}/mod_mime.so
LoadModule alias_module {modules}/mod_alias.so
LoadModule php_module {modules}/libphp8.2.so
TypesConfig /etc/mime.types
DirectoryIndex index.php
DocumentRoot /usr/share/wordpress
Alias /wp-content /var/lib/wordpress/wp-content
<Directory />
  Require all denied
</Directory>
<Directory /usr/share/wordpress>
  Require all granted
</Directory>
<Directory /var/lib/wordpress/wp-content>
  Require all granted
</Directory>
<FilesMatch \"\\.php$\">
  SetHandler application/x-httpd-php
</FilesMatch>
",
            work = work.display()
        );
        std::fs::write(&config, text).map_err(|e| e.to_string())?;
        let apache = Apache { config };
        // One left running by an interrupted run would hold the old port.
        apache.stop();
        tools::run(Command::new("apache2").arg("-f").arg(&apache.config).args(["-k", "start"]))?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("Apache did not start listening within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(apache)
    }

    /// Stops the server and waits until it has gone, so the next start finds no pid file.
    fn stop(&self) {
        let _ = Command::new("apache2").arg("-f").arg(&self.config).args(["-k", "stop"]).output();
        let pid_file = self.config.with_file_name("apache.pid");
        let deadline = Instant::now() + Duration::from_secs(10);
        while pid_file.exists() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}
