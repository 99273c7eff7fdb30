//! Behaviour on a terminal: the output pager (with a fake pager), the help pager, colour
//! `auto` and the terminal's width for tables.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support::fake_connect::{INSTANCE_MAIN, USER_MARY};
use crate::support::pty::run_on_tty;
use crate::support::FakeConnect;

const BIN: &str = env!("CARGO_BIN_EXE_aws");

/// A pager that announces itself, shows `LESS`, then copies its input.
fn fake_pager(dir: &Path) -> String {
    let path = dir.join("fakepager");
    std::fs::write(&path, "#!/bin/sh\necho \"fake pager: $*\"\necho \"LESS=$LESS\"\ncat\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

fn base_env(dir: &Path) -> Vec<(&'static str, String)> {
    crate::support::pty::tty_env(dir)
}

fn update_args<'a>(ep: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec![
        "connect", "update-user-identity-info", "--identity-info", "FirstName=Tty", "--user-id", USER_MARY,
        "--instance-id", INSTANCE_MAIN, "--endpoint-url", ep,
    ];
    a.extend_from_slice(extra);
    a
}

#[test]
fn output_goes_through_the_pager_with_less_frx() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let mut env = base_env(dir.path());
    env.push(("AWS_PAGER", fake_pager(dir.path())));
    let ep = fc.url();
    let out = run_on_tty(BIN, &update_args(&ep, &["--query", "`\"x\"`"]), &env, dir.path(), 80);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert_eq!(out.terminal, "fake pager: \r\nLESS=FRX\r\n\"x\"\r\n");
    assert_eq!(out.stderr, "");
    assert_eq!(fc.requests().len(), 1);
}

#[test]
fn pager_keeps_an_existing_less_and_splits_arguments() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let mut env = base_env(dir.path());
    env.push(("AWS_PAGER", format!("{} -x \"a b\"", fake_pager(dir.path()))));
    env.push(("LESS", "-R".into()));
    let ep = fc.url();
    let out = run_on_tty(BIN, &update_args(&ep, &["--query", "`[1]`", "--output", "text"]), &env, dir.path(), 80);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert_eq!(out.terminal, "fake pager: -x a b\r\nLESS=-R\r\n1\r\n");
}

#[test]
fn no_output_starts_no_pager() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let mut env = base_env(dir.path());
    env.push(("AWS_PAGER", fake_pager(dir.path())));
    let ep = fc.url();
    let out = run_on_tty(BIN, &update_args(&ep, &[]), &env, dir.path(), 80);
    assert_eq!((out.exit_code, out.terminal.as_str(), out.stderr.as_str()), (Some(0), "", ""));
}

#[test]
fn no_cli_pager_and_empty_pager_write_directly() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let mut env = base_env(dir.path());
    env.push(("AWS_PAGER", fake_pager(dir.path())));
    let ep = fc.url();
    let out = run_on_tty(BIN, &update_args(&ep, &["--query", "`\"x\"`", "--no-cli-pager"]), &env, dir.path(), 80);
    assert_eq!((out.exit_code, out.terminal.as_str()), (Some(0), "\"x\"\r\n"));
    let mut env = base_env(dir.path());
    env.push(("AWS_PAGER", String::new()));
    let out = run_on_tty(BIN, &update_args(&ep, &["--query", "`\"x\"`"]), &env, dir.path(), 80);
    assert_eq!((out.exit_code, out.terminal.as_str()), (Some(0), "\"x\"\r\n"));
}

#[test]
fn profile_pager_then_pager_variable() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let env0 = base_env(dir.path());
    let pager = fake_pager(dir.path());
    std::fs::write(dir.path().join("aws/config"), format!("[default]\nregion = us-east-1\ncli_pager = {pager} cfg\n")).unwrap();
    let mut env = env0.clone();
    env.push(("PAGER", "/nonexistent/pager".into()));
    let ep = fc.url();
    let out = run_on_tty(BIN, &update_args(&ep, &["--query", "`\"x\"`"]), &env, dir.path(), 80);
    assert_eq!((out.exit_code, out.terminal.as_str()), (Some(0), "fake pager: cfg\r\nLESS=FRX\r\n\"x\"\r\n"));
}

#[test]
fn a_pager_that_cannot_start_is_a_253_error() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let mut env = base_env(dir.path());
    env.push(("AWS_PAGER", "/nonexistent/pager".into()));
    let ep = fc.url();
    let out = run_on_tty(BIN, &update_args(&ep, &["--query", "`\"x\"`"]), &env, dir.path(), 80);
    assert_eq!(out.exit_code, Some(253));
    assert_eq!(out.terminal, "");
    assert_eq!(
        out.stderr,
        "\naws: [ERROR]: An error occurred (Pager): Unable to redirect output to pager. Received the following error when opening pager:\n[Errno 2] No such file or directory: '/nonexistent/pager'\n\nLearn more about configuring the output pager by running \"aws help config-vars\".\n"
    );
}

#[test]
fn tables_use_the_terminal_width_and_colour_auto() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let mut env = base_env(dir.path());
    env.push(("AWS_PAGER", String::new()));
    let ep = fc.url();
    let out = run_on_tty(BIN, &update_args(&ep, &["--query", "`{\"a\": \"b\"}`", "--output", "table"]), &env, dir.path(), 40);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    let first = out.terminal.lines().next().unwrap_or_default().trim_end_matches('\r').to_string();
    assert_eq!(first, "-".repeat(24));
    assert!(out.terminal.contains("\x1b[1m\x1b[34ma\x1b[0m"), "{:?}", out.terminal);
    assert!(out.terminal.ends_with("\x1b[0m"), "{:?}", out.terminal);
}

#[test]
fn help_goes_through_manpager_with_emphasis() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let mut env = base_env(dir.path());
    env.push(("MANPAGER", fake_pager(dir.path())));
    env.push(("PAGER", "/nonexistent/pager".into()));
    let out = run_on_tty(BIN, &["connect", "update-user-identity-info", "help"], &env, dir.path(), 80);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert!(out.terminal.starts_with("fake pager: \r\nLESS=\r\n"), "{:?}", &out.terminal[..80.min(out.terminal.len())]);
    // Headings are bold (overstruck) as groff shows them.
    assert!(out.terminal.contains("N\x08NA\x08AM\x08ME\x08E"), "no bold NAME heading");
    assert!(fc.requests().is_empty());
}

#[test]
fn help_without_a_pager_is_printed_directly() {
    let dir = tempfile::tempdir().unwrap();
    let mut env = base_env(dir.path());
    env.push(("MANPAGER", "/nonexistent/pager".into()));
    let out = run_on_tty(BIN, &["connect", "help"], &env, dir.path(), 80);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert!(out.terminal.starts_with("CONNECT()"), "{:?}", &out.terminal[..200.min(out.terminal.len())]);
    assert!(out.terminal.contains("N\x08NA\x08AM\x08ME\x08E"), "no bold NAME heading");
}
