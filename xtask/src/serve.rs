//! A small static file server for `dist/`, on loopback only: for the demo and the end-to-end tests.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

pub fn bind(port: u16) -> Result<TcpListener, String> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))
}

/// Extra response headers.
#[derive(Clone, Copy)]
pub enum Headers {
    Plain,
    /// COOP and COEP, which give pages 5 µs timers instead of 100 µs: for the benchmark.
    CrossOriginIsolated,
}

/// Serves `root` until the process ends; one thread per connection.
pub fn serve_forever(listener: TcpListener, root: PathBuf, headers: Headers) {
    let root = Arc::new(root);
    for stream in listener.incoming().flatten() {
        let root = Arc::clone(&root);
        std::thread::spawn(move || {
            let _ = respond(stream, &root, headers);
        });
    }
}

fn respond(stream: TcpStream, root: &Path, headers: Headers) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them matters here.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let mut stream = stream;
    if method != "GET" && method != "HEAD" {
        return write_response(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed",
            method,
            headers,
        );
    }
    match resolve(root, target).and_then(|path| std::fs::read(&path).ok().map(|body| (path, body))) {
        Some((path, body)) => write_response(&mut stream, "200 OK", content_type(&path), &body, method, headers),
        None => {
            write_response(&mut stream, "404 Not Found", "text/plain; charset=utf-8", b"not found", method, headers)
        }
    }
}

fn write_response(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    method: &str,
    headers: Headers,
) -> std::io::Result<()> {
    let extra = match headers {
        Headers::Plain => "",
        Headers::CrossOriginIsolated => {
            "Cross-Origin-Opener-Policy: same-origin\r\nCross-Origin-Embedder-Policy: require-corp\r\n"
        }
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// Maps a request target to a file under `root`; anything that would leave `root` is refused.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "xhtml" => "application/xhtml+xml; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside_the_root() {
        let root = std::env::temp_dir();
        assert_eq!(resolve(&root, "/../etc/passwd"), None);
        assert_eq!(resolve(&root, "/a/../../x"), None);
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        assert_eq!(content_type(Path::new("x_bg.wasm")), "application/wasm");
        assert_eq!(content_type(Path::new("comparison-card.js")), "text/javascript; charset=utf-8");
    }
}
