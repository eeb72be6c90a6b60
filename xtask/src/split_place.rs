//! Puts a split bundle's pieces and link module beside its glue in `www/pkg/` (or `compat/`),
//! points the glue at the link module's hashed name, and writes the loader's `CHUNKS` line.

use std::path::Path;

use crate::bundle::write_if_changed;
use crate::hashed::build_name_of;
use crate::split::{link_module, Parts, PIECE_PREFIX};

/// A variant's pieces as placed: build names relative to `www/pkg/` (`compat/…` for compat).
pub struct Placed {
    pub link: String,
    pub kinds: Vec<(String, Vec<String>)>,
}

impl Placed {
    /// The link module and every piece, once each (for content hashing).
    pub fn logicals(&self) -> Vec<String> {
        let mut all = vec![self.link.clone()];
        let mut pieces: Vec<String> = self.kinds.iter().flat_map(|(_, f)| f.clone()).collect();
        pieces.sort();
        pieces.dedup();
        all.extend(pieces);
        all
    }
}

/// Places `parts` in `pkg/prefix`: the pieces (files of pieces an earlier build had and this
/// one has not are removed, hashed and compressed copies included), the link module
/// `bangfu_split.js`, and the glue `bangfu_widgets.js` importing the link module's hashed name.
pub fn place(parts: &Parts, pkg: &Path, prefix: &str) -> Result<Placed, String> {
    let dir = pkg.join(prefix);
    let pieces = parts.pieces();
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(PIECE_PREFIX) && !pieces.contains(&build_name_of(&name)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    for piece in &pieces {
        let bytes = std::fs::read(parts.dir.join(piece))
            .map_err(|e| format!("{}: {e}", parts.dir.join(piece).display()))?;
        write_if_changed(&dir.join(piece), &bytes)?;
    }
    let kinds: Vec<String> = parts.kinds.iter().map(|(k, _)| k.clone()).collect();
    let link_path = dir.join("bangfu_split.js");
    write_if_changed(&link_path, link_module(&kinds))?;
    let (hex, _) = crate::hashed::sha384(&link_path)?;
    let link_hashed = crate::hashed::hashed_name("bangfu_split.js", &hex);
    let glue_path = dir.join("bangfu_widgets.js");
    let glue =
        std::fs::read_to_string(&glue_path).map_err(|e| format!("{}: {e}", glue_path.display()))?;
    let pointed = crate::split::point_glue_at(&glue, &link_hashed);
    write_if_changed(&glue_path, pointed)?;
    Ok(Placed {
        link: format!("{prefix}bangfu_split.js"),
        kinds: parts
            .kinds
            .iter()
            .map(|(k, files)| {
                (
                    k.clone(),
                    files.iter().map(|f| format!("{prefix}{f}")).collect(),
                )
            })
            .collect(),
    })
}

/// The build names of the link modules and pieces in `pkg` and `pkg/compat` (for `dist`).
pub fn placed_files(pkg: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for prefix in ["", "compat/"] {
        let dir = pkg.join(prefix);
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .filter(|n| {
                n == "bangfu_split.js"
                    || (n.starts_with(PIECE_PREFIX)
                        && n.ends_with(".wasm")
                        && build_name_of(n) == *n)
            })
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|n| format!("{prefix}{n}")));
    }
    Ok(out)
}

/// The loader's `CHUNKS` line: for each variant, its link module and each widget's pieces by
/// their served names (`name` maps a build name to it); JSON between `=` and `;` (sw.js reads it).
pub fn chunks_line(variants: &[(&str, &Placed)], name: &dyn Fn(&str) -> String) -> String {
    let quoted = |s: &str| format!("\"{}\"", name(s));
    let variant = |p: &Placed| {
        let mut fields = vec![format!("\"link\": {}", quoted(&p.link))];
        for (kind, files) in &p.kinds {
            let list: Vec<String> = files.iter().map(|f| quoted(f)).collect();
            fields.push(format!("\"{kind}\": [{}]", list.join(", ")));
        }
        format!("{{ {} }}", fields.join(", "))
    };
    let body: Vec<String> = variants
        .iter()
        .map(|(v, p)| format!("\"{v}\": {}", variant(p)))
        .collect();
    format!("var CHUNKS = {{ {} }};", body.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chunks_line_names_each_variants_link_and_pieces() {
        let placed = Placed {
            link: "compat/bangfu_split.js".into(),
            kinds: vec![(
                "income".into(),
                vec!["compat/a.wasm".into(), "compat/b.wasm".into()],
            )],
        };
        let line = chunks_line(&[("compat", &placed)], &|s: &str| {
            s.replace(".wasm", ".h.wasm")
        });
        assert_eq!(
            line,
            "var CHUNKS = { \"compat\": { \"link\": \"compat/bangfu_split.js\", \"income\": [\"compat/a.h.wasm\", \"compat/b.h.wasm\"] } };"
        );
    }
}
