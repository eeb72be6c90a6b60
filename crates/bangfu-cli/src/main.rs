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

/// Evaluates one request per line; blank lines are skipped. Returns whether all were `ok`.
fn eval_batch(path: &str) -> io::Result<bool> {
    let file =
        std::fs::File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
    let reader = io::BufReader::new(file);
    let mut out = BufWriter::new(io::stdout().lock());
    let mut all_ok = true;
    for line in reader.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let response = bangfu_policy::evaluate_str(&line);
        all_ok &= response.ok;
        writeln!(out, "{}", response.to_json())?;
    }
    out.flush()?;
    Ok(all_ok)
}
