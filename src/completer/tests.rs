use std::path::Path;

use super::*;

const GLOBALS: &[&str] = &[
    "--debug",
    "--endpoint-url",
    "--no-verify-ssl",
    "--no-paginate",
    "--output",
    "--query",
    "--profile",
    "--region",
    "--version",
    "--color",
    "--no-sign-request",
    "--ca-bundle",
    "--cli-read-timeout",
    "--cli-connect-timeout",
    "--cli-binary-format",
    "--no-cli-pager",
    "--cli-auto-prompt",
    "--no-cli-auto-prompt",
    "--cli-error-format",
];

const OPERATION_OPTS: &[&str] = &[
    "--identity-info",
    "--user-id",
    "--instance-id",
    "--cli-input-json",
    "--cli-input-yaml",
    "--generate-cli-skeleton",
];

const OP: &str = "aws connect update-user-identity-info";

/// The real command and operation names, as `aws_completer` embeds them.
fn names(key: &str) -> Vec<String> {
    let data: serde_json::Value = serde_json::from_str(include_str!("../cli/data/command-names.json")).unwrap();
    data[key].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

fn ctx_in(cwd: &Path, home: Option<&Path>) -> CompletionContext {
    CompletionContext {
        commands: names("commands"),
        operations: names("connect_operations"),
        profiles: ["prod", "default", "dev", "default"].map(String::from).to_vec(),
        cwd: cwd.to_path_buf(),
        home: home.map(|h| h.to_str().unwrap().to_string()),
    }
}

fn ctx() -> CompletionContext {
    ctx_in(Path::new("/nonexistent-cwd"), None)
}

/// Completions with the cursor at the end of `line`.
fn c(line: &str) -> Vec<String> {
    complete(line, line.len(), &ctx())
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn all_but(list: &[&str], used: &[&str]) -> Vec<String> {
    list.iter().filter(|o| !used.contains(o)).map(|s| s.to_string()).collect()
}

fn concat(a: &[&str], b: &[&str]) -> Vec<String> {
    a.iter().chain(b).map(|s| s.to_string()).collect()
}

// ---- commands ----

#[test]
fn top_level_commands_by_prefix() {
    assert_eq!(
        c("aws con"),
        strs(&[
            "configservice",
            "configure",
            "connect",
            "connect-contact-lens",
            "connectcampaigns",
            "connectcampaignsv2",
            "connectcases",
            "connecthealth",
            "connectparticipant",
            "controlcatalog",
            "controltower",
        ])
    );
    assert_eq!(c("aws he"), strs(&["health", "healthlake", "help"]));
    assert_eq!(c("aws s3"), strs(&["s3", "s3api", "s3control", "s3files", "s3outposts", "s3tables", "s3vectors"]));
    assert_eq!(
        c("aws connect"),
        strs(&[
            "connect",
            "connect-contact-lens",
            "connectcampaigns",
            "connectcampaignsv2",
            "connectcases",
            "connecthealth",
            "connectparticipant"
        ])
    );
    assert_eq!(c("aws zzz"), Vec::<String>::new());
}

#[test]
fn all_commands_sorted_with_help() {
    let mut expected = names("commands");
    expected.push("help".into());
    expected.sort();
    let got = c("aws ");
    assert_eq!(got, expected);
    assert_eq!(got.len(), 435);
    assert_eq!(&got[..3], ["accessanalyzer", "account", "acm"]);
    assert_eq!(&got[got.len() - 2..], ["workspaces-web", "xray"]);
    // A small list, whole; `help` is not doubled when the caller already has it.
    let small = CompletionContext { commands: strs(&["sts", "connect", "help", "s3"]), ..ctx() };
    assert_eq!(complete("aws ", 4, &small), strs(&["connect", "help", "s3", "sts"]));
}

#[test]
fn global_options_before_the_command_do_not_count_as_positionals() {
    let expected = c("aws con");
    assert_eq!(c("aws --region us-east-1 con"), expected);
    assert_eq!(c("aws --debug --output=json con"), expected);
    assert_eq!(c("aws --reg us-east-1 --no-cli-pager con"), expected);
    assert_eq!(c("aws --debug "), c("aws "));
}

// ---- operations ----

#[test]
fn connect_operations_by_prefix() {
    assert_eq!(
        c("aws connect update-user-"),
        strs(&[
            "update-user-config",
            "update-user-hierarchy",
            "update-user-hierarchy-group-name",
            "update-user-hierarchy-structure",
            "update-user-identity-info",
            "update-user-notification-status",
            "update-user-phone-config",
            "update-user-proficiencies",
            "update-user-routing-profile",
            "update-user-security-profiles",
        ])
    );
    assert_eq!(c("aws connect h"), strs(&["help"]));
    assert_eq!(
        c("aws --output json connect --region us-west-2 list-user"),
        strs(&["list-user-hierarchy-groups", "list-user-notifications", "list-user-proficiencies", "list-users"])
    );
    assert_eq!(
        c("aws connect --debug describe-u"),
        strs(&["describe-user", "describe-user-hierarchy-group", "describe-user-hierarchy-structure"])
    );
}

#[test]
fn all_operations_sorted_with_help() {
    let mut expected = names("connect_operations");
    expected.push("help".into());
    expected.sort();
    let got = c("aws connect ");
    assert_eq!(got, expected);
    assert_eq!(got.len(), 380);
    assert_eq!(&got[..2], ["activate-evaluation-form", "associate-analytics-data-set"]);
}

#[test]
fn no_positionals_where_the_cli_knows_none() {
    // Other services' operations are not known here.
    assert_eq!(c("aws s3 "), Vec::<String>::new());
    assert_eq!(c("aws s3 l"), Vec::<String>::new());
    // An invalid command or operation stops positional completion.
    assert_eq!(c("aws bogus "), Vec::<String>::new());
    assert_eq!(c("aws connect bogus "), Vec::<String>::new());
    // argparse: an operation option before the operation does not take a separate value, so `u`
    // is the (invalid) operation.
    assert_eq!(c("aws connect --user-id u upd"), Vec::<String>::new());
    assert_eq!(c("aws help "), Vec::<String>::new());
    assert_eq!(c(&format!("{OP} stray")), Vec::<String>::new());
    // On the command name itself, or nothing at all.
    assert_eq!(c("aws"), Vec::<String>::new());
    assert_eq!(c(""), Vec::<String>::new());
}

// ---- options ----

#[test]
fn global_options_anywhere() {
    assert_eq!(c("aws --"), strs(GLOBALS));
    assert_eq!(c("aws -"), strs(GLOBALS));
    assert_eq!(c("aws connect --"), strs(GLOBALS));
    assert_eq!(
        c("aws --no-"),
        strs(&["--no-verify-ssl", "--no-paginate", "--no-sign-request", "--no-cli-pager", "--no-cli-auto-prompt"])
    );
    assert_eq!(
        c("aws connect --cli-"),
        strs(&[
            "--cli-read-timeout",
            "--cli-connect-timeout",
            "--cli-binary-format",
            "--cli-auto-prompt",
            "--cli-error-format"
        ])
    );
    // Another connect operation: its own options are not known, the global ones are.
    assert_eq!(c("aws connect list-users --"), strs(GLOBALS));
    assert_eq!(c("aws connect list-users "), strs(GLOBALS));
    assert_eq!(c("aws s3 ls --de"), strs(&["--debug"]));
}

#[test]
fn operation_options_then_global_options() {
    let all = concat(OPERATION_OPTS, GLOBALS);
    assert_eq!(c(&format!("{OP} --")), all);
    assert_eq!(c(&format!("{OP} -")), all);
    assert_eq!(c(&format!("{OP} ")), all);
    assert_eq!(c(&format!("{OP} --i")), strs(&["--identity-info", "--instance-id"]));
    assert_eq!(c(&format!("{OP} --cli-i")), strs(&["--cli-input-json", "--cli-input-yaml"]));
    assert_eq!(c(&format!("{OP} --g")), strs(&["--generate-cli-skeleton"]));
    assert_eq!(c(&format!("{OP} --re")), strs(&["--region"]));
    // A complete option name is its own completion (the shell then adds the space).
    assert_eq!(c(&format!("{OP} --output")), strs(&["--output"]));
}

#[test]
fn options_on_the_line_are_left_out() {
    let got = c(&format!("aws --debug {} --user-id u --identity-info=FirstName=a --region us-east-1 --", &OP[4..]));
    let mut expected = all_but(OPERATION_OPTS, &["--user-id", "--identity-info"]);
    expected.extend(all_but(GLOBALS, &["--debug", "--region"]));
    assert_eq!(got, expected);

    // Abbreviations name the option they stand for.
    let got = c(&format!("{OP} --inst i --reg us-east-1 --ou json --generate "));
    let mut expected = all_but(OPERATION_OPTS, &["--instance-id", "--generate-cli-skeleton"]);
    expected.extend(all_but(GLOBALS, &["--region", "--output"]));
    // `--generate` takes an optional value: an empty word completes its choices instead.
    assert_eq!(got, strs(&["input", "output", "yaml-input"]));
    assert_eq!(c(&format!("{OP} --inst i --reg us-east-1 --ou json --generate --")), expected);

    // An operation option written before the operation (with `=`) is still used.
    assert_eq!(c("aws connect --user-id=u update-user-identity-info --u"), Vec::<String>::new());
    // Ambiguous and unknown options leave everything available.
    assert_eq!(c(&format!("{OP} --no x --i y --bogus --")), concat(OPERATION_OPTS, GLOBALS));
    // The word being completed does not count; a repeat does.
    assert_eq!(c(&format!("{OP} --output json --output")), Vec::<String>::new());
    assert_eq!(c("aws --debug --de"), Vec::<String>::new());
    // A value-taking option followed by an option: the option is completed, minus the first.
    assert_eq!(c(&format!("{OP} --user-id --u")), Vec::<String>::new());
    assert_eq!(c(&format!("{OP} --user-id --i")), strs(&["--identity-info", "--instance-id"]));
}

// ---- option values ----

#[test]
fn choice_values() {
    assert_eq!(c("aws --output "), strs(&["json", "text", "table", "yaml", "yaml-stream", "off"]));
    assert_eq!(c(&format!("{OP} --output y")), strs(&["yaml", "yaml-stream"]));
    assert_eq!(c("aws connect --output=t"), strs(&["--output=text", "--output=table"]));
    assert_eq!(c("aws --outp "), strs(&["json", "text", "table", "yaml", "yaml-stream", "off"]));
    assert_eq!(c("aws --color "), strs(&["on", "off", "auto"]));
    assert_eq!(c(&format!("{OP} --color o")), strs(&["on", "off"]));
    assert_eq!(c("aws --cli-error-format "), strs(&["legacy", "json", "yaml", "text", "table", "enhanced"]));
    assert_eq!(c("aws --cli-error-format=t"), strs(&["--cli-error-format=text", "--cli-error-format=table"]));
    assert_eq!(c("aws --cli-binary-format "), strs(&["base64", "raw-in-base64-out"]));
    assert_eq!(c(&format!("{OP} --cli-binary-format r")), strs(&["raw-in-base64-out"]));
    assert_eq!(c(&format!("{OP} --generate-cli-skeleton ")), strs(&["input", "output", "yaml-input"]));
    assert_eq!(c(&format!("{OP} --generate-cli-skeleton y")), strs(&["yaml-input"]));
    assert_eq!(c(&format!("{OP} --generate-cli-skeleton=o")), strs(&["--generate-cli-skeleton=output"]));
    assert_eq!(c("aws --output bogus"), Vec::<String>::new());
}

#[test]
fn values_are_consumed() {
    // The value of a previous option is not a positional.
    assert_eq!(c("aws --output json "), c("aws "));
    assert_eq!(
        c(&format!("{OP} --generate-cli-skeleton input ")),
        concat(&["--identity-info", "--user-id", "--instance-id", "--cli-input-json", "--cli-input-yaml"], GLOBALS)
    );
    // Flags take no value.
    assert_eq!(c("aws --no-paginate con"), c("aws con"));
}

#[test]
fn profile_values() {
    assert_eq!(c("aws --profile "), strs(&["default", "dev", "prod"]));
    assert_eq!(c(&format!("{OP} --profile d")), strs(&["default", "dev"]));
    assert_eq!(c("aws connect --profile=p"), strs(&["--profile=prod"]));
    assert_eq!(c("aws --prof de"), strs(&["default", "dev"]));
    assert_eq!(c("aws --profile 'de"), strs(&["default", "dev"]));
    let none = CompletionContext { profiles: Vec::new(), ..ctx() };
    assert_eq!(complete("aws --profile ", 14, &none), Vec::<String>::new());
}

#[test]
fn region_values() {
    assert_eq!(c("aws --region ").len(), 38);
    assert_eq!(c("aws --region "), strs(data::REGIONS));
    assert_eq!(
        c(&format!("{OP} --region us-")),
        strs(&["us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1", "us-west-1", "us-west-2"])
    );
    assert_eq!(
        c("aws connect --region ap-southeast-"),
        strs(&[
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ap-southeast-5",
            "ap-southeast-6",
            "ap-southeast-7",
        ])
    );
    assert_eq!(c(&format!("{OP} --region=eu-c")), strs(&["--region=eu-central-1", "--region=eu-central-2"]));
    assert_eq!(c("aws --region cn"), strs(&["cn-north-1", "cn-northwest-1"]));
    assert_eq!(c("aws --region m"), strs(&["me-central-1", "me-south-1", "mx-central-1"]));
    assert_eq!(c("aws --region i"), strs(&["il-central-1"]));
}

#[test]
fn values_of_free_form_options_are_not_guessed() {
    assert_eq!(c(&format!("{OP} --user-id ")), Vec::<String>::new());
    assert_eq!(c(&format!("{OP} --instance-id a")), Vec::<String>::new());
    assert_eq!(c("aws --query "), Vec::<String>::new());
    assert_eq!(c("aws --endpoint-url h"), Vec::<String>::new());
    assert_eq!(c("aws --debug="), Vec::<String>::new());
}

#[test]
fn identity_info_shorthand_keys() {
    assert_eq!(
        c(&format!("{OP} --identity-info ")),
        strs(&["FirstName=", "LastName=", "Email=", "SecondaryEmail=", "Mobile="])
    );
    assert_eq!(c(&format!("{OP} --identity-info FirstName=a,La")), strs(&["FirstName=a,LastName="]));
    assert_eq!(
        c(&format!("{OP} --identity-info FirstName=a,")),
        strs(&["FirstName=a,LastName=", "FirstName=a,Email=", "FirstName=a,SecondaryEmail=", "FirstName=a,Mobile="])
    );
    assert_eq!(c(&format!("{OP} --identity-info=Em")), strs(&["--identity-info=Email="]));
    assert_eq!(c(&format!("{OP} --iden Mo")), strs(&["Mobile="]));
    assert_eq!(c(&format!("{OP} --identity-info 'FirstName=a b,S")), strs(&["FirstName=a b,SecondaryEmail="]));
    assert_eq!(c(&format!("{OP} --identity-info FirstName=")), Vec::<String>::new());
    assert_eq!(c(&format!("{OP} --identity-info Email=x,Email")), Vec::<String>::new());
    // Not the operation: `--identity-info` is unknown and takes no value.
    assert_eq!(c("aws connect list-users --identity-info "), strs(GLOBALS));
}

// ---- file paths ----

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("a.json"), "{}").unwrap();
    std::fs::create_dir_all(p.join("ab/deeper")).unwrap();
    std::fs::write(p.join("ab/inner.json"), "{}").unwrap();
    std::fs::write(p.join("b.txt"), "x").unwrap();
    std::fs::write(p.join(".hidden"), "x").unwrap();
    std::fs::create_dir_all(p.join("home/.aws")).unwrap();
    std::fs::write(p.join("home/h.json"), "{}").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(p.join("ab"), p.join("link")).unwrap();
    dir
}

#[test]
fn file_paths_relative_to_the_working_directory() {
    let dir = tree();
    let ctx = ctx_in(dir.path(), Some(&dir.path().join("home")));
    let c = |line: &str| complete(line, line.len(), &ctx);
    let mut top = vec!["file://a.json", "file://ab/", "file://b.txt", "file://home/"];
    if cfg!(unix) {
        top.push("file://link/");
    }
    assert_eq!(c(&format!("{OP} --cli-input-json file://")), strs(&top));
    assert_eq!(c(&format!("{OP} --cli-input-json file://a")), strs(&["file://a.json", "file://ab/"]));
    assert_eq!(c(&format!("{OP} --cli-input-json file://ab/")), strs(&["file://ab/deeper/", "file://ab/inner.json"]));
    assert_eq!(c(&format!("{OP} --identity-info fileb://ab/i")), strs(&["fileb://ab/inner.json"]));
    assert_eq!(c(&format!("{OP} --user-id file://.")), strs(&["file://.hidden"]));
    assert_eq!(c(&format!("{OP} --cli-input-yaml=file://b")), strs(&["--cli-input-yaml=file://b.txt"]));
    assert_eq!(c(&format!("{OP} --user-id file://nope/")), Vec::<String>::new());
    assert_eq!(c(&format!("{OP} --user-id file://zz")), Vec::<String>::new());
    // Global options too, before the command.
    assert_eq!(c("aws --ca-bundle file://b"), strs(&["file://b.txt"]));
    // Options of other commands (unknown here): a `file://` word is still a path.
    assert_eq!(c("aws connect list-users --cli-input-json file://a"), strs(&["file://a.json", "file://ab/"]));
    assert_eq!(c("aws --cli-input-json fileb://b"), strs(&["fileb://b.txt"]));
    assert_eq!(c("aws s3api put-object --body=fileb://ab/i"), strs(&["--body=fileb://ab/inner.json"]));
}

#[test]
fn file_paths_absolute_and_home() {
    let dir = tree();
    let ctx = ctx_in(Path::new("/"), Some(&dir.path().join("home")));
    let c = |line: &str| complete(line, line.len(), &ctx);
    let abs = dir.path().to_str().unwrap();
    assert_eq!(c(&format!("{OP} --cli-input-json file://{abs}/b")), vec![format!("file://{abs}/b.txt")]);
    assert_eq!(c(&format!("{OP} --cli-input-json fileb://{abs}/ab/d")), vec![format!("fileb://{abs}/ab/deeper/")]);
    assert_eq!(c(&format!("{OP} --user-id file://~")), strs(&["file://~/"]));
    assert_eq!(c(&format!("{OP} --user-id file://~/")), strs(&["file://~/h.json"]));
    assert_eq!(c(&format!("{OP} --user-id file://~/.")), strs(&["file://~/.aws/"]));
    let homeless = CompletionContext { home: None, ..ctx.clone() };
    assert_eq!(complete("aws --ca-bundle file://~/", 25, &homeless), Vec::<String>::new());
}

// ---- the cursor and the shell ----

#[test]
fn only_the_text_before_the_cursor_counts() {
    let line = "aws con --region us-east-1";
    assert_eq!(complete(line, 7, &ctx()), c("aws con"));
    assert_eq!(complete(line, 999, &ctx()), c(line));
    assert_eq!(complete("aws --region us-", 13, &ctx()), c("aws --region "));
    // A point inside a multi-byte character is moved back to its start.
    assert_eq!(complete("aws --profile dé", 16, &ctx()), c("aws --profile d"));
}

#[test]
fn shell_word_trims_to_what_bash_replaces() {
    let ctx = ctx();
    let line = format!("{OP} --identity-info FirstName=a,La");
    assert_eq!(complete_for_shell(&line, line.len(), Some("a,La"), &ctx), strs(&["a,LastName="]));
    assert_eq!(complete_for_shell(&line, line.len(), None, &ctx), strs(&["FirstName=a,LastName="]));
    assert_eq!(complete_for_shell(&line, line.len(), Some("FirstName=a,La"), &ctx), strs(&["FirstName=a,LastName="]));
    let line = "aws --output=t";
    assert_eq!(complete_for_shell(line, line.len(), Some("t"), &ctx), strs(&["text", "table"]));
    let line = "aws --output=";
    assert_eq!(complete_for_shell(line, line.len(), Some(""), &ctx).len(), 6);
    assert_eq!(complete_for_shell(line, line.len(), Some(""), &ctx)[0], "json");
    let line = "aws --profile ";
    assert_eq!(complete_for_shell(line, line.len(), Some(""), &ctx), strs(&["default", "dev", "prod"]));
    // bash passes a quoted word without its quotes.
    let line = "aws --profile 'd";
    assert_eq!(complete_for_shell(line, line.len(), Some("d"), &ctx), strs(&["default", "dev"]));

    let dir = tree();
    let ctx = ctx_in(dir.path(), None);
    let line = "aws --ca-bundle file://a";
    assert_eq!(complete_for_shell(line, line.len(), Some("//a"), &ctx), strs(&["//a.json", "//ab/"]));
}

#[test]
fn comp_point_in_characters_or_bytes() {
    let line = "aws ã --re";
    assert_eq!(cursor_byte_offset(line, 10, true), 11);
    assert_eq!(cursor_byte_offset(line, 5, true), 6);
    assert_eq!(cursor_byte_offset(line, 11, false), 11);
    assert_eq!(cursor_byte_offset(line, 5, false), 4);
    assert_eq!(cursor_byte_offset(line, 50, true), 11);
    assert_eq!(cursor_byte_offset(line, 50, false), 11);
}
