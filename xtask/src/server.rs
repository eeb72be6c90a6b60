//! A small static file server for `www/` (GET and HEAD only), with the right MIME type for
//! `.wasm` so browsers compile it while it streams. For development and tests, not production.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;

pub fn bind(port: u16) -> Result<TcpListener, String> {
    TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))
}

/// Serves `dir` on a background thread; returns the port.
pub fn spawn(dir: PathBuf) -> Result<u16, String> {
    let listener = bind(0)?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    thread::spawn(move || serve_forever(listener, dir));
    Ok(port)
}

pub fn serve_forever(listener: TcpListener, dir: PathBuf) {
    for stream in listener.incoming().flatten() {
        let dir = dir.clone();
        thread::spawn(move || {
            let _ = handle(stream, &dir);
        });
    }
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// Maps a URL path to a file under `dir`, refusing anything that climbs out of it.
fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let rel = Path::new(path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut full = dir.join(rel);
    if full.is_dir() {
        full = full.join("index.html");
    }
    full.is_file().then_some(full)
}

fn respond(
    stream: &mut TcpStream,
    code: &str,
    ctype: &str,
    body: &[u8],
    head: bool,
    encoding: &str,
) -> std::io::Result<()> {
    let header = format!(
        "HTTP/1.1 {code}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n{encoding}Cache-Control: no-cache\r\n\
         X-Content-Type-Options: nosniff\r\nVary: Accept-Encoding\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn handle(mut stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut accepts_br = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        let lower = header.to_ascii_lowercase();
        accepts_br |= lower.starts_with("accept-encoding:") && lower.contains("br");
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed",
            false,
            "",
        );
    }
    let head = method == "HEAD";
    let not_found = "未找到".as_bytes();
    let Some(path) = resolve(dir, target) else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain; charset=utf-8",
            not_found,
            head,
            "",
        );
    };
    // A precompressed `FILE.br` beside FILE goes to clients that accept brotli (the benchmark
    // makes them, as a production server would compress).
    let br = PathBuf::from(format!("{}.br", path.display()));
    if accepts_br {
        if let Ok(body) = std::fs::read(&br) {
            return respond(
                &mut stream,
                "200 OK",
                mime(&path),
                &body,
                head,
                "Content-Encoding: br\r\n",
            );
        }
    }
    match std::fs::read(&path) {
        Ok(body) => respond(&mut stream, "200 OK", mime(&path), &body, head, ""),
        Err(_) => respond(
            &mut stream,
            "404 Not Found",
            "text/plain; charset=utf-8",
            not_found,
            head,
            "",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_climb_out_of_the_served_folder() {
        let dir = std::env::temp_dir();
        assert!(resolve(&dir, "/../etc/passwd").is_none());
        assert!(resolve(&dir, "/a/../../etc/passwd").is_none());
        assert_eq!(mime(Path::new("x.wasm")), "application/wasm");
    }
}
