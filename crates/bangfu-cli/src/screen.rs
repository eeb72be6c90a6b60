//! `bangfu screen FILE.xlsx|csv [--year 2024] [--date YYYY-MM-DD] [--out flagged.xlsx|csv]`:
//! the quarterly data check (附件2 第17条) on the command line. The file is read by
//! `bangfu-sheet` and every row screened by the engine, on all cores; the flagged list is
//! the same file the `<bangfu-screening>` widget exports.

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use bangfu_policy::calc::screening::Thresholds;
use bangfu_policy::params::RuleSet;
use bangfu_policy::text::parse_date;
use bangfu_sheet::{
    flagged_csv, flagged_xlsx, prepare, read_table, screen_chunk, Screened, Summary,
};
use chrono::{Days, NaiveDate};

pub const USAGE: &str =
    "  bangfu screen FILE.xlsx|csv [--year 2024] [--date YYYY-MM-DD] [--out flagged.xlsx|csv]
                                季度数据核查：列出疑点户（不写 --out 时 CSV 输出到标准输出）";

struct Options<'a> {
    file: &'a str,
    year: i32,
    date: NaiveDate,
    out: Option<&'a str>,
}

/// Today in China (UTC+8), from the system clock: the CLI is an edge, the engine is not.
fn today() -> NaiveDate {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
        + 8 * 3600;
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(secs / 86_400)))
        .unwrap_or_default()
}

fn options<'a>(args: &[&'a str]) -> Result<Options<'a>, String> {
    let mut o = Options {
        file: "",
        year: 2024,
        date: today(),
        out: None,
    };
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).copied();
        match args[i] {
            "--year" => {
                o.year = value
                    .and_then(|v| v.parse().ok())
                    .filter(|y| bangfu_policy::YEARS.contains(y))
                    .ok_or("--year 应为 2000–2100 的年份，例如 --year 2024")?;
                i += 2;
            }
            "--date" => {
                o.date = value
                    .and_then(|v| parse_date(v).ok())
                    .ok_or("--date 应为核查日期，例如 --date 2024-10-01")?;
                i += 2;
            }
            "--out" => {
                o.out = Some(value.ok_or("--out 后面请写输出文件名（.xlsx 或 .csv）")?);
                i += 2;
            }
            f if !f.starts_with("--") && o.file.is_empty() => {
                o.file = f;
                i += 1;
            }
            other => return Err(format!("不认识的参数：{other}")),
        }
    }
    if o.file.is_empty() {
        return Err("请写明要核查的文件".into());
    }
    Ok(o)
}

fn draw(done: usize, total: usize) {
    let width = 30;
    let filled = (done * width)
        .checked_div(total)
        .unwrap_or(width)
        .min(width);
    let mut err = io::stderr().lock();
    let _ = write!(
        err,
        "\r核查中 [{}{}] {done}/{total}",
        "#".repeat(filled),
        "-".repeat(width - filled)
    );
    let _ = err.flush();
}

/// Runs the check. `Ok(())` after writing the list; `Err` with a message for the user.
pub fn run(args: &[&str]) -> Result<(), String> {
    let o = options(args)?;
    let bytes = std::fs::read(o.file).map_err(|e| format!("{}: 无法读取（{e}）", o.file))?;
    let table = read_table(&bytes).map_err(|e| format!("{}: {e}", o.file))?;
    drop(bytes);
    let prepared = prepare(&table).map_err(|e| format!("{}: {e}", o.file))?;
    let rules = RuleSet::default_set().map_err(|e| e.message)?;
    let t = Thresholds::resolve(&rules, o.year);
    let mapping = &prepared.layout.mapping;
    let rows = &table.rows[prepared.data_start..];
    let start = Instant::now();

    // Both cores (or all): one contiguous part of the rows per thread, in pieces so the
    // progress bar moves.
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .max(1);
    let part = rows.len().div_ceil(threads).max(1);
    let done = AtomicUsize::new(0);
    let show = io::stderr().is_terminal();
    let mut results: Vec<Screened> = Vec::with_capacity(rows.len());
    std::thread::scope(|scope| {
        let handles: Vec<_> = rows
            .chunks(part)
            .enumerate()
            .map(|(k, chunk)| {
                let done = &done;
                let t = &t;
                scope.spawn(move || {
                    let mut out = Vec::with_capacity(chunk.len());
                    for (j, piece) in chunk.chunks(2000).enumerate() {
                        let first = prepared.data_start + k * part + j * 2000;
                        out.extend(screen_chunk(piece, first, mapping, t, o.date));
                        done.fetch_add(piece.len(), Ordering::Relaxed);
                    }
                    out
                })
            })
            .collect();
        if show {
            while handles.iter().any(|h| !h.is_finished()) {
                draw(done.load(Ordering::Relaxed), rows.len());
                std::thread::sleep(Duration::from_millis(100));
            }
            draw(rows.len(), rows.len());
            eprintln!();
        }
        for h in handles {
            if let Ok(part) = h.join() {
                results.extend(part);
            }
        }
    });
    let elapsed = start.elapsed();

    let summary = Summary::of(&results);
    let bytes = match o.out {
        Some(path) if path.to_lowercase().ends_with(".xlsx") => flagged_xlsx(&results),
        _ => flagged_csv(&results),
    };
    match o.out {
        Some(path) => {
            std::fs::write(path, &bytes).map_err(|e| format!("{path}: 无法写入（{e}）"))?
        }
        None => io::stdout()
            .lock()
            .write_all(&bytes)
            .map_err(|e| format!("无法输出（{e}）"))?,
    }
    let rate = results.len() as f64 / elapsed.as_secs_f64().max(1e-9);
    eprintln!(
        "{}：{}，表头在第 {} 行，识别 {} 列。核查 {} 户，有疑点 {} 户{}（核查用时 {:.2} 秒，每秒 {:.0} 行，{} 线程）",
        o.file,
        table.format.label(),
        prepared.layout.header_row + 1,
        mapping.found(),
        summary.screened,
        summary.flagged,
        if summary.undecidable > 0 {
            format!("，其中 {} 户因{}年监测范围未配置未能核查", summary.undecidable, o.year)
        } else {
            String::new()
        },
        elapsed.as_secs_f64(),
        rate,
        threads
    );
    for (flag, n) in &summary.by_flag {
        eprintln!("  {}（{}）：{n} 户", flag.label(), flag.code());
    }
    Ok(())
}
