//! `bangfu eval` as a user runs it: exit codes and output per api.md.

use std::io::Write;
use std::process::{Command, Stdio};

fn bangfu(args: &[&str], stdin: &str) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bangfu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("bangfu-cli-test-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

const GOOD: &str =
    r#"{"calculator":"working_days","input":{"op":"add","from":"2024-09-27","days":5}}"#;
const BAD: &str = r#"{"calculator":"income","input":{"year":2024,"household_size":0,"items":[]}}"#;

#[test]
fn a_valid_request_on_stdin_prints_its_response_and_exits_0() {
    let (code, out) = bangfu(&["eval"], GOOD);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["result"]["date"], "2024-10-10");
}

#[test]
fn an_invalid_request_still_prints_json_and_exits_2() {
    let file = temp_file("bad.json", BAD);
    let (code, out) = bangfu(&["eval", file.to_str().unwrap()], "");
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"][0]["field"], "input.household_size");
    assert_eq!(code, 2);
}

#[test]
fn a_missing_file_is_an_io_failure_exit_1() {
    let (code, out) = bangfu(&["eval", "/nonexistent/request.json"], "");
    assert_eq!(code, 1);
    assert!(out.is_empty());
}

#[test]
fn a_batch_prints_one_line_per_request_and_exits_2_if_any_is_invalid() {
    let file = temp_file("batch.jsonl", &format!("{GOOD}\n\n{BAD}\nnot json\n"));
    let (code, out) = bangfu(&["eval", "--batch", file.to_str().unwrap()], "");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["ok"], true);
    assert_eq!(lines[1]["ok"], false);
    assert_eq!(lines[2]["errors"][0]["code"], "invalid_json");
    assert_eq!(code, 2);
    let only_good = temp_file("good.jsonl", &format!("{GOOD}\n{GOOD}\n"));
    assert_eq!(
        bangfu(&["eval", "--batch", only_good.to_str().unwrap()], "").0,
        0
    );
}

#[test]
fn a_batch_over_several_chunks_answers_every_line_in_the_order_asked() {
    // More lines than one chunk (8,192), evaluated on every core: response i answers request i.
    let n = 9_000;
    let mut text = String::new();
    for i in 0..n {
        if i % 1_000 == 7 {
            text.push_str(BAD);
        } else {
            text.push_str(&format!(
                r#"{{"calculator":"income","explain":{},"input":{{"year":2024,"household_size":1,"items":[{{"category":"wage","item":"务工","amount":"{}"}}]}}}}"#,
                i % 2 == 0,
                i + 1
            ));
        }
        text.push('\n');
    }
    let file = temp_file("ordered.jsonl", &text);
    let (code, out) = bangfu(&["eval", "--batch", file.to_str().unwrap()], "");
    assert_eq!(code, 2);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), n);
    for (i, r) in lines.iter().enumerate() {
        if i % 1_000 == 7 {
            assert_eq!(r["errors"][0]["field"], "input.household_size", "line {i}");
        } else {
            let per_capita = format!("{}.00", i + 1);
            assert_eq!(
                r["result"]["per_capita_net_income"],
                per_capita.as_str(),
                "line {i}"
            );
            let steps = r["explanation"].as_array().unwrap().len();
            assert_eq!(steps > 0, i % 2 == 0, "line {i}: explain only when asked");
        }
    }
}
