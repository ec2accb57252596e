//! A minimal W3C WebDriver client over plain TCP: enough to drive Debian's chromedriver in the
//! end-to-end tests without pulling an async HTTP stack into the build.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// Keys in WebDriver's private-use range.
pub const KEY_HOME: &str = "\u{E011}";
pub const KEY_END: &str = "\u{E010}";
pub const KEY_TAB: &str = "\u{E004}";
pub const KEY_SHIFT: &str = "\u{E008}";
pub const KEY_ENTER: &str = "\u{E007}";
pub const KEY_PAGE_UP: &str = "\u{E00E}";
pub const KEY_PAGE_DOWN: &str = "\u{E00F}";
pub const KEY_LEFT: &str = "\u{E012}";
pub const KEY_RIGHT: &str = "\u{E014}";
pub const KEY_UP: &str = "\u{E013}";
pub const KEY_DOWN: &str = "\u{E015}";
/// Held until the end of the keys sent, or until [`KEY_NULL`].
pub const KEY_CONTROL: &str = "\u{E009}";
pub const KEY_NULL: &str = "\u{E000}";
pub const KEY_BACKSPACE: &str = "\u{E003}";

/// A script for [`Session::before_each_page`]: collects console errors and warnings and uncaught
/// exceptions, from the first script of every page on, into `window.__ccErrors` and
/// `window.__ccWarnings`.
pub const CAPTURE_ERRORS: &str = r#"
window.__ccErrors = [];
window.__ccWarnings = [];
const originalWarn = console.warn;
console.warn = function (...args) {
  window.__ccWarnings.push(args.map(String).join(' '));
  return originalWarn.apply(this, args);
};
const originalError = console.error;
console.error = function (...args) {
  window.__ccErrors.push(args.map(String).join(' '));
  return originalError.apply(this, args);
};
addEventListener('error', (e) => window.__ccErrors.push('uncaught: ' + e.message));
addEventListener('unhandledrejection', (e) => window.__ccErrors.push('unhandled: ' + e.reason));
"#;

pub struct Session {
    driver: String,
    id: String,
}

pub type Result<T> = std::result::Result<T, String>;

fn request(base: &str, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
    let address = base.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(address).map_err(|e| format!("chromedriver at {base}: {e}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(60))).map_err(|e| e.to_string())?;
    let payload = body.map(Value::to_string).unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        payload.len()
    );
    stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(payload.as_bytes())).map_err(|e| e.to_string())?;

    // chromedriver answers with a Content-Length and may keep the socket open, so read exactly that.
    let mut reader = BufReader::new(stream);
    let mut length = 0usize;
    let mut line = String::new();
    loop {
        line.clear();
        reader.read_line(&mut line).map_err(|e| e.to_string())?;
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            break;
        }
        if let Some((name, value)) = trimmed.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().map_err(|_| format!("bad Content-Length: {value}"))?;
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    let reply: Value = serde_json::from_slice(&body).map_err(|e| format!("chromedriver reply is not JSON: {e}"))?;
    let value = reply.get("value").cloned().unwrap_or(Value::Null);
    if let Some(error) = value.get("error").and_then(Value::as_str) {
        let message = value.get("message").and_then(Value::as_str).unwrap_or("");
        return Err(format!("{method} {path}: {error}: {message}"));
    }
    Ok(value)
}

impl Session {
    /// A fresh headless Chromium with its own profile.
    pub fn start(driver: &str) -> Result<Session> {
        Session::start_with(driver, &[])
    }

    /// The same, with extra Chromium command-line switches.
    pub fn start_with(driver: &str, extra_args: &[&str]) -> Result<Session> {
        let mut args = vec![
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--window-size=1200,900",
        ];
        args.extend_from_slice(extra_args);
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                    "args": args
                }
            }}
        });
        let value = request(driver, "POST", "/session", Some(&capabilities))?;
        let id = value.get("sessionId").and_then(Value::as_str).ok_or("no session id")?.to_string();
        Ok(Session { driver: driver.to_string(), id })
    }

    /// A WebKit session through WebKitWebDriver: Debian's WebKitGTK MiniBrowser, in automation
    /// mode. No DevTools protocol there, so `cdp` and `before_each_page` are Chromium-only.
    pub fn start_webkit(driver: &str) -> Result<Session> {
        // Debian installs it under the architecture's library folder.
        let browser = std::fs::read_dir("/usr/lib")
            .map_err(|e| e.to_string())?
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.path().join("webkit2gtk-4.1/MiniBrowser"))
            .find(|path| path.exists())
            .ok_or("no MiniBrowser under /usr/lib/*/webkit2gtk-4.1 (Debian package libwebkit2gtk-4.1-0)")?;
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": { "binary": browser, "args": ["--automation"] }
            }}
        });
        let value = request(driver, "POST", "/session", Some(&capabilities))?;
        let id = value.get("sessionId").and_then(Value::as_str).ok_or("no session id")?.to_string();
        Ok(Session { driver: driver.to_string(), id })
    }

    /// Resizes the browser window (its outer size; the viewport is what the page reports).
    pub fn set_window(&self, width: u32, height: u32) -> Result<()> {
        self.call("POST", "/window/rect", Some(json!({ "width": width, "height": height }))).map(drop)
    }

    /// A PNG of the viewport through WebDriver itself, for browsers without the DevTools protocol.
    pub fn screenshot_png(&self) -> Result<Vec<u8>> {
        use base64::Engine as _;
        let data = self.call("GET", "/screenshot", None)?;
        let data = data.as_str().ok_or("no screenshot data")?;
        base64::engine::general_purpose::STANDARD.decode(data).map_err(|e| e.to_string())
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        request(&self.driver, method, &format!("/session/{}{path}", self.id), body.as_ref())
    }

    /// A Chrome DevTools Protocol command, through chromedriver.
    pub fn cdp(&self, command: &str, params: Value) -> Result<Value> {
        self.call("POST", "/goog/cdp/execute", Some(json!({ "cmd": command, "params": params })))
    }

    /// Runs `source` in every document before its own scripts, from the next navigation on.
    pub fn before_each_page(&self, source: &str) -> Result<()> {
        self.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": source })).map(drop)
    }

    pub fn goto(&self, url: &str) -> Result<()> {
        self.call("POST", "/url", Some(json!({ "url": url }))).map(drop)
    }

    /// Runs a script body (with `arguments`) and returns its value.
    pub fn eval(&self, script: &str, args: Value) -> Result<Value> {
        self.call("POST", "/execute/sync", Some(json!({ "script": script, "args": args })))
    }

    /// Polls `condition` (a script body returning a truthy value) until it holds.
    pub fn wait_for(&self, condition: &str, args: Value) -> Result<Value> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let value = self.eval(condition, args.clone())?;
            if !(value.is_null() || value == json!(false)) {
                return Ok(value);
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for: {condition}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Finds an element of the page by CSS selector.
    pub fn find(&self, selector: &str) -> Result<String> {
        element_id(&self.call("POST", "/element", Some(json!({ "using": "css selector", "value": selector })))?)
    }

    /// Finds an element inside the shadow root of the host matching `host_selector`.
    pub fn shadow_element(&self, host_selector: &str, selector: &str) -> Result<String> {
        let host = self.call("POST", "/element", Some(json!({ "using": "css selector", "value": host_selector })))?;
        let host_id = element_id(&host)?;
        let shadow = self.call("GET", &format!("/element/{host_id}/shadow"), None)?;
        let shadow_id = shadow
            .get("shadow-6066-11e4-a52e-4f735466cecf")
            .and_then(Value::as_str)
            .ok_or("no shadow root reference")?
            .to_string();
        let found = self.call(
            "POST",
            &format!("/shadow/{shadow_id}/element"),
            Some(json!({ "using": "css selector", "value": selector })),
        )?;
        element_id(&found)
    }

    /// Types keys into an element, as a keyboard user would after tabbing to it.
    pub fn send_keys(&self, element: &str, keys: &str) -> Result<()> {
        self.call("POST", &format!("/element/{element}/value"), Some(json!({ "text": keys }))).map(drop)
    }

    /// Presses and releases each key in turn on whatever has the focus, as a keyboard user does.
    pub fn press(&self, keys: &[&str]) -> Result<()> {
        let steps: Vec<Value> = keys
            .iter()
            .flat_map(|key| [json!({ "type": "keyDown", "value": key }), json!({ "type": "keyUp", "value": key })])
            .collect();
        let actions = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": steps }] });
        self.call("POST", "/actions", Some(actions)).map(drop)
    }

    /// A PNG of what the viewport shows, as a visitor sees it (sticky parts where they stick).
    pub fn viewport_png(&self) -> Result<Vec<u8>> {
        use base64::Engine as _;
        let shot = self.cdp("Page.captureScreenshot", json!({ "format": "png" }))?;
        let data = shot.get("data").and_then(Value::as_str).ok_or("no screenshot data")?;
        base64::engine::general_purpose::STANDARD.decode(data).map_err(|e| e.to_string())
    }

    /// Presses the keys down in order and releases them in reverse, as a shortcut: Ctrl+Z.
    pub fn chord(&self, keys: &[&str]) -> Result<()> {
        let down = keys.iter().map(|key| json!({ "type": "keyDown", "value": key }));
        let up = keys.iter().rev().map(|key| json!({ "type": "keyUp", "value": key }));
        let steps: Vec<Value> = down.chain(up).collect();
        let actions = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": steps }] });
        self.call("POST", "/actions", Some(actions)).map(drop)
    }

    /// A PNG of the whole page, beyond the viewport.
    ///
    /// Card rows have `content-visibility: auto`: rows away from the viewport are not painted
    /// until a visitor scrolls to them, and a capture beyond the viewport is no scroll, so they
    /// would come out blank. For the capture only, every card's rows are drawn as a scroll would.
    pub fn full_page_png(&self) -> Result<Vec<u8>> {
        use base64::Engine as _;
        const SHOW_ROWS: &str = "for (const card of document.querySelectorAll('comparison-card')) {
               for (const row of card.shadowRoot?.querySelectorAll('.row') ?? []) {
                 row.style.contentVisibility = arguments[0] ? 'visible' : '';
               }
             }";
        self.eval(SHOW_ROWS, json!([true]))?;
        let shot = self.cdp("Page.captureScreenshot", json!({ "format": "png", "captureBeyondViewport": true }));
        self.eval(SHOW_ROWS, json!([false]))?;
        let shot = shot?;
        let data = shot.get("data").and_then(Value::as_str).ok_or("no screenshot data")?;
        base64::engine::general_purpose::STANDARD.decode(data).map_err(|e| e.to_string())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = request(&self.driver, "DELETE", &format!("/session/{}", self.id), None);
    }
}

fn element_id(value: &Value) -> Result<String> {
    value
        .get("element-6066-11e4-a52e-4f735466cecf")
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| format!("not an element reference: {value}"))
}
