//! A minimal HTTP/1.0 client over plain TCP for the WordPress tests: one request per connection,
//! read to the end, so neither chunked encoding nor keep-alive arises.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use base64::Engine as _;

pub struct Response {
    pub status: u16,
    /// The status line and the headers, as sent.
    pub head: String,
    pub body: String,
}

impl Response {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}), status {}: {}", self.status, self.body))
    }
}

/// Who a request is made as: a login and an application password, or nobody.
#[derive(Clone, Default)]
pub struct Auth(Option<(String, String)>);

impl Auth {
    pub fn basic(user: &str, password: &str) -> Auth {
        Auth(Some((user.to_string(), password.to_string())))
    }
}

/// Sends one request to an `http://host:port/path` address.
pub fn send(method: &str, url: &str, auth: &Auth, headers: &[(&str, &str)], body: &[u8]) -> Result<Response, String> {
    let rest = url.strip_prefix("http://").ok_or_else(|| format!("not an http address: {url}"))?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = if path.is_empty() { "/" } else { path };
    let mut stream = TcpStream::connect(host).map_err(|e| format!("{url}: {e}"))?;
    stream.set_read_timeout(Some(Duration::from_secs(120))).map_err(|e| e.to_string())?;
    let mut head = format!("{method} {path} HTTP/1.0\r\nHost: {host}\r\nContent-Length: {}\r\n", body.len());
    if let Some((user, password)) = &auth.0 {
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        head.push_str(&format!("Authorization: Basic {token}\r\n"));
    }
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(body)).map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).map_err(|e| format!("{url}: {e}"))?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").ok_or_else(|| format!("{url}: no end of headers"))?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("{url}: no status in {head}"))?;
    Ok(Response { status, head: head.to_string(), body: body.to_string() })
}
