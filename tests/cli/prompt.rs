//! The interactive auto-prompt on a pseudo-terminal: what it shows, completion with its menu,
//! accepting (one request to FakeConnect), cancelling, `on-partial`, and the terminal left as it
//! was found. Every run is bounded (the scripted runner kills the program after 8 s).

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::json;

use crate::support::fake_connect::{INSTANCE_MAIN, USER_MARY};
use crate::support::pty::{run_on_tty_scripted, run_on_tty_with_input, Step, TtyOutcome};
use crate::support::FakeConnect;

const BIN: &str = env!("CARGO_BIN_EXE_aws");

fn base_env(dir: &Path) -> Vec<(&'static str, String)> {
    let mut env = crate::support::pty::tty_env(dir);
    env.push(("AWS_PAGER", String::new()));
    env
}

fn identity_path() -> String {
    format!("/users/{INSTANCE_MAIN}/{USER_MARY}/identity-info")
}

/// The terminal is back in line mode with echo (as the pty started).
fn assert_terminal_restored(out: &TtyOutcome) {
    let lflag = out.lflag_at_exit.expect("terminal modes recorded");
    assert_ne!(lflag & libc::ICANON, 0, "ICANON left off: {out:?}");
    assert_ne!(lflag & libc::ECHO, 0, "ECHO left off: {out:?}");
    assert_ne!(lflag & libc::ISIG, 0, "ISIG left off: {out:?}");
}

#[test]
fn prompt_on_completes_shows_docs_and_runs_the_accepted_line_once() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let env = base_env(dir.path());
    let ep = fc.url();
    let args = [
        "connect",
        "update-user-identity-info",
        "--cli-auto-prompt",
        "--identity-info",
        "FirstName=Tty",
        "--user-id",
        USER_MARY,
        "--instance-id",
        INSTANCE_MAIN,
        "--endpoint-url",
        &ep,
    ];
    let prefilled = format!(
        "> aws connect update-user-identity-info --identity-info FirstName=Tty --user-id {USER_MARY} --instance-id {INSTANCE_MAIN} --endpoint-url {ep} "
    );
    let steps = [
        Step::WaitFor(&prefilled),
        Step::Send(b"--reg"),
        Step::Send(b"\t"),
        Step::WaitFor("--region \r\n"),
        Step::Send(b"us-west-2 --cli-"),
        Step::Send(b"\t"),
        Step::WaitFor("--cli-error-format"),
        // Close the menu, delete the unfinished `--cli-`, run.
        Step::Send(b"\x1b"),
        Step::Send(b"\x17"),
        Step::Send(b"\r"),
    ];
    let out = run_on_tty_scripted(BIN, &args, &env, dir.path(), 200, &steps);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    // The line as pre-filled, then completed.
    assert!(out.terminal.contains(&prefilled), "{out:?}");
    assert!(out.terminal.contains(&format!("{prefilled}--region \r\n")), "{out:?}");
    // Several candidates: a menu, each with its one-line documentation.
    for row in [
        " --cli-input-json       [string] Reads arguments from the JSON string provided.",
        " --cli-read-timeout     [int] The maximum socket read time in seconds.",
        " --cli-error-format     [string] The formatting style for error output.",
    ] {
        assert!(out.terminal.contains(row), "{row:?} not in {out:?}");
    }
    assert!(!out.terminal.contains(" --cli-auto-prompt "), "{out:?}");
    // Accepted: the drawing is erased and the line printed before the run.
    let accepted = format!("{}--region us-west-2 \r\n", &prefilled);
    assert!(out.terminal.ends_with(&format!("\r\x1b[J{accepted}")), "{out:?}");
    assert_eq!(out.stderr, "");
    let reqs = fc.requests();
    assert_eq!(reqs.len(), 1, "{reqs:?}");
    assert_eq!(reqs[0].method, "POST");
    assert_eq!(reqs[0].path, identity_path());
    assert_eq!(reqs[0].body_json, Some(json!({"IdentityInfo": {"FirstName": "Tty"}})));
    assert!(reqs[0].sig_valid);
    assert_eq!(reqs[0].signing_region.as_deref(), Some("us-west-2"));
    assert_terminal_restored(&out);
}

#[test]
fn prompt_on_with_timed_keys_edits_and_runs() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let env = base_env(dir.path());
    let ep = fc.url();
    let args = [
        "--cli-auto-prompt",
        "connect",
        "update-user-identity-info",
        "--identity-info",
        "FirstName=Old",
        "--user-id",
        USER_MARY,
        "--instance-id",
        INSTANCE_MAIN,
        "--endpoint-url",
        &ep,
    ];
    // Ctrl-U clears the line; the whole command is typed again (with Left/Right/Backspace).
    let typed = format!(
        "connect update-user-identity-info --identity-info FirstName=New --user-id {USER_MARY} --instance-id {INSTANCE_MAIN} --endpoint-url {ep}x"
    );
    let keys: [(std::time::Duration, &[u8]); 5] = [
        (std::time::Duration::from_millis(100), b"\x15"),
        (std::time::Duration::from_millis(50), typed.as_bytes()),
        (std::time::Duration::from_millis(50), b"\x1b[D\x1b[C\x7f"),
        (std::time::Duration::from_millis(50), b"\x1b[H\x1b[F"),
        (std::time::Duration::from_millis(50), b"\r"),
    ];
    let out = run_on_tty_with_input(BIN, &args, &env, dir.path(), 100, &keys);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert!(out.terminal.ends_with(&format!("> aws {}\r\n", &typed[..typed.len() - 1])), "{out:?}");
    let reqs = fc.requests();
    assert_eq!(reqs.len(), 1, "{reqs:?}");
    assert_eq!(reqs[0].path, identity_path());
    assert_eq!(reqs[0].body_json, Some(json!({"IdentityInfo": {"FirstName": "New"}})));
    assert_terminal_restored(&out);
}

#[test]
fn prompt_ctrl_c_cancels_with_130_and_runs_nothing() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let env = base_env(dir.path());
    let ep = fc.url();
    let args = ["connect", "update-user-identity-info", "--user-id", "u 1", "--endpoint-url", &ep, "--cli-auto-prompt"];
    let line = format!("> aws connect update-user-identity-info --user-id 'u 1' --endpoint-url {ep} ");
    let steps = [Step::WaitFor(&line), Step::Send(b"\x03")];
    let out = run_on_tty_scripted(BIN, &args, &env, dir.path(), 120, &steps);
    assert_eq!(out.exit_code, Some(130), "{out:?}");
    assert_eq!(out.stderr, format!("{line}\n"));
    assert!(out.terminal.ends_with("\r\x1b[J"), "{out:?}");
    assert!(fc.requests().is_empty());
    assert_terminal_restored(&out);

    // Ctrl-D does the same.
    let steps = [Step::WaitFor(&line), Step::Send(b"\x04")];
    let out = run_on_tty_scripted(BIN, &args, &env, dir.path(), 120, &steps);
    assert_eq!(out.exit_code, Some(130), "{out:?}");
    assert_eq!(out.stderr, format!("{line}\n"));
    assert!(fc.requests().is_empty());
}

#[test]
fn prompt_line_with_an_open_quote_fails_like_shlex() {
    let dir = tempfile::tempdir().unwrap();
    let env = base_env(dir.path());
    let args = ["connect", "update-user-identity-info", "--cli-auto-prompt"];
    let steps = [Step::WaitFor("> aws connect update-user-identity-info "), Step::Send(b"--query 'x\r")];
    let out = run_on_tty_scripted(BIN, &args, &env, dir.path(), 120, &steps);
    assert_eq!(out.exit_code, Some(255), "{out:?}");
    assert!(out.terminal.ends_with("> aws connect update-user-identity-info --query 'x\r\n"), "{out:?}");
    assert_eq!(out.stderr, "\naws: [ERROR]: No closing quotation\n");
}

#[test]
fn prompt_on_partial_with_complete_arguments_just_runs() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let mut env = base_env(dir.path());
    env.push(("AWS_CLI_AUTO_PROMPT", "on-partial".into()));
    let ep = fc.url();
    let args = [
        "connect",
        "update-user-identity-info",
        "--identity-info",
        "FirstName=Tty",
        "--user-id",
        USER_MARY,
        "--instance-id",
        INSTANCE_MAIN,
        "--endpoint-url",
        &ep,
        "--query",
        "`\"done\"`",
    ];
    let out = run_on_tty_scripted(BIN, &args, &env, dir.path(), 120, &[]);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert_eq!(out.terminal, "\"done\"\r\n");
    assert_eq!(out.stderr, "");
    let reqs = fc.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].path, identity_path());
}

#[test]
fn prompt_on_partial_failure_keeps_other_errors() {
    // A failure other than parameter validation is shown as usual and nothing is prompted.
    let dir = tempfile::tempdir().unwrap();
    let mut env = base_env(dir.path());
    env.push(("AWS_CLI_AUTO_PROMPT", "on-partial".into()));
    let args = [
        "connect",
        "update-user-identity-info",
        "--identity-info",
        "FirstName=Tty",
        "--user-id",
        "u",
        "--instance-id",
        "i",
        "--profile",
        "nosuchprofile",
    ];
    let out = run_on_tty_scripted(BIN, &args, &env, dir.path(), 120, &[]);
    assert_eq!(out.exit_code, Some(255), "{out:?}");
    assert!(out.stderr.contains("The config profile (nosuchprofile) could not be found"), "{out:?}");
    assert!(!out.terminal.contains("> aws"), "{out:?}");
}

#[test]
fn prompt_on_partial_prompts_for_a_missing_argument() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let mut env = base_env(dir.path());
    env.push(("AWS_CLI_AUTO_PROMPT", "on-partial".into()));
    let ep = fc.url();
    let args = [
        "connect",
        "update-user-identity-info",
        "--identity-info",
        "FirstName=Tty",
        "--instance-id",
        INSTANCE_MAIN,
        "--endpoint-url",
        &ep,
    ];
    let prefilled = format!(
        "> aws connect update-user-identity-info --identity-info FirstName=Tty --instance-id {INSTANCE_MAIN} --endpoint-url {ep} "
    );
    let user = format!("--user-id {USER_MARY}");
    let steps = [Step::WaitFor(&prefilled), Step::Send(user.as_bytes()), Step::Send(b"\r")];
    let out = run_on_tty_scripted(BIN, &args, &env, dir.path(), 200, &steps);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    // The validation error of the first attempt is not shown.
    assert_eq!(out.stderr, "");
    assert!(out.terminal.ends_with(&format!("{prefilled}{user}\r\n")), "{out:?}");
    let reqs = fc.requests();
    assert_eq!(reqs.len(), 1, "{reqs:?}");
    assert_eq!(reqs[0].path, identity_path());
    assert_eq!(reqs[0].body_json, Some(json!({"IdentityInfo": {"FirstName": "Tty"}})));
    assert_terminal_restored(&out);
}

#[test]
fn prompt_without_a_terminal_warns_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    for (extra_env, args) in [
        (None, vec!["connect", "update-user-identity-info", "--cli-auto-prompt"]),
        // on-partial: the first attempt's validation error is silenced, then the prompt fails.
        (Some("on-partial"), vec!["connect", "update-user-identity-info"]),
    ] {
        let mut cmd = Command::new(BIN);
        cmd.args(&args).current_dir(dir.path()).env_clear();
        for (k, v) in base_env(dir.path()) {
            cmd.env(k, v);
        }
        if let Some(mode) = extra_env {
            cmd.env("AWS_CLI_AUTO_PROMPT", mode);
        }
        let out = cmd.stdin(Stdio::null()).output().unwrap();
        assert_eq!(out.status.code(), Some(255));
        assert_eq!(String::from_utf8_lossy(&out.stdout), "");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "Warning: Input is not a terminal (fd=0).\n\naws: [ERROR]:\n");
    }
}
