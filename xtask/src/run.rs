//! Running commands, echoing them first so a log shows what was done.

use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `cmd` with inherited output; Err unless it exits 0.
pub fn status(cmd: &mut Command) -> Result<(), String> {
    eprintln!("$ {}", describe(cmd));
    let st = cmd
        .status()
        .map_err(|e| format!("{}: {e}", describe(cmd)))?;
    if st.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({st})", describe(cmd)))
    }
}

/// Runs `cmd`, captures stdout+stderr (also echoed live is not needed: callers print it).
pub fn output(cmd: &mut Command) -> Result<(bool, String), String> {
    eprintln!("$ {}", describe(cmd));
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{}: {e}", describe(cmd)))?;
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    Ok((out.status.success(), text))
}

/// First line of `prog --version`, or None when it cannot run.
pub fn version_of(prog: &Path) -> Option<String> {
    let out = Command::new(prog)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .map(|s| s.trim().to_string())
}

pub fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}
