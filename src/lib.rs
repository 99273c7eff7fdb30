//! A fast, faithful clone of `aws connect update-user-identity-info` (AWS CLI v2 2.36.7).
//!
//! [`run`] is the whole program: argv → [`cli::parse`] → parameters ([`input`]) → settings
//! ([`config`]) → validation ([`model`]) → the request ([`request`]) → `--query` and a formatter
//! ([`output`]). Every stage returns `Result<_, CliError>`; this module is the only place an
//! error becomes text on stderr and an exit code.

pub mod cli;
pub mod completer;
pub mod config;
pub mod debug;
pub mod error;
pub mod help;
pub mod input;
pub mod model;
pub mod output;
pub mod prompt;
pub mod request;
pub mod util;
mod version;

use std::io::Write;
use std::time::Duration;

use serde_json::Value;

use cli::{GlobalArgs, Invocation, OperationArgs};
use config::{env, Env, ProfileChoice, ProfileView, SharedConfig};
use error::{CliError, ErrorFormat, RenderOptions};
use output::{OutputFormat, TableStyle};

/// The program's standard streams and what they are attached to.
pub struct Io<'a> {
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    pub stdin_tty: bool,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    /// Columns of the terminal on stdout, when it is one.
    pub terminal_width: Option<usize>,
}

/// Runs the command line `args` (without the program name) and returns the exit code.
pub fn run(args: &[String], env: &Env, io: &mut Io<'_>) -> i32 {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_inner(args, env, io)));
    match result {
        Ok(code) => code,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "internal error".into());
            let _ = output::sink::write_quietly(io.stderr, format!("\naws: [ERROR]: {msg}\n").as_bytes());
            255
        }
    }
}

fn run_inner(args: &[String], env: &Env, io: &mut Io<'_>) -> i32 {
    let mode = match prompt::mode(args, env) {
        Ok(m) => m,
        Err(e) => return report(&e, None, env, io),
    };
    prompt::drive(mode, args, env, io, run_without_prompt)
}

/// Runs `args` with the auto-prompt off: the command line as typed, or the one the prompt built.
fn run_without_prompt(args: &[String], env: &Env, io: &mut Io<'_>) -> i32 {
    match cli::parse(args) {
        Ok(Invocation::Version) => {
            let line = format!("{}\n", version::line(env));
            emit(io, line.as_bytes())
        }
        Ok(Invocation::Help(globals, page)) => match help::show(page, &globals, env, io) {
            Ok(()) => 0,
            Err(e) => report(&e, Some(&globals), env, io),
        },
        Ok(Invocation::Operation(globals, op)) => {
            let log = debug::DebugLog::new(globals.debug);
            log.log("awsclone.clidriver", format!("CLI version: {}", version::line(env)));
            log.log("awsclone.clidriver", format!("Arguments entered to CLI: {:?}", debug::redact_args(args)));
            let result = execute(&globals, &op, env, io, &log);
            let code = result.as_ref().map_or_else(CliError::exit_code, |()| 0);
            log.log("awsclone.clidriver", format!("Exiting with return code {code}"));
            let _ = output::sink::write_quietly(io.stderr, log.drain().as_bytes());
            match result {
                Ok(()) => 0,
                Err(e) => report(&e, Some(&globals), env, io),
            }
        }
        Err(failure) => report(&failure.error, failure.globals.as_ref(), env, io),
    }
}

/// Writes to stdout; a closed pipe is not an error.
fn emit(io: &mut Io<'_>, bytes: &[u8]) -> i32 {
    match output::sink::write_quietly(io.stdout, bytes) {
        Ok(()) => 0,
        Err(e) => report(&CliError::General(e.to_string()), None, env_for_errors(), io),
    }
}

fn env_for_errors() -> &'static Env {
    static EMPTY: std::sync::OnceLock<Env> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Env::default)
}

/// Prints `err` in the error format in force and returns its exit code.
fn report(err: &CliError, globals: Option<&GlobalArgs>, env: &Env, io: &mut Io<'_>) -> i32 {
    let flag = globals.and_then(|g| g.cli_error_format);
    let format = if flag.is_none() && env.get(env::AWS_CLI_ERROR_FORMAT).is_none() {
        // Only now is the profile consulted (an unreadable config falls back to enhanced).
        let choice = config::choose_profile(globals.and_then(|g| g.profile.as_deref()), env);
        SharedConfig::load(env)
            .ok()
            .and_then(|shared| {
                ProfileView::new(&shared, &choice).ok().map(|p| config::error_format(None, env, Some(&p)))
            })
            .unwrap_or(ErrorFormat::Enhanced)
    } else {
        config::error_format(flag, env, None)
    };
    let color = match globals.and_then(|g| g.color.as_deref()) {
        Some("on") => true,
        Some("off") => false,
        _ => io.stderr_tty,
    };
    let text = err.render(RenderOptions { format, color });
    let _ = output::sink::write_quietly(io.stdout, err.stdout_text().as_bytes());
    let _ = output::sink::write_quietly(io.stderr, text.as_bytes());
    err.exit_code()
}

/// Python `int()` of a timeout option; `None` means "no timeout" (0).
fn parse_timeout(value: &str, what: &str) -> Result<Option<Duration>, CliError> {
    let t = value.trim().replace('_', "");
    let n: i64 = t
        .parse()
        .map_err(|_| CliError::General(format!("invalid literal for int() with base 10: {}", util::pyfmt::repr_str(value))))?;
    if n < 0 {
        return Err(CliError::General(format!(
            "Attempted to set {what} timeout to {n}, but the timeout cannot be set to a value less than or equal to 0."
        )));
    }
    Ok((n > 0).then(|| Duration::from_secs(n as u64)))
}

/// Python `urlsplit(url).scheme` (empty when there is none).
fn url_scheme(url: &str) -> &str {
    match url.find(':') {
        Some(i) if i > 0 && url.as_bytes()[0].is_ascii_alphabetic() => {
            let s = &url[..i];
            if s.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)) {
                s
            } else {
                ""
            }
        }
        _ => "",
    }
}

/// botocore's `is_valid_endpoint_url`: a host name made of DNS labels, or an IP literal.
fn endpoint_host_is_valid(url: &str) -> bool {
    let rest = match url.split_once("://") {
        Some((_, r)) => r,
        None => return false,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    if host_port.starts_with('[') {
        return host_port.contains(']');
    }
    let host = host_port.split(':').next().unwrap_or("");
    let host = host.strip_suffix('.').unwrap_or(host);
    !host.is_empty()
        && host.len() <= 255
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// botocore's region check: a valid host label.
fn region_is_valid(region: &str) -> bool {
    let b = region.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
}

/// `AWS_RETRY_MODE` > `retry_mode`, `AWS_MAX_ATTEMPTS` > `max_attempts`, with the reference's
/// errors (aws-config would panic on these values).
fn retry_settings(env: &Env, profile: &ProfileView<'_>) -> Result<request::Retry, CliError> {
    let mode = env.get(env::AWS_RETRY_MODE).or_else(|| profile.get("retry_mode")).unwrap_or("standard");
    let adaptive = match mode {
        "standard" => false,
        "adaptive" => true,
        other => {
            return Err(CliError::General(format!(
                "Invalid value provided to \"mode\": \"{other}\" must be one of: \"standard\" or \"adaptive\""
            )))
        }
    };
    let max_attempts = match env.get(env::AWS_MAX_ATTEMPTS).or_else(|| profile.get("max_attempts")) {
        None => 3,
        Some(v) => {
            let n: i64 = v.trim().parse().map_err(|_| {
                CliError::General(format!("invalid literal for int() with base 10: {}", util::pyfmt::repr_str(v)))
            })?;
            if n < 1 {
                return Err(CliError::General(format!(
                    "Value provided to \"max_attempts\": {n} must be an integer greater than or equal to one."
                )));
            }
            n.min(u32::MAX as i64) as u32
        }
    };
    Ok(request::Retry { adaptive, max_attempts })
}

/// The endpoint the user configured, if any: `--endpoint-url` > `AWS_ENDPOINT_URL_CONNECT` >
/// `AWS_ENDPOINT_URL` > the profile's `[services]` section > profile `endpoint_url` (all but the
/// flag switched off by `ignore_configured_endpoint_urls`). aws-config applies the same order; it
/// is resolved here too to know the scheme and whether FIPS/dual-stack must be off.
fn configured_endpoint(globals: &GlobalArgs, env: &Env, profile: &ProfileView<'_>) -> Option<String> {
    if let Some(u) = &globals.endpoint_url {
        return Some(u.clone());
    }
    let ignore = env.is_true("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
        || profile.get("ignore_configured_endpoint_urls").is_some_and(|v| v.eq_ignore_ascii_case("true"));
    if ignore {
        return None;
    }
    let services = profile
        .get("services")
        .and_then(|s| profile.shared.config_section(&format!("services {s}")))
        .and_then(|entries| entries.iter().find(|(k, _)| k == "connect"))
        .and_then(|(_, e)| e.nested.iter().find(|(k, _)| k == "endpoint_url").map(|(_, v)| v.as_str()));
    env.get("AWS_ENDPOINT_URL_CONNECT")
        .or_else(|| env.get("AWS_ENDPOINT_URL"))
        .or(services)
        .or_else(|| profile.get("endpoint_url"))
        .map(str::to_string)
}

/// botocore strips a `fips-` prefix or `-fips` suffix from the region and turns FIPS on.
fn strip_fips(region: &str) -> (String, bool) {
    if let Some(r) = region.strip_prefix("fips-") {
        (r.to_string(), true)
    } else if let Some(r) = region.strip_suffix("-fips") {
        (r.to_string(), true)
    } else {
        (region.to_string(), false)
    }
}

fn region_of(globals: &GlobalArgs, env: &Env, profile: &ProfileView<'_>) -> Option<String> {
    globals
        .region
        .clone()
        .or_else(|| env.get(env::AWS_REGION).map(str::to_string))
        .or_else(|| env.get(env::AWS_DEFAULT_REGION).map(str::to_string))
        .or_else(|| profile.get("region").map(str::to_string))
}

fn execute(
    globals: &GlobalArgs,
    op: &OperationArgs,
    env: &Env,
    io: &mut Io<'_>,
    log: &debug::DebugLog,
) -> Result<(), CliError> {
    // Global options are checked before the operation's arguments are read.
    let query = match &globals.query {
        Some(q) => Some(
            output::jmespath::compile(q)
                .map_err(|e| CliError::ParamValidation(format!("Bad value for --query {q}: {e}")))?,
        ),
        None => None,
    };
    if let Some(url) = &globals.endpoint_url {
        if url_scheme(url).is_empty() {
            return Err(CliError::ParamValidation(format!(
                "Bad value for --endpoint-url \"{url}\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/"
            )));
        }
    }
    let read_timeout = match &globals.cli_read_timeout {
        Some(v) => parse_timeout(v, "read")?,
        None => Some(Duration::from_secs(60)),
    };
    let connect_timeout = match &globals.cli_connect_timeout {
        Some(v) => parse_timeout(v, "connect")?,
        None => Some(Duration::from_secs(60)),
    };

    let params = input::build(op, env)?;
    if let Some(kind) = op.generate_cli_skeleton.as_deref() {
        if kind != "output" {
            let text = input::skeleton::render(kind);
            return match output::sink::write_quietly(io.stdout, text.as_bytes()) {
                Ok(()) => Ok(()),
                Err(e) => Err(CliError::General(e.to_string())),
            };
        }
    }

    let shared = SharedConfig::load(env)?;
    let choice: ProfileChoice = config::choose_profile(globals.profile.as_deref(), env);
    let profile = ProfileView::new(&shared, &choice)?;
    if let Some(v) = profile.get("cli_binary_format") {
        if !cli::BINARY_FORMAT_CHOICES.contains(&v) {
            return Err(CliError::General(util::pyfmt::repr_str(v)));
        }
    }

    let region = match region_of(globals, env, &profile) {
        Some(r) => r,
        // Like the reference, ask instance metadata last (one attempt, one second).
        None if !env.is_true(env::AWS_EC2_METADATA_DISABLED) => request::imds_region().ok_or(CliError::NoRegion)?,
        None => return Err(CliError::NoRegion),
    };
    if !region.is_empty() && !region_is_valid(&region) {
        return Err(CliError::General(format!("Provided region_name '{region}' doesn't match a supported format.")));
    }
    let retry = retry_settings(env, &profile)?;
    if let Some(url) = &globals.endpoint_url {
        if !endpoint_host_is_valid(url) {
            return Err(CliError::General(format!("Invalid endpoint: {url}")));
        }
    }

    let validate = profile.get("parameter_validation").map(|v| !v.eq_ignore_ascii_case("false")).unwrap_or(true);
    if validate {
        model::validate::validate(&params).map_err(CliError::ParamValidation)?;
    }

    if op.generate_cli_skeleton.as_deref() != Some("output") {
        if !globals.no_sign_request && !choice.explicit_flag {
            if let (Some(_), None) = (env.get(env::AWS_ACCESS_KEY_ID), env.get(env::AWS_SECRET_ACCESS_KEY)) {
                return Err(CliError::General(
                    "Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY".into(),
                ));
            }
        }
        let call = input::to_call(&params)?;
        let ca_bundle = globals
            .ca_bundle
            .clone()
            .or_else(|| env.get(env::AWS_CA_BUNDLE).map(str::to_string))
            .or_else(|| profile.get("ca_bundle").map(str::to_string))
            .or_else(|| env.get(env::REQUESTS_CA_BUNDLE).map(str::to_string));
        if ca_bundle.as_deref().is_some_and(|c| c.trim().is_empty()) {
            return Err(CliError::General("Invalid CA bundle: the configured value (ca_bundle, AWS_CA_BUNDLE, REQUESTS_CA_BUNDLE, or verify) resolved to an empty or whitespace-only string. Provide a valid path to a CA bundle file.".into()));
        }
        let endpoint = configured_endpoint(globals, env, &profile);
        let https = endpoint.as_deref().map_or(true, |u| !u.starts_with("http:"));
        let (region, fips_from_region) = strip_fips(&region);
        if region.is_empty() {
            // botocore builds `https://connect..amazonaws.com` from an empty region; the SDK
            // cannot sign with one at all.
            return Err(CliError::General(match &endpoint {
                None => "Invalid endpoint: https://connect..amazonaws.com".to_string(),
                Some(_) => "Provided region_name '' doesn't match a supported format.".to_string(),
            }));
        }
        log.log(
            "awsclone.config",
            format!(
                "Profile: {} ({}); region: {region}; endpoint: {}; retry: {} mode, {} attempts; signing: {}",
                choice.name,
                if choice.named { "named" } else { "default" },
                globals.endpoint_url.as_deref().unwrap_or("from environment, config or the default for the region"),
                if retry.adaptive { "adaptive" } else { "standard" },
                retry.max_attempts,
                if globals.no_sign_request { "off" } else { "SigV4" },
            ),
        );
        if globals.no_verify_ssl && https {
            let host = globals
                .endpoint_url
                .as_deref()
                .and_then(|u| u.split("://").nth(1))
                .map(|r| r.split(['/', ':', '?']).next().unwrap_or(r).to_string())
                .unwrap_or_else(|| format!("connect.{region}.amazonaws.com"));
            let warning = format!("InsecureRequestWarning: Unverified HTTPS request is being made to host '{host}'. Adding certificate verification is strongly advised. See: https://urllib3.readthedocs.io/en/latest/advanced-usage.html#tls-warnings\n");
            let _ = output::sink::write_quietly(io.stderr, warning.as_bytes());
        }
        let transport = request::Transport {
            region,
            endpoint_url: globals.endpoint_url.clone(),
            https,
            profile: choice.name.clone(),
            explicit_profile: choice.explicit_flag,
            profile_assumes_role: profile.get("role_arn").is_some(),
            custom_endpoint: endpoint.is_some(),
            fips_from_region,
            no_sign_request: globals.no_sign_request,
            ca_bundle: ca_bundle.map(|c| config::resolve_path(env, &c)),
            connect_timeout,
            read_timeout,
            retry,
            imds_disabled: env.is_true(env::AWS_EC2_METADATA_DISABLED),
            verify_ssl: !globals.no_verify_ssl,
            debug: log.clone(),
        };
        request::send(&transport, &shared, &call)?;
    }

    // The response: `{}` once ResponseMetadata is gone (this operation has no output shape).
    let output_name = globals
        .output
        .clone()
        .or_else(|| env.get(env::AWS_DEFAULT_OUTPUT).map(str::to_string))
        .or_else(|| profile.get("output").map(str::to_string))
        .unwrap_or_else(|| "json".into());
    let format = OutputFormat::parse(&output_name)
        .ok_or_else(|| CliError::General(format!("Unknown output type: {output_name}")))?;
    let response = Value::Object(Default::default());
    let result = match &query {
        Some(q) => q.search(&response).map_err(CliError::General)?,
        None => response,
    };
    let pager = output::sink::resolve_pager(
        globals.no_cli_pager,
        env.get(env::AWS_PAGER),
        profile.get("cli_pager"),
        env.get(env::PAGER),
    )
    .filter(|_| io.stdout_tty);
    let color = match globals.color.as_deref() {
        Some("on") => true,
        Some("off") => false,
        _ => io.stdout_tty,
    };
    let style = match (color, pager.is_some()) {
        (false, _) => TableStyle::Plain,
        (true, true) => TableStyle::Color,
        (true, false) => TableStyle::ColorAutoreset,
    };
    let width = io.terminal_width.filter(|_| io.stdout_tty).unwrap_or(80);
    let output::Rendered { mut text, error } = output::render(format, &result, width, style);
    if !text.is_empty() {
        if format == OutputFormat::Table && color && io.stdout_tty {
            // colorama's reset at exit.
            text.push_str("\x1b[0m");
        }
        match pager {
            Some(p) => output::sink::page(&p, text.as_bytes(), env.get(env::LESS).is_some(), "FRX")?,
            None => output::sink::write_quietly(io.stdout, text.as_bytes()).map_err(|e| CliError::General(e.to_string()))?,
        }
    }
    error.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_parse_like_python_int() {
        assert_eq!(parse_timeout(" 5 ", "read").unwrap(), Some(Duration::from_secs(5)));
        assert_eq!(parse_timeout("0", "read").unwrap(), None);
        assert_eq!(
            parse_timeout("abc", "read").unwrap_err(),
            CliError::General("invalid literal for int() with base 10: 'abc'".into())
        );
        assert_eq!(
            parse_timeout("-1", "connect").unwrap_err(),
            CliError::General("Attempted to set connect timeout to -1, but the timeout cannot be set to a value less than or equal to 0.".into())
        );
    }

    #[test]
    fn endpoints_and_regions() {
        assert_eq!(url_scheme("foo"), "");
        assert_eq!(url_scheme("localhost:18080"), "localhost");
        assert_eq!(url_scheme("http://h"), "http");
        assert!(endpoint_host_is_valid("http://127.0.0.1:1/x"));
        assert!(!endpoint_host_is_valid("localhost:18080"));
        assert!(region_is_valid("us-east-1"));
        assert!(!region_is_valid("bad region!"));
    }
}
