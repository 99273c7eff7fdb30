//! Python-compatible `json.loads` (`pyjson::loads_py`, both object hooks, `loads`),
//! and the `--identity-info` JSON path through `input::build` + validation.
#![no_main]

#[path = "../common/mod.rs"]
mod common;

use awsclone::cli::OperationArgs;
use awsclone::input::pyjson::{self, ObjectHook};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };

    let dict = pyjson::loads_py(text, ObjectHook::Dict);
    let ordered = pyjson::loads_py(text, ObjectHook::OrderedDict);
    assert_eq!(dict.is_ok(), ordered.is_ok(), "object hook changed success for {text:?}");
    match &dict {
        Ok(v) => {
            let _ = v.repr();
            let _ = v.py_str();
            let _ = v.type_repr();
            let _ = v.to_json();
        }
        Err(e) => {
            let _ = e.to_string();
            let _ = e.is_value_error();
        }
    }
    let _ = pyjson::loads(text);

    if common::names_a_file(data) {
        return;
    }
    let env = common::env(None);
    let op = OperationArgs {
        identity_info: Some(text.to_string()),
        user_id: Some("uid".into()),
        instance_id: Some("iid".into()),
        ..Default::default()
    };
    common::build_and_validate(&op, &env);
});
