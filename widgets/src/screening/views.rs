//! The screening widget's views: choosing the file, confirming the columns, and the flagged
//! households (counts, chart by village, filters, sortable table, export and print).

use std::rc::Rc;

use bangfu_policy::calc::screening::{Field, Flag};
use bangfu_sheet::{Run, Summary};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::state::{flags_by_village, places, visible, Filters, Loaded, SortKey};

/// The printed list's title (also the loader's page-margin title when it is printed).
const PRINT_TITLE: &str = "防止返贫监测数据核查疑点清单";

/// Rows drawn in the table at once (the export always holds every flagged household).
const SHOWN: usize = 500;

#[derive(Properties, PartialEq)]
pub struct PickProps {
    pub reading: bool,
    pub on_file: Callback<web_sys::File>,
}

#[component]
pub fn PickView(props: &PickProps) -> Html {
    let over = use_state(|| false);
    let onchange = {
        let f = props.on_file.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = super::chosen_file(&e) {
                f.emit(file);
            }
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let (f, over) = (props.on_file.clone(), over.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
                f.emit(file);
            }
        })
    };
    // A real button opens the file chooser (keyboard and screen readers reach it); the
    // input itself stays out of sight and out of the tab order.
    let input = use_node_ref();
    let choose = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                i.click();
            }
        })
    };
    html! {
        <section class={classes!("drop", (*over).then_some("drop-over"))} data-testid="drop-zone"
            aria-labelledby="screening-drop-title" {ondragover} {ondragleave} {ondrop}>
            <h3 class="drop-title" id="screening-drop-title">{"第一步：选择农户信息表"}</h3>
            <p class="drop-lead">{"把从系统导出的农户信息表拖到这里，或"}</p>
            <button type="button" class="btn drop-choose" data-testid="choose-file"
                aria-describedby="screening-drop-hint" disabled={props.reading} onclick={choose}>{"选择文件"}</button>
            <input ref={input} id="screening-file" class="drop-input" type="file" data-testid="file-input"
                tabindex="-1" aria-hidden="true" accept=".xlsx,.xls,.csv,.txt" {onchange} />
            <p class="drop-hint" id="screening-drop-hint">{"支持 Excel（.xlsx、.xls）和 CSV（UTF-8 或 GBK）。文件只在本机处理，不会上传。"}</p>
            if props.reading {
                <p role="status" data-testid="reading">{"正在读取文件…"}</p>
            }
        </section>
    }
}

/// What the column mapping step shows and does.
pub struct MappingProps {
    pub loaded: Rc<Loaded>,
    pub on_remap: Callback<(Field, Option<usize>)>,
    pub on_start: Callback<MouseEvent>,
    pub on_again: Callback<MouseEvent>,
}

/// Step two: which column is which, with a preview. A plain function (no hooks), so it costs no
/// component of its own in the bundle.
pub fn mapping_view(props: &MappingProps) -> Html {
    let l = &props.loaded;
    let preview = &l.preview;
    let select = |field: Field| {
        let on_remap = props.on_remap.clone();
        let onchange = Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            on_remap.emit((field, value.parse::<usize>().ok()));
        });
        let chosen = l.mapping.column(field);
        let id = format!("map-{}", field.code());
        html! {
            <tr>
                <th scope="row"><label for={id.clone()}>{field.label()}</label></th>
                <td>
                    <select id={id} data-testid={format!("map-{}", field.code())} {onchange}>
                        <option value="" selected={chosen.is_none()}>{"（表中没有）"}</option>
                        { for l.headers.iter().enumerate().map(|(i, h)| html! {
                            <option value={i.to_string()} selected={chosen == Some(i)}>
                                {format!("第{}列：{}", i + 1, if h.is_empty() { "（无表头）" } else { h })}
                            </option>
                        }) }
                    </select>
                </td>
                <td class="sample">{ for preview.iter().map(|r| html! {
                    <span>{chosen.and_then(|c| r.get(c)).cloned().unwrap_or_default()}</span>
                }) }</td>
            </tr>
        }
    };
    html! {
        <section class="mapping" data-testid="mapping">
            <h3>{"第二步：确认每一列是什么"}</h3>
            <p data-testid="file-summary">{format!(
                "{}：{}{}，表头在第 {} 行，共 {} 行数据，已识别 {} 列。请核对，猜错的可以改；确认后本机会记住。",
                l.file_name, l.format,
                l.sheet.as_ref().map(|s| format!("（工作表“{s}”）")).unwrap_or_default(),
                l.header_row + 1, l.data_rows, l.mapping.found())}</p>
            <table class="map-table">
                <thead><tr><th scope="col">{"核查需要的信息"}</th><th scope="col">{"表中的列"}</th><th scope="col">{"前几行的值"}</th></tr></thead>
                <tbody>{ for Field::ALL.into_iter().map(select) }</tbody>
            </table>
            <div class="actions">
                <button type="button" class="btn" data-testid="start" onclick={props.on_start.clone()}>{"开始核查"}</button>
                <button type="button" class="btn btn-quiet" data-testid="again" onclick={props.on_again.clone()}>{"换一个文件"}</button>
            </div>
        </section>
    }
}

/// What the results step shows and does.
pub struct ResultsProps {
    pub results: Rc<Run>,
    pub filters: Filters,
    pub cancelled: bool,
    pub on_filters: Callback<Filters>,
    pub on_export: Callback<bool>,
    pub on_print: Callback<MouseEvent>,
    pub on_again: Callback<MouseEvent>,
}

fn select_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The flagged households, counted, charted, filtered and sorted. A plain function (no hooks), so it costs no
/// component of its own in the bundle.
pub fn results_view(props: &ResultsProps) -> Html {
    let summary = Summary::of(&props.results);
    let f = &props.filters;
    let flagged = &props.results.flagged;
    let rows = visible(flagged, f);
    let (towns, villages) = places(flagged, &f.township);
    let by_village = flags_by_village(flagged);
    let max = by_village
        .iter()
        .map(|(_, c)| c.iter().sum::<usize>())
        .max()
        .unwrap_or(1)
        .max(1);
    let set = |g: fn(&Filters, String) -> Filters| {
        let (cb, f) = (props.on_filters.clone(), f.clone());
        Callback::from(move |e: Event| cb.emit(g(&f, select_value(&e))))
    };
    let sort = |key: SortKey, label: &'static str, testid: &'static str| {
        let (cb, f) = (props.on_filters.clone(), f.clone());
        let state = if f.sort != key {
            "none"
        } else if f.descending {
            "descending"
        } else {
            "ascending"
        };
        html! {
            <th scope="col" aria-sort={state}>
                <button type="button" class="sort" data-testid={testid}
                    onclick={Callback::from(move |_: MouseEvent| cb.emit(f.sorted_by(key)))}>{label}</button>
            </th>
        }
    };
    let export = |xlsx: bool| {
        let cb = props.on_export.clone();
        Callback::from(move |_: MouseEvent| cb.emit(xlsx))
    };
    html! {
        <section class="results" data-testid="results">
            if props.cancelled {
                <p class="bf-alert bf-status" role="status" data-testid="cancelled">{"已取消：下面只是取消前已核查的部分。"}</p>
            }
            <p class="totals" role="status" data-testid="totals">{format!(
                "核查 {} 户，有疑点 {} 户{}。", summary.screened, summary.flagged,
                if summary.undecidable > 0 { format!("，其中 {} 户因监测范围未配置未能核查（不是“无疑点”）", summary.undecidable) } else { String::new() })}</p>
            <div class="actions">
                <button type="button" class="btn" data-testid="export-xlsx" onclick={export(true)}>{"导出 Excel（按乡镇分表）"}</button>
                <button type="button" class="btn btn-quiet" data-testid="export-csv" onclick={export(false)}>{"导出 CSV"}</button>
                <button type="button" class="btn btn-quiet" data-testid="print" onclick={props.on_print.clone()}>{"打印"}</button>
                <button type="button" class="btn btn-quiet" data-testid="again" onclick={props.on_again.clone()}>{"核查另一个文件"}</button>
            </div>
            <div class="counts">
                <table class="count-table" data-testid="flag-counts">
                    <caption>{"各类疑点户数"}</caption>
                    <tbody>{ for summary.by_flag.iter().map(|(flag, n)| html! {
                        <tr data-flag={flag.code()}><th scope="row">{flag.label()}</th><td>{n}</td></tr>
                    }) }</tbody>
                </table>
                <table class="count-table" data-testid="village-counts">
                    <caption>{"各村有疑点户数"}</caption>
                    <tbody>{ for summary.by_village.iter().map(|((t, v), n)| html! {
                        <tr><th scope="row">{format!("{t} {v}")}</th><td>{n}</td></tr>
                    }) }</tbody>
                </table>
            </div>
            <figure class="chart" data-testid="chart">
                <figcaption>{"各村疑点分布（条长为疑点条数，颜色为疑点类别）"}</figcaption>
                { for by_village.iter().map(|((t, v), counts)| {
                    let total: usize = counts.iter().sum();
                    // SVG lengths, not style attributes: a strict CSP (style-src 'self') drops
                    // inline styles, and the bars would lose their lengths.
                    let mut x = 0.0;
                    html! {
                        <div class="chart-row">
                            <span class="chart-label">{format!("{t} {v}")}</span>
                            <svg class="chart-bar" viewBox="0 0 100 10" preserveAspectRatio="none"
                                role="img" aria-label={format!("{t}{v} 共 {total} 条疑点")}>
                                { for counts.iter().enumerate().filter(|(_, n)| **n > 0).map(|(k, n)| {
                                    let w = (*n as f64 * 100.0 / max as f64).max(0.6);
                                    let at = x;
                                    x += w;
                                    html! {
                                        <rect class={format!("seg seg-{k}")} x={format!("{at:.2}")} y="0"
                                            width={format!("{w:.2}")} height="10">
                                            <title>{format!("{}：{n}", Flag::ALL[k].label())}</title>
                                        </rect>
                                    }
                                }) }
                            </svg>
                            <span class="chart-n">{total}</span>
                        </div>
                    }
                }) }
                <ul class="legend">{ for Flag::ALL.iter().enumerate()
                    .filter(|(k, _)| by_village.iter().any(|(_, c)| c[*k] > 0))
                    .map(|(k, flag)| html! { <li><span class={format!("seg seg-{k}")}></span>{flag.label()}</li> }) }</ul>
            </figure>
            <div class="filters">
                <label>{"乡镇"}
                    <select data-testid="filter-township" onchange={set(|f, v| Filters { township: v, village: String::new(), ..f.clone() })}>
                        <option value="" selected={f.township.is_empty()}>{"全部"}</option>
                        { for towns.iter().map(|t| html! { <option value={t.clone()} selected={*t == f.township}>{if t.is_empty() { "（未填）" } else { t }}</option> }) }
                    </select></label>
                <label>{"村"}
                    <select data-testid="filter-village" onchange={set(|f, v| Filters { village: v, ..f.clone() })}>
                        <option value="" selected={f.village.is_empty()}>{"全部"}</option>
                        { for villages.iter().map(|v| html! { <option value={v.clone()} selected={*v == f.village}>{if v.is_empty() { "（未填）" } else { v }}</option> }) }
                    </select></label>
                <label>{"疑点"}
                    <select data-testid="filter-flag" onchange={set(|f, v| Filters { flag: v, ..f.clone() })}>
                        <option value="" selected={f.flag.is_empty()}>{"全部"}</option>
                        { for summary.by_flag.iter().map(|(flag, _)| html! { <option value={flag.code()} selected={flag.code() == f.flag}>{flag.label()}</option> }) }
                    </select></label>
            </div>
            <div class="sheet" data-ready="" data-print-title={PRINT_TITLE}>
                <h3 class="print-only">{PRINT_TITLE}</h3>
                <p data-testid="shown">{if rows.len() > SHOWN { format!("共 {} 户，表中显示前 {SHOWN} 户；导出的文件包含全部。", rows.len()) } else { format!("共 {} 户", rows.len()) }}</p>
                <table class="flagged" data-testid="flagged">
                    <thead><tr>
                        {sort(SortKey::Place, "乡镇 / 村", "sort-place")}
                        {sort(SortKey::Row, "行号", "sort-row")}
                        {sort(SortKey::Id, "户编号 / 户主", "sort-id")}
                        {sort(SortKey::Count, "疑点", "sort-count")}
                        <th scope="col">{"说明与依据"}</th>
                    </tr></thead>
                    <tbody>{ for rows.iter().take(SHOWN).map(|s| {
                        let r = &s.result;
                        html! {
                            <tr data-testid="flagged-row" data-id={r.household_id.clone()} data-row={s.row.to_string()}>
                                <td>{format!("{} {}", r.township, r.village)}</td>
                                <td>{s.row}</td>
                                <td>{r.household_id.clone()}<br/>{r.head_name.clone()}</td>
                                <td class="flag-labels">{ for r.flags.iter().map(|f| html! { <span class="chip" data-flag={f.code.clone()}>{f.label.clone()}</span> }) }</td>
                                <td><ol class="flag-notes">{ for r.flags.iter().map(|f| html! {
                                    <li>{f.message.clone()}<span class="clause">{format!("（依据：{}）", f.clause)}</span></li>
                                }) }</ol></td>
                            </tr>
                        }
                    }) }</tbody>
                </table>
            </div>
        </section>
    }
}
