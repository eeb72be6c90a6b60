//! `bangfu eval [FILE]`, `bangfu eval --batch FILE.jsonl` (api.md) and `bangfu screen FILE`
//! (the quarterly data check, `screen.rs`).
//!
//! Exit codes: 0 when every response is `ok: true`; 2 when a request is invalid (its
//! response is still printed); 1 for I/O failures and bad usage.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

mod screen;

const USAGE: &str = "用法 / usage:
  bangfu eval [FILE]            读取一个请求（文件或标准输入），输出一个响应
  bangfu eval --batch FILE.jsonl 每行一个请求，每行输出一个响应
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["eval"] | ["eval", "-"] => eval_one(None),
        ["eval", "--batch", file] => eval_batch(file),
        ["eval", file] if !file.starts_with('-') => eval_one(Some(file)),
        ["screen", rest @ ..] => {
            return match screen::run(rest) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("bangfu: {e}");
                    ExitCode::from(1)
                }
            }
        }
        ["--help"] | ["-h"] | ["help"] => {
            println!("{USAGE}{}", screen::USAGE);
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}{}", screen::USAGE);
            return ExitCode::from(1);
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(2),
        Err(e) => {
            eprintln!("bangfu: {e}");
            ExitCode::from(1)
        }
    }
}

/// Evaluates one request; returns whether it was `ok`.
fn eval_one(file: Option<&str>) -> io::Result<bool> {
    let mut text = String::new();
    match file {
        Some(path) => {
            text = std::fs::read_to_string(path)
                .map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?
        }
        None => {
            io::stdin().read_to_string(&mut text)?;
        }
    }
    let response = bangfu_policy::evaluate_str(&text);
    let pretty =
        serde_json::to_string_pretty(&response.to_value()).unwrap_or_else(|_| response.to_json());
    let mut out = io::stdout().lock();
    writeln!(out, "{pretty}")?;
    Ok(response.ok)
}

/// Lines evaluated together: split over the cores, written back in their order.
const CHUNK_LINES: usize = 8192;

/// Evaluates one request per line; blank lines are skipped. Returns whether all were `ok`.
/// The lines are evaluated on every core (`std::thread::available_parallelism`), a chunk at a
/// time; the responses come out in the order of the requests.
fn eval_batch(path: &str) -> io::Result<bool> {
    let file =
        std::fs::File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
    let mut lines = io::BufReader::new(file).lines();
    let mut out = BufWriter::new(io::stdout().lock());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut all_ok = true;
    loop {
        let mut chunk = Vec::with_capacity(CHUNK_LINES);
        for line in lines.by_ref() {
            let line = line?;
            if !line.trim().is_empty() {
                chunk.push(line);
                if chunk.len() == CHUNK_LINES {
                    break;
                }
            }
        }
        if chunk.is_empty() {
            break;
        }
        for (ok, json) in evaluate_all(&chunk, cores) {
            all_ok &= ok;
            writeln!(out, "{json}")?;
        }
    }
    out.flush()?;
    Ok(all_ok)
}

/// (ok, response line) for each request, in order, over `cores` threads.
fn evaluate_all(requests: &[String], cores: usize) -> Vec<(bool, String)> {
    let one = |text: &String| {
        let response = bangfu_policy::evaluate_str(text);
        (response.ok, response.to_json())
    };
    if cores < 2 || requests.len() < 2 {
        return requests.iter().map(one).collect();
    }
    let per_thread = requests.len().div_ceil(cores);
    std::thread::scope(|scope| {
        let parts: Vec<_> = requests
            .chunks(per_thread)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        parts
            .into_iter()
            // A thread only panics if the engine does (it never should): pass it on.
            .flat_map(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}
