//! The screening widget's Web Worker side (`js/screening-worker.js` instantiates this same
//! module in a worker and hands each message to [`screening_worker_message`]). The worker
//! reads the chosen file a slice at a time (`FileReaderSync`: a CSV is never held whole), finds
//! the layout, and screens the rows, posting progress and the flagged households in chunks.
//!
//! Several workers may screen one file, each every n-th chunk of rows ([`RunRequest::part`]).
//!
//! Messages in: `{kind: "open", file, quiet}` (`quiet`: a helper worker, which reports no
//! layout), `{kind: "run", json}` ([`RunRequest`]).
//! Messages out: `{kind: "opened", json}` (a `Loaded`), `{kind: "progress", rows, json}` (rows
//! done since the last report, and the households screened in them as a `Run`),
//! `{kind: "done"}`, `{kind: "error", message}`.

use std::cell::RefCell;
use std::io::{self, Read, Seek, SeekFrom};
use std::ops::ControlFlow;

use bangfu_policy::calc::screening::{Mapping, Thresholds};
use bangfu_policy::params::RuleSet;
use bangfu_sheet::{open, prepare, screen_row, Opened, Run};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::state::Loaded;

/// Rows screened between two progress messages.
pub const CHUNK: usize = 2000;

/// What the page asks the worker to screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunRequest {
    pub mapping: Mapping,
    pub year: i32,
    /// The check date, `YYYY-MM-DD`.
    pub date: String,
    /// This worker screens the chunks of [`CHUNK`] rows whose number modulo `parts` is `part`.
    pub part: usize,
    pub parts: usize,
}

impl RunRequest {
    /// True when the row at `index` (counted from the first data row) is this worker's.
    pub fn owns(&self, index: usize) -> bool {
        (index / CHUNK) % self.parts.max(1) == self.part
    }
}

/// A `File` read in slices through `FileReaderSync` (worker-only), with a small read-ahead
/// window so the zip reader's many small reads do not each cross into the browser.
#[derive(Clone)]
pub struct BlobReader {
    blob: web_sys::Blob,
    size: u64,
    pos: u64,
    window: Vec<u8>,
    window_at: u64,
}

/// Bytes fetched from the file at least per slice.
const WINDOW: u64 = 256 * 1024;

impl BlobReader {
    pub fn new(blob: web_sys::Blob) -> BlobReader {
        BlobReader {
            size: blob.size() as u64,
            blob,
            pos: 0,
            window: Vec::new(),
            window_at: 0,
        }
    }

    fn fetch(&mut self, at: u64, len: u64) -> io::Result<()> {
        let end = (at + len.max(WINDOW)).min(self.size);
        let failed = |_| io::Error::other("文件读取失败");
        let slice = self
            .blob
            .slice_with_f64_and_f64(at as f64, end as f64)
            .map_err(failed)?;
        let reader = web_sys::FileReaderSync::new().map_err(failed)?;
        let buffer = reader.read_as_array_buffer(&slice).map_err(failed)?;
        self.window = js_sys::Uint8Array::new(&buffer).to_vec();
        self.window_at = at;
        Ok(())
    }
}

impl Read for BlobReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.size || buf.is_empty() {
            return Ok(0);
        }
        let in_window =
            self.pos >= self.window_at && self.pos < self.window_at + self.window.len() as u64;
        if !in_window {
            self.fetch(self.pos, buf.len() as u64)?;
        }
        let from = (self.pos - self.window_at) as usize;
        let n = buf.len().min(self.window.len() - from);
        buf[..n].copy_from_slice(&self.window[from..from + n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for BlobReader {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let next = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.size.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = next.ok_or_else(|| io::Error::other("seek before the start"))?;
        Ok(self.pos)
    }
}

thread_local! {
    /// The file being worked on and its first pass.
    static OPEN: RefCell<Option<(BlobReader, Opened, usize)>> = const { RefCell::new(None) };
}

fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"kind".into(), &kind.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
    }
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&msg);
}

fn post_error(message: &str) {
    post("error", &[("message", message.into())]);
}

/// Handles one message from the page (see the module comment).
#[wasm_bindgen]
pub fn screening_worker_message(data: JsValue) {
    let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    match field("kind").as_string().as_deref() {
        Some("open") => match field("file").dyn_into::<web_sys::File>() {
            Ok(file) => open_file(file, field("quiet").is_truthy()),
            Err(_) => post_error("文件读取失败，请重新选择"),
        },
        Some("run") => {
            match serde_json::from_str::<RunRequest>(&field("json").as_string().unwrap_or_default())
            {
                Ok(request) => run(&request),
                Err(_) => post_error("核查请求有误，请刷新页面后重试"),
            }
        }
        _ => {}
    }
}

fn open_file(file: web_sys::File, quiet: bool) {
    let name = file.name();
    let reader = BlobReader::new(file.into());
    let opened = match open(reader.clone()) {
        Ok(o) => o,
        Err(e) => return post_error(&e.to_string()),
    };
    let prepared = match prepare(&opened) {
        Ok(p) => p,
        Err(e) => return post_error(&e),
    };
    let data_start = prepared.data_start;
    let loaded = Loaded::of(&name, &opened, prepared);
    OPEN.with(|o| *o.borrow_mut() = Some((reader, opened, data_start)));
    if quiet {
        return;
    }
    post(
        "opened",
        &[(
            "json",
            serde_json::to_string(&loaded).unwrap_or_default().into(),
        )],
    );
}

fn run(request: &RunRequest) {
    let rules = match RuleSet::default_set() {
        Ok(r) => r,
        Err(e) => return post_error(&e.message),
    };
    let t = Thresholds::resolve(&rules, request.year);
    let today = bangfu_policy::text::parse_date(&request.date).unwrap_or_default();
    OPEN.with(|o| {
        let mut o = o.borrow_mut();
        let Some((reader, opened, data_start)) = o.as_mut() else {
            return post_error("请重新选择文件");
        };
        let mut part = Run::default();
        let mut rows = 0usize;
        let send = |part: &mut Run, rows: &mut usize| {
            let json = serde_json::to_string(&std::mem::take(part)).unwrap_or_default();
            post(
                "progress",
                &[("rows", (*rows as f64).into()), ("json", json.into())],
            );
            *rows = 0;
        };
        let first = *data_start;
        let result = opened.for_each_row(reader, first, |i, row| {
            if !request.owns(i - first) {
                return ControlFlow::Continue(());
            }
            if let Some(s) = screen_row(i, &row, &request.mapping, &t, today) {
                part.add(s);
            }
            rows += 1;
            if rows == CHUNK {
                send(&mut part, &mut rows);
            }
            ControlFlow::Continue(())
        });
        send(&mut part, &mut rows);
        match result {
            Ok(()) => post("done", &[]),
            Err(e) => post_error(&e.to_string()),
        }
    });
}
