//! The page's side of a screening job. Normally a module Web Worker (`screening-worker.js`,
//! beside this bundle's glue) reads and screens the file, so the page stays responsive: it
//! is given the `WebAssembly.Module` the page already compiled (nothing fetched again, no
//! code compiled in the worker) and the chosen `File` (not its bytes). Where no module
//! worker can start (Chromium < 80, a CSP without `worker-src 'self'`), the same code runs on
//! the page instead, in chunks with a yield between them.

use std::cell::Cell;
use std::io::Cursor;
use std::ops::ControlFlow;
use std::rc::Rc;
use std::time::Duration;

use bangfu_policy::calc::screening::Thresholds;
use bangfu_policy::params::RuleSet;
use bangfu_sheet::{open, prepare, screen_row, Opened, Run};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

use super::state::Loaded;
use super::worker::{RunRequest, CHUNK};

/// What a job reports to the widget.
#[derive(Debug, Clone, PartialEq)]
pub enum JobEvent {
    Opened(Box<Loaded>),
    /// Rows done since the last report (by one worker), and the households screened in them.
    Progress {
        rows: usize,
        part: Run,
    },
    /// One worker (or the page) has screened all its rows.
    Done,
    Error(String),
    /// No worker could be started here: run on the page instead.
    Unavailable,
}

#[wasm_bindgen(
    inline_js = "export function screening_worker_url() { return new URL('../../screening-worker.js', import.meta.url).href; }"
)]
extern "C" {
    /// `screening-worker.js` beside the glue (wasm-bindgen puts this snippet two folders
    /// below it, in `snippets/<crate>/`), wherever the portal serves the bundle from.
    fn screening_worker_url() -> String;
}

/// A running job; dropping it stops its workers.
pub enum Job {
    /// The first worker read the file and found its layout; helpers join it for screening.
    Workers(Vec<WorkerJob>),
    Local(Rc<LocalFile>, Rc<Cell<bool>>),
}

impl Job {
    /// Stops the job (workers are ended at once; the page's loop at its next chunk).
    pub fn stop(&self) {
        match self {
            Job::Workers(ws) => {
                for w in ws {
                    // Nothing it had still queued is reported after this.
                    w.worker.set_onmessage(None);
                    w.worker.terminate();
                }
            }
            Job::Local(_, cancel) => cancel.set(true),
        }
    }
}

/// Workers to screen a file with `data_rows` rows: one per core up to four (two for a
/// workbook, which each worker holds whole), and no more than there are chunks.
pub fn parts_for(data_rows: usize, workbook: bool) -> usize {
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency() as usize)
        .unwrap_or(1);
    let most = if workbook { 2 } else { 4 };
    cores.clamp(1, most).min(data_rows.div_ceil(CHUNK).max(1))
}

pub struct WorkerJob {
    file: web_sys::File,
    worker: Worker,
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for WorkerJob {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

fn message(kind: &str, fields: &[(&str, &JsValue)]) -> js_sys::Object {
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"kind".into(), &kind.into());
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&msg, &(*k).into(), v);
    }
    msg
}

fn event_of(data: &JsValue) -> Option<JobEvent> {
    let field = |k: &str| js_sys::Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let json = || field("json").as_string().unwrap_or_default();
    Some(match field("kind").as_string()?.as_str() {
        "opened" => JobEvent::Opened(Box::new(serde_json::from_str(&json()).ok()?)),
        "progress" => JobEvent::Progress {
            rows: field("rows").as_f64().unwrap_or(0.0) as usize,
            part: serde_json::from_str(&json()).ok()?,
        },
        "done" => JobEvent::Done,
        "error" => JobEvent::Error(field("message").as_string().unwrap_or_default()),
        // The module could not be instantiated in the worker: try on the page.
        "failed" => JobEvent::Unavailable,
        "crashed" => JobEvent::Error("核查时出错，请刷新页面后重试".to_string()),
        _ => return None,
    })
}

impl WorkerJob {
    /// Starts a worker on `file`; `None` where this browser cannot start one. A `quiet` one
    /// (a helper for screening) does not report the layout.
    pub fn start(
        file: &web_sys::File,
        on_event: Callback<JobEvent>,
        quiet: bool,
    ) -> Option<WorkerJob> {
        let url = screening_worker_url();
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = Worker::new_with_options(&url, &options).ok()?;
        let events = on_event.clone();
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(ev) = event_of(&e.data()) {
                events.emit(ev);
            }
        });
        // The script did not load or parse (a classic worker on Chromium < 80 meets `import`).
        let onerror = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            on_event.emit(JobEvent::Unavailable);
        });
        worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
        let init = message("init", &[("module", &wasm_bindgen::module())]);
        worker.post_message(&init).ok()?;
        let open = message(
            "open",
            &[
                ("file", file.as_ref()),
                ("quiet", &JsValue::from_bool(quiet)),
            ],
        );
        worker.post_message(&open).ok()?;
        Some(WorkerJob {
            file: file.clone(),
            worker,
            _onmessage: onmessage,
            _onerror: onerror,
        })
    }

    pub fn file(&self) -> &web_sys::File {
        &self.file
    }

    pub fn run(&self, request: &RunRequest) {
        let json = serde_json::to_string(request).unwrap_or_default();
        let _ = self
            .worker
            .post_message(&message("run", &[("json", &json.into())]));
    }
}

/// A file read on the page (no worker): its bytes and first pass.
pub struct LocalFile {
    bytes: Rc<[u8]>,
    opened: Opened,
    data_start: usize,
}

/// Reads and opens `file` on the page.
pub async fn open_local(file: web_sys::File) -> Result<(LocalFile, Loaded), String> {
    let name = file.name();
    let bytes: Rc<[u8]> = super::files::read_bytes(file).await?.into();
    let opened = open(Cursor::new(bytes.clone())).map_err(|e| e.to_string())?;
    let prepared = prepare(&opened)?;
    let data_start = prepared.data_start;
    let loaded = Loaded::of(&name, &opened, prepared);
    Ok((
        LocalFile {
            bytes,
            opened,
            data_start,
        },
        loaded,
    ))
}

/// Screens a file read on the page, a chunk at a time with a yield between chunks, until
/// done or `cancel` is set.
pub async fn run_local(
    file: Rc<LocalFile>,
    request: RunRequest,
    cancel: Rc<Cell<bool>>,
    on_event: Callback<JobEvent>,
) {
    let rules = match RuleSet::default_set() {
        Ok(r) => r,
        Err(e) => return on_event.emit(JobEvent::Error(e.message)),
    };
    let t = Thresholds::resolve(&rules, request.year);
    let today = bangfu_policy::text::parse_date(&request.date).unwrap_or_default();
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    let read = file.opened.for_each_row(
        &mut Cursor::new(file.bytes.clone()),
        file.data_start,
        |i, r| {
            rows.push((i, r));
            ControlFlow::Continue(())
        },
    );
    if let Err(e) = read {
        return on_event.emit(JobEvent::Error(e.to_string()));
    }
    for chunk in rows.chunks(CHUNK) {
        // Let the page paint and take clicks (cancel) between chunks.
        yew::platform::time::sleep(Duration::from_millis(0)).await;
        if cancel.get() {
            return;
        }
        let mut part = Run::default();
        part.extend(
            chunk
                .iter()
                .filter_map(|(i, r)| screen_row(*i, r, &request.mapping, &t, today)),
        );
        on_event.emit(JobEvent::Progress {
            rows: chunk.len(),
            part,
        });
    }
    on_event.emit(JobEvent::Done);
}
