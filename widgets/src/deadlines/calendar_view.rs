//! The duty calendar: a month grid with holidays and make-up days, the recurring duties of a
//! month or a year, the year's working days against the 220-day 驻村 requirement, ICS export.

use std::rc::Rc;

use bangfu_policy::Response;
use serde_json::Value;
use yew::prelude::*;

use super::state::{duties_request, Action, PlannerForm};
use crate::ui::browser;
use crate::ui::engine::text as s;
use crate::ui::field::{CheckField, SelectField};
use crate::ui::ics;

#[derive(Properties, PartialEq, Clone)]
pub struct CalendarProps {
    pub form: UseReducerHandle<PlannerForm>,
    pub root: NodeRef,
}

/// A month grid, Monday first; each cell says what the day is.
fn month_grid(days: &[Value], duty_dates: &[String]) -> Html {
    let first_weekday = days
        .first()
        .and_then(|d| s(d, "date").parse::<chrono::NaiveDate>().ok())
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
                            html! {
                                <td class={classes!(format!("day-{kind}"), has_duty.then_some("day-duty"))}
                                    aria-label={format!("{day}日，{words}{}", if has_duty { "，有工作事项" } else { "" })}
                                    data-testid={format!("day-{date}")}>
                                    <span class="day-no">{day}</span>
                                    if !mark.is_empty() { <span class="day-mark">{mark}</span> }
                                    if has_duty { <span class="day-dot" aria-hidden="true">{"●"}</span> }
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
            let working = res
                .get("working_days_in_year")
                .and_then(Value::as_u64)
                .unwrap_or(0);
            let estimated = res
                .get("estimated")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let export = {
                let (root, duties) = (props.root.clone(), duties.clone());
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
                    let events: Vec<ics::Event> = duties
                        .iter()
                        .enumerate()
                        .filter_map(|(i, d)| {
                            Some(ics::Event {
                                uid: format!("duty-{}-{i}@bangfu", s(d, "date")),
                                date: s(d, "date").parse().ok()?,
                                summary: s(d, "task"),
                                description: format!("依据：{}", s(d, "source")),
                            })
                        })
                        .collect();
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
                    if !days.is_empty() { {month_grid(&days, &duty_dates)} }
                    <ul class="duties" data-testid="duties">
                        { for duties.iter().map(|d| {
                            let moved = s(d, "suggested_date") != s(d, "date");
                            html! {
                                <li class={format!("duty duty-{}", s(d, "recurrence"))}>
                                    <span class="duty-date">{s(d, "date")}</span>{" "}{s(d, "task")}
                                    if moved {
                                        <span class="bf-note" data-testid="suggested">{ if s(d, "kind") == "window_start" {
                                            format!("（当天不是工作日，从 {} 起办理）", s(d, "suggested_date"))
                                        } else {
                                            format!("（当天不是工作日，建议最晚 {} 办好）", s(d, "suggested_date"))
                                        } }</span>
                                    }
                                    <span class="step-source">{" 依据："}{s(d, "source")}</span>
                                </li>
                            }
                        }) }
                    </ul>
                    <div class="actions">
                        <button type="button" class="btn btn-quiet" onclick={export} data-testid="export-duties">{"导出到手机日历（ICS）"}</button>
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
                <SelectField id="cal-year" label="年份" value={form.year.clone()} options={years} onchange={set_year} testid="cal-year" />
                <SelectField id="cal-month" label="月份" value={form.month.clone()} options={months} onchange={set_month} testid="cal-month" />
            </div>
            if calendar_missing || form.allow_estimate {
                <CheckField id="cal-estimate" label="按周末估算（节假日安排未发布时）" checked={form.allow_estimate}
                    onchange={estimate} testid="cal-estimate" />
            }
            {body}
        </section>
    }
}
