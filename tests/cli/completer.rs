//! The `aws_completer` binary speaks bash's `complete -C` protocol: `COMP_LINE`/`COMP_POINT` in,
//! one candidate per line out, exit 0.

use std::process::Command;

const COMPLETER: &str = env!("CARGO_BIN_EXE_aws_completer");

fn complete(line: &str, home: &std::path::Path, extra_args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(COMPLETER)
        .args(extra_args)
        .env_clear()
        .env("COMP_LINE", line)
        .env("COMP_POINT", line.len().to_string())
        .env("HOME", home)
        .env("LANG", "C.UTF-8")
        .current_dir(home)
        .output()
        .expect("run aws_completer");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn completes_each_kind_of_word() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".aws")).unwrap();
    std::fs::write(dir.path().join(".aws/config"), "[default]\n[profile dev]\n[profile prod]\n").unwrap();
    std::fs::write(dir.path().join("identity.json"), "{}").unwrap();
    let home = dir.path();
    assert_eq!(complete("aws qconn", home, &[]), (Some(0), "qconnect\n".into()));
    assert!(complete("aws conn", home, &[]).1.starts_with("connect\nconnect-contact-lens\n"));
    assert_eq!(complete("aws connect update-user-identity-i", home, &[]), (Some(0), "update-user-identity-info\n".into()));
    assert_eq!(
        complete("aws connect update-user-identity-info --ins", home, &[]),
        (Some(0), "--instance-id\n".into())
    );
    assert_eq!(
        complete("aws connect update-user-identity-info --output y", home, &[]),
        (Some(0), "yaml\nyaml-stream\n".into())
    );
    assert_eq!(complete("aws --profile p", home, &[]), (Some(0), "prod\n".into()));
    assert_eq!(complete("aws --region us-west-", home, &[]), (Some(0), "us-west-1\nus-west-2\n".into()));
    assert_eq!(
        complete("aws connect update-user-identity-info --identity-info FirstName=a,La", home, &[]),
        (Some(0), "FirstName=a,LastName=\n".into())
    );
    assert_eq!(
        complete("aws connect update-user-identity-info --identity-info file://iden", home, &[]),
        (Some(0), "file://identity.json\n".into())
    );
}

#[test]
fn without_the_protocol_variables_it_prints_nothing() {
    let out = Command::new(COMPLETER).env_clear().output().expect("run aws_completer");
    assert_eq!((out.status.code(), out.stdout.as_slice()), (Some(0), &b""[..]));
}
