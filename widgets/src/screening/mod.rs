//! `<bangfu-screening>` (批量核查): the quarterly data check of Plan 附件2 第17条 in the
//! browser. The officer drops or chooses the county's household file (XLSX/XLS or CSV in
//! UTF-8 or GBK); it is read on this device, the column guess is confirmed, every row is
//! screened by the engine in chunks (progress bar, cancel), and the flagged households are
//! listed, counted, charted and exported (CSV with BOM, XLSX by township) or printed.
//! Reading and writing files is `bangfu-sheet`, the same code as `bangfu screen`.

pub mod files;
pub mod state;
pub mod views;

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use bangfu_policy::calc::screening::{Field, Thresholds};
use bangfu_policy::params::RuleSet;
use bangfu_sheet::{prepare, read_table, screen_chunk, Screened};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::browser;
use state::{remap, Filters, Loaded, SavedMapping};

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

/// Rows screened between two yields to the page (keeps it responsive, moves the bar).
const CHUNK: usize = 2000;

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
    let results = use_state(|| Rc::new(Vec::<Screened>::new()));
    let filters = use_state(Filters::default);
    let cancel = use_memo((), |_| Cell::new(false));
    let root = use_node_ref();
    let today = props
        .date
        .as_ref()
        .and_then(|d| bangfu_policy::text::parse_date(d).ok())
        .or_else(|| bangfu_policy::text::parse_date(&browser::today()).ok())
        .unwrap_or_default();
    let year = props.year;

    // A file chosen or dropped: read it here, find the header, apply the remembered mapping.
    let on_file = {
        let (stage, error, loaded, results) = (
            stage.clone(),
            error.clone(),
            loaded.clone(),
            results.clone(),
        );
        Callback::from(move |file: web_sys::File| {
            let (stage, error, loaded, results) = (
                stage.clone(),
                error.clone(),
                loaded.clone(),
                results.clone(),
            );
            stage.set(Stage::Reading);
            error.set(None);
            results.set(Rc::new(Vec::new()));
            let name: String = file.name().chars().take(120).collect();
            yew::platform::spawn_local(async move {
                let read = files::read_bytes(file).await.and_then(|bytes| {
                    let table = read_table(&bytes).map_err(|e| e.to_string())?;
                    let prepared = prepare(&table)?;
                    let mut mapping = prepared.layout.mapping.clone();
                    if let Some(json) = files::load_mapping() {
                        SavedMapping::parse(&json).apply(&mut mapping, &prepared.layout.headers);
                    }
                    Ok(Loaded {
                        file_name: name,
                        header_row: prepared.layout.header_row,
                        headers: prepared.layout.headers,
                        data_start: prepared.data_start,
                        mapping,
                        table,
                    })
                });
                match read {
                    Ok(l) => {
                        loaded.set(Some(Rc::new(l)));
                        stage.set(Stage::Mapping);
                    }
                    Err(e) => {
                        error.set(Some(e));
                        stage.set(Stage::Pick);
                    }
                }
            });
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

    // Confirmed: remember the mapping, then screen chunk by chunk, yielding between chunks.
    let on_start = {
        let (stage, loaded, results, cancel, error) = (
            stage.clone(),
            loaded.clone(),
            results.clone(),
            cancel.clone(),
            error.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(l) = (*loaded).clone() else { return };
            let _ = files::save_mapping(
                &serde_json::to_string(&SavedMapping::of(&l.mapping, &l.headers))
                    .unwrap_or_default(),
            );
            let rules = match RuleSet::default_set() {
                Ok(r) => r,
                Err(e) => {
                    error.set(Some(e.message));
                    return;
                }
            };
            let t = Thresholds::resolve(&rules, year);
            cancel.set(false);
            let total = l.data_rows().len();
            stage.set(Stage::Running { done: 0, total });
            let (stage, results, cancel) = (stage.clone(), results.clone(), cancel.clone());
            yew::platform::spawn_local(async move {
                let mut out: Vec<Screened> = Vec::with_capacity(total);
                let mut cancelled = false;
                for (k, chunk) in l.data_rows().chunks(CHUNK).enumerate() {
                    // Let the page paint and take clicks (cancel) between chunks.
                    yew::platform::time::sleep(Duration::from_millis(0)).await;
                    if cancel.get() {
                        cancelled = true;
                        break;
                    }
                    out.extend(screen_chunk(
                        chunk,
                        l.data_start + k * CHUNK,
                        &l.mapping,
                        &t,
                        today,
                    ));
                    stage.set(Stage::Running {
                        done: (k * CHUNK + chunk.len()).min(total),
                        total,
                    });
                }
                results.set(Rc::new(out));
                stage.set(Stage::Done { cancelled });
            });
        })
    };

    let on_cancel = {
        let cancel = cancel.clone();
        Callback::from(move |_: MouseEvent| cancel.set(true))
    };
    let on_again = {
        let (stage, loaded, results, filters) = (
            stage.clone(),
            loaded.clone(),
            results.clone(),
            filters.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            stage.set(Stage::Pick);
            loaded.set(None);
            results.set(Rc::new(Vec::new()));
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
                    Some(l) => html! {
                        <views::MappingView loaded={l.clone()} on_remap={on_remap.clone()}
                            on_start={on_start.clone()} on_again={on_again.clone()} />
                    },
                    None => html! {},
                },
                Stage::Running { done, total } => html! {
                    <section class="bf-progress" aria-live="polite">
                        <label for="screening-progress">{format!("正在核查：{done} / {total} 行")}</label>
                        <progress id="screening-progress" data-testid="progress" max={total.max(&1).to_string()} value={done.to_string()} />
                        <button type="button" class="btn btn-quiet" data-testid="cancel" onclick={on_cancel}>{"取消"}</button>
                    </section>
                },
                Stage::Done { cancelled } => html! {
                    <views::ResultsView results={(*results).clone()} filters={(*filters).clone()}
                        cancelled={*cancelled} on_filters={on_filters} on_export={on_export}
                        on_print={on_print} on_again={on_again} />
                },
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
