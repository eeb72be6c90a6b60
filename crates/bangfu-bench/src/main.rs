//! `bangfu-bench native` prints one JSON object of per-request times of `evaluate` (native,
//! release build) per calculator; `bangfu-bench households N FILE [no-explain]` writes N income requests (with `"explain": false`),
//! one a line, for timing `bangfu eval --batch`; `bangfu-bench requests` prints the requests
//! timed natively, so the browser benchmark times the same ones in wasm.

use std::io::Write;
use std::time::Instant;

use serde_json::{json, Value};

/// Representative requests, one per calculator (the public worked cases' shapes).
pub fn requests() -> Vec<(&'static str, Value)> {
    vec![
        (
            "income",
            json!({ "calculator": "income", "input": { "year": 2024, "household_size": 5, "items": [
            { "category": "wage", "item": "县外务工", "amount": "30000" }, { "category": "wage", "item": "公益性岗位工资", "amount": "6000" },
            { "category": "operating", "item": "肉羊养殖", "amount": "25000" }, { "category": "property", "item": "土地流转租金", "amount": "2400" },
            { "category": "transfer", "item": "养老金", "amount": "3600" }, { "category": "excluded", "item": "危房改造补助", "amount": "15000" } ],
            "operating_expenses": "15000" } }),
        ),
        (
            "eligibility",
            json!({ "calculator": "eligibility", "input": { "date": "2024-06-01", "household": { "kind": "ordinary",
            "gansu_agricultural_hukou": true, "per_capita_net_income": "7066.67", "members": [ { "age": 45, "labour": "full" },
            { "age": 43, "labour": "full" }, { "age": 15, "labour": "none", "student": "high_school" } ] } } }),
        ),
        (
            "deadlines",
            json!({ "calculator": "deadlines", "input": { "procedure": "one_click_report", "applied_on": "2024-04-26", "today": "2024-04-29" } }),
        ),
        (
            "working_days",
            json!({ "calculator": "working_days", "input": { "op": "add", "from": "2024-09-27", "days": 5 } }),
        ),
        (
            "subsidy",
            json!({ "calculator": "subsidy", "input": { "year": 2024, "household": { "kind": "monitored", "gansu_agricultural_hukou": true,
            "on_dibao": true, "members": [ { "age": 60, "labour": "partial" } ] }, "programmes": ["medical_tilt"], "details": { "medical_tilt": {
            "eligible_cost": "80000", "deductible": "5000", "segments": [ { "up_to": "50000", "ratio": "0.60" }, { "up_to": null, "ratio": "0.70" } ] } } } }),
        ),
    ]
}

fn native() {
    let mut out = serde_json::Map::new();
    for (name, request) in requests() {
        let text = request.to_string();
        // Warm up, then time enough runs for a stable figure (JSON text in and out, as the CLI and JS do).
        for _ in 0..200 {
            std::hint::black_box(bangfu_policy::evaluate_str(&text).to_json());
        }
        let runs = 20_000;
        let start = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(
                bangfu_policy::evaluate_str(std::hint::black_box(&text)).to_json(),
            );
        }
        let us = start.elapsed().as_secs_f64() * 1e6 / f64::from(runs);
        out.insert(name.to_string(), json!((us * 100.0).round() / 100.0));
    }
    println!("{}", Value::Object(out));
}

fn households(n: usize, path: &str, explain: bool) -> std::io::Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut x: u64 = 0x9E37_79B9;
    for i in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let size = 1 + x % 6;
        let wage = 5_000 + x % 40_000;
        let crop = (x >> 8) % 20_000;
        let line = json!({ "calculator": "income", "explain": explain, "input": { "year": 2024, "household_size": size, "items": [
            { "category": "wage", "item": "务工", "amount": wage.to_string() },
            { "category": "operating", "item": "种植业", "amount": format!("{crop}.{:02}", i % 100) },
            { "category": "transfer", "item": "养老金", "amount": "1800" } ], "operating_expenses": (crop / 3).to_string() } });
        writeln!(f, "{line}")?;
    }
    f.flush()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["native"] => native(),
        ["requests"] => {
            let all: serde_json::Map<String, Value> = requests()
                .into_iter()
                .map(|(name, request)| (name.to_string(), request))
                .collect();
            println!("{}", Value::Object(all));
        }
        ["households", n, path] | ["households", n, path, "no-explain"] => {
            let explain = args.len() == 3;
            if let Err(e) = households(n.parse().unwrap_or(100_000), path, explain) {
                eprintln!("bangfu-bench: {path}: {e}");
                std::process::exit(1);
            }
        }
        _ => {
            eprintln!("usage: bangfu-bench native | requests | households N FILE [no-explain]");
            std::process::exit(2);
        }
    }
}
