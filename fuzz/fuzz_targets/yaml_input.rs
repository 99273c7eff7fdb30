//! `--cli-input-yaml` and `--cli-input-json` through `input::build` + validation.
//!
//! Input: byte 0 chooses the option (bit 0: yaml/json) and whether explicit arguments are
//! given too (bit 1: `--identity-info`, bit 2: `--user-id`); the rest is the option's value.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use awsclone::cli::OperationArgs;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    if common::names_a_file(rest) {
        return;
    }
    let mut op = OperationArgs::default();
    if mode & 1 == 0 {
        op.cli_input_yaml = Some(text.to_string());
    } else {
        op.cli_input_json = Some(text.to_string());
    }
    if mode & 2 != 0 {
        op.identity_info = Some("FirstName=Explicit".into());
    }
    if mode & 4 != 0 {
        op.user_id = Some("explicit-uid".into());
    }
    let env = common::env(None);
    common::build_and_validate(&op, &env);
});
