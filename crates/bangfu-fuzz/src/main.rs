//! `bangfu-fuzz [COUNT] [SEED]`: mutates valid requests of every calculator (replacing values
//! with what people type, huge numbers, deep nesting, wrong types; dropping fields), runs each
//! through `bangfu_policy::evaluate`, and checks that nothing panics and that the invariants
//! hold: per-capita × size = net income within rounding, a working-day sum lands on a working
//! day after its start, no deadline precedes its trigger, no subsidy amount is negative.
//! Exits 1 on any failure, printing the request that caused it.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TYPED: &[&str] = &[
    "",
    " ",
    "0",
    "1",
    "-1",
    "7800",
    "7800.00",
    "7799.995",
    "３.６万",
    "36,000",
    "1,2,3",
    "1e9",
    "NaN",
    "Infinity",
    "99999999999999999999999999999",
    "0.001",
    "万",
    "3.6万万",
    "￥120元",
    "八千",
    "🙂",
    "2024/2/30",
    "2024-13-01",
    "2024年5月1日",
    "2027-03-01",
    "1900-01-01",
    "9999-12-31",
    "full",
    "none",
    "partial",
    "monitored",
    "ordinary",
    "poverty_alleviated",
    "gansu-2023",
    "one_click_report",
    "duties",
    "add",
    "count",
    "is_working_day",
    "wage",
    "excluded",
    "慰问金",
    "36.000",
    "risk_eliminated",
    "secondary_vocational",
    "higher_vocational",
    "undergraduate",
    "total_cost",
    "above_deductible",
    "natural_disaster",
    "医保报销",
    "\u{0}",
    "\u{202e}",
    "null",
    "true",
    "[]",
    "{}",
];

fn random_value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 6 { 6 } else { 9 }) {
        0 => Value::Null,
        1 => json!(rng.below(2) == 0),
        2 => json!((rng.next() as i64) >> rng.below(64)),
        3 => json!(f64::from_bits(rng.next()).clamp(-1e308, 1e308)),
        4 | 5 => json!(rng.pick(TYPED)),
        6 => json!("9".repeat(rng.below(400))),
        7 => Value::Array(
            (0..rng.below(5))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let mut m = serde_json::Map::new();
            for _ in 0..rng.below(5) {
                let k = rng
                    .pick(&[
                        "amount", "age", "labour", "category", "up_to", "ratio", "x", "date",
                    ])
                    .to_string();
                m.insert(k, random_value(rng, depth + 1));
            }
            Value::Object(m)
        }
    }
}

/// Deeply nested arrays, to probe recursion limits.
fn deep(rng: &mut Rng) -> Value {
    let mut v = json!(1);
    for _ in 0..rng.below(200) {
        v = json!([v]);
    }
    v
}

/// Replaces one random node of `v` (or its child) with something else.
fn mutate(v: &mut Value, rng: &mut Rng, depth: usize) {
    let go_deeper = rng.below(3) != 0 && depth < 8;
    match v {
        Value::Object(m) if !m.is_empty() => {
            let keys: Vec<String> = m.keys().cloned().collect();
            let k = rng.pick(&keys).clone();
            match rng.below(6) {
                0 => {
                    m.remove(&k);
                }
                1 => {
                    m.insert(
                        k,
                        if rng.below(10) == 0 {
                            deep(rng)
                        } else {
                            random_value(rng, depth)
                        },
                    );
                }
                _ if go_deeper => {
                    if let Some(child) = m.get_mut(&k) {
                        mutate(child, rng, depth + 1);
                    }
                }
                _ => {
                    m.insert(k, random_value(rng, depth));
                }
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let i = rng.below(a.len());
            match rng.below(5) {
                0 => {
                    a.remove(i);
                }
                1 => {
                    let copy = a[i].clone();
                    for _ in 0..rng.below(50) {
                        a.push(copy.clone());
                    }
                }
                _ => mutate(&mut a[i], rng, depth + 1),
            }
        }
        _ => *v = random_value(rng, depth),
    }
}

fn seeds() -> Vec<Value> {
    vec![
        json!({ "calculator": "income", "input": { "year": 2024, "household_size": 3,
            "members": [ { "age": 40, "labour": "full" }, { "age": 14, "labour": "none" } ],
            "items": [ { "category": "wage", "item": "县内务工", "amount": "12000", "member": 1 },
                       { "category": "operating", "item": "种植业", "amount": "8000", "expense": "2000" },
                       { "category": "transfer", "item": "低保金", "amount": "4200" },
                       { "category": "excluded", "item": "危房改造补助", "amount": "15000" } ],
            "operating_expenses": "3000", "rigid_expenditure": "1000", "previous_per_capita_net_income": "8000" } }),
        json!({ "calculator": "working_days", "input": { "op": "add", "from": "2024-09-27", "days": 5 } }),
        json!({ "calculator": "working_days", "input": { "op": "count", "from": "2024-01-01", "to": "2026-12-31" } }),
        json!({ "calculator": "deadlines", "input": { "procedure": "one_click_report", "applied_on": "2024-04-26",
            "checked_on": "2024-04-30", "identified_on": "2024-05-08", "today": "2024-05-06", "profile": "gansu-2023" } }),
        json!({ "calculator": "deadlines", "input": { "procedure": "duties", "year": 2025, "month": 2 } }),
        json!({ "calculator": "eligibility", "input": { "date": "2024-06-01", "household": { "kind": "monitored",
            "gansu_agricultural_hukou": true, "per_capita_net_income": "7500", "rigid_expenditure": "3000",
            "risks": ["illness"], "members": [ { "age": 52, "labour": "full", "disability": "severe", "student": "college" } ],
            "monitoring": { "identified_on": "2023-10-01", "measures_in_place": 2, "income_stable_months": 8,
                "income_above_range": true } } } }),
        json!({ "calculator": "subsidy", "overrides": { "seven_not_eliminate_items": ["x"] }, "input": { "year": 2024,
            "household": { "kind": "monitored", "gansu_agricultural_hukou": true, "on_dibao": true,
                "members": [ { "age": 40, "labour": "full", "student": "vocational" } ] },
            "details": { "medical_tilt": { "eligible_cost": "80000", "deductible": "5000",
                "segments": [ { "up_to": "50000", "ratio": "0.6" }, { "up_to": null, "ratio": "0.7" } ] },
                "microcredit": { "principal": "50000", "years": 3, "loan_date": "2024-11-01", "subsidy_ratio": "1" },
                "transport": { "destination": "other_province", "months_worked": 3 }, "yulu": { "years_remaining": 2 } } } }),
        // Revision 2 inputs.
        json!({ "calculator": "eligibility", "overrides": { "monitoring_range.2026": { "value": "8200", "source": "县文件" } },
            "input": { "date": "2026-06-01", "household": { "kind": "risk_eliminated",
            "gansu_agricultural_hukou": false, "relocated_13th_fyp": true, "per_capita_net_income": "8200.00",
            "household_size": 3, "rigid_expenditure": "900", "on_dibao": true, "dibao_class": 2, "sudden_accident": true,
            "risks": ["natural_disaster"], "members": [ { "age": 40, "labour": "none" }, { "age": 12, "labour": "none", "student": "secondary_vocational" } ],
            "monitoring": { "identified_on": "2023-10-01", "eliminated_on": "2025-01-01", "seven_not_eliminate_checked": true } } } }),
        json!({ "calculator": "eligibility", "input": { "date": "2025-06-01", "household": { "kind": "monitored",
            "gansu_agricultural_hukou": true, "per_capita_net_income": "7800", "members": [ { "age": 70, "labour": "partial" } ],
            "monitoring": { "identified_on": "2022-01-01", "measures_in_place": 1, "seven_not_eliminate_checked": false } } } }),
        json!({ "calculator": "subsidy", "input": { "year": 2026, "household": { "kind": "ordinary", "on_dibao": true,
            "orphan": true, "on_dibao_marginal": true, "holds_public_welfare_job": true, "months_worked_away": 4,
            "members": [ { "age": 19, "labour": "none", "student": "undergraduate", "disability": "mild" } ] },
            "details": { "medical_tilt": { "eligible_cost": "80000", "deductible": "5000", "bands_measured_on": "total_cost",
                "segments": [ { "up_to": "50000", "ratio": "0.6" }, { "up_to": null, "ratio": "0.7" } ] },
                "microcredit": { "principal": "60000", "years": 2, "loan_date": "2026-01-05" } } } }),
        json!({ "calculator": "deadlines", "input": { "procedure": "one_click_report", "applied_on": "2026-12-20",
            "checked_on": "2026-12-28", "identified_on": "2027-01-03", "plan_done_on": "2027-01-20", "today": "2027-01-04" } }),
    ]
}

fn dec(v: &Value) -> Option<Decimal> {
    Decimal::from_str(v.as_str()?).ok()
}

/// (r2) Three answers: a `null` never comes with a firm reason; an elimination answer agrees
/// with its lists.
fn eligibility_invariants(r: &Value) -> Option<String> {
    if r["in_scope"].is_null() && (!r["out_of_scope_reason"].is_null() || r["advice"].is_null()) {
        return Some(format!(
            "in_scope null with a firm reason or without advice: {r}"
        ));
    }
    if r["in_scope"] == json!(false) && r["out_of_scope_reason"].is_null() {
        return Some("a no without its reason".into());
    }
    let el = &r["risk_elimination"];
    if el.is_null() {
        return None;
    }
    let (unmet, unknown) = (
        el["unmet"].as_array()?.len(),
        el["unknown"].as_array()?.len(),
    );
    let ok = match el["eligible"].as_bool() {
        Some(true) => unmet == 0 && unknown == 0,
        Some(false) => unmet > 0,
        None => unmet == 0 && unknown > 0,
    };
    (!ok).then(|| {
        format!(
            "elimination {} with {unmet} unmet, {unknown} unknown",
            el["eligible"]
        )
    })
}

/// No negative amounts; no amount on a "no"; the total counts only what is eligible.
fn subsidy_invariants(r: &Value) -> Option<String> {
    let estimates = r["estimates"].as_array()?;
    let mut total = Decimal::ZERO;
    for e in estimates {
        if let Some(a) = ["amount", "standard_payout", "interest", "counted"]
            .iter()
            .filter_map(|k| dec(&e[*k]))
            .find(|a| a.is_sign_negative() && !a.is_zero())
        {
            return Some(format!("negative amount {a} in {}", e["programme"]));
        }
        if e["eligible"] == json!(false) && !e["amount"].is_null() {
            return Some(format!("an amount on a no: {e}"));
        }
        if e["eligible"] != json!(true) && !e["counted"].is_null() {
            return Some(format!("counted while not eligible: {e}"));
        }
        total += dec(&e["counted"]).unwrap_or_default();
    }
    (dec(&r["total"])? != total).then(|| format!("total {} is not the sum {total}", r["total"]))
}

/// The invariants of an `ok` response; returns what is violated.
fn check(request: &Value, response: &Value) -> Option<String> {
    if response["ok"] != json!(true) {
        let errors = response["errors"].as_array()?;
        return errors
            .is_empty()
            .then(|| "a failure without errors".to_string());
    }
    let r = &response["result"];
    match request["calculator"].as_str().unwrap_or("") {
        "income" => {
            let size = Decimal::from(r["household_size"].as_u64()?);
            let diff = (dec(&r["per_capita_net_income"])? * size - dec(&r["net_income"])?).abs();
            (diff > Decimal::new(5, 3) * size).then(|| format!("per-capita × size off by {diff}"))
        }
        "working_days" if r.get("date").is_some() => {
            let from = bangfu_policy::text::parse_date(request["input"]["from"].as_str()?).ok()?;
            let date: NaiveDate = r["date"].as_str()?.parse().ok()?;
            let day = bangfu_policy::calendar::classify(date, true).ok()?;
            (date <= from || !day.kind.is_working())
                .then(|| format!("{date} is not a working day after {from}"))
        }
        "deadlines" if r.get("stages").is_some() => {
            let applied =
                bangfu_policy::text::parse_date(request["input"]["applied_on"].as_str()?).ok()?;
            ["check_due", "feedback_due", "approval_due", "overall_due"]
                .iter()
                .filter_map(|k| r[*k].as_str()?.parse::<NaiveDate>().ok())
                .find(|d| *d <= applied)
                .map(|d| format!("a deadline {d} is not after the application {applied}"))
        }
        "subsidy" => subsidy_invariants(r),
        "eligibility" => eligibility_invariants(r),
        "deadlines" => r["stages"].as_object()?.values().find_map(|st| {
            (st["status"] == "done_late" && st["days_late"].as_i64().is_none_or(|n| n <= 0))
                .then(|| format!("done_late without days late: {st}"))
        }),
        _ => None,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count: u64 = args
        .first()
        .and_then(|a| a.replace('_', "").parse().ok())
        .unwrap_or(10_000_000);
    let seed: u64 = args
        .get(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(0x5eed_ba9f);
    std::panic::set_hook(Box::new(|_| {}));
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()) as u64;
    let done = AtomicU64::new(0);
    let failures = AtomicU64::new(0);
    let seeds = seeds();
    let start = Instant::now();
    std::thread::scope(|scope| {
        for t in 0..threads {
            let (done, failures, seeds) = (&done, &failures, &seeds);
            scope.spawn(move || {
                let mut rng = Rng(seed ^ (t + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
                let share = count / threads + u64::from(t < count % threads);
                for _ in 0..share {
                    let mut request = rng.pick(seeds).clone();
                    for _ in 0..1 + rng.below(4) {
                        mutate(&mut request, &mut rng, 0);
                    }
                    let outcome = catch_unwind(AssertUnwindSafe(|| {
                        bangfu_policy::evaluate(&request).to_value()
                    }));
                    let problem = match outcome {
                        Err(_) => Some("PANIC".to_string()),
                        Ok(response) => check(&request, &response),
                    };
                    if let Some(p) = problem {
                        if failures.fetch_add(1, Ordering::Relaxed) < 5 {
                            eprintln!("FAILURE ({p}) on request:\n{request}");
                        }
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    let secs = start.elapsed().as_secs_f64();
    let n = done.load(Ordering::Relaxed);
    let f = failures.load(Ordering::Relaxed);
    println!("fuzz: {n} requests in {secs:.1}s ({:.0}/s, {threads} threads), {f} failures (panics or broken invariants)", n as f64 / secs);
    std::process::exit(i32::from(f > 0));
}
