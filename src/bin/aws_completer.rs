//! `aws_completer`: shell completion for `aws`, speaking bash's `complete -C` protocol.
//!
//! The shell sets `COMP_LINE` (the command line) and `COMP_POINT` (the cursor; characters in a
//! UTF-8 locale, else bytes) and, in bash, passes the word being completed as the second argument;
//! this prints the completions, one per line, and always exits 0. Without `COMP_LINE` or
//! `COMP_POINT` it prints nothing. No runtime and no SDK: only the command names (embedded), the
//! profile names (two small files) and, for `file://` values, one directory listing.

use std::io::Write;

use awsclone::completer::{self, CompletionContext};

fn main() {
    let (Some(line), Some(point)) = (std::env::var_os("COMP_LINE"), std::env::var_os("COMP_POINT")) else { return };
    let Some(point) = point.to_str().and_then(|p| p.trim().parse::<usize>().ok()) else { return };
    let text = before_cursor(&line, point);

    let var = |name: &str| std::env::var(name).ok();
    let cwd = std::env::current_dir().unwrap_or_default();
    let ctx = CompletionContext {
        commands: awsclone::cli::service_names().to_vec(),
        operations: awsclone::cli::connect_operation_names().to_vec(),
        profiles: completer::profiles::profile_names(&var, &cwd),
        cwd,
        home: var("HOME"),
    };
    // bash: `aws_completer aws WORD PREVIOUS`; zsh's bashcompinit passes no arguments.
    let shell_word = std::env::args().nth(2);
    let completions = completer::complete_for_shell(&text, text.len(), shell_word.as_deref(), &ctx);

    let mut out = std::io::stdout().lock();
    for c in completions {
        if writeln!(out, "{c}").is_err() {
            return;
        }
    }
    let _ = out.flush();
}

/// The text of `COMP_LINE` before the cursor.
fn before_cursor(line: &std::ffi::OsStr, point: usize) -> String {
    if locale_is_utf8() {
        let line = line.to_string_lossy();
        let end = completer::cursor_byte_offset(&line, point, true);
        line[..end].to_string()
    } else {
        let bytes = os_bytes(line);
        String::from_utf8_lossy(&bytes[..point.min(bytes.len())]).into_owned()
    }
}

#[cfg(unix)]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    std::os::unix::ffi::OsStrExt::as_bytes(s).to_vec()
}

#[cfg(not(unix))]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    s.to_string_lossy().into_owned().into_bytes()
}

/// Whether the shell counts `COMP_POINT` in characters: the locale's character type is UTF-8
/// (`LC_ALL`, else `LC_CTYPE`, else `LANG`).
fn locale_is_utf8() -> bool {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()));
    locale.is_some_and(|l| {
        let l = l.to_ascii_lowercase();
        l.contains("utf-8") || l.contains("utf8")
    })
}
