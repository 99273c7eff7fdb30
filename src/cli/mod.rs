//! The command line: `aws [global options] connect update-user-identity-info [arguments]`.
//!
//! clap lives only in this module. The clap `Command`s below are the single definition of every
//! option (name, whether it takes a value, its choices); `argparse` reproduces the reference's
//! argparse grammar over those definitions at the reference's three levels (main parser over the
//! whole argv, then `connect`, then the operation), and clap then turns the normalised options
//! into typed matches. Nothing outside this module sees clap types: it gets [`Invocation`].

pub mod argparse;

use std::sync::OnceLock;

use clap::{Arg, ArgAction, ArgMatches, Command};

use crate::error::{CliError, ErrorFormat};
use argparse::{Choices, ParserSpec};

/// The service and operation this program implements.
pub const SERVICE: &str = "connect";
pub const OPERATION: &str = "update-user-identity-info";

/// The operation's required arguments, in argument-table order.
const REQUIRED: [&str; 3] = ["--identity-info", "--user-id", "--instance-id"];

/// The global options (AWS CLI v2 2.36.7 `cli.json` plus `--cli-error-format`), as parsed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GlobalArgs {
    pub debug: bool,
    pub endpoint_url: Option<String>,
    pub no_verify_ssl: bool,
    pub no_paginate: bool,
    pub output: Option<String>,
    pub query: Option<String>,
    pub profile: Option<String>,
    pub region: Option<String>,
    pub color: Option<String>,
    pub no_sign_request: bool,
    pub ca_bundle: Option<String>,
    pub cli_read_timeout: Option<String>,
    pub cli_connect_timeout: Option<String>,
    pub cli_binary_format: Option<String>,
    pub no_cli_pager: bool,
    pub cli_auto_prompt: bool,
    pub no_cli_auto_prompt: bool,
    pub cli_error_format: Option<ErrorFormat>,
}

/// The operation's own arguments, raw (before param files and shorthand).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OperationArgs {
    pub identity_info: Option<String>,
    pub user_id: Option<String>,
    pub instance_id: Option<String>,
    pub cli_input_json: Option<String>,
    pub cli_input_yaml: Option<String>,
    pub generate_cli_skeleton: Option<String>,
}

/// Which help page was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpPage {
    TopLevel,
    Service,
    Operation,
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Invocation {
    Version,
    Help(GlobalArgs, HelpPage),
    Operation(GlobalArgs, OperationArgs),
}

/// A parse failure, with the global options when the main parser got that far (the
/// `--cli-error-format` flag applies only then).
#[derive(Debug, Clone, PartialEq)]
pub struct ParseFailure {
    pub error: CliError,
    pub globals: Option<GlobalArgs>,
}

fn value_opt(name: &'static str) -> Arg {
    Arg::new(name).long(name).action(ArgAction::Set).num_args(1)
}

fn flag(name: &'static str) -> Arg {
    Arg::new(name).long(name).action(ArgAction::SetTrue)
}

fn choice_opt(name: &'static str, choices: &'static [&'static str]) -> Arg {
    value_opt(name).value_parser(clap::builder::PossibleValuesParser::new(choices.iter().copied()))
}

/// The `--output` choices.
pub const OUTPUT_CHOICES: &[&str] = &["json", "text", "table", "yaml", "yaml-stream", "off"];
pub const COLOR_CHOICES: &[&str] = &["on", "off", "auto"];
pub const BINARY_FORMAT_CHOICES: &[&str] = &["base64", "raw-in-base64-out"];
pub const SKELETON_CHOICES: &[&str] = &["input", "output", "yaml-input"];

/// The main parser: the global options, in `cli.json` order, and the `command` positional.
fn main_command() -> Command {
    base("aws")
        .arg(flag("debug"))
        .arg(value_opt("endpoint-url"))
        .arg(flag("no-verify-ssl"))
        .arg(flag("no-paginate"))
        .arg(choice_opt("output", OUTPUT_CHOICES))
        .arg(value_opt("query"))
        .arg(value_opt("profile"))
        .arg(value_opt("region"))
        .arg(flag("version"))
        .arg(choice_opt("color", COLOR_CHOICES))
        .arg(flag("no-sign-request"))
        .arg(value_opt("ca-bundle"))
        .arg(value_opt("cli-read-timeout"))
        .arg(value_opt("cli-connect-timeout"))
        .arg(choice_opt("cli-binary-format", BINARY_FORMAT_CHOICES))
        .arg(flag("no-cli-pager"))
        .arg(flag("cli-auto-prompt"))
        .arg(flag("no-cli-auto-prompt"))
        .arg(choice_opt("cli-error-format", ErrorFormat::CHOICES))
        .arg(Arg::new("command"))
}

/// The `connect` parser: only the `operation` positional.
fn service_command() -> Command {
    base(SERVICE).arg(Arg::new("operation"))
}

/// The operation parser: the argument table, and the optional `help` positional.
fn operation_command() -> Command {
    base(OPERATION)
        .arg(value_opt("identity-info"))
        .arg(value_opt("user-id"))
        .arg(value_opt("instance-id"))
        .arg(value_opt("cli-input-json"))
        .arg(value_opt("cli-input-yaml"))
        .arg(
            value_opt("generate-cli-skeleton")
                .num_args(0..=1)
                .default_missing_value("input")
                .value_parser(clap::builder::PossibleValuesParser::new(SKELETON_CHOICES.iter().copied())),
        )
        .arg(Arg::new("help").required(false))
}

/// clap's own help, version and error output are switched off: the text is the reference's.
fn base(name: &'static str) -> Command {
    Command::new(name)
        .no_binary_name(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .args_override_self(true)
}

struct CommandNames {
    commands: Vec<String>,
    connect_operations: Vec<String>,
}

fn string_list(v: &serde_json::Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(|l| l.as_array())
        .map(|l| l.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Every command and `connect` operation name of the reference (for choices and suggestions).
fn command_names() -> &'static CommandNames {
    static NAMES: OnceLock<CommandNames> = OnceLock::new();
    NAMES.get_or_init(|| {
        let data: serde_json::Value =
            serde_json::from_str(include_str!("data/command-names.json")).unwrap_or_default();
        let mut names =
            CommandNames { commands: string_list(&data, "commands"), connect_operations: string_list(&data, "connect_operations") };
        names.commands.push("help".into());
        names.connect_operations.push("help".into());
        names
    })
}

fn all_commands() -> &'static [String] {
    &command_names().commands
}

fn all_operations() -> &'static [String] {
    &command_names().connect_operations
}

/// Public names for other modules (completion, help).
pub fn service_names() -> &'static [String] {
    all_commands()
}
pub fn connect_operation_names() -> &'static [String] {
    all_operations()
}

fn usage(msg: String, globals: Option<&GlobalArgs>) -> ParseFailure {
    ParseFailure { error: CliError::Usage(msg), globals: globals.cloned() }
}

/// Turns the options one level consumed back into `--name=value` tokens and lets clap type them.
fn clap_matches(cmd: Command, parsed: &argparse::Parsed) -> Result<ArgMatches, String> {
    let tokens = parsed.options.iter().map(|(f, v)| match v {
        Some(v) => format!("{f}={v}"),
        None => f.clone(),
    });
    cmd.try_get_matches_from(tokens).map_err(|e| e.to_string())
}

fn string(m: &ArgMatches, id: &str) -> Option<String> {
    m.get_one::<String>(id).cloned()
}

fn globals_from(m: &ArgMatches) -> GlobalArgs {
    GlobalArgs {
        debug: m.get_flag("debug"),
        endpoint_url: string(m, "endpoint-url"),
        no_verify_ssl: m.get_flag("no-verify-ssl"),
        no_paginate: m.get_flag("no-paginate"),
        output: string(m, "output"),
        query: string(m, "query"),
        profile: string(m, "profile"),
        region: string(m, "region"),
        color: string(m, "color"),
        no_sign_request: m.get_flag("no-sign-request"),
        ca_bundle: string(m, "ca-bundle"),
        cli_read_timeout: string(m, "cli-read-timeout"),
        cli_connect_timeout: string(m, "cli-connect-timeout"),
        cli_binary_format: string(m, "cli-binary-format"),
        no_cli_pager: m.get_flag("no-cli-pager"),
        cli_auto_prompt: m.get_flag("cli-auto-prompt"),
        no_cli_auto_prompt: m.get_flag("no-cli-auto-prompt"),
        cli_error_format: string(m, "cli-error-format").and_then(|s| ErrorFormat::parse(&s)),
    }
}

fn spec_with_positional(cmd: &Command, choices: Choices, fast: &'static [&'static str]) -> ParserSpec {
    let mut spec = ParserSpec::from_clap(cmd);
    if let Some(p) = spec.positional.as_mut() {
        p.choices = match choices {
            Choices::Lazy { load, .. } => Choices::Lazy { fast_accept: fast, load },
            other => other,
        };
    }
    spec
}

/// Parses the whole command line the way AWS CLI v2 does.
pub fn parse(args: &[String]) -> Result<Invocation, ParseFailure> {
    // Level 1: the main parser sees every token; global options are taken wherever they are.
    let main_cmd = main_command();
    let main_spec = spec_with_positional(
        &main_cmd,
        Choices::Lazy { fast_accept: &[], load: all_commands },
        &[SERVICE, "help"],
    );
    let main = argparse::parse_known(&main_spec, args).map_err(|m| usage(m, None))?;
    if main.version {
        return Ok(Invocation::Version);
    }
    let Some(command) = main.positional.clone() else {
        return Err(usage("the following arguments are required: command".into(), None));
    };
    let globals = clap_matches(main_cmd, &main)
        .map(|m| globals_from(&m))
        .map_err(|e| ParseFailure { error: CliError::General(e), globals: None })?;
    let g = Some(&globals);

    match command.as_str() {
        "help" => return help_command(&main.extras, globals),
        SERVICE => {}
        other => {
            return Err(ParseFailure {
                error: CliError::General(not_implemented(other)),
                globals: Some(globals.clone()),
            })
        }
    }

    // Level 2: `connect` and its operation positional.
    let svc_cmd = service_command();
    let svc_spec = spec_with_positional(
        &svc_cmd,
        Choices::Lazy { fast_accept: &[], load: all_operations },
        &[OPERATION, "help"],
    );
    let svc = argparse::parse_known(&svc_spec, &main.extras).map_err(|m| usage(m, g))?;
    let Some(operation) = svc.positional.clone() else {
        return Err(usage("the following arguments are required: operation".into(), g));
    };
    match operation.as_str() {
        "help" => return Ok(Invocation::Help(globals, HelpPage::Service)),
        OPERATION => {}
        other => {
            return Err(ParseFailure {
                error: CliError::General(not_implemented(&format!("{SERVICE} {other}"))),
                globals: Some(globals.clone()),
            })
        }
    }

    // Level 3: the operation's argument table.
    let rest = &svc.extras;
    if rest.len() == 1 && rest[0] == "help" {
        return Ok(Invocation::Help(globals, HelpPage::Operation));
    }
    let op_cmd = operation_command();
    let op_spec = ParserSpec::from_clap(&op_cmd);
    let op = argparse::parse_known(&op_spec, rest).map_err(|m| usage(m, g))?;
    if !required_relaxed(rest) {
        let missing: Vec<&str> = REQUIRED.iter().copied().filter(|r| !op.has(r)).collect();
        if !missing.is_empty() {
            return Err(usage(format!("the following arguments are required: {}", missing.join(", ")), g));
        }
    }
    let mut extras = op.extras.clone();
    match op.positional.as_deref() {
        Some("help") if extras.is_empty() => return Ok(Invocation::Help(globals, HelpPage::Operation)),
        Some(other) => extras.push(other.to_string()),
        None => {}
    }
    if !extras.is_empty() {
        return Err(ParseFailure { error: CliError::UnknownOptions(extras), globals: Some(globals) });
    }
    let m = clap_matches(op_cmd, &op).map_err(|e| ParseFailure { error: CliError::General(e), globals: g.cloned() })?;
    let op_args = OperationArgs {
        identity_info: string(&m, "identity-info"),
        user_id: string(&m, "user-id"),
        instance_id: string(&m, "instance-id"),
        cli_input_json: string(&m, "cli-input-json"),
        cli_input_yaml: string(&m, "cli-input-yaml"),
        generate_cli_skeleton: string(&m, "generate-cli-skeleton"),
    };
    Ok(Invocation::Operation(globals, op_args))
}

/// The required arguments stop being required when the exact token `--cli-input-json` or
/// `--cli-input-yaml` is present, or `--generate-cli-skeleton` not followed by `output`.
fn required_relaxed(tokens: &[String]) -> bool {
    tokens.iter().enumerate().any(|(i, t)| match t.as_str() {
        "--cli-input-json" | "--cli-input-yaml" => true,
        "--generate-cli-skeleton" => tokens.get(i + 1).map(String::as_str) != Some("output"),
        _ => false,
    })
}

/// The help topics `aws help <topic>` accepts.
const HELP_TOPICS: &[&str] = &["config-vars", "ddb-expressions", "return-codes", "s3-config", "s3-faq", "topics"];

fn help_command(extras: &[String], globals: GlobalArgs) -> Result<Invocation, ParseFailure> {
    match extras.iter().find(|t| !t.starts_with('-')) {
        None => Ok(Invocation::Help(globals, HelpPage::TopLevel)),
        Some(topic) if HELP_TOPICS.contains(&topic.as_str()) => Err(ParseFailure {
            error: CliError::General(format!(
                "The help topic \"{topic}\" is not included in this program; see https://docs.aws.amazon.com/cli/latest/topic/{topic}.html"
            )),
            globals: Some(globals),
        }),
        Some(topic) => {
            let topics: Vec<String> = HELP_TOPICS.iter().map(|s| s.to_string()).collect();
            Err(ParseFailure {
                error: CliError::Usage(argparse::invalid_choice("subcommand", topic, &topics)),
                globals: Some(globals),
            })
        }
    }
}

fn not_implemented(what: &str) -> String {
    format!(
        "`aws {what}` is a valid AWS CLI command, but this program implements only `aws {SERVICE} {OPERATION}`. Use the AWS CLI for other commands."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    fn op(s: &[&str]) -> (GlobalArgs, OperationArgs) {
        match parse(&argv(s)).unwrap() {
            Invocation::Operation(g, o) => (g, o),
            other => panic!("{other:?}"),
        }
    }

    fn usage_msg(s: &[&str]) -> String {
        match parse(&argv(s)).unwrap_err().error {
            CliError::Usage(m) => m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn globals_anywhere_and_abbreviations() {
        let (g, o) = op(&[
            "--reg", "us-west-2", "connect", "--ou", "text", "update-user-identity-info", "--identity", "FirstName=a",
            "--user", "u", "--inst", "i", "--query=a=b",
        ]);
        assert_eq!(g.region.as_deref(), Some("us-west-2"));
        assert_eq!(g.output.as_deref(), Some("text"));
        assert_eq!(g.query.as_deref(), Some("a=b"));
        assert_eq!(o.identity_info.as_deref(), Some("FirstName=a"));
        assert_eq!(o.instance_id.as_deref(), Some("i"));
    }

    #[test]
    fn required_and_relaxation() {
        assert_eq!(
            usage_msg(&["connect", "update-user-identity-info", "--user-id", "u"]),
            "the following arguments are required: --identity-info, --instance-id"
        );
        let (_, o) = op(&["connect", "update-user-identity-info", "--cli-input-json", "{}"]);
        assert_eq!(o.cli_input_json.as_deref(), Some("{}"));
        assert_eq!(
            usage_msg(&["connect", "update-user-identity-info", "--cli-input-json={}"]),
            "the following arguments are required: --identity-info, --user-id, --instance-id"
        );
        assert_eq!(
            usage_msg(&["connect", "update-user-identity-info", "--generate-cli-skeleton", "output"]),
            "the following arguments are required: --identity-info, --user-id, --instance-id"
        );
        let (_, o) = op(&["connect", "update-user-identity-info", "--generate-cli-skeleton"]);
        assert_eq!(o.generate_cli_skeleton.as_deref(), Some("input"));
    }

    #[test]
    fn positional_errors_and_suggestions() {
        assert_eq!(usage_msg(&[]), "the following arguments are required: command");
        assert_eq!(usage_msg(&["connect"]), "the following arguments are required: operation");
        assert_eq!(
            usage_msg(&["--foo", "bar", "connect"]),
            "argument command: Found invalid choice 'bar'\n"
        );
        assert_eq!(
            usage_msg(&["connect", "--user-id", "u", "update-user-identity-info"]),
            "argument operation: Found invalid choice 'u'\n"
        );
        assert_eq!(
            usage_msg(&["connect", "update-user-identity-info", "--output", "jsn"]),
            "argument --output: Found invalid choice 'jsn'\n\nMaybe you meant:\n\n  * json"
        );
    }

    #[test]
    fn unknown_options_and_help() {
        let e = parse(&argv(&[
            "connect", "update-user-identity-info", "--identity-info", "a=b", "--user-id", "u", "--instance-id", "i",
            "--foo", "bar",
        ]))
        .unwrap_err();
        assert_eq!(e.error, CliError::UnknownOptions(argv(&["--foo", "bar"])));
        assert!(matches!(
            parse(&argv(&["connect", "update-user-identity-info", "help"])).unwrap(),
            Invocation::Help(_, HelpPage::Operation)
        ));
        assert!(matches!(parse(&argv(&["connect", "help", "x"])).unwrap(), Invocation::Help(_, HelpPage::Service)));
        assert!(matches!(parse(&argv(&["help"])).unwrap(), Invocation::Help(_, HelpPage::TopLevel)));
        assert_eq!(
            usage_msg(&["connect", "update-user-identity-info", "help", "foo"]),
            "the following arguments are required: --identity-info, --user-id, --instance-id"
        );
    }

    #[test]
    fn version_stops_parsing() {
        assert_eq!(parse(&argv(&["--version", "--bogus"])).unwrap(), Invocation::Version);
        assert_eq!(
            parse(&argv(&["connect", "update-user-identity-info", "--version"])).unwrap(),
            Invocation::Version
        );
    }
}
