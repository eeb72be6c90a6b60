//! The duty calendar: a month grid with holidays and make-up days, the recurring duties of a
//! month or a year, the year's working days against the 220-day 驻村 requirement, ICS export.

use std::rc::Rc;

use bangfu_policy::dates::parse_iso;
use bangfu_policy::Response;
use serde_json::Value;
use yew::prelude::*;

use super::case_view::{case_events, STAGE_KEYS};
use super::state::{case_request, duties_request, Action, Case, PlannerForm};
use crate::ui::browser;
use crate::ui::engine::{label, text as s};
use crate::ui::field::{check_field, select_field, CheckField, SelectField};
use crate::ui::ics;
use bangfu_policy::calc::deadlines::Status;

#[derive(Properties, PartialEq, Clone)]
pub struct CalendarProps {
    pub form: UseReducerHandle<PlannerForm>,
    pub root: NodeRef,
    /// The cases saved on this device: their due dates go on the calendar and into the export.
    pub cases: Rc<Vec<Case>>,
}

/// One due date of a saved case, for the calendar.
#[derive(Clone, PartialEq)]
struct CaseDue {
    date: String,
    /// "三组 王家：入户核查期限"
    what: String,
    status: String,
}

/// The open due dates of every saved case as of `today`, and their ICS events.
fn case_dues(cases: &[Case], today: &str, allow_estimate: bool) -> (Vec<CaseDue>, Vec<ics::Event>) {
    let mut dues = Vec::new();
    let mut events = Vec::new();
    for c in cases {
        let r = bangfu_policy::evaluate(&case_request(c, today, allow_estimate));
        let Some(res) = r.result.as_ref().filter(|_| r.ok) else {
            continue;
        };
        let name = if c.name.trim().is_empty() {
            format!("{} 申报", c.applied_on)
        } else {
            c.name.clone()
        };
        for k in STAGE_KEYS {
            let Some(st) = res
                .get("stages")
                .and_then(|v| v.get(k))
                .filter(|v| !v.is_null())
            else {
                continue;
            };
            let status = s(st, "status");
            if status == "done" {
                continue;
            }
            dues.push(CaseDue {
                date: s(st, "due"),
                what: format!("{name}：{}期限", s(st, "label")),
                status,
            });
        }
        events.extend(case_events(c, res));
    }
    dues.sort_by(|a, b| a.date.cmp(&b.date));
    (dues, events)
}

/// A month grid, Monday first; each cell says what the day is, and marks duties and the due
/// dates of saved cases.
fn month_grid(days: &[Value], duty_dates: &[String], dues: &[CaseDue]) -> Html {
    let first_weekday = days
        .first()
        .and_then(|d| parse_iso(&s(d, "date")))
        .map_or(0, |d| {
            chrono::Datelike::weekday(&d).num_days_from_monday() as usize
        });
    let mut cells: Vec<Option<&Value>> = vec![None; first_weekday];
    cells.extend(days.iter().map(Some));
    while cells.len() % 7 != 0 {
        cells.push(None);
    }
    html! {
        <table class="month" data-testid="month-grid">
            <caption>{"本月日历（休＝法定节假日，班＝调休上班）"}</caption>
            <thead><tr>{ for ["一", "二", "三", "四", "五", "六", "日"].iter().map(|d| html! { <th scope="col">{*d}</th> }) }</tr></thead>
            <tbody>
                { for cells.chunks(7).map(|week| html! {
                    <tr>{ for week.iter().map(|cell| match cell {
                        None => html! { <td></td> },
                        Some(d) => {
                            let date = s(d, "date");
                            let day: u32 = date.get(8..).and_then(|x| x.parse().ok()).unwrap_or(0);
                            let kind = s(d, "kind");
                            let name = s(d, "name");
                            let (mark, words) = match kind.as_str() {
                                "holiday" => ("休", format!("{name}假期")),
                                "makeup" => ("班", format!("{name}调休上班")),
                                "weekend" => ("", "周末".to_string()),
                                _ => ("", "工作日".to_string()),
                            };
                            let has_duty = duty_dates.contains(&date);
                            let case_due: Vec<&CaseDue> = dues.iter().filter(|c| c.date == date).collect();
                            let due_words: String = case_due.iter().map(|c| format!("，{}", c.what)).collect();
                            html! {
                                <td class={classes!(format!("day-{kind}"), has_duty.then_some("day-duty"), (!case_due.is_empty()).then_some("day-case"))}
                                    aria-label={format!("{day}日，{words}{}{due_words}", if has_duty { "，有工作事项" } else { "" })}
                                    data-testid={format!("day-{date}")}>
                                    <span class="day-no">{day}</span>
                                    if !mark.is_empty() { <span class="day-mark">{mark}</span> }
                                    if has_duty { <span class="day-dot" aria-hidden="true">{"●"}</span> }
                                    if !case_due.is_empty() { <span class="day-case-mark" aria-hidden="true">{"案"}</span> }
                                </td>
                            }
                        }
                    }) }</tr>
                }) }
            </tbody>
        </table>
    }
}

#[component]
pub fn CalendarView(props: &CalendarProps) -> Html {
    let form = &props.form;
    let response: Rc<Response> = use_memo(
        (form.year.clone(), form.month.clone(), form.allow_estimate),
        |(y, m, e)| bangfu_policy::evaluate(&duties_request(y, m, *e)),
    );
    let set_year = {
        let d = form.dispatcher();
        Callback::from(move |v: String| d.dispatch(Action::SetYear(v)))
    };
    let set_month = {
        let d = form.dispatcher();
        Callback::from(move |v: String| d.dispatch(Action::SetMonth(v)))
    };
    let estimate = {
        let d = form.dispatcher();
        Callback::from(move |on: bool| d.dispatch(Action::SetEstimate(on)))
    };
    let mut years: Vec<(AttrValue, AttrValue)> = bangfu_policy::calendar::known_years()
        .chain(std::iter::once(
            bangfu_policy::calendar::known_years().max().unwrap_or(2026) + 1,
        ))
        .map(|y| {
            (
                AttrValue::from(y.to_string()),
                AttrValue::from(format!("{y} 年")),
            )
        })
        .collect();
    if !years.iter().any(|(v, _)| v.as_str() == form.year) {
        years.push((form.year.clone().into(), format!("{} 年", form.year).into()));
    }
    let mut months = vec![(AttrValue::Static(""), AttrValue::Static("全年"))];
    months.extend((1..=12).map(|m| {
        (
            AttrValue::from(m.to_string()),
            AttrValue::from(format!("{m} 月")),
        )
    }));
    let calendar_missing = response
        .errors
        .iter()
        .any(|e| e.code == bangfu_policy::ErrorCode::CalendarNotPublished);

    let body = match response.result.as_ref().filter(|_| response.ok) {
        Some(res) => {
            let duties = res
                .get("duties")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let days = res
                .get("days")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let duty_dates: Vec<String> = duties.iter().map(|d| s(d, "date")).collect();
            let (dues, case_ics) = case_dues(&props.cases, &form.today, form.allow_estimate);
            let period = if form.month.is_empty() {
                form.year.to_string()
            } else {
                format!("{}-{:0>2}", form.year, form.month)
            };
            let dues_here: Vec<CaseDue> = dues
                .iter()
                .filter(|d| d.date.starts_with(&period))
                .cloned()
                .collect();
            let working = res
                .get("working_days_in_year")
                .and_then(Value::as_u64)
                .unwrap_or(0);
            let estimated = res
                .get("estimated")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let export = {
                let (root, duties, case_ics) =
                    (props.root.clone(), duties.clone(), case_ics.clone());
                let title = format!(
                    "{}年{}工作日历",
                    form.year,
                    if form.month.is_empty() {
                        String::new()
                    } else {
                        format!("{}月", form.month)
                    }
                );
                Callback::from(move |_: MouseEvent| {
                    // One file: the duties and every saved case's open deadlines.
                    let mut events: Vec<ics::Event> = duties
                        .iter()
                        .enumerate()
                        .filter_map(|(i, d)| {
                            Some(ics::Event {
                                uid: format!("duty-{}-{i}@bangfu", s(d, "date")),
                                date: parse_iso(&s(d, "date"))?,
                                summary: s(d, "task"),
                                description: format!("依据：{}", s(d, "source")),
                            })
                        })
                        .collect();
                    events.extend(case_ics.iter().cloned());
                    if let Some(node) = root.get() {
                        let text = ics::calendar(&title, &events, &browser::utc_stamp());
                        browser::download(
                            &node,
                            "工作日历.ics",
                            "text/calendar;charset=utf-8",
                            &text,
                        );
                    }
                })
            };
            html! {
                <div class="bf-result" data-testid="calendar-result">
                    if estimated {
                        <p class="verdict verdict-unknown" data-testid="estimated">{format!("估算：{}年节假日安排尚未发布，只按周末计算", form.year)}</p>
                    }
                    <p data-testid="working-days">{format!("{}年共有 {working} 个工作日；驻村工作每年不少于 {} 个工作日（含因公出差、开会和培训）。", form.year, res.get("village_stay_required_days").and_then(Value::as_u64).map_or("（未配置）".to_string(), |n| n.to_string()))}</p>
                    if let Some(doc) = res.get("calendar_document").and_then(Value::as_str) {
                        <p class="bf-note">{"节假日依据："}{doc.to_string()}</p>
                    }
                    if !days.is_empty() { {month_grid(&days, &duty_dates, &dues)} }
                    if !dues_here.is_empty() {
                        <h3>{"本机保存的案件期限"}</h3>
                        <ul class="duties case-dues" data-testid="case-dues">
                            { for dues_here.iter().map(|d| html! {
                                <li class="duty">
                                    <span class="duty-date">{d.date.clone()}</span>{" "}{d.what.clone()}{" "}
                                    <span class={format!("badge badge-{}", d.status)}>{label(&Value::String(d.status.clone()), Status::label, "")}</span>
                                </li>
                            }) }
                        </ul>
                    }
                    if !dues_here.is_empty() { <h3>{"工作事项"}</h3> }
                    <ul class="duties" data-testid="duties">
                        { for duties.iter().map(|d| {
                            let moved = s(d, "suggested_date") != s(d, "date");
                            html! {
                                <li class={format!("duty duty-{}", s(d, "recurrence"))}>
                                    <span class="duty-date">{s(d, "date")}</span>{" "}{s(d, "task")}
                                    if moved {
                                        <span class="bf-note" data-testid="suggested">{ if s(d, "kind") == "window_start" { "（当天不是工作日，从 " } else { "（当天不是工作日，建议最晚 " } }
                                        <span class="date">{s(d, "suggested_date")}</span>
                                        { if s(d, "kind") == "window_start" { " 起办理）" } else { " 办好）" } }</span>
                                    }
                                    <span class="step-source">{" 依据："}{s(d, "source")}</span>
                                </li>
                            }
                        }) }
                    </ul>
                    <div class="actions">
                        <button type="button" class="btn btn-quiet" onclick={export} data-testid="export-duties">
                            { if props.cases.is_empty() { "导出到手机日历（ICS）" } else { "导出工作事项和案件期限到手机日历（ICS）" } }</button>
                    </div>
                </div>
            }
        }
        None => html! {
            <div class="bf-result bf-result-empty" data-testid="calendar-result">
                if calendar_missing {
                    <p class="bf-status" data-testid="not-published">{format!("{}年的节假日安排尚未发布，无法准确计算工作日。可勾选下方“按周末估算”，结果会标明“估算”。", form.year)}</p>
                }
                {super::error_list(&response)}
            </div>
        },
    };
    html! {
        <section class="calendar" data-testid="calendar">
            <div class="pair">
                { select_field(&SelectField { id: "cal-year".into(), label: "年份".into(), value: form.year.clone().into(),
                    options: years, onchange: set_year, testid: "cal-year".into(), ..Default::default() }) }
                { select_field(&SelectField { id: "cal-month".into(), label: "月份".into(), value: form.month.clone().into(),
                    options: months, onchange: set_month, testid: "cal-month".into(), ..Default::default() }) }
            </div>
            if calendar_missing || form.allow_estimate {
                { check_field(&CheckField { id: "cal-estimate".into(), label: "按周末估算（节假日安排未发布时）".into(),
                    checked: form.allow_estimate, onchange: estimate, testid: "cal-estimate".into(), ..Default::default() }) }
            }
            {body}
        </section>
    }
}
