//! `file://` / `fileb://` parameter files whose contents are the fuzz data, through
//! `input::build` + validation.
//!
//! Input: byte 0 chooses where the file is referenced (see `MODES`), byte 1 the
//! `AWS_CLI_FILE_ENCODING` (see `ENCODINGS`); the rest is written to
//! `/tmp/fuzz-paramfiles-<pid>/param` and referenced by absolute, relative, `${VAR}` or `~` path.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use awsclone::cli::OperationArgs;
use libfuzzer_sys::fuzz_target;

#[derive(Clone, Copy)]
enum Slot {
    IdentityInfo,
    UserId,
    InstanceId,
    CliInputJson,
    CliInputYaml,
    /// `--identity-info FirstName@=<ref>,LastName=x`
    ShorthandAt,
    /// `--identity-info FirstName@=[<ref>,<ref>]`
    ShorthandAtList,
}

const MODES: [Slot; 7] = [
    Slot::IdentityInfo,
    Slot::UserId,
    Slot::InstanceId,
    Slot::CliInputJson,
    Slot::CliInputYaml,
    Slot::ShorthandAt,
    Slot::ShorthandAtList,
];

const ENCODINGS: [Option<&str>; 8] = [
    None,
    Some("utf-8-sig"),
    Some("latin-1"),
    Some("utf-16"),
    Some("utf-16-be"),
    Some("ascii"),
    Some("UTF_8"),
    Some("bogus"),
];

fuzz_target!(|data: &[u8]| {
    let [mode, enc, contents @ ..] = data else { return };
    let slot = MODES[(*mode as usize) % MODES.len()];
    let binary = mode & 0x80 != 0;
    let encoding = ENCODINGS[(*enc as usize) % ENCODINGS.len()];

    // Contents that reach the shorthand parser (with its `@=` loader) must not name other files.
    if matches!(slot, Slot::IdentityInfo | Slot::ShorthandAt | Slot::ShorthandAtList) && common::names_a_file(contents) {
        return;
    }

    let dir = common::scratch_dir();
    let path = dir.join("param");
    std::fs::write(&path, contents).expect("write param file");

    let scheme = if binary { "fileb://" } else { "file://" };
    let reference = match (enc >> 4) & 3 {
        0 => format!("{scheme}{}", path.display()),
        1 => format!("{scheme}param"),
        2 => format!("{scheme}${{FUZZPARAMDIR}}/param"),
        _ => format!("{scheme}$FUZZPARAMDIR/param"),
    };
    let mut env_vars: Vec<(String, String)> = common::env(encoding).vars().map(|(k, v)| (k.into(), v.into())).collect();
    env_vars.push(("FUZZPARAMDIR".into(), dir.display().to_string()));
    let env = awsclone::config::Env::from_pairs(env_vars, dir.clone());

    let mut op = OperationArgs {
        identity_info: Some("FirstName=a".into()),
        user_id: Some("uid".into()),
        instance_id: Some("iid".into()),
        ..Default::default()
    };
    match slot {
        Slot::IdentityInfo => op.identity_info = Some(reference),
        Slot::UserId => op.user_id = Some(reference),
        Slot::InstanceId => op.instance_id = Some(reference),
        Slot::CliInputJson => {
            op.identity_info = None;
            op.cli_input_json = Some(reference);
        }
        Slot::CliInputYaml => {
            op.user_id = None;
            op.cli_input_yaml = Some(reference);
        }
        Slot::ShorthandAt => op.identity_info = Some(format!("FirstName@={reference},LastName=x")),
        Slot::ShorthandAtList => op.identity_info = Some(format!("FirstName@=[{reference},{reference}]")),
    }
    common::build_and_validate(&op, &env);
});
