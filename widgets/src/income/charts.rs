//! Two small accessible SVG pictures, drawn from the engine's figures (no chart library):
//! a bar per income category, and a gauge of the per-capita figure against the line.
//! Each has a text alternative that says what the picture shows.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::ui::svg::{amount, scale};

/// Horizontal bars of the four counted categories, `rows` as (label, amount as a two-decimal
/// string). Bar lengths are a picture only; the figures beside them are the engine's strings.
/// A plain function (no hooks), so it costs no component of its own in the bundle.
pub fn category_bars(rows: &[(&'static str, String)]) -> Html {
    let max = rows
        .iter()
        .map(|(_, v)| amount(v))
        .fold(Decimal::ONE, Decimal::max);
    const ROW_H: usize = 32;
    let height = ROW_H * rows.len() + 4;
    let summary = rows
        .iter()
        .map(|(l, v)| format!("{l} {v} 元"))
        .collect::<Vec<_>>()
        .join("，");
    let title = format!("各类收入：{summary}");
    html! {
        <svg class="chart chart-bars" viewBox={format!("0 0 320 {height}")} role="img"
            aria-label={title.clone()} data-testid="chart-bars">
            <title>{title}</title>
            { for rows.iter().enumerate().map(|(i, (label, value))| {
                let y = i * ROW_H + 2;
                // Labels up to seven characters at 15 units, bars up to 120, the figure after.
                let w = scale(amount(value), max, 120).max(1);
                html! {
                    <g>
                        <text x="0" y={(y + 21).to_string()} class="chart-label">{*label}</text>
                        <rect x="112" y={(y + 7).to_string()} width={w.to_string()} height="18" rx="2" class={format!("bar bar-{i}")} />
                        <text x={(117 + w).to_string()} y={(y + 21).to_string()} class="chart-value">{value.clone()}</text>
                    </g>
                }
            }) }
        </svg>
    }
}

/// A scale from 0 to about twice the line, the line marked, the household's figure marked;
/// `range` is None when the year's range is not configured. A plain function (no hooks).
pub fn gauge(per_capita: &str, range: Option<&str>) -> Html {
    let value = amount(per_capita);
    let line = range.map(amount);
    let times = |v: Decimal, k: Decimal| v.checked_mul(k).unwrap_or(Decimal::MAX);
    let top = match line {
        Some(l) => times(l, Decimal::TWO).max(times(value, Decimal::new(11, 1))),
        None => times(value, Decimal::new(125, 2)),
    }
    .max(Decimal::ONE);
    let x = |v: Decimal| 10 + scale(v, top, 300);
    let label = match (range, line) {
        (Some(r), Some(l)) if value < l => {
            format!("人均纯收入 {} 元，低于监测范围 {r} 元", per_capita)
        }
        (Some(r), Some(_)) => format!("人均纯收入 {} 元，不低于监测范围 {r} 元", per_capita),
        _ => format!("人均纯收入 {} 元（监测范围未配置）", per_capita),
    };
    let below = line.is_some_and(|l| value < l);
    html! {
        <svg class="chart chart-gauge" viewBox="0 0 320 64" role="img" aria-label={label.clone()} data-testid="chart-gauge">
            <title>{label}</title>
            <rect x="10" y="22" width="300" height="14" rx="7" class="gauge-track" />
            if let Some(l) = line {
                <rect x="10" y="22" width={(x(l) - 10).to_string()} height="14" rx="7" class="gauge-below" />
                <line x1={x(l).to_string()} x2={x(l).to_string()} y1="14" y2="44" class="gauge-line" />
                <text x={x(l).to_string()} y="58" text-anchor="middle" class="chart-label">{"监测范围"}</text>
            }
            <circle cx={x(value).to_string()} cy="29" r="9" class={if below { "gauge-dot gauge-dot-below" } else { "gauge-dot" }} />
            <text x={x(value).clamp(30, 290).to_string()} y="11" text-anchor="middle" class="chart-value">{"本户"}</text>
        </svg>
    }
}
