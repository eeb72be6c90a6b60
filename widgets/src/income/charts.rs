//! Two small accessible SVG pictures, drawn from the engine's figures (no chart library):
//! a bar per income category, and a gauge of the per-capita figure against the line.
//! Each has a text alternative that says what the picture shows.

use std::str::FromStr;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

fn number(text: &str) -> f64 {
    Decimal::from_str(text)
        .ok()
        .and_then(|d| d.to_f64())
        .unwrap_or(0.0)
}

#[derive(Properties, PartialEq, Clone)]
pub struct CategoryBarsProps {
    /// (label, amount as a two-decimal string)
    pub rows: Vec<(&'static str, String)>,
}

/// Horizontal bars of the four counted categories. Bar lengths are a picture only; the
/// figures beside them are the engine's strings.
#[component]
pub fn CategoryBars(props: &CategoryBarsProps) -> Html {
    let max = props
        .rows
        .iter()
        .map(|(_, v)| number(v))
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let row_h = 32.0;
    let height = row_h * props.rows.len() as f64 + 4.0;
    let summary = props
        .rows
        .iter()
        .map(|(l, v)| format!("{l} {v} 元"))
        .collect::<Vec<_>>()
        .join("，");
    html! {
        <svg class="chart chart-bars" viewBox={format!("0 0 320 {height}")} role="img"
            aria-label={format!("各类收入：{summary}")} data-testid="chart-bars">
            <title>{format!("各类收入：{summary}")}</title>
            { for props.rows.iter().enumerate().map(|(i, (label, value))| {
                let y = i as f64 * row_h + 2.0;
                // Labels up to seven characters at 15 units, bars up to 120, the figure after.
                let w = (number(value).max(0.0) / max * 120.0).max(1.0);
                html! {
                    <g>
                        <text x="0" y={format!("{}", y + 21.0)} class="chart-label">{*label}</text>
                        <rect x="112" y={format!("{}", y + 7.0)} width={format!("{w:.1}")} height="18" rx="2" class={format!("bar bar-{i}")} />
                        <text x={format!("{:.1}", 117.0 + w)} y={format!("{}", y + 21.0)} class="chart-value">{value.clone()}</text>
                    </g>
                }
            }) }
        </svg>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct GaugeProps {
    pub per_capita: String,
    /// None when the year's range is not configured.
    pub range: Option<String>,
}

/// A scale from 0 to about twice the line, the line marked, the household's figure marked.
#[component]
pub fn Gauge(props: &GaugeProps) -> Html {
    let value = number(&props.per_capita);
    let line = props.range.as_deref().map(number);
    let top = line
        .map_or(value * 1.25, |l| (l * 2.0).max(value * 1.1))
        .max(1.0);
    let x = |v: f64| 10.0 + (v.clamp(0.0, top) / top) * 300.0;
    let label = match (&props.range, line) {
        (Some(r), Some(l)) if value < l => {
            format!("人均纯收入 {} 元，低于监测范围 {r} 元", props.per_capita)
        }
        (Some(r), Some(_)) => format!("人均纯收入 {} 元，不低于监测范围 {r} 元", props.per_capita),
        _ => format!("人均纯收入 {} 元（监测范围未配置）", props.per_capita),
    };
    let below = line.is_some_and(|l| value < l);
    html! {
        <svg class="chart chart-gauge" viewBox="0 0 320 64" role="img" aria-label={label.clone()} data-testid="chart-gauge">
            <title>{label}</title>
            <rect x="10" y="22" width="300" height="14" rx="7" class="gauge-track" />
            if let Some(l) = line {
                <rect x="10" y="22" width={format!("{:.1}", x(l) - 10.0)} height="14" rx="7" class="gauge-below" />
                <line x1={format!("{:.1}", x(l))} x2={format!("{:.1}", x(l))} y1="14" y2="44" class="gauge-line" />
                <text x={format!("{:.1}", x(l))} y="58" text-anchor="middle" class="chart-label">{"监测范围"}</text>
            }
            <circle cx={format!("{:.1}", x(value))} cy="29" r="9" class={if below { "gauge-dot gauge-dot-below" } else { "gauge-dot" }} />
            <text x={format!("{:.1}", x(value).clamp(30.0, 290.0))} y="11" text-anchor="middle" class="chart-value">{"本户"}</text>
        </svg>
    }
}
