//! Whole responses, byte for byte: `fixtures/responses.jsonl` holds pairs of lines (a request,
//! then the exact JSON the engine answered before calculators returned typed results and
//! `api.rs` became the only JSON writer). 66 requests chosen to cover every calculator, every
//! warning and error code they raise, every stage status and the subsidy programmes.
//!
//! A deliberate change of the API: `BANGFU_BLESS=1 cargo test -p bangfu-policy --test
//! full_responses` rewrites the answers; review the diff like code.

use std::fs;
use std::path::PathBuf;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/responses.jsonl")
}

#[test]
fn every_response_is_byte_for_byte_what_the_api_answered() {
    let text = fs::read_to_string(fixture()).expect("tests/fixtures/responses.jsonl");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.len() >= 100 && lines.len() % 2 == 0,
        "request/response pairs"
    );
    let mut blessed = String::new();
    let mut differ = Vec::new();
    for pair in lines.chunks(2) {
        let got = bangfu_policy::evaluate_str(pair[0]).to_json();
        if got != pair[1] {
            differ.push(format!(
                "request  {}\nexpected {}\ngot      {got}",
                pair[0], pair[1]
            ));
        }
        blessed.push_str(&format!("{}\n{got}\n", pair[0]));
    }
    if std::env::var_os("BANGFU_BLESS").is_some() {
        fs::write(fixture(), blessed).expect("write the fixture");
        return;
    }
    assert!(
        differ.is_empty(),
        "{} of {} responses changed:\n{}",
        differ.len(),
        lines.len() / 2,
        differ.join("\n\n")
    );
}
