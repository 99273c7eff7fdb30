use std::path::PathBuf;

use super::*;

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn env_with(vars: &[(&str, &str)]) -> Env {
    Env::from_pairs(
        vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).chain([
            ("AWS_CONFIG_FILE".to_string(), "/nonexistent/config".to_string()),
            ("AWS_SHARED_CREDENTIALS_FILE".to_string(), "/nonexistent/credentials".to_string()),
        ]),
        PathBuf::from("/"),
    )
}

struct Captured {
    code: i32,
    stdout: String,
    stderr: String,
}

fn drive_with(mode: Mode, args: &[&str], stdin_tty: bool, run: Runner) -> Captured {
    let env = env_with(&[]);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = {
        let mut io = Io {
            stdout: &mut out,
            stderr: &mut err,
            stdin_tty,
            stdout_tty: false,
            stderr_tty: false,
            terminal_width: None,
        };
        drive(mode, &strs(args), &env, &mut io, run)
    };
    Captured { code, stdout: String::from_utf8(out).unwrap(), stderr: String::from_utf8(err).unwrap() }
}

/// A run that fails validation unless `--user-id` is given.
fn fake_run(args: &[String], _: &Env, io: &mut Io<'_>) -> i32 {
    if args.iter().any(|a| a == "--user-id") {
        let _ = io.stdout.write_all(b"ran\n");
        let _ = io.stderr.write_all(b"a warning\n");
        0
    } else {
        let _ = io.stderr.write_all(b"\naws: [ERROR]: missing --user-id\n");
        252
    }
}

#[test]
fn prompt_mode_resolution() {
    let env = env_with(&[]);
    assert_eq!(mode(&strs(&["connect"]), &env).unwrap(), Mode::Off);
    assert_eq!(mode(&strs(&["connect", "--cli-auto-prompt"]), &env).unwrap(), Mode::On);
    assert_eq!(mode(&strs(&["--cli-auto-prompt", "help"]), &env).unwrap(), Mode::Off);
    assert!(mode(&strs(&["--cli-auto-prompt", "--no-cli-auto-prompt"]), &env).is_err());
    let env = env_with(&[("AWS_CLI_AUTO_PROMPT", "ON-Partial")]);
    assert_eq!(mode(&strs(&["connect"]), &env).unwrap(), Mode::OnPartial);
    assert_eq!(mode(&strs(&["connect", "--no-cli-auto-prompt"]), &env).unwrap(), Mode::Off);
}

#[test]
fn prompt_off_and_on_partial_success_run_once_as_typed() {
    let c = drive_with(Mode::Off, &["--user-id"], false, fake_run);
    assert_eq!((c.code, c.stdout.as_str(), c.stderr.as_str()), (0, "ran\n", "a warning\n"));
    let c = drive_with(Mode::OnPartial, &["--user-id"], false, fake_run);
    assert_eq!((c.code, c.stdout.as_str(), c.stderr.as_str()), (0, "ran\n", "a warning\n"));
}

#[test]
fn prompt_on_partial_failure_silences_the_error_then_needs_a_terminal() {
    let c = drive_with(Mode::OnPartial, &["connect"], false, fake_run);
    assert_eq!(c.code, 255);
    assert_eq!(c.stdout, "");
    assert_eq!(c.stderr, "Warning: Input is not a terminal (fd=0).\n\naws: [ERROR]:\n");
}

#[test]
fn prompt_on_without_terminal_runs_nothing() {
    fn never(_: &[String], _: &Env, _: &mut Io<'_>) -> i32 {
        panic!("ran")
    }
    let c = drive_with(Mode::On, &["connect", "--cli-auto-prompt"], false, never);
    assert_eq!(c.code, 255);
    assert_eq!(c.stderr, "Warning: Input is not a terminal (fd=0).\n\naws: [ERROR]:\n");
}

#[test]
fn prompt_prefill_quotes_and_adds_a_blank() {
    let ctx = completion_context(&env_with(&[]));
    let args = strs(&["connect", "update-user-identity-info", "--cli-auto-prompt", "--identity-info", "FirstName=a b"]);
    assert_eq!(prefill(&args, &ctx), "connect update-user-identity-info --identity-info 'FirstName=a b' ");
    // The last word still completes: no blank.
    assert_eq!(
        prefill(&strs(&["connect", "update-user-identity-info", "--reg"]), &ctx),
        "connect update-user-identity-info --reg"
    );
    // Completes only to itself: a blank.
    assert_eq!(prefill(&strs(&["connect", "update-user-identity-info"]), &ctx), "connect update-user-identity-info ");
    assert_eq!(prefill(&strs(&["--cli-auto-prompt"]), &ctx), "");
}

#[test]
fn prompt_menu_entries_leave_out_the_auto_prompt_flags() {
    let ctx = completion_context(&env_with(&[]));
    let e = menu_entries("aws connect update-user-identity-info --cli-", &ctx);
    let names: Vec<&str> = e.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        names,
        [
            "--cli-input-json",
            "--cli-input-yaml",
            "--cli-read-timeout",
            "--cli-connect-timeout",
            "--cli-binary-format",
            "--cli-error-format"
        ]
    );
    assert!(e.iter().all(|e| e.meta.starts_with('[')), "{e:?}");
    assert!(menu_entries("aws connect update-user-identity-info --no-cli-a", &ctx).is_empty());
}
