//! Path completion after `file://` and `fileb://`.
//!
//! The partial path is split at its last `/`: the directory part (as typed) is read, relative to
//! the working directory unless absolute, `~/` against `HOME`; its entries that start with the
//! rest are offered as the typed scheme and directory part plus the entry name, directories with
//! a trailing `/`, sorted. As in shell file completion, entries starting with `.` are offered only
//! when the typed name starts with `.`. A lone `~` becomes `~/`, as in the CLI's auto-prompt.

use std::path::{Path, PathBuf};

/// The schemes whose values are paths.
pub const SCHEMES: &[&str] = &["file://", "fileb://"];

/// `value` starts with `file://` or `fileb://`.
pub fn is_path(value: &str) -> bool {
    SCHEMES.iter().any(|s| value.starts_with(s))
}

/// Completions for `value` when it starts with `file://` or `fileb://`; `None` otherwise.
pub fn complete(value: &str, cwd: &Path, home: Option<&str>) -> Option<Vec<String>> {
    let scheme = SCHEMES.iter().find(|s| value.starts_with(*s))?;
    let partial = &value[scheme.len()..];
    if partial == "~" {
        return Some(vec![format!("{scheme}~/")]);
    }
    let (dir_part, name) = match partial.rfind('/') {
        Some(i) => partial.split_at(i + 1),
        None => ("", partial),
    };
    let Some(dir) = resolve_dir(dir_part, cwd, home) else { return Some(Vec::new()) };
    let Ok(entries) = std::fs::read_dir(&dir) else { return Some(Vec::new()) };
    let mut out: Vec<String> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let file_name = e.file_name().into_string().ok()?;
            if !file_name.starts_with(name) || (file_name.starts_with('.') && !name.starts_with('.')) {
                return None;
            }
            // Follows symbolic links, so a link to a directory is a directory.
            let slash = if dir.join(&file_name).is_dir() { "/" } else { "" };
            Some(format!("{scheme}{dir_part}{file_name}{slash}"))
        })
        .collect();
    out.sort();
    Some(out)
}

fn resolve_dir(dir_part: &str, cwd: &Path, home: Option<&str>) -> Option<PathBuf> {
    if let Some(rest) = dir_part.strip_prefix("~/") {
        return Some(Path::new(home?).join(rest));
    }
    let p = Path::new(dir_part);
    Some(if p.is_absolute() { p.to_path_buf() } else { cwd.join(p) })
}
