//! Keeps this machine's paths out of the release wasm. rustc writes the source path of every
//! panic location into the module (`/root/.cargo/registry/src/index.crates.io-…/yew-0.23.0/
//! src/…`); `--remap-path-prefix` cuts the workspace, the crate registry and cargo's git
//! checkouts off the front. The prefixes are read at build time, so every machine gets its own.

use crate::root;

/// `--remap-path-prefix=FROM=` for the workspace, then the registry's and git's source folders
/// (rustc applies the last matching one, so a cargo home inside the workspace still counts as
/// cargo's). The registry keeps its index folder (`index.crates.io-…/yew-0.23.0/src/…`): its
/// name is the same on every machine with this cargo, and it may not exist yet on a fresh one.
pub fn remap_flags() -> Vec<String> {
    let home = crate::tools::cargo_home();
    let prefixes = [
        root(),
        home.join("registry").join("src"),
        home.join("git").join("checkouts"),
    ];
    prefixes
        .iter()
        .map(|p| format!("--remap-path-prefix={}=", p.display()))
        .collect()
}

/// `CARGO_ENCODED_RUSTFLAGS` for a wasm build: the whitespace-separated `flags` plus
/// [`remap_flags`], separated by 0x1f (so a path may hold spaces).
pub fn encoded_rustflags(flags: Option<&str>) -> String {
    flags
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .chain(remap_flags())
        .collect::<Vec<_>>()
        .join("\x1f")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_flags_come_first_and_every_prefix_is_remapped_to_nothing() {
        let encoded = encoded_rustflags(Some("-Ctarget-feature=-sign-ext"));
        let flags: Vec<&str> = encoded.split('\x1f').collect();
        assert_eq!(flags[0], "-Ctarget-feature=-sign-ext");
        assert_eq!(
            flags[1],
            format!("--remap-path-prefix={}=", root().display())
        );
        assert!(flags[1..]
            .iter()
            .all(|f| f.starts_with("--remap-path-prefix=") && f.ends_with('=')));
        assert_eq!(
            encoded_rustflags(None).split('\x1f').count(),
            flags.len() - 1
        );
    }
}
