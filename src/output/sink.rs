//! Where stdout output goes: the terminal or pipe directly, or a pager (AWS CLI v2 §8.6).
//!
//! A pager is used only when stdout is a terminal and there is something to print. It is
//! `AWS_PAGER`, then the profile's `cli_pager`, then `PAGER`, then `less`; an empty value or
//! `--no-cli-pager` disables it. The command line is split with POSIX shell rules and run
//! without a shell, with `LESS=FRX` added when `LESS` is not set. A pager that exits early is
//! not an error; one that cannot be started is the reference's `Pager` error (253).

use std::io::Write;
use std::process::{Command, Stdio};

use crate::error::CliError;
use crate::util::python_os_error;

/// The pager command line in force, or `None`.
pub fn resolve_pager(no_cli_pager: bool, aws_pager: Option<&str>, cli_pager: Option<&str>, pager: Option<&str>) -> Option<String> {
    if no_cli_pager {
        return None;
    }
    let chosen = aws_pager.or(cli_pager).or(pager).unwrap_or("less");
    (!chosen.trim().is_empty()).then(|| chosen.to_string())
}

/// POSIX-shell-like splitting (Python `shlex.split`): quotes and backslashes.
pub fn shell_split(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for d in chars.by_ref() {
                    if d == '\'' {
                        break;
                    }
                    cur.push(d);
                }
            }
            '"' => {
                in_word = true;
                while let Some(d) = chars.next() {
                    match d {
                        '"' => break,
                        '\\' if matches!(chars.peek(), Some('"' | '\\' | '$' | '`')) => {
                            if let Some(e) = chars.next() {
                                cur.push(e);
                            }
                        }
                        d => cur.push(d),
                    }
                }
            }
            '\\' => {
                in_word = true;
                if let Some(e) = chars.next() {
                    cur.push(e);
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    out
}

/// Writes `bytes` to `out`; a closed pipe ends the output quietly.
pub fn write_quietly(out: &mut dyn Write, bytes: &[u8]) -> std::io::Result<()> {
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn pager_error(detail: String) -> CliError {
    CliError::Pager(format!(
        "Unable to redirect output to pager. Received the following error when opening pager:\n{detail}\n\nLearn more about configuring the output pager by running \"aws help config-vars\"."
    ))
}

/// Runs `pager` with `bytes` on its stdin and waits for it. `less_set` tells whether `LESS` is
/// in the environment (if not, `LESS=FRX` is given to the pager).
pub fn page(pager: &str, bytes: &[u8], less_set: bool, less_default: &str) -> Result<(), CliError> {
    let argv = shell_split(pager);
    let Some((prog, args)) = argv.split_first() else { return Ok(()) };
    let mut cmd = Command::new(prog);
    cmd.args(args).stdin(Stdio::piped());
    if !less_set {
        cmd.env("LESS", less_default);
    }
    let mut child = cmd.spawn().map_err(|e| pager_error(python_os_error(&e, Some(prog))))?;
    // The pager owns the terminal now: Ctrl-C is its to handle (as for `git` and `man`).
    // SAFETY: setting and restoring a signal disposition.
    let previous = unsafe { libc::signal(libc::SIGINT, libc::SIG_IGN) };
    if let Some(mut stdin) = child.stdin.take() {
        // A pager that quits early closes the pipe: not an error.
        let _ = write_quietly(&mut stdin, bytes);
    }
    let _ = child.wait();
    // SAFETY: restores the disposition saved above.
    unsafe { libc::signal(libc::SIGINT, previous) };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_precedence() {
        assert_eq!(resolve_pager(false, None, None, None).as_deref(), Some("less"));
        assert_eq!(resolve_pager(false, Some(""), Some("more"), None), None);
        assert_eq!(resolve_pager(false, None, Some("more"), Some("x")).as_deref(), Some("more"));
        assert_eq!(resolve_pager(true, Some("a"), None, None), None);
    }

    #[test]
    fn splitting() {
        assert_eq!(shell_split(r#"/data/pager.sh x "y z" 'a b' c\ d"#), vec!["/data/pager.sh", "x", "y z", "a b", "c d"]);
    }

    #[test]
    fn missing_pager() {
        let e = page("/nonexistent/pager", b"x", true, "FRX").unwrap_err();
        assert_eq!(
            e,
            CliError::Pager("Unable to redirect output to pager. Received the following error when opening pager:\n[Errno 2] No such file or directory: '/nonexistent/pager'\n\nLearn more about configuring the output pager by running \"aws help config-vars\".".into())
        );
    }
}
