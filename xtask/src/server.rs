//! A small static file server for `www/` (GET and HEAD only) that serves like a well-configured
//! portal, so what the tests and the benchmark measure is what portal visitors get:
//! - the right MIME type for `.wasm`, so browsers compile it while it streams;
//! - a precompressed `FILE.br` / `FILE.gz` (made by `precompress`) to clients that accept it;
//! - `ETag` and `Last-Modified` on every file, answering `304 Not Modified` to a matching
//!   `If-None-Match` / `If-Modified-Since`;
//! - `Cache-Control: public, max-age=31536000, immutable` for content-hashed names
//!   (`name.0123abcd.wasm`), `no-cache` (revalidate) for everything else.
//!
//! For development, tests and the benchmark, not production.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::precompress::fresh;

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

/// True for a content-hashed file name: a dot- or dash-separated part of 8 or more hex digits
/// before the extension (`bangfu_widgets_bg.3f2a9c1d.wasm`, `bangfu-3f2a9c1d.js`).
pub fn is_hashed(path: &Path) -> bool {
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        return false;
    };
    stem.rsplit(['.', '-'])
        .next()
        .filter(|_| stem.contains(['.', '-']))
        .is_some_and(|h| h.len() >= 8 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

pub fn cache_control(path: &Path) -> &'static str {
    if is_hashed(path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// The request headers the server acts on.
#[derive(Default)]
struct Request {
    accepts_br: bool,
    accepts_gzip: bool,
    if_none_match: Option<String>,
    if_modified_since: Option<String>,
}

fn accepts(value: &str, coding: &str) -> bool {
    value.split(',').any(|part| {
        let mut it = part.split(';');
        let name = it.next().unwrap_or("").trim();
        let refused = it.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
        name.eq_ignore_ascii_case(coding) && !refused
    })
}

fn read_request(reader: &mut impl BufRead) -> std::io::Result<Request> {
    let mut req = Request::default();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            return Ok(req);
        }
        let Some((name, value)) = header.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "accept-encoding" => {
                req.accepts_br = accepts(value, "br");
                req.accepts_gzip = accepts(value, "gzip");
            }
            "if-none-match" => req.if_none_match = Some(value.to_string()),
            "if-modified-since" => req.if_modified_since = Some(value.to_string()),
            _ => {}
        }
    }
}

/// FNV-1a, 64 bits: a stable content hash for the ETag (no dependency, same after a restart).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// An IMF-fixdate (RFC 9110 §5.6.7) for `secs` since the Unix epoch.
pub fn http_date(secs: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = secs / 86_400;
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        DAYS[(days % 7) as usize],
        MONTHS[(month - 1) as usize],
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

struct Reply<'a> {
    code: &'a str,
    headers: Vec<(&'static str, String)>,
    body: &'a [u8],
    head: bool,
}

fn send(stream: &mut TcpStream, r: Reply) -> std::io::Result<()> {
    let mut text = format!("HTTP/1.1 {}\r\n", r.code);
    for (name, value) in &r.headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str(&format!(
        "Content-Length: {}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        r.body.len()
    ));
    stream.write_all(text.as_bytes())?;
    if !r.head {
        stream.write_all(r.body)?;
    }
    stream.flush()
}

fn plain(stream: &mut TcpStream, code: &str, body: &[u8], head: bool) -> std::io::Result<()> {
    let ctype = ("Content-Type", "text/plain; charset=utf-8".to_string());
    let headers = vec![ctype, ("Cache-Control", "no-store".to_string())];
    send(
        stream,
        Reply {
            code,
            headers,
            body,
            head,
        },
    )
}

/// The representation to send: the precompressed copy the client accepts, else the file.
fn representation(path: &Path, req: &Request) -> (PathBuf, Option<&'static str>) {
    for (ok, ext, coding) in [
        (req.accepts_br, "br", "br"),
        (req.accepts_gzip, "gz", "gzip"),
    ] {
        let copy = PathBuf::from(format!("{}.{ext}", path.display()));
        if ok && fresh(path, &copy) {
            return (copy, Some(coding));
        }
    }
    (path.to_path_buf(), None)
}

fn handle(mut stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let req = read_request(&mut reader)?;
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return plain(
            &mut stream,
            "405 Method Not Allowed",
            b"method not allowed",
            false,
        );
    }
    let head = method == "HEAD";
    let not_found = "未找到".as_bytes();
    let Some(path) = resolve(dir, target) else {
        return plain(&mut stream, "404 Not Found", not_found, head);
    };
    let (file, coding) = representation(&path, &req);
    let Ok(body) = std::fs::read(&file) else {
        return plain(&mut stream, "404 Not Found", not_found, head);
    };
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH)
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let etag = format!(
        "\"{:016x}{}\"",
        fnv1a(&body),
        coding.map(|c| format!("-{c}")).unwrap_or_default()
    );
    let last_modified = http_date(modified);
    let mut headers = vec![
        ("Content-Type", mime(&path).to_string()),
        ("Cache-Control", cache_control(&path).to_string()),
        ("ETag", etag.clone()),
        ("Last-Modified", last_modified.clone()),
        ("Vary", "Accept-Encoding".to_string()),
    ];
    if let Some(c) = coding {
        headers.push(("Content-Encoding", c.to_string()));
    }
    let not_modified = match (&req.if_none_match, &req.if_modified_since) {
        (Some(tags), _) => tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"),
        (None, Some(since)) => *since == last_modified,
        (None, None) => false,
    };
    if not_modified {
        headers.retain(|(name, _)| *name != "Content-Type" && *name != "Content-Encoding");
        return send(
            &mut stream,
            Reply {
                code: "304 Not Modified",
                headers,
                body: &[],
                head: true,
            },
        );
    }
    send(
        &mut stream,
        Reply {
            code: "200 OK",
            headers,
            body: &body,
            head,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn paths_cannot_climb_out_of_the_served_folder() {
        let dir = std::env::temp_dir();
        assert!(resolve(&dir, "/../etc/passwd").is_none());
        assert!(resolve(&dir, "/a/../../etc/passwd").is_none());
        assert_eq!(mime(Path::new("x.wasm")), "application/wasm");
    }

    #[test]
    fn only_content_hashed_names_are_cached_for_good() {
        assert!(is_hashed(Path::new("bangfu_widgets_bg.3f2a9c1d.wasm")));
        assert!(is_hashed(Path::new("bangfu-0123456789abcdef.js")));
        assert!(!is_hashed(Path::new("bangfu_widgets_bg.wasm")));
        assert!(!is_hashed(Path::new("bangfu.js")));
        assert!(!is_hashed(Path::new("deadbeef.js")));
        assert!(!is_hashed(Path::new("county-page.html")));
        assert_eq!(
            cache_control(Path::new("a.1234abcd.js")),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(cache_control(Path::new("index.html")), "no-cache");
    }

    #[test]
    fn http_dates_are_imf_fixdates() {
        assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(http_date(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(http_date(1_709_210_096), "Thu, 29 Feb 2024 12:34:56 GMT");
    }

    #[test]
    fn an_encoding_with_q_zero_is_refused() {
        assert!(accepts("gzip, deflate, br", "br"));
        assert!(accepts("br;q=1.0, gzip;q=0.5", "gzip"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(!accepts("gzip", "br"));
    }

    /// One raw HTTP exchange with the server; returns (status line + headers, body).
    fn get(port: u16, path: &str, extra: &str) -> (String, Vec<u8>) {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n{extra}\r\n").unwrap();
        let mut all = Vec::new();
        s.read_to_end(&mut all).unwrap();
        let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        (
            String::from_utf8_lossy(&all[..split]).into_owned(),
            all[split + 4..].to_vec(),
        )
    }

    fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
        head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    #[test]
    fn serves_precompressed_files_with_validators_and_304s() {
        let dir = std::env::temp_dir().join(format!("bangfu-server-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("app.js"), "console.log(1)").unwrap();
        std::fs::write(dir.join("app.js.br"), "BROTLI").unwrap();
        std::fs::write(dir.join("app.js.gz"), "GZIP").unwrap();
        std::fs::write(dir.join("app.0123abcd.wasm"), "WASM").unwrap();
        let port = spawn(dir.clone()).unwrap();

        let (head, body) = get(port, "/app.js", "Accept-Encoding: gzip, deflate, br\r\n");
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert_eq!(body, b"BROTLI");
        assert_eq!(header(&head, "content-encoding"), Some("br"));
        assert_eq!(header(&head, "vary"), Some("Accept-Encoding"));
        assert_eq!(header(&head, "cache-control"), Some("no-cache"));
        assert!(header(&head, "last-modified").is_some_and(|d| d.ends_with(" GMT")));
        let etag = header(&head, "etag").unwrap().to_string();

        let (head, body) = get(port, "/app.js", "Accept-Encoding: gzip\r\n");
        assert_eq!(
            (header(&head, "content-encoding"), body.as_slice()),
            (Some("gzip"), &b"GZIP"[..])
        );
        let (head, body) = get(port, "/app.js", "");
        assert_eq!(
            (header(&head, "content-encoding"), body.as_slice()),
            (None, &b"console.log(1)"[..])
        );
        assert_ne!(
            header(&head, "etag"),
            Some(etag.as_str()),
            "each encoding has its own tag"
        );

        let revalidate = format!("Accept-Encoding: br\r\nIf-None-Match: {etag}\r\n");
        let (head, body) = get(port, "/app.js", &revalidate);
        assert!(head.starts_with("HTTP/1.1 304"), "{head}");
        assert!(body.is_empty());

        let (head, _) = get(port, "/app.0123abcd.wasm", "");
        assert_eq!(
            header(&head, "cache-control"),
            Some("public, max-age=31536000, immutable")
        );
        assert_eq!(header(&head, "content-type"), Some("application/wasm"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
