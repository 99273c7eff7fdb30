//! Auto-prompt mode (AWS CLI v2 §12): `--cli-auto-prompt`, `--no-cli-auto-prompt`,
//! `AWS_CLI_AUTO_PROMPT` and the profile's `cli_auto_prompt`, and the interactive prompt itself.
//!
//! The mode is decided from the raw tokens before the command line is parsed, as the reference
//! does ([`mode`]). [`drive`] then runs the command line:
//!
//! * `off`: as typed.
//! * `on`: the prompt opens first; the line it accepts is printed (`> aws <line>` on stdout) and
//!   run, with the auto-prompt off.
//! * `on-partial`: the command line runs first with its stderr held back; unless it exits 252
//!   (a parameter-validation error) the held-back text is written out and that is all. On 252 the
//!   error text is dropped (the reference silences those messages) and the prompt opens,
//!   pre-filled with the same arguments; the accepted line is run once, with the auto-prompt off.
//!
//! Without a terminal on stdin the reference's prompt fails: a warning, then an empty error,
//! exit 255 ([`unavailable`]); so does this program's.
//!
//! # The prompt
//!
//! Raw mode on stdin (libc termios, restored when the prompt ends in any way, panics included),
//! ANSI output to stdout, drawn in place below the shell's prompt rather than full screen, and
//! erased when the prompt ends, as the reference's does. The line starts with the arguments as
//! typed (each quoted like Python's `shlex.quote`, `--cli-auto-prompt` removed once), followed by
//! a blank unless its last word can still be completed. Under it: the completion menu (when open)
//! and a one-row list of the keys.
//!
//! Keys:
//!
//! * printable characters insert; Backspace and Delete delete; Left/Right (Ctrl-B/Ctrl-F),
//!   Home/End (Ctrl-A/Ctrl-E) move; Ctrl-U deletes to the start of the line, Ctrl-K to its end,
//!   Ctrl-W the word before the cursor;
//! * Tab completes the word under the cursor with [`crate::completer::complete`] (the same
//!   completions as `aws_completer`, without `--cli-auto-prompt`/`--no-cli-auto-prompt`, as the
//!   reference leaves those out): one completion is inserted, followed by a blank unless it ends
//!   in `/` or `=`; several insert their common prefix and open a menu of up to ten rows
//!   (scrolling), each with one line of documentation beside it ([`docs`]). Typing while the menu
//!   is open narrows it;
//! * in the menu, Up/Down (Ctrl-P/Ctrl-N, Shift-Tab for up) move the highlight; Tab highlights
//!   the first entry, then takes the highlighted one; Enter takes the highlighted entry, or with
//!   none highlighted just closes the menu (the reference's Enter does the same); Escape closes
//!   it;
//! * Enter with no menu open accepts the line: the drawing is erased, the terminal restored,
//!   `> aws <line>` printed to stdout, and the line split as POSIX `shlex.split` does and run. A
//!   line `shlex.split` rejects (an open quote, a trailing backslash) fails as the reference does:
//!   `aws: [ERROR]: No closing quotation` (or `No escaped character`), exit 255;
//! * Ctrl-C and Ctrl-D cancel, as in the reference (`PrompterKeyboardInterrupt`): the drawing is
//!   erased, `> aws <line>` goes to **stderr**, nothing to stdout, nothing runs, exit 130. The
//!   end of input counts as Ctrl-D. Escape does not cancel (it only closes the menu), as in the
//!   reference.

pub mod docs;
pub mod editor;
pub mod shell;
pub mod term;

use crate::completer::CompletionContext;
use crate::config::{self, env, Env, SharedConfig};
use crate::error::CliError;
use crate::Io;

use self::editor::{Action, Editor};
use self::term::Key;

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

/// The reference's failure when the prompt cannot open: without a terminal on stdin,
/// prompt_toolkit's warning then an empty error; on a terminal that cannot be put in raw mode, an
/// error saying so. Returns the exit code (255).
pub fn unavailable(io: &mut Io<'_>) -> i32 {
    let text = if io.stdin_tty {
        "\naws: [ERROR]: The interactive auto-prompt could not set up the terminal on stdin.\n"
    } else {
        "Warning: Input is not a terminal (fd=0).\n\naws: [ERROR]:\n"
    };
    let _ = crate::output::sink::write_quietly(io.stderr, text.as_bytes());
    255
}

/// The exit code of a parameter-validation error, the one `on-partial` prompts after.
const PARAM_VALIDATION_EXIT: i32 = 252;

/// The exit code of an interrupt (Ctrl-C, and Ctrl-D in the prompt).
const INTERRUPT_EXIT: i32 = 130;

/// Runs a command line with the auto-prompt off (the program's normal path) and returns its
/// exit code.
pub type Runner = fn(&[String], &Env, &mut Io<'_>) -> i32;

/// Runs `args` in `mode` (see the module documentation); `run` is the normal, prompt-free run.
pub fn drive(mode: Mode, args: &[String], env: &Env, io: &mut Io<'_>, run: Runner) -> i32 {
    match mode {
        Mode::Off => run(args, env, io),
        Mode::On => prompt_then_run(args, env, io, run),
        Mode::OnPartial => {
            let mut held = Vec::new();
            let code = {
                let mut first = Io {
                    stdout: &mut *io.stdout,
                    stderr: &mut held,
                    stdin_tty: io.stdin_tty,
                    stdout_tty: io.stdout_tty,
                    stderr_tty: io.stderr_tty,
                    terminal_width: io.terminal_width,
                };
                run(args, env, &mut first)
            };
            if code != PARAM_VALIDATION_EXIT {
                let _ = crate::output::sink::write_quietly(io.stderr, &held);
                return code;
            }
            prompt_then_run(args, env, io, run)
        }
    }
}

fn prompt_then_run(args: &[String], env: &Env, io: &mut Io<'_>, run: Runner) -> i32 {
    match prompt_for_args(args, env, io) {
        Outcome::Run(new_args) => run(&new_args, env, io),
        Outcome::Exit(code) => code,
    }
}

/// How the prompt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Run these arguments: the accepted line, split.
    Run(Vec<String>),
    /// Exit with this code: cancelled, no terminal, or a line that does not split.
    Exit(i32),
}

/// What the completer needs, from the program's environment.
pub fn completion_context(env: &Env) -> CompletionContext {
    let var = |name: &str| env.get(name).map(str::to_string);
    CompletionContext {
        commands: crate::cli::service_names().to_vec(),
        operations: crate::cli::connect_operation_names().to_vec(),
        profiles: crate::completer::profiles::profile_names(&var, &env.cwd),
        cwd: env.cwd.clone(),
        home: var("HOME"),
    }
}

/// The completions of the last word of `line` (which starts with `aws`), without the two
/// auto-prompt flags and without repeats.
fn completions(line: &str, ctx: &CompletionContext) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in crate::completer::complete(line, line.len(), ctx) {
        if c != "--cli-auto-prompt" && c != "--no-cli-auto-prompt" && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The menu entries for the word ending `line`.
pub fn menu_entries(line: &str, ctx: &CompletionContext) -> Vec<docs::Entry> {
    docs::entries(line, &completions(line, ctx))
}

/// The text the prompt starts with: `args` without the first `--cli-auto-prompt`, each quoted as
/// `shlex.quote` does, joined by blanks, and a blank after them unless the last word can still be
/// completed into something else.
pub fn prefill(args: &[String], ctx: &CompletionContext) -> String {
    let mut args = args.to_vec();
    if let Some(i) = args.iter().position(|a| a == "--cli-auto-prompt") {
        args.remove(i);
    }
    let mut text = args.iter().map(|a| shell::quote(a)).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return text;
    }
    let line = format!("aws {text}");
    let current = crate::completer::words::split(&line).pop().unwrap_or_default();
    if !completions(&line, ctx).iter().any(|c| *c != current) {
        text.push(' ');
    }
    text
}

/// Opens the prompt pre-filled with `args` and returns what to do next.
pub fn prompt_for_args(args: &[String], env: &Env, io: &mut Io<'_>) -> Outcome {
    if !io.stdin_tty {
        return Outcome::Exit(unavailable(io));
    }
    let ctx = completion_context(env);
    let complete = |line: &str| menu_entries(line, &ctx);
    let mut ed = Editor::new(prefill(args, &ctx));
    let Ok(raw) = term::RawMode::enable(libc::STDIN_FILENO) else { return Outcome::Exit(unavailable(io)) };
    let mut keys = term::Keys::new(libc::STDIN_FILENO);
    let mut row = 0;
    let action = loop {
        let cols = term::width(libc::STDOUT_FILENO).or(io.terminal_width).unwrap_or(80);
        let (frame, on_row) = ed.render(cols, row);
        row = on_row;
        if crate::output::sink::write_quietly(io.stdout, frame.as_bytes()).is_err() {
            break Action::Cancel;
        }
        // The end of input (or a read error) is Ctrl-D.
        let key = keys.next_key().ok().flatten().unwrap_or(Key::CtrlD);
        match ed.handle(key, &complete) {
            Action::Continue => {}
            done => break done,
        }
    };
    let _ = crate::output::sink::write_quietly(io.stdout, Editor::erase(row).as_bytes());
    drop(raw);
    let shown = format!("> aws {}\n", ed.text);
    match action {
        Action::Accept => {
            let _ = crate::output::sink::write_quietly(io.stdout, shown.as_bytes());
            if let Some(msg) = shell::split_error(&ed.text) {
                let _ = crate::output::sink::write_quietly(io.stderr, format!("\naws: [ERROR]: {msg}\n").as_bytes());
                return Outcome::Exit(255);
            }
            Outcome::Run(crate::output::sink::shell_split(&ed.text))
        }
        Action::Cancel | Action::Continue => {
            let _ = crate::output::sink::write_quietly(io.stderr, shown.as_bytes());
            Outcome::Exit(INTERRUPT_EXIT)
        }
    }
}

#[cfg(test)]
mod tests;
