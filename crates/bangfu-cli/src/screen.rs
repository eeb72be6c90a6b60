//! `bangfu screen FILE.xlsx|csv [--year 2024] [--date YYYY-MM-DD] [--out flagged.xlsx|csv]`:
//! the quarterly data check (附件2 第17条) on the command line. The file is read by
//! `bangfu-sheet` (a CSV decoded and parsed as it is read) and its rows screened by the
//! engine in batches, each on all cores; only flagged households are kept; the list is
//! the same file the `<bangfu-screening>` widget exports.

use std::io::{self, Cursor, IsTerminal, Write};
use std::ops::ControlFlow;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use bangfu_policy::calc::screening::{Mapping, Thresholds};
use bangfu_policy::params::RuleSet;
use bangfu_policy::text::parse_date;
use bangfu_sheet::{flagged_csv, flagged_xlsx, open, prepare, screen_batch, Run, Summary};
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

/// Rows read before they are screened on every core at once.
const BATCH: usize = 16_384;

/// Screens `batch` on `threads` threads, one contiguous part each, in order.
fn screen_parallel(
    batch: &[(usize, Vec<String>)],
    threads: usize,
    mapping: &Mapping,
    t: &Thresholds,
    date: NaiveDate,
) -> Run {
    let part = batch.len().div_ceil(threads).max(1);
    let mut run = Run::default();
    std::thread::scope(|scope| {
        let handles: Vec<_> = batch
            .chunks(part)
            .map(|chunk| {
                scope.spawn(move || {
                    let mut r = Run::default();
                    r.extend(screen_batch(chunk, mapping, t, date));
                    r
                })
            })
            .collect();
        for h in handles {
            if let Ok(part) = h.join() {
                run.merge(part);
            }
        }
    });
    run
}

/// Runs the check. `Ok(())` after writing the list; `Err` with a message for the user.
pub fn run(args: &[&str]) -> Result<(), String> {
    let o = options(args)?;
    // The file's bytes are held (a CSV is decoded and parsed as it is read, never whole).
    let bytes = std::fs::read(o.file).map_err(|e| format!("{}: 无法读取（{e}）", o.file))?;
    let opened = open(Cursor::new(&bytes[..])).map_err(|e| format!("{}: {e}", o.file))?;
    let prepared = prepare(&opened).map_err(|e| format!("{}: {e}", o.file))?;
    let rules = RuleSet::default_set().map_err(|e| e.message)?;
    let t = Thresholds::resolve(&rules, o.year);
    let mapping = &prepared.layout.mapping;
    let total = opened.rows.saturating_sub(prepared.data_start);
    let start = Instant::now();

    // Both cores (or all): rows are read in batches, each screened on every thread.
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .max(1);
    let show = io::stderr().is_terminal();
    let mut results = Run::default();
    let mut batch: Vec<(usize, Vec<String>)> = Vec::with_capacity(BATCH);
    let mut done = 0;
    let mut flush = |batch: &mut Vec<(usize, Vec<String>)>, results: &mut Run| {
        results.merge(screen_parallel(batch, threads, mapping, &t, o.date));
        done += batch.len();
        batch.clear();
        if show {
            draw(done, total);
        }
    };
    opened
        .for_each_row(&mut Cursor::new(&bytes[..]), prepared.data_start, |i, r| {
            batch.push((i, r));
            if batch.len() == BATCH {
                flush(&mut batch, &mut results);
            }
            ControlFlow::Continue(())
        })
        .map_err(|e| format!("{}: {e}", o.file))?;
    flush(&mut batch, &mut results);
    if show {
        eprintln!();
    }
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
    let rate = results.screened as f64 / elapsed.as_secs_f64().max(1e-9);
    eprintln!(
        "{}：{}，表头在第 {} 行，识别 {} 列。核查 {} 户，有疑点 {} 户{}（核查用时 {:.2} 秒，每秒 {:.0} 行，{} 线程）",
        o.file,
        opened.format.label(),
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
