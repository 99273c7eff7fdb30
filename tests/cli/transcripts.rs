//! Whole transcripts (exit code, stdout, stderr, requests received) of the built binary,
//! compared with `tests/cli/snapshots/<name>.snap`. `SNAPSHOTS=overwrite cargo test` rewrites
//! them; every snapshot was checked against AWS CLI v2 2.36.7's behaviour.

use crate::support::fake_connect::{INSTANCE_MAIN, INSTANCE_SAML, USER_MARY, USER_SAML};
use crate::support::{assert_snapshot, Case, FakeConnect};

const BIN: &str = env!("CARGO_BIN_EXE_aws");

/// `connect update-user-identity-info` followed by `extra`.
fn op(extra: &[&str]) -> Case {
    let mut args = vec!["connect", "update-user-identity-info"];
    args.extend_from_slice(extra);
    Case::new(args)
}

/// The operation with valid ids and endpoint, and the given `--identity-info`, then `extra`.
fn update(identity: &str, extra: &[&str]) -> Case {
    let mut args =
        vec!["--identity-info", identity, "--user-id", USER_MARY, "--instance-id", INSTANCE_MAIN, "--endpoint-url", "{EP}"];
    args.extend_from_slice(extra);
    op(&args)
}

/// Updates with explicit ids.
fn update_ids(identity: &str, user: &str, instance: &str, extra: &[&str]) -> Case {
    let mut args = vec!["--identity-info", identity, "--user-id", user, "--instance-id", instance, "--endpoint-url", "{EP}"];
    args.extend_from_slice(extra);
    op(&args)
}

macro_rules! transcripts {
    ($($name:ident => $case:expr;)*) => {$(
        #[test]
        fn $name() {
            let fc = FakeConnect::start();
            let out = $case.run(BIN, &fc);
            assert_snapshot(stringify!($name), &out);
        }
    )*};
}

// Arguments and argparse behaviour.
transcripts! {
    doc_example => update("FirstName=Mary,LastName=Major,Email=marym@example.com", &[]);
    all_fields => update("FirstName=Maria,LastName=Garcia,Email=maria@example.com,SecondaryEmail=maria.g@example.org,Mobile=+14255550100", &[]);
    global_options_before_command => Case::new(["--endpoint-url", "{EP}", "--region", "us-west-2", "--output", "json", "connect", "update-user-identity-info", "--identity-info", "FirstName=Before", "--user-id", USER_MARY, "--instance-id", INSTANCE_MAIN]);
    global_option_between_service_and_operation => Case::new(["connect", "--region", "us-west-2", "update-user-identity-info", "--identity-info", "FirstName=Mid", "--user-id", USER_MARY, "--instance-id", INSTANCE_MAIN, "--endpoint-url", "{EP}"]);
    operation_option_equals_before_operation => Case::new(["connect", "--user-id=u", "update-user-identity-info", "--identity-info", "FirstName=Eq", "--instance-id", INSTANCE_MAIN, "--endpoint-url", "{EP}"]);
    operation_option_value_before_operation => Case::new(["connect", "--user-id", "u", "update-user-identity-info", "--identity-info", "FirstName=Eq", "--instance-id", INSTANCE_MAIN]);
    abbreviation_prefix => op(&["--identity", "FirstName=Abbrev", "--user", USER_MARY, "--instance-id", "wrong", "--inst", INSTANCE_MAIN, "--endp", "{EP}", "--reg", "us-east-1"]);
    abbreviation_ambiguous => update("FirstName=Abbrev", &["--i", INSTANCE_MAIN]);
    abbreviation_ambiguous_global => update("FirstName=Abbrev", &["--no"]);
    equals_form_and_empty_value => op(&["--identity-info=FirstName=Eq", "--user-id=", "--instance-id=x", "--endpoint-url={EP}"]);
    last_repeat_wins => update("FirstName=First", &["--user-id", "overridden", "--identity-info", "LastName=Last"]);
    value_looking_like_option => op(&["--identity-info", "FirstName=X", "--user-id", "-abc", "--instance-id", INSTANCE_MAIN]);
    value_with_equals_and_dash => update("FirstName=X", &["--user-id=-abc"]);
    negative_number_value => update("FirstName=X", &["--user-id", "-1"]);
    missing_value => op(&["--identity-info", "--user-id", USER_MARY, "--instance-id", INSTANCE_MAIN]);
    unknown_option => update("FirstName=X", &["--foo", "bar"]);
    unknown_option_before_command => Case::new(["--foo", "connect", "update-user-identity-info", "--identity-info", "FirstName=X", "--user-id", USER_MARY, "--instance-id", INSTANCE_MAIN, "--endpoint-url", "{EP}"]);
    unknown_option_value_before_command => Case::new(["--foo", "bar", "connect", "update-user-identity-info"]);
    positional_junk => update("FirstName=X", &["junk"]);
    misspelt_option => op(&["--instance-idd", INSTANCE_MAIN, "--user-id", USER_MARY, "--identity-info", "FirstName=X"]);
    no_arguments => Case::new(Vec::<String>::new());
    missing_operation => Case::new(["connect"]);
    missing_required_some => op(&["--user-id", "u"]);
    invalid_command_suggestions => Case::new(["connectt"]);
    invalid_operation_suggestions => Case::new(["connect", "update-user-identity-inf"]);
    invalid_output_suggestion => update("FirstName=X", &["--output", "jsn"]);
    invalid_color => update("FirstName=X", &["--color", "bogus"]);
    invalid_binary_format => update("FirstName=X", &["--cli-binary-format", "hex"]);
    invalid_error_format => update("FirstName=X", &["--cli-error-format", "bogus"]);
    flag_with_explicit_value => update("FirstName=X", &["--no-paginate=yes"]);
    no_paginate_accepted => update("FirstName=X", &["--no-paginate"]);
    other_service_not_implemented => Case::new(["s3", "ls"]);
    other_operation_not_implemented => Case::new(["connect", "describe-user", "--user-id", "u"]);
    cli_input_json_equals_keeps_required => op(&["--cli-input-json={}"]);
    both_auto_prompt_flags => update("FirstName=X", &["--cli-auto-prompt", "--no-cli-auto-prompt"]);
    auto_prompt_without_terminal => update("FirstName=X", &["--cli-auto-prompt"]);
    no_auto_prompt_runs => update("FirstName=X", &["--no-cli-auto-prompt"]);
}

// Shorthand syntax.
transcripts! {
    sh_spaces_around => update("FirstName = Mary , LastName = Major", &[]);
    sh_double_quoted_comma => update("FirstName=\"Major, Jr\",LastName=X", &[]);
    sh_single_quoted_escapes => update("FirstName='it\\'s',LastName=\"q\\\"x\"", &[]);
    sh_backslash_comma => update("FirstName=Mary\\,Ann", &[]);
    sh_equals_and_brackets_in_value => update("FirstName=a=b,LastName=x[y", &[]);
    sh_empty_value_first => update("FirstName=,LastName=Major", &[]);
    sh_unknown_key => update("FirstName=Mary,Foo=bar", &[]);
    sh_missing_equals => update("FirstName", &[]);
    sh_quoted_key => update("\"FirstName\"=Mary", &[]);
    sh_empty_string => update("", &[]);
    sh_leading_space => update(" FirstName=a", &[]);
    sh_nested_struct_value => update("FirstName={a=b}", &[]);
    sh_csv_list_value => update("FirstName=a,b,c", &[]);
    sh_trailing_comma => update("FirstName=a,", &[]);
    sh_duplicate_key => update("FirstName=a,FirstName=b", &[]);
    sh_multiline_error => update("a=b\n,c=d,,", &[]);
    sh_newline_between_pairs => update("FirstName=a,\nLastName=b", &[]);
    sh_unterminated_quote => update("FirstName=\"a", &[]);
    sh_astral_unquoted => update("FirstName=😀", &[]);
    sh_astral_quoted => update("FirstName=\"😀\"", &[]);
    sh_value_after_quote => update("FirstName=b\"c", &[]);
    sh_at_equals_file => update("FirstName@=file://fn.txt,LastName=file://literal", &[]).file("fn.txt", "FromFile");
    sh_at_equals_missing_file => update("FirstName@=file://nonexist", &[]);
    sh_at_equals_fileb => update("FirstName@=fileb://fn.txt", &[]).file("fn.txt", "bin");
    sh_nfd_rejected_by_service => update("FirstName=Zoe\u{308}", &[]);
    sh_long_first_name => update(&format!("FirstName={}", "a".repeat(256)), &[]);
}

// JSON and parameter files.
transcripts! {
    json_leading_whitespace => update("   {\"FirstName\": \"Lead\"}", &[]);
    json_empty_object => update("{}", &[]);
    json_trailing_comma => update("{\"FirstName\": \"Mary\",}", &[]);
    json_array_top => update("[1,2]", &[]);
    json_string_top => update("\"abc\"", &[]);
    json_wrong_type_number => update("{\"FirstName\": 5}", &[]);
    json_null_member => update("{\"FirstName\": null, \"LastName\": true}", &[]);
    json_unknown_member => update("{\"FirstName\": \"Mary\", \"Foo\": 1}", &[]);
    json_unicode_and_key_order => update("{\"LastName\": \"Jé\", \"FirstName\": \"Zoë\"}", &[]);
    json_bad_syntax => update("{bad", &[]);
    file_absolute_json => update("file://{CWD}/abs.json", &[]).file("abs.json", "{\"LastName\": \"Absolute\"}");
    file_shorthand_content => update("file://sh.txt", &[]).file("sh.txt", "FirstName=Short,LastName=Hand\n");
    file_missing => update("file://nope.json", &[]);
    file_is_directory => update("file://.", &[]);
    file_undecodable => update("file://bin.dat", &[]).file("bin.dat", vec![0xffu8, 0xfe, 0x41]);
    fileb_structure => update("fileb://ident.json", &[]).file("ident.json", "{\"FirstName\": \"File\"}");
    fileb_user_id => update_ids("FirstName=X", "fileb://uid.txt", INSTANCE_MAIN, &[]).file("uid.txt", "uid-from-file\n");
    file_user_id_keeps_newline => update_ids("FirstName=X", "file://uid.txt", INSTANCE_MAIN, &[]).file("uid.txt", "uid-from-file\n");
    file_tilde_and_vars => update("file://~/id.txt", &[]).file("home/id.txt", "FirstName=Home");
    http_value_is_literal => update_ids("FirstName=X", "http://127.0.0.1:1/x", INSTANCE_MAIN, &[]);
    ids_are_percent_encoded => update_ids("FirstName=X", "a/b c?#%é~", "x+y", &[]);
    empty_user_id_is_sent => update_ids("FirstName=X", "", INSTANCE_MAIN, &[]);
    empty_instance_id_fails_validation => update_ids("FirstName=X", USER_MARY, "", &[]);
}

// --cli-input-json / --cli-input-yaml and skeletons.
transcripts! {
    cij_inline => op(&["--cli-input-json", "{\"InstanceId\": \"a1b2c3d4-5678-90ab-cdef-EXAMPLE11111\", \"UserId\": \"87654321-2222-1234-1234-111234567891\", \"IdentityInfo\": {\"FirstName\": \"FromJson\"}}", "--endpoint-url", "{EP}"]);
    cij_merge_with_args => op(&["--cli-input-json", "{\"InstanceId\": \"a1b2c3d4-5678-90ab-cdef-EXAMPLE11111\"}", "--user-id", USER_MARY, "--identity-info", "FirstName=Merged", "--endpoint-url", "{EP}"]);
    cij_args_win_whole_member => op(&["--cli-input-json", "file://in.json", "--identity-info", "LastName=Override", "--endpoint-url", "{EP}"]).file("in.json", "{\"InstanceId\": \"a1b2c3d4-5678-90ab-cdef-EXAMPLE11111\", \"UserId\": \"87654321-2222-1234-1234-111234567891\", \"IdentityInfo\": {\"FirstName\": \"FromJson\"}}");
    cij_invalid => op(&["--cli-input-json", "{\"InstanceId\": ", "--endpoint-url", "{EP}"]);
    cij_not_object => op(&["--cli-input-json", "[1]", "--instance-id", INSTANCE_MAIN, "--user-id", USER_MARY, "--identity-info", "FirstName=X", "--endpoint-url", "{EP}"]);
    cij_empty_object => op(&["--cli-input-json", "{}", "--endpoint-url", "{EP}"]);
    cij_missing_file => op(&["--cli-input-json", "file://missing.json", "--endpoint-url", "{EP}"]);
    cij_values_used_as_is => op(&["--cli-input-json", "{\"InstanceId\": \"a1b2c3d4-5678-90ab-cdef-EXAMPLE11111\", \"UserId\": 7, \"IdentityInfo\": {\"FirstName\": \"file:///x\"}}", "--endpoint-url", "{EP}"]);
    ciy_inline => op(&["--cli-input-yaml", "InstanceId: a1b2c3d4-5678-90ab-cdef-EXAMPLE11111\nUserId: 87654321-2222-1234-1234-111234567891\nIdentityInfo:\n  FirstName: FromYaml\n  Mobile: '+14255550100'\n", "--endpoint-url", "{EP}"]);
    ciy_invalid => op(&["--cli-input-yaml", "InstanceId: [", "--endpoint-url", "{EP}"]);
    ciy_empty => op(&["--cli-input-yaml", "", "--endpoint-url", "{EP}"]);
    cij_and_ciy => op(&["--cli-input-yaml", "file://in.yaml", "--cli-input-json", "file://in.json", "--endpoint-url", "{EP}"]).file("in.yaml", "UserId: u\n").file("in.json", "{}");
    skeleton_default => op(&["--generate-cli-skeleton"]);
    skeleton_input => op(&["--generate-cli-skeleton", "input", "--output", "table"]);
    skeleton_yaml_input => op(&["--generate-cli-skeleton", "yaml-input"]);
    skeleton_output_needs_arguments => op(&["--generate-cli-skeleton", "output", "--endpoint-url", "{EP}"]);
    skeleton_output_sends_nothing => update("FirstName=X", &["--generate-cli-skeleton", "output"]);
    skeleton_output_validates => update("FirstName=X,Foo=1", &["--generate-cli-skeleton", "output"]);
    skeleton_invalid_choice => op(&["--generate-cli-skeleton", "bogus"]);
    skeleton_after_bad_cli_input => op(&["--generate-cli-skeleton", "--cli-input-json", "{bad"]);
}

// Configuration, credentials and endpoints.
transcripts! {
    profile_missing => update("FirstName=X", &["--profile", "nope"]);
    profile_missing_from_env => update("FirstName=X", &[]).env("AWS_PROFILE", "nope");
    env_aws_profile => update("FirstName=X", &[]).env("AWS_PROFILE", "other");
    env_profile_flag_wins => update("FirstName=X", &["--profile", "temp"]).env("AWS_PROFILE", "other");
    env_region_precedence => update("FirstName=X", &[]).env("AWS_REGION", "eu-west-2").env("AWS_DEFAULT_REGION", "ap-south-1");
    env_static_credentials => update("FirstName=X", &[]).env("AWS_ACCESS_KEY_ID", "AKIAOTHERPROFILE").env("AWS_SECRET_ACCESS_KEY", "otherSecretKey/0123456789abcdefghijklmn");
    explicit_profile_ignores_env_credentials => update("FirstName=X", &["--profile", "other"]).env("AWS_ACCESS_KEY_ID", "AKIDUNKNOWN000000000").env("AWS_SECRET_ACCESS_KEY", "x");
    env_partial_credentials => update("FirstName=X", &[]).env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    env_wrong_secret => update("FirstName=X", &[]).env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE").env("AWS_SECRET_ACCESS_KEY", "wrong");
    profile_session_token => update("FirstName=X", &["--profile", "temp"]);
    no_credentials => update("FirstName=X", &[]).no_file("home/.aws/credentials");
    no_credentials_invalid_params_first => update("FirstName=X,Foo=1", &[]).no_file("home/.aws/credentials");
    credentials_in_config => update("FirstName=X", &[]).no_file("home/.aws/credentials").file("home/.aws/config", "[default]\nregion = us-east-1\naws_access_key_id = AKIAOTHERPROFILE\naws_secret_access_key = otherSecretKey/0123456789abcdefghijklmn\n");
    credential_process => update("FirstName=X", &["--profile", "proc"])
        .file("home/.aws/config", "[profile proc]\nregion = us-east-1\ncredential_process = sh {CWD}/creds.sh\n")
        .file("creds.sh", "printf '%s' '{\"Version\": 1, \"AccessKeyId\": \"AKIDEXAMPLE\", \"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\"}'\n");
    no_region => update("FirstName=X", &[]).file("home/.aws/config", "");
    region_invalid_format => update("FirstName=X", &["--region", "bad region!"]);
    region_unknown_valid_format => update("FirstName=X", &["--region", "xx-fake-9"]);
    endpoint_from_env => op(&["--identity-info", "FirstName=Env", "--user-id", USER_MARY, "--instance-id", INSTANCE_MAIN]).env("AWS_ENDPOINT_URL", "{EP}");
    endpoint_service_env_wins => op(&["--identity-info", "FirstName=Env", "--user-id", USER_MARY, "--instance-id", INSTANCE_MAIN]).env("AWS_ENDPOINT_URL_CONNECT", "{EP}").env("AWS_ENDPOINT_URL", "http://127.0.0.1:1");
    endpoint_flag_wins => update("FirstName=Env", &[]).env("AWS_ENDPOINT_URL_CONNECT", "http://127.0.0.1:1");
    endpoint_from_profile => op(&["--identity-info", "FirstName=Cfg", "--user-id", USER_MARY, "--instance-id", INSTANCE_MAIN]).file("home/.aws/config", "[default]\nregion = us-east-1\nendpoint_url = {EP}\n");
    endpoint_services_section_wins => op(&["--identity-info", "FirstName=Svc", "--user-id", USER_MARY, "--instance-id", INSTANCE_MAIN]).file("home/.aws/config", "[default]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:1\nservices = emu\n\n[services emu]\nconnect =\n  endpoint_url = {EP}\n");
    endpoint_without_scheme => update("FirstName=X", &["--endpoint-url", "foo"]);
    endpoint_invalid_host => update("FirstName=X", &["--endpoint-url", "localhost:18080"]);
    endpoint_unsupported_scheme => update("FirstName=X", &["--endpoint-url", "ftp://127.0.0.1:1"]);
    endpoint_path_prefix_kept => update("FirstName=X", &["--endpoint-url", "{EP}/base/"]);
    config_malformed => update("FirstName=X", &[]).file("home/.aws/config", "this is not an ini file\n[default\n");
    config_binary_format_bogus => update("FirstName=X", &[]).file("home/.aws/config", "[default]\nregion = us-east-1\ncli_binary_format = bogus\n");
    config_binary_format_ok => update("FirstName=X", &[]).file("home/.aws/config", "[default]\nregion = us-east-1\ncli_binary_format = raw-in-base64-out\n");
    config_retry_legacy => update_ids("FirstName=X", USER_MARY, "throttle-instance", &[]).file("home/.aws/config", "[default]\nregion = us-east-1\nretry_mode = legacy\nmax_attempts = 2\n");
    max_attempts_zero => update("FirstName=X", &[]).env("AWS_MAX_ATTEMPTS", "0");
    max_attempts_not_int => update("FirstName=X", &[]).env("AWS_MAX_ATTEMPTS", "abc");
    read_timeout_not_int => update("FirstName=X", &["--cli-read-timeout", "abc"]);
    connect_timeout_negative => update("FirstName=X", &["--cli-connect-timeout", "-1"]);
    parameter_validation_off => update("FirstName=X", &[]).file("home/.aws/config", "[default]\nregion = us-east-1\nparameter_validation = false\n");
}

// Service errors, retries and exit codes.
transcripts! {
    err_invalid_email => update("Email=not-an-email", &[]);
    err_saml_email => update_ids("Email=x@example.com", USER_SAML, INSTANCE_SAML, &[]);
    err_unknown_key_profile => update("FirstName=X", &["--profile", "unknownkey"]);
    err_unknown_instance => update_ids("FirstName=X", USER_MARY, "00000000-0000-0000-0000-000000000000", &[]);
    err_unknown_user => update_ids("FirstName=X", "nouser", INSTANCE_MAIN, &[]);
    err_throttle_exhausted => update_ids("FirstName=X", USER_MARY, "throttle-instance", &[]);
    err_throttle_one_attempt => update_ids("FirstName=X", USER_MARY, "throttle-instance", &[]).env("AWS_MAX_ATTEMPTS", "1");
    err_500_exhausted => update_ids("FirstName=X", USER_MARY, "error-instance", &[]);
    err_500_then_ok => update_ids("FirstName=X", USER_MARY, "flaky-500-1", &[]);
    err_non_json_body => update_ids("FirstName=X", USER_MARY, "badjson-error-instance", &[]);
    ok_garbage_body => update_ids("FirstName=X", USER_MARY, "garbage-instance", &[]);
    err_enhanced_details => update_ids("FirstName=X", USER_MARY, "invalid-request-reason-instance", &[]);
    err_legacy_format => update_ids("FirstName=X", USER_MARY, "invalid-request-reason-instance", &["--cli-error-format", "legacy"]);
    err_no_sign_request => update("FirstName=X", &["--no-sign-request"]);
    err_connection_refused => update("FirstName=X", &["--endpoint-url", "http://127.0.0.1:1"]).env("AWS_MAX_ATTEMPTS", "1");
}

/// `--version` wins wherever it is, even before junk; the line names the reference release and
/// this program (the kernel and distribution parts vary by machine, so they are not compared).
#[test]
fn version_wins() {
    let fc = FakeConnect::start();
    let out = update("FirstName=X", &["--version", "--bogus"]).run(BIN, &fc);
    assert_eq!(out.exit_code, Some(0));
    assert_eq!(out.stderr, "");
    assert!(out.requests.is_empty());
    let line = out.stdout.strip_suffix('\n').expect("one line");
    assert!(!line.contains('\n'));
    let prefix = concat!("aws-cli/2.36.7 aws-connect-uuii/", env!("CARGO_PKG_VERSION"), " Linux/");
    assert!(line.starts_with(prefix), "{line}");
    assert!(line.contains(" exe/"), "{line}");
}

// Help pages (piped: plain text, no pager).
transcripts! {
    help_operation => op(&["help"]);
    help_operation_after_arguments => update("FirstName=X", &["help"]);
    help_operation_with_global_option => Case::new(["--output", "text", "connect", "update-user-identity-info", "help"]);
    help_service => Case::new(["connect", "help", "anything"]);
    help_top_level => Case::new(["help"]);
    help_topic_is_not_a_subcommand => Case::new(["help", "connect"]);
    help_url_only => op(&["help"]).file("home/.aws/config", "[default]\ncli_help_output = url\n");
}

// The output layer: --query, every --output, colour and error formats.
transcripts! {
    query_missing_field_is_null => update("FirstName=X", &["--query", "Foo"]);
    query_current_node_prints_nothing => update("FirstName=X", &["--query", "@"]);
    query_empty_is_an_error => update("FirstName=X", &["--query", ""]);
    query_incomplete => update("FirstName=X", &["--query", "foo["]);
    query_parse_error => update("FirstName=X", &["--query", "foo]"]);
    query_lexer_error => update("FirstName=X", &["--query", "foo ~ bar"]);
    query_runtime_error_after_call => update("FirstName=X", &["--query", "abs(@)"]);
    query_unknown_function_after_call => update("FirstName=X", &["--query", "nofunc(@)"]);
    query_keeps_key_order_and_ints => update("FirstName=X", &["--query", "{z: `1`, a: sum(`[1, 2, 3]`), m: avg(`[]`)}"]);
    output_text_nested => update("FirstName=X", &["--output", "text", "--query", "`{\"b\": [1, 2], \"a\": \"x\", \"c\": {\"d\": null}}`"]);
    output_text_crash_keeps_partial_output => update("FirstName=X", &["--output", "text", "--query", "`{\"a\": \"first\", \"l\": [1, {\"k\": \"v\"}]}`"]);
    output_table_nested => update("FirstName=X", &["--output", "table", "--query", "`{\"Name\": \"n\", \"Tags\": [{\"Key\": \"k1\", \"Value\": \"v1\"}, {\"Key\": \"k2\", \"Value\": \"v2\"}]}`"]);
    output_table_too_wide_goes_vertical => update("FirstName=X", &["--output", "table", "--query", &format!("`{{\"Alpha\": \"{}\", \"Beta\": \"b\"}}`", "x".repeat(70))]);
    output_table_scalar_title_only => update("FirstName=X", &["--output", "table", "--query", "`\"str\"`"]);
    output_table_wide_characters => update("FirstName=X", &["--output", "table", "--query", "`{\"名前\": \"山田\", \"é\": \"ü\"}`"]);
    output_yaml_sorted_and_quoted => update("FirstName=X", &["--output", "yaml", "--query", "`{\"z\": \"yes\", \"a\": \"123\", \"m\": [null, true, 1.5, \"\", \"a: b\"], \"e\": {}}`"]);
    output_yaml_scalar_is_json => update("FirstName=X", &["--output", "yaml", "--query", "`\"str\"`"]);
    output_yaml_stream => update("FirstName=X", &["--output", "yaml-stream", "--query", "`[{\"b\": 1, \"a\": [1, [2]]}]`"]);
    output_json_unicode_and_floats => update("FirstName=X", &["--query", "`{\"s\": \"é\\u0001\", \"f\": 1e100, \"g\": 1.50, \"i\": -0}`"]);
    output_off_prints_nothing => update("FirstName=X", &["--output", "off", "--query", "`\"x\"`"]);
    output_from_environment => update("FirstName=X", &["--query", "`[\"a\", \"b\"]`"]).env("AWS_DEFAULT_OUTPUT", "text");
    output_from_profile => update("FirstName=X", &["--query", "`[\"a\", \"b\"]`"]).file("home/.aws/config", "[default]\nregion = us-east-1\noutput = yaml\n");
    output_unknown_type_fails_after_call => update("FirstName=X", &[]).env("AWS_DEFAULT_OUTPUT", "xml");
    color_on_table_not_a_terminal => update("FirstName=X", &["--color", "on", "--output", "table", "--query", "`{\"a\": \"b\"}`"]);
    color_on_json_is_plain => update("FirstName=X", &["--color", "on", "--query", "`{\"a\": \"b\"}`"]);
    pager_unused_when_not_a_terminal => update("FirstName=X", &["--query", "`\"x\"`"]).env("AWS_PAGER", "/nonexistent/pager");
    errfmt_json_service => update_ids("FirstName=X", USER_MARY, "invalid-request-reason-instance", &["--cli-error-format", "json"]);
    errfmt_yaml_service => update_ids("FirstName=X", USER_MARY, "invalid-request-reason-instance", &["--cli-error-format", "yaml"]);
    errfmt_text_service => update_ids("FirstName=X", USER_MARY, "invalid-request-reason-instance", &["--cli-error-format", "text"]);
    errfmt_table_service => update_ids("FirstName=X", USER_MARY, "invalid-request-reason-instance", &["--cli-error-format", "table"]);
    errfmt_table_color => update_ids("FirstName=X", "nouser", INSTANCE_MAIN, &["--cli-error-format", "table", "--color", "on"]);
    errfmt_json_usage => op(&["--cli-error-format", "json", "--endpoint-url", "{EP}"]);
    errfmt_json_validation => update("FirstName=X,Foo=1", &["--cli-error-format", "json"]);
    errfmt_yaml_no_region => update("FirstName=X", &["--cli-error-format", "yaml"]).file("home/.aws/config", "[default]\noutput = json\n");
    errfmt_unknown_options_never_structured => update("FirstName=X", &["--cli-error-format", "json", "--foo"]);
    errfmt_general_errors_stay_plain => update("FirstName=X", &["--cli-error-format", "json", "--profile", "nope"]);
    errfmt_from_environment => update_ids("FirstName=X", "nouser", INSTANCE_MAIN, &[]).env("AWS_CLI_ERROR_FORMAT", "TEXT");
    errfmt_from_profile => update_ids("FirstName=X", "nouser", INSTANCE_MAIN, &[]).file("home/.aws/config", "[default]\nregion = us-east-1\ncli_error_format = yaml\n");
    errfmt_bad_environment_value_falls_back => update_ids("FirstName=X", "nouser", INSTANCE_MAIN, &[]).env("AWS_CLI_ERROR_FORMAT", "bogus");
    errfmt_main_parser_errors_ignore_the_flag => Case::new(["--cli-error-format", "json"]);
}

// Region spellings botocore rewrites, and FIPS/dual-stack with a custom endpoint.
transcripts! {
    region_fips_prefix_is_stripped => update("FirstName=X", &["--region", "fips-us-west-2"]);
    region_fips_suffix_is_stripped => update("FirstName=X", &["--region", "eu-west-1-fips"]);
    fips_and_dualstack_ignored_with_custom_endpoint => update("FirstName=X", &[]).env("AWS_USE_FIPS_ENDPOINT", "true").env("AWS_USE_DUALSTACK_ENDPOINT", "true");
    region_empty_without_endpoint => op(&["--identity-info", "FirstName=X", "--user-id", USER_MARY, "--instance-id", INSTANCE_MAIN]).env("AWS_DEFAULT_REGION", "").file("home/.aws/config", "");
}

/// A tiny instance-metadata service (IMDSv2): a token for PUT, `region` for the region path.
fn fake_imds(region: &'static str) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut conn in listener.incoming().flatten() {
            let mut buf = [0u8; 4096];
            let n = conn.read(&mut buf).unwrap_or(0);
            let head = String::from_utf8_lossy(&buf[..n]).into_owned();
            let body = if head.starts_with("PUT ") {
                "imds-token"
            } else if head.contains("/latest/meta-data/placement/region") {
                region
            } else {
                ""
            };
            let status = if body.is_empty() { "404 Not Found" } else { "200 OK" };
            let _ = write!(
                conn,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nx-aws-ec2-metadata-token-ttl-seconds: 21600\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    url
}

/// With no region configured, the region comes from instance metadata, as in the reference.
#[test]
fn region_from_instance_metadata() {
    let fc = FakeConnect::start();
    let imds = fake_imds("eu-west-3");
    let out = update("FirstName=X", &[])
        .file("home/.aws/config", "")
        .env_remove("AWS_EC2_METADATA_DISABLED")
        .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", &imds)
        .run(BIN, &fc);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert_eq!(out.requests.len(), 1);
    assert_eq!(out.requests[0].signing_region.as_deref(), Some("eu-west-3"));
}
