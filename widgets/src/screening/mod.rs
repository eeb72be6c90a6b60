//! `<bangfu-screening>` (批量核查): the quarterly data check of Plan 附件2 第17条 in the
//! browser. The officer drops or chooses the county's household file (XLSX/XLS or CSV in
//! UTF-8 or GBK); it is read on this device, in a Web Worker (`job`, `worker`), the column
//! guess is confirmed, every row is screened by the engine there while the page shows the
//! progress (cancel ends the worker), and the flagged households are listed, counted,
//! charted and exported (CSV with BOM, XLSX by township) or printed.
//! Reading and writing files is `bangfu-sheet`, the same code as `bangfu screen`.

pub mod files;
pub mod job;
pub mod state;
pub mod views;
pub mod worker;

use std::cell::Cell;
use std::rc::Rc;

use bangfu_policy::calc::screening::Field;
use bangfu_sheet::Run;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::browser;
use job::{open_local, parts_for, run_local, Job, JobEvent, WorkerJob};
use state::{remap, Filters, Loaded, SavedMapping};
use worker::RunRequest;

#[derive(Properties, PartialEq, Clone)]
pub struct ScreeningProps {
    #[prop_or(2024)]
    pub year: i32,
    #[prop_or_default]
    pub large_text: bool,
    /// The check date as the page pins it; else the device's date.
    #[prop_or_default]
    pub date: Option<AttrValue>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    Pick,
    Reading,
    Mapping,
    Running { done: usize, total: usize },
    Done { cancelled: bool },
}

#[component]
pub fn ScreeningApp(props: &ScreeningProps) -> Html {
    let stage = use_state(|| Stage::Pick);
    let error = use_state(|| None::<String>);
    let loaded = use_state(|| None::<Rc<Loaded>>);
    let results = use_state(|| Rc::new(Run::default()));
    let filters = use_state(Filters::default);
    // The running job (workers, or the page itself), the run so far, rows done of the total,
    // and the workers still screening.
    let job = use_mut_ref(|| None::<Job>);
    let tally = use_mut_ref(Run::default);
    let total = use_mut_ref(|| 0usize);
    let done = use_mut_ref(|| 0usize);
    let remaining = use_mut_ref(|| 0usize);
    let root = use_node_ref();
    let today = props
        .date
        .as_ref()
        .and_then(|d| bangfu_policy::text::parse_date(d).ok())
        .or_else(|| bangfu_policy::text::parse_date(&browser::today()).ok())
        .unwrap_or_default();
    let year = props.year;

    // What the job reports. (A job is never dropped from inside its own report.)
    let on_event = {
        let (stage, error, loaded, results, job, tally, total) = (
            stage.clone(),
            error.clone(),
            loaded.clone(),
            results.clone(),
            job.clone(),
            tally.clone(),
            total.clone(),
        );
        let (done, remaining) = (done.clone(), remaining.clone());
        Callback::from(move |ev: JobEvent| match ev {
            JobEvent::Opened(mut l) => {
                if let Some(json) = files::load_mapping() {
                    SavedMapping::parse(&json).apply(&mut l.mapping, &l.headers);
                }
                loaded.set(Some(Rc::new(*l)));
                stage.set(Stage::Mapping);
            }
            JobEvent::Progress { rows, part } => {
                tally.borrow_mut().merge(part);
                *done.borrow_mut() += rows;
                let total = *total.borrow();
                stage.set(Stage::Running {
                    done: (*done.borrow()).min(total),
                    total,
                });
            }
            JobEvent::Done => {
                let left = remaining.borrow().saturating_sub(1);
                *remaining.borrow_mut() = left;
                if left == 0 {
                    results.set(Rc::new(std::mem::take(&mut *tally.borrow_mut())));
                    stage.set(Stage::Done { cancelled: false });
                }
            }
            JobEvent::Error(e) => {
                if let Some(j) = &*job.borrow() {
                    j.stop();
                }
                error.set(Some(e));
                stage.set(Stage::Pick);
            }
            JobEvent::Unavailable => {}
        })
    };

    // The file read on the page (no worker here).
    let start_local = {
        let (job, on_event) = (job.clone(), on_event.clone());
        Callback::from(move |file: web_sys::File| {
            let (job, on_event) = (job.clone(), on_event.clone());
            yew::platform::spawn_local(async move {
                match open_local(file).await {
                    Ok((local, l)) => {
                        *job.borrow_mut() =
                            Some(Job::Local(Rc::new(local), Rc::new(Cell::new(false))));
                        on_event.emit(JobEvent::Opened(Box::new(l)));
                    }
                    Err(e) => on_event.emit(JobEvent::Error(e)),
                }
            });
        })
    };

    // A file chosen or dropped: a worker reads it (else the page), finds the header and
    // guesses the columns; the remembered mapping is applied when it reports.
    let on_file = {
        let (stage, error, results, job, tally) = (
            stage.clone(),
            error.clone(),
            results.clone(),
            job.clone(),
            tally.clone(),
        );
        let (on_event, start_local) = (on_event.clone(), start_local.clone());
        Callback::from(move |file: web_sys::File| {
            stage.set(Stage::Reading);
            error.set(None);
            results.set(Rc::new(Run::default()));
            *tally.borrow_mut() = Run::default();
            *job.borrow_mut() = None;
            let fell_back = Rc::new(Cell::new(false));
            let events = {
                let (on_event, start_local, file) =
                    (on_event.clone(), start_local.clone(), file.clone());
                Callback::from(move |ev: JobEvent| match ev {
                    JobEvent::Unavailable if !fell_back.replace(true) => {
                        start_local.emit(file.clone())
                    }
                    JobEvent::Unavailable => {}
                    ev => on_event.emit(ev),
                })
            };
            match WorkerJob::start(&file, events, false) {
                Some(w) => *job.borrow_mut() = Some(Job::Workers(vec![w])),
                None => start_local.emit(file),
            }
        })
    };

    let on_remap = {
        let loaded = loaded.clone();
        Callback::from(move |(field, column): (Field, Option<usize>)| {
            if let Some(l) = &*loaded {
                let mut next = (**l).clone();
                remap(&mut next.mapping, field, column);
                loaded.set(Some(Rc::new(next)));
            }
        })
    };

    // Confirmed: remember the mapping, then screen (the worker reports progress in chunks).
    let on_start = {
        let (stage, loaded, job, tally, total, on_event) = (
            stage.clone(),
            loaded.clone(),
            job.clone(),
            tally.clone(),
            total.clone(),
            on_event.clone(),
        );
        let (done, remaining) = (done.clone(), remaining.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(l) = (*loaded).clone() else { return };
            let _ = files::save_mapping(
                &serde_json::to_string(&SavedMapping::of(&l.mapping, &l.headers))
                    .unwrap_or_default(),
            );
            let request = RunRequest {
                mapping: l.mapping.clone(),
                year,
                date: today.to_string(),
                part: 0,
                parts: 1,
            };
            *tally.borrow_mut() = Run::default();
            *total.borrow_mut() = l.data_rows;
            *done.borrow_mut() = 0;
            *remaining.borrow_mut() = 1;
            stage.set(Stage::Running {
                done: 0,
                total: l.data_rows,
            });
            match &mut *job.borrow_mut() {
                Some(Job::Workers(ws)) => {
                    // Helpers open the same file and take every n-th chunk of rows.
                    ws.truncate(1);
                    let helper_events = on_event.reform(|ev| match ev {
                        JobEvent::Unavailable => {
                            JobEvent::Error("核查时出错，请刷新页面后重试".to_string())
                        }
                        ev => ev,
                    });
                    for _ in 1..parts_for(l.data_rows, l.sheet.is_some()) {
                        let file = ws[0].file().clone();
                        if let Some(h) = WorkerJob::start(&file, helper_events.clone(), true) {
                            ws.push(h);
                        }
                    }
                    let parts = ws.len();
                    *remaining.borrow_mut() = parts;
                    for (part, w) in ws.iter().enumerate() {
                        w.run(&RunRequest {
                            part,
                            parts,
                            ..request.clone()
                        });
                    }
                }
                Some(Job::Local(file, cancel)) => {
                    cancel.set(false);
                    yew::platform::spawn_local(run_local(
                        file.clone(),
                        request,
                        cancel.clone(),
                        on_event.clone(),
                    ));
                }
                None => {}
            }
        })
    };

    // Cancel: the worker is ended at once; what it reported so far is shown.
    let on_cancel = {
        let (stage, results, job, tally) =
            (stage.clone(), results.clone(), job.clone(), tally.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(j) = &*job.borrow() {
                j.stop();
            }
            results.set(Rc::new(std::mem::take(&mut *tally.borrow_mut())));
            stage.set(Stage::Done { cancelled: true });
        })
    };
    let on_again = {
        let (stage, loaded, results, filters, job) = (
            stage.clone(),
            loaded.clone(),
            results.clone(),
            filters.clone(),
            job.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            *job.borrow_mut() = None;
            stage.set(Stage::Pick);
            loaded.set(None);
            results.set(Rc::new(Run::default()));
            filters.set(Filters::default());
        })
    };
    let on_filters = {
        let filters = filters.clone();
        Callback::from(move |f: Filters| filters.set(f))
    };
    let on_export = {
        let (results, root, loaded) = (results.clone(), root.clone(), loaded.clone());
        Callback::from(move |xlsx: bool| {
            let Some(node) = root.get() else { return };
            let base = loaded
                .as_ref()
                .map(|l| {
                    l.file_name
                        .rsplit_once('.')
                        .map_or(l.file_name.clone(), |(b, _)| b.to_string())
                })
                .unwrap_or_default();
            if xlsx {
                let bytes = bangfu_sheet::flagged_xlsx(&results);
                files::download_bytes(
                    &node,
                    &format!("{base}-疑点清单.xlsx"),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    &bytes,
                );
            } else {
                let bytes = bangfu_sheet::flagged_csv(&results);
                files::download_bytes(
                    &node,
                    &format!("{base}-疑点清单.csv"),
                    "text/csv;charset=utf-8",
                    &bytes,
                );
            }
        })
    };
    let on_print = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(node) = root.get() {
                browser::dispatch(&node, "bangfu-print", "{}");
            }
        })
    };

    html! {
        <div ref={root.clone()} class={classes!("bf", "bf-screening", props.large_text.then_some("bf-large"))} lang="zh-CN">
            <header class="bf-head">
                <h2>{"批量核查（季度数据核查）"}</h2>
                <p class="bf-sub" data-testid="local-note">{"文件只在本机处理，不会上传。"}{format!("按{year}年监测范围，核查日期 {today}")}</p>
            </header>
            if let Some(e) = &*error {
                <p class="bf-alert bf-status" role="alert" data-testid="file-error">{e.clone()}</p>
            }
            <form class="bf-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            {match &*stage {
                Stage::Pick | Stage::Reading => html! {
                    <views::PickView reading={*stage == Stage::Reading} on_file={on_file.clone()} />
                },
                Stage::Mapping => match &*loaded {
                    Some(l) => views::mapping_view(&views::MappingProps {
                        loaded: l.clone(),
                        on_remap: on_remap.clone(),
                        on_start: on_start.clone(),
                        on_again: on_again.clone(),
                    }),
                    None => html! {},
                },
                Stage::Running { done, total } => html! {
                    <section class="bf-progress" aria-live="polite">
                        <label for="screening-progress">{format!("正在核查：{done} / {total} 行")}</label>
                        <progress id="screening-progress" data-testid="progress" max={total.max(&1).to_string()} value={done.to_string()} />
                        <button type="button" class="btn btn-quiet" data-testid="cancel" onclick={on_cancel}>{"取消"}</button>
                    </section>
                },
                Stage::Done { cancelled } => views::results_view(&views::ResultsProps {
                    results: (*results).clone(),
                    filters: (*filters).clone(),
                    cancelled: *cancelled,
                    on_filters,
                    on_export,
                    on_print,
                    on_again,
                }),
            }}
            </form>
        </div>
    }
}

/// The file of a change event on `<input type=file>`.
pub fn chosen_file(e: &Event) -> Option<web_sys::File> {
    e.target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()?
        .get(0)
}
