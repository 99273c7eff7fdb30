//! No input makes the parsers panic: property tests over the shorthand parser, JSON and YAML
//! input, parameter files, the command line and `--query`.

use awsclone::cli::{self, OperationArgs};
use awsclone::config::Env;
use awsclone::input::{self, pyjson, shorthand};
use awsclone::model::validate;
use proptest::prelude::*;

/// Strings biased towards the characters the grammars care about.
fn tricky() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("=".to_string()),
            Just(",".to_string()),
            Just("@".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("{".to_string()),
            Just("}".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            Just("\\".to_string()),
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("FirstName".to_string()),
            Just("file://x".to_string()),
            Just("😀".to_string()),
            Just(":".to_string()),
            any::<char>().prop_map(|c| c.to_string()),
            "[a-z0-9]{1,4}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

fn env_in(dir: &std::path::Path) -> Env {
    Env::from_pairs(vec![("HOME".to_string(), dir.display().to_string())], dir.to_path_buf())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn shorthand_never_panics(s in tricky()) {
        if let Err(e) = shorthand::parse(&s) {
            prop_assert!(!e.message().is_empty() || e.is_recursion());
        }
    }

    #[test]
    fn python_json_never_panics(s in tricky()) {
        let _ = pyjson::loads_py(&s, pyjson::ObjectHook::OrderedDict);
        let _ = pyjson::loads_py(&format!("{{\"a\": {s}}}"), pyjson::ObjectHook::Dict);
    }

    #[test]
    fn identity_info_pipeline_never_panics(s in tricky(), json in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        let env = env_in(dir.path());
        let value = if json { format!("{{{s}}}") } else { s };
        let op = OperationArgs { identity_info: Some(value), user_id: Some("u".into()), instance_id: Some("i".into()), ..Default::default() };
        if let Ok(params) = input::build(&op, &env) {
            let _ = validate::validate(&params);
            let _ = input::to_call(&params);
        }
    }

    #[test]
    fn cli_input_yaml_and_json_never_panic(s in tricky()) {
        let dir = tempfile::tempdir().unwrap();
        let env = env_in(dir.path());
        for op in [
            OperationArgs { cli_input_yaml: Some(s.clone()), ..Default::default() },
            OperationArgs { cli_input_json: Some(s.clone()), ..Default::default() },
        ] {
            if let Ok(params) = input::build(&op, &env) {
                let _ = validate::validate(&params);
            }
        }
    }

    #[test]
    fn parameter_files_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..64), name in "[a-z]{1,8}") {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(&name), &bytes).unwrap();
        let env = env_in(dir.path());
        for prefix in ["file://", "fileb://"] {
            let op = OperationArgs {
                identity_info: Some(format!("{prefix}{name}")),
                user_id: Some(format!("{prefix}{name}")),
                instance_id: Some("i".into()),
                cli_input_json: Some(format!("{prefix}{name}")),
                ..Default::default()
            };
            let _ = input::build(&op, &env);
        }
    }

    #[test]
    fn command_line_never_panics(words in prop::collection::vec(prop_oneof![
        Just("connect".to_string()), Just("update-user-identity-info".to_string()),
        Just("--identity-info".to_string()), Just("--user-id".to_string()), Just("--i".to_string()),
        Just("--output".to_string()), Just("--generate-cli-skeleton".to_string()), Just("help".to_string()),
        Just("--cli-input-json".to_string()), Just("--".to_string()), Just("-1".to_string()),
        "--[a-z-]{0,12}(=[a-z]{0,3})?", "[a-z=,]{0,6}",
    ], 0..12)) {
        let _ = cli::parse(&words);
    }

    #[test]
    fn query_never_panics(expr in tricky(), data in tricky()) {
        if let Ok(q) = awsclone::output::jmespath::compile(&expr) {
            let value = serde_json::json!({"a": [1, 2.5, {"b": data}], "c": null});
            let _ = q.search(&value);
        }
    }
}
