//! Auto-prompt mode (AWS CLI v2 §12): `--cli-auto-prompt`, `--no-cli-auto-prompt`,
//! `AWS_CLI_AUTO_PROMPT` and the profile's `cli_auto_prompt`.
//!
//! The mode is decided from the raw tokens before the command line is parsed, as the reference
//! does. Without a terminal on stdin the reference's prompt fails (a warning, then an empty
//! error, exit 255) and so does this program's; the interactive prompt itself is not built yet,
//! so on a terminal it says so (exit 255) rather than pretending.

use crate::config::{self, env, Env, SharedConfig};
use crate::error::CliError;
use crate::Io;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Off,
    On,
    OnPartial,
}

fn parse_mode(v: &str) -> Mode {
    match v.to_ascii_lowercase().as_str() {
        "on" => Mode::On,
        "on-partial" => Mode::OnPartial,
        _ => Mode::Off,
    }
}

/// The first-pass `--profile` (exact token or `--profile=`), for reading `cli_auto_prompt`.
fn first_pass_profile(args: &[String]) -> Option<&str> {
    let mut found = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--profile" {
            found = it.next().map(String::as_str);
        } else if let Some(v) = a.strip_prefix("--profile=") {
            found = Some(v);
        }
    }
    found
}

/// Decides the mode.
pub fn mode(args: &[String], env: &Env) -> Result<Mode, CliError> {
    let has = |t: &str| args.iter().any(|a| a == t);
    if has("help") || has("--version") {
        return Ok(Mode::Off);
    }
    match (has("--cli-auto-prompt"), has("--no-cli-auto-prompt")) {
        (true, true) => {
            return Err(CliError::ParamValidation(
                "Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.".into(),
            ))
        }
        (_, true) => return Ok(Mode::Off),
        (true, false) => return Ok(Mode::On),
        _ => {}
    }
    if let Some(v) = env.get(env::AWS_CLI_AUTO_PROMPT) {
        return Ok(parse_mode(v));
    }
    let choice = config::choose_profile(first_pass_profile(args), env);
    let Ok(shared) = SharedConfig::load(env) else { return Ok(Mode::Off) };
    Ok(shared.get(&choice.name, "cli_auto_prompt").map(parse_mode).unwrap_or(Mode::Off))
}

/// What happens when the prompt would open: the reference's failure without a terminal, and an
/// explicit "not available" on one. Returns the exit code.
pub fn unavailable(io: &mut Io<'_>) -> i32 {
    let text = if io.stdin_tty {
        "\naws: [ERROR]: The interactive auto-prompt is not supported yet by this program; run the command without --cli-auto-prompt.\n"
    } else {
        "Warning: Input is not a terminal (fd=0).\n\naws: [ERROR]:\n"
    };
    let _ = crate::output::sink::write_quietly(io.stderr, text.as_bytes());
    255
}
