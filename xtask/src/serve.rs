//! A small static file server for `dist/`, on loopback only: for the demo, the end-to-end tests
//! and the benchmarks. HTTP/1.1, one request per connection. Text, JavaScript and wasm go out
//! brotli-compressed (quality 11, as a CDN serves them) to clients that accept `br`; each file is
//! compressed once and kept in memory until it changes on disk.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

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

/// Brotli bodies by file, with the modification time and length they were made from.
type Compressed = Mutex<HashMap<PathBuf, (Option<SystemTime>, u64, Arc<Vec<u8>>)>>;

/// Serves `root` until the process ends; one thread per connection.
pub fn serve_forever(listener: TcpListener, root: PathBuf, headers: Headers) {
    let root = Arc::new(root);
    let compressed: Arc<Compressed> = Arc::default();
    for stream in listener.incoming().flatten() {
        let root = Arc::clone(&root);
        let compressed = Arc::clone(&compressed);
        std::thread::spawn(move || {
            let _ = respond(stream, &root, headers, &compressed);
        });
    }
}

fn respond(stream: TcpStream, root: &Path, headers: Headers, compressed: &Compressed) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Of the headers, only Accept-Encoding matters here.
    let mut brotli = false;
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                brotli |= accepts_brotli(value);
            }
        }
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
            &Body::Identity(b"method not allowed".to_vec()),
            method,
            headers,
        );
    }
    match resolve(root, target).and_then(|path| std::fs::read(&path).ok().map(|body| (path, body))) {
        Some((path, body)) => {
            let body = if compressible(&path) {
                if brotli {
                    Body::Brotli(compressed_body(compressed, &path, &body))
                } else {
                    Body::IdentityVaried(body)
                }
            } else {
                Body::Identity(body)
            };
            write_response(&mut stream, "200 OK", content_type(&path), &body, method, headers)
        }
        None => write_response(
            &mut stream,
            "404 Not Found",
            "text/plain; charset=utf-8",
            &Body::Identity(b"not found".to_vec()),
            method,
            headers,
        ),
    }
}

/// A response body and how it is encoded.
enum Body {
    /// Not compressible: the same for every client.
    Identity(Vec<u8>),
    /// Compressible, sent as it is to a client that does not accept brotli.
    IdentityVaried(Vec<u8>),
    Brotli(Arc<Vec<u8>>),
}

/// Whether an `Accept-Encoding` value lists `br` (with a weight above zero).
fn accepts_brotli(value: &str) -> bool {
    value.split(',').any(|coding| {
        let mut parts = coding.split(';');
        let name = parts.next().unwrap_or("").trim();
        let refused = parts.any(|parameter| {
            parameter.split_once('=').is_some_and(|(key, weight)| {
                key.trim().eq_ignore_ascii_case("q") && weight.trim().parse::<f64>().is_ok_and(|q| q <= 0.0)
            })
        });
        name.eq_ignore_ascii_case("br") && !refused
    })
}

/// Text, JavaScript and wasm; images and the rest go out as they are.
fn compressible(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("js" | "wasm" | "json" | "html" | "xhtml" | "css" | "svg"))
}

/// The file's brotli 11 body: made on the first request, then kept while the file is unchanged
/// (brotli 11 on a 100 KB wasm takes a noticeable fraction of a second on a small machine).
fn compressed_body(cache: &Compressed, path: &Path, raw: &[u8]) -> Arc<Vec<u8>> {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let length = raw.len() as u64;
    if let Some((when, size, body)) = cache.lock().ok().and_then(|cache| cache.get(path).cloned()) {
        if when == modified && size == length {
            return body;
        }
    }
    let body = Arc::new(brotli_11(raw));
    if let Ok(mut cache) = cache.lock() {
        cache.insert(path.to_path_buf(), (modified, length, Arc::clone(&body)));
    }
    body
}

fn brotli_11(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        // Writing into a Vec cannot fail; the writer finishes the stream when dropped.
        let _ = writer.write_all(raw);
    }
    out
}

fn write_response(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &Body,
    method: &str,
    headers: Headers,
) -> std::io::Result<()> {
    let extra = match headers {
        Headers::Plain => "",
        Headers::CrossOriginIsolated => {
            "Cross-Origin-Opener-Policy: same-origin\r\nCross-Origin-Embedder-Policy: require-corp\r\n"
        }
    };
    let (body, encoding): (&[u8], &str) = match body {
        Body::Identity(bytes) => (bytes, ""),
        Body::IdentityVaried(bytes) => (bytes, "Vary: Accept-Encoding\r\n"),
        Body::Brotli(bytes) => (bytes, "Content-Encoding: br\r\nVary: Accept-Encoding\r\n"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{encoding}Cache-Control: no-store\r\n{extra}Connection: close\r\n\r\n",
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

    /// One GET to a server on `address`; the response's head (lower-cased) and body.
    fn get(address: std::net::SocketAddr, path: &str, accept: Option<&str>) -> (String, Vec<u8>) {
        use std::io::Read;
        let mut stream = TcpStream::connect(address).unwrap();
        let accept = accept.map(|value| format!("Accept-Encoding: {value}\r\n")).unwrap_or_default();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\n{accept}\r\n").unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        (String::from_utf8_lossy(&response[..split]).to_lowercase(), response[split + 4..].to_vec())
    }

    fn unbrotli(bytes: &[u8]) -> Vec<u8> {
        use std::io::Read;
        let mut out = Vec::new();
        brotli::Decompressor::new(bytes, 4096).read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn brotli_goes_to_clients_that_accept_it_and_only_for_text_and_wasm() {
        let root = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        let script = "export const card = 'comparison';\n".repeat(200);
        std::fs::write(root.join("card.js"), &script).unwrap();
        std::fs::write(root.join("picture.png"), [137u8, 80, 78, 71, 1, 2, 3]).unwrap();
        let listener = bind(0).unwrap();
        let address = listener.local_addr().unwrap();
        let served = root.clone();
        std::thread::spawn(move || serve_forever(listener, served, Headers::Plain));

        // Twice: the second answer comes from the cache and must be the same.
        for _ in 0..2 {
            let (head, body) = get(address, "/card.js", Some("gzip, deflate, br, zstd"));
            assert!(head.contains("\r\ncontent-encoding: br\r\n"), "{head}");
            assert!(head.contains("\r\nvary: accept-encoding\r\n"), "{head}");
            assert!(head.contains(&format!("\r\ncontent-length: {}\r\n", body.len())), "{head}");
            assert!(body.len() < script.len() / 10);
            assert_eq!(unbrotli(&body), script.as_bytes());
        }
        for accept in [None, Some("gzip, deflate"), Some("br;q=0, gzip")] {
            let (head, body) = get(address, "/card.js", accept);
            assert!(!head.contains("content-encoding"), "{accept:?}: {head}");
            assert!(head.contains("\r\nvary: accept-encoding\r\n"), "{head}");
            assert_eq!(body, script.as_bytes(), "{accept:?}");
        }
        let (head, body) = get(address, "/picture.png", Some("br"));
        assert!(!head.contains("content-encoding"), "{head}");
        assert_eq!(body, [137u8, 80, 78, 71, 1, 2, 3]);

        // A changed file is compressed again.
        std::fs::write(root.join("card.js"), "export {};\n").unwrap();
        let (_, body) = get(address, "/card.js", Some("br"));
        assert_eq!(unbrotli(&body), b"export {};\n");
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn reads_accept_encoding() {
        assert!(accepts_brotli(" gzip, deflate, br, zstd"));
        assert!(accepts_brotli("BR"));
        assert!(accepts_brotli("gzip;q=1.0, br;q=0.5"));
        assert!(!accepts_brotli("gzip, deflate"));
        assert!(!accepts_brotli("br;q=0"));
        assert!(!accepts_brotli("brotli"));
        assert!(!accepts_brotli(""));
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        assert_eq!(content_type(Path::new("x_bg.wasm")), "application/wasm");
        assert_eq!(content_type(Path::new("comparison-card.js")), "text/javascript; charset=utf-8");
    }
}
