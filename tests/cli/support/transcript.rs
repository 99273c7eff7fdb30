//! Run the CLI binary the way `shared/conformance/run.py` does, and compare its
//! whole transcript (exit code, stdout, stderr, requests) with a snapshot file.
//!
//! Each run gets a fresh temporary directory as its cwd, with `HOME=<dir>/home`,
//! `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE` at `<dir>/home/.aws/config`
//! and `credentials` (by default the corpus's `default_files`: profiles
//! `default`, `other`, `temp`, `badsecret`, `unknownkey`), `AWS_PAGER=""`,
//! `AWS_EC2_METADATA_DISABLED=true`, `LANG=LC_ALL=C.UTF-8`, `TMPDIR=<dir>`,
//! stdin a pipe. Nothing else of the calling environment is passed on but `PATH`
//! (and `LLVM_PROFILE_FILE`, for coverage runs). `{EP}` (the FakeConnect URL)
//! and `{CWD}` (the directory) are substituted in arguments, environment values
//! and files.
//!
//! Snapshots live in `tests/cli/snapshots/<name>.snap` under `CARGO_MANIFEST_DIR`;
//! `SNAPSHOTS=overwrite cargo test` (re)writes them instead of comparing.

use super::fake_connect::{FakeConnect, RecordedRequest};
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;
use tempfile::TempDir;

/// The conformance corpus's `home/.aws/config`.
pub const DEFAULT_CONFIG: &str = "[default]\nregion = us-east-1\n\n[profile other]\nregion = eu-west-1\n\n\
[profile temp]\nregion = us-west-2\n\n[profile badsecret]\nregion = us-east-1\n\n[profile unknownkey]\nregion = us-east-1\n";

/// The conformance corpus's `home/.aws/credentials` (keys FakeConnect knows, plus
/// `badsecret` with a wrong secret and `unknownkey` with an unknown key).
pub const DEFAULT_CREDENTIALS: &str = "[default]\naws_access_key_id = AKIDEXAMPLE\n\
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n\n\
[other]\naws_access_key_id = AKIAOTHERPROFILE\naws_secret_access_key = otherSecretKey/0123456789abcdefghijklmn\n\n\
[temp]\naws_access_key_id = ASIATEMPCREDS\naws_secret_access_key = tempSecretKey/zyxwvutsrqponmlkjihgfedcba\n\
aws_session_token = FQoGZXIvYXdzEXAMPLETOKEN\n\n\
[badsecret]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = notTheRightSecret\n\n\
[unknownkey]\naws_access_key_id = AKIDUNKNOWN000000000\naws_secret_access_key = whateverSecret\n";

/// One CLI invocation to run (builder).
#[derive(Debug, Clone)]
pub struct Case {
    args: Vec<String>,
    env: Vec<(String, Option<String>)>,
    files: Vec<(String, Option<Vec<u8>>)>,
    stdin: Vec<u8>,
    timeout: Duration,
}

impl Case {
    /// The arguments after the program name.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(args: I) -> Case {
        Case {
            args: args.into_iter().map(Into::into).collect(),
            env: Vec::new(),
            files: vec![
                ("home/.aws/config".into(), Some(DEFAULT_CONFIG.into())),
                (
                    "home/.aws/credentials".into(),
                    Some(DEFAULT_CREDENTIALS.into()),
                ),
            ],
            stdin: Vec::new(),
            timeout: Duration::from_secs(30),
        }
    }

    /// Set an environment variable (overrides the defaults above).
    pub fn env(mut self, key: &str, value: &str) -> Case {
        self.env.push((key.into(), Some(value.into())));
        self
    }

    /// Unset an environment variable (e.g. one of the defaults).
    pub fn env_remove(mut self, key: &str) -> Case {
        self.env.push((key.into(), None));
        self
    }

    /// Write a file at `relpath` under the run directory (replaces a default file).
    pub fn file(mut self, relpath: &str, contents: impl Into<Vec<u8>>) -> Case {
        self.files.retain(|(p, _)| p != relpath);
        self.files.push((relpath.into(), Some(contents.into())));
        self
    }

    /// Don't write `relpath` (e.g. `home/.aws/credentials`).
    pub fn no_file(mut self, relpath: &str) -> Case {
        self.files.retain(|(p, _)| p != relpath);
        self
    }

    /// Bytes fed to stdin (default: none, stdin is a closed pipe).
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Case {
        self.stdin = bytes.into();
        self
    }

    /// Kill the process group after this long (default 30 s).
    pub fn timeout(mut self, d: Duration) -> Case {
        self.timeout = d;
        self
    }

    /// Run `bin` against `server` and collect the outcome. Don't run two cases on
    /// one server at once: the requests are those the server got during the run.
    pub fn run(&self, bin: impl AsRef<Path>, server: &FakeConnect) -> Outcome {
        let dir = tempfile::Builder::new()
            .prefix("cli-case")
            .tempdir()
            .expect("temp dir");
        let cwd = dir.path().to_str().expect("utf-8 temp dir").to_string();
        let ep = server.url();
        let subst = |s: &str| s.replace("{EP}", &ep).replace("{CWD}", &cwd);
        let home = dir.path().join("home");
        std::fs::create_dir_all(home.join(".aws")).unwrap();
        for (rel, contents) in &self.files {
            let Some(contents) = contents else { continue };
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            let data = match std::str::from_utf8(contents) {
                Ok(text) => subst(text).into_bytes(),
                Err(_) => contents.clone(),
            };
            std::fs::write(&path, data).unwrap();
        }

        let mut cmd = Command::new(bin.as_ref());
        cmd.args(self.args.iter().map(|a| subst(a)))
            .current_dir(dir.path())
            .env_clear()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        for key in ["PATH", "LLVM_PROFILE_FILE"] {
            if let Some(v) = std::env::var_os(key) {
                cmd.env(key, v);
            }
        }
        let aws = home.join(".aws");
        cmd.env("LANG", "C.UTF-8")
            .env("LC_ALL", "C.UTF-8")
            .env("HOME", &home)
            .env("TMPDIR", dir.path())
            .env("AWS_CONFIG_FILE", aws.join("config"))
            .env("AWS_SHARED_CREDENTIALS_FILE", aws.join("credentials"))
            .env("AWS_PAGER", "")
            .env("AWS_EC2_METADATA_DISABLED", "true");
        for (k, v) in &self.env {
            match v {
                Some(v) => cmd.env(k, subst(v)),
                None => cmd.env_remove(k),
            };
        }

        let before = server.requests().len();
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("spawn {}: {e}", bin.as_ref().display()));
        let pid = child.id();
        let mut stdin = child.stdin.take().unwrap();
        let input = self.stdin.clone();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input); // the CLI may not read it all
        });
        let read_all = |mut r: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let _ = r.read_to_end(&mut buf);
                buf
            })
        };
        let out = read_all(Box::new(child.stdout.take().unwrap()));
        let err = read_all(Box::new(child.stderr.take().unwrap()));
        let (tx, rx) = mpsc::channel();
        let waiter = std::thread::spawn(move || {
            let _ = tx.send(child.wait());
        });
        let (status, timed_out) = match rx.recv_timeout(self.timeout) {
            Ok(status) => (status, false),
            Err(_) => {
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{pid}")])
                    .status();
                (rx.recv().expect("wait"), true)
            }
        };
        let _ = (writer.join(), waiter.join());
        let stdout = String::from_utf8_lossy(&out.join().unwrap()).into_owned();
        let stderr = String::from_utf8_lossy(&err.join().unwrap()).into_owned();
        let exit_code = if timed_out {
            None
        } else {
            status.ok().and_then(|s| s.code())
        };
        let requests = server.requests().split_off(before);
        Outcome {
            exit_code,
            timed_out,
            stdout,
            stderr,
            requests,
            dir,
            endpoint: ep,
            port: server.port(),
        }
    }
}

/// What a run did.
#[derive(Debug)]
pub struct Outcome {
    /// `None` when killed by a signal or timed out.
    pub exit_code: Option<i32>,
    pub timed_out: bool,
    /// Decoded as UTF-8 (invalid bytes replaced).
    pub stdout: String,
    pub stderr: String,
    /// Requests FakeConnect received during the run.
    pub requests: Vec<RecordedRequest>,
    /// The run directory (kept until the Outcome drops), to inspect files the CLI wrote.
    pub dir: TempDir,
    endpoint: String,
    port: u16,
}

impl Outcome {
    pub fn cwd(&self) -> &Path {
        self.dir.path()
    }

    /// Replace run-specific text: the run directory -> `{CWD}`, the endpoint URL ->
    /// `{EP}`, any other `127.0.0.1:PORT` / `localhost:PORT` -> `...:{PORT}`, FakeConnect
    /// request ids -> `{REQUEST_ID}`.
    pub fn normalise(&self, text: &str) -> String {
        let mut s = text.to_string();
        let dir: PathBuf = self.dir.path().into();
        let mut dirs = vec![dir.display().to_string()];
        if let Ok(real) = dir.canonicalize() {
            dirs.push(real.display().to_string());
        }
        dirs.sort_by_key(|d| std::cmp::Reverse(d.len()));
        for d in dirs {
            s = s.replace(&d, "{CWD}");
        }
        s = replace_token(&s, &self.endpoint, "{EP}");
        for host in ["127.0.0.1", "localhost"] {
            s = replace_token(
                &s,
                &format!("{host}:{}", self.port),
                &format!("{host}:{{PORT}}"),
            );
        }
        replace_request_ids(&s)
    }

    /// The snapshot text: exit code, whole stdout, whole stderr, one line per request.
    pub fn render(&self) -> String {
        let exit = match (self.timed_out, self.exit_code) {
            (true, _) => "timeout".to_string(),
            (false, Some(c)) => c.to_string(),
            (false, None) => "signal".to_string(),
        };
        let mut out = format!("exit: {exit}\n");
        for (name, text) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            out.push_str(&format!("--- {name}\n{text}"));
            if !text.is_empty() && !text.ends_with('\n') {
                out.push_str("\n\\ No newline at end\n");
            }
        }
        out.push_str("--- requests\n");
        for r in &self.requests {
            out.push_str(&r.summary());
            out.push('\n');
        }
        self.normalise(&out)
    }
}

/// Compare `outcome.render()` with `tests/cli/snapshots/<name>.snap`.
#[track_caller]
pub fn assert_snapshot(name: &str, outcome: &Outcome) {
    assert_snapshot_text(name, &outcome.render());
}

/// Compare any text with `tests/cli/snapshots/<name>.snap` (or write it when
/// `SNAPSHOTS=overwrite`); panics with a line diff on mismatch.
#[track_caller]
pub fn assert_snapshot_text(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli/snapshots")
        .join(format!("{name}.snap"));
    if std::env::var("SNAPSHOTS").as_deref() == Ok("overwrite") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let Ok(expected) = std::fs::read_to_string(&path) else {
        panic!(
            "snapshot {} is missing; run with SNAPSHOTS=overwrite to create it. Actual:\n{actual}",
            path.display()
        );
    };
    if expected != actual {
        panic!(
            "snapshot {name} differs ({}); run with SNAPSHOTS=overwrite to accept.\n--- expected\n+++ actual\n{}",
            path.display(),
            line_diff(&expected, actual)
        );
    }
}

/// A unified-style diff (`-` expected, `+` actual, three lines of context).
pub fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    // LCS table, suffix form.
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', a[i]));
            i += 1;
        } else {
            ops.push(('+', b[j]));
            j += 1;
        }
    }
    let near_change = |k: usize| {
        ops[k.saturating_sub(3)..(k + 4).min(ops.len())]
            .iter()
            .any(|(c, _)| *c != ' ')
    };
    let mut out = String::new();
    let mut skipped = false;
    for (k, (c, line)) in ops.iter().enumerate() {
        if *c == ' ' && !near_change(k) {
            if !skipped {
                out.push_str("@@ ... @@\n");
                skipped = true;
            }
            continue;
        }
        skipped = false;
        let shown = line
            .strip_suffix('\n')
            .unwrap_or(&format!("{line}\u{23ce}(no newline)"))
            .to_string();
        out.push_str(&format!("{c}{shown}\n"));
    }
    out
}

/// Replace `from` where it isn't followed by another digit (so port 4567 never
/// rewrites part of 45678).
fn replace_token(s: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(from) {
        let after = &rest[i + from.len()..];
        out.push_str(&rest[..i]);
        out.push_str(if after.starts_with(|c: char| c.is_ascii_digit()) {
            from
        } else {
            to
        });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `00000000-0000-4000-8000-<12 digits>` -> `{REQUEST_ID}`.
fn replace_request_ids(s: &str) -> String {
    const PREFIX: &str = "00000000-0000-4000-8000-";
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(PREFIX) {
        let tail = &rest[i + PREFIX.len()..];
        let is_id = tail.len() >= 12 && tail.as_bytes()[..12].iter().all(u8::is_ascii_digit);
        out.push_str(&rest[..i]);
        out.push_str(if is_id { "{REQUEST_ID}" } else { PREFIX });
        rest = if is_id { &tail[12..] } else { tail };
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_changes_with_context() {
        let e = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
        let a = "a\nb\nc\nd\nE\nf\ng\nh\ni";
        let d = line_diff(e, a);
        assert_eq!(
            d,
            "@@ ... @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n-i\n+i\u{23ce}(no newline)\n"
        );
    }

    #[test]
    fn replacements() {
        assert_eq!(
            replace_token("h:4567/ h:45678", "h:4567", "X"),
            "X/ h:45678"
        );
        assert_eq!(
            replace_request_ids(
                "id 00000000-0000-4000-8000-000000000012. 00000000-0000-4000-8000-12"
            ),
            "id {REQUEST_ID}. 00000000-0000-4000-8000-12"
        );
    }
}
