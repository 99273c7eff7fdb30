//! Shell completion for `aws`: what `aws_completer` prints for bash's `complete -C` protocol.
//!
//! The shell hands over the whole line (`COMP_LINE`) and the cursor offset (`COMP_POINT`); the
//! text before the cursor is split into words as the shell would ([`words`]) and the last word,
//! possibly empty, is completed:
//!
//! * a positional word: the top-level commands, then `connect`'s operations (each with `help`);
//! * a word starting with `-` (or an empty word after the operation): the long options not yet on
//!   the line: the operation's own options (for `connect update-user-identity-info`, in
//!   argument-table order) and the global options (in `cli.json` order), which apply anywhere;
//! * the value of an option (the word after it, or after `--option=`): the option's choices,
//!   profile names, region names, `--identity-info` shorthand keys, or, for any value starting
//!   with `file://` or `fileb://`, paths (also for options of commands this program does not
//!   implement, so any word starting so is completed as a path).
//!
//! Options are read with the CLI's argparse rules (see `cli::argparse`): a unique prefix names an
//! option (`--reg` is `--region`), global options first and anywhere on the line, the operation's
//! options only once the operation is named; `--opt=value` carries its value; an option that takes
//! a value consumes the next word unless it starts with `-`. A word the CLI would reject (an
//! unknown command or operation) stops the positional completions after it.
//!
//! Orders: commands, operations, regions, profiles and paths sorted; fixed choices, options and
//! shorthand keys in the order the CLI defines them (the order of its auto-prompt completer).

pub mod data;
pub mod paths;
pub mod profiles;
pub mod shorthand;
pub mod words;

use std::path::PathBuf;

use self::data::{Arity, OptSpec, GLOBAL_OPTIONS, HELP, OPERATION, OPERATION_OPTIONS, SERVICE};

/// What the completer needs from its surroundings; the caller fills it.
#[derive(Debug, Clone, Default)]
pub struct CompletionContext {
    /// The top-level command names (`help` is added if missing).
    pub commands: Vec<String>,
    /// The `connect` operation names (`help` is added if missing).
    pub operations: Vec<String>,
    /// The profile names from the shared config and credentials files ([`profiles::profile_names`]).
    pub profiles: Vec<String>,
    /// The working directory, for relative `file://` paths.
    pub cwd: PathBuf,
    /// `HOME`, for `file://~/` paths.
    pub home: Option<String>,
}

/// The completions of the word under the cursor. `point` is a byte offset into `line` (clamped
/// to the line and to a character boundary); `line` starts with the command name (`aws`).
pub fn complete(line: &str, point: usize, ctx: &CompletionContext) -> Vec<String> {
    let words = words::split(before_cursor(line, point));
    if words.len() < 2 {
        // Still on the command name itself: that is the shell's business.
        return Vec::new();
    }
    let (current, previous) = words.split_last().expect("two words or more");
    let state = State::walk(&previous[1..], ctx);
    state.complete(current, ctx)
}

/// Like [`complete`], with each completion cut to the word as the shell delimits it.
///
/// bash splits the word being completed at the characters of `COMP_WORDBREAKS` (by default
/// `=` and `:` among them) and replaces only the part after the last one, which it passes to the
/// completer as its second argument: for `--identity-info FirstName=a,La` that is `a,La`, for
/// `--ca-bundle file://fo` it is `//fo`. Given that argument (`shell_word`), the completions lose
/// the text before it (`FirstName=`, `file:`). zsh's `bashcompinit` passes no arguments and
/// replaces whole words, so with `None` the completions are whole words.
pub fn complete_for_shell(line: &str, point: usize, shell_word: Option<&str>, ctx: &CompletionContext) -> Vec<String> {
    let completions = complete(line, point, ctx);
    let Some(shell_word) = shell_word else { return completions };
    let current = words::split(before_cursor(line, point)).pop().unwrap_or_default();
    if current.len() <= shell_word.len() || !current.ends_with(shell_word) {
        return completions;
    }
    let head = &current[..current.len() - shell_word.len()];
    completions.into_iter().filter_map(|c| c.strip_prefix(head).map(str::to_string)).collect()
}

/// The byte offset of the cursor for a `COMP_POINT`. bash and zsh count characters in a UTF-8
/// locale and bytes otherwise: `counts_chars` says which. Past the end means the end.
pub fn cursor_byte_offset(line: &str, comp_point: usize, counts_chars: bool) -> usize {
    if counts_chars {
        line.char_indices().nth(comp_point).map_or(line.len(), |(i, _)| i)
    } else {
        floor_char_boundary(line, comp_point)
    }
}

fn before_cursor(line: &str, point: usize) -> &str {
    &line[..floor_char_boundary(line, point)]
}

fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// What the words before the current one establish.
#[derive(Debug, Default)]
struct State {
    /// The first positional word (the command), and whether it is one.
    command: Option<(String, bool)>,
    /// The second positional word (the operation), and whether it is a `connect` operation.
    operation: Option<(String, bool)>,
    /// The option names (without `--` and `=value`) written so far, as typed.
    options_seen: Vec<String>,
    /// The option whose value the current word is (the previous word named it).
    pending: Option<OptSpec>,
}

impl State {
    fn walk(words: &[String], ctx: &CompletionContext) -> State {
        let mut state = State::default();
        let mut i = 0;
        while i < words.len() {
            let word = &words[i];
            i += 1;
            if let Some(body) = word.strip_prefix("--").filter(|b| !b.is_empty()) {
                let (name, inline_value) = match body.split_once('=') {
                    Some((name, _)) => (name, true),
                    None => (body, false),
                };
                state.options_seen.push(name.to_string());
                let Some(spec) = resolve(name, state.at_operation()) else { continue };
                if inline_value {
                    continue;
                }
                let takes_value = match spec.arity {
                    Arity::Flag => false,
                    Arity::One | Arity::Optional => true,
                };
                match words.get(i) {
                    Some(next) if takes_value && !next.starts_with('-') => i += 1,
                    None if takes_value => state.pending = Some(spec),
                    _ => {}
                }
            } else if word.starts_with('-') {
                // `-x` and a lone `--`: nothing the CLI knows; argparse passes them on.
            } else if state.command.is_none() {
                let known = word == HELP || ctx.commands.contains(word);
                state.command = Some((word.clone(), known));
            } else if state.operation.is_none() {
                let known = state.command_is(SERVICE) && (word == HELP || ctx.operations.contains(word));
                state.operation = Some((word.clone(), known));
            }
            // Further positionals are stray arguments (`Unknown options` at run time).
        }
        state
    }

    fn command_is(&self, name: &str) -> bool {
        matches!(&self.command, Some((c, true)) if c == name)
    }

    /// The line has reached `connect update-user-identity-info`.
    fn at_operation(&self) -> bool {
        self.command_is(SERVICE) && matches!(&self.operation, Some((o, true)) if o == OPERATION)
    }

    /// The line names an operation that takes options (a `connect` operation, not `help`).
    fn at_leaf(&self) -> bool {
        self.command_is(SERVICE) && matches!(&self.operation, Some((o, true)) if o != HELP)
    }

    fn complete(&self, current: &str, ctx: &CompletionContext) -> Vec<String> {
        if let Some(spec) = self.pending {
            if !current.starts_with('-') {
                return complete_value(spec, current, "", ctx);
            }
        }
        if let Some((name, value)) = current.strip_prefix("--").and_then(|b| b.split_once('=')) {
            let prefix = &current[..name.len() + 3];
            return match resolve(name, self.at_operation()) {
                Some(spec) if spec.arity != Arity::Flag => complete_value(spec, value, prefix, ctx),
                // Some other command's option: only a path is recognisable.
                _ => complete_path(value, prefix, ctx),
            };
        }
        if current.starts_with('-') {
            return self.complete_options(current);
        }
        if paths::is_path(current) {
            // The value of an option this program does not know (another command's).
            return complete_path(current, "", ctx);
        }
        match (&self.command, &self.operation) {
            (None, _) => starting_with(current, &with_help(&ctx.commands)),
            (Some(_), None) if self.command_is(SERVICE) => starting_with(current, &with_help(&ctx.operations)),
            (Some(_), Some(_)) if current.is_empty() && self.at_leaf() => self.complete_options(current),
            _ => Vec::new(),
        }
    }

    /// The options that start with `prefix` and are not on the line yet.
    fn complete_options(&self, prefix: &str) -> Vec<String> {
        let at_operation = self.at_operation();
        let used: Vec<&str> =
            self.options_seen.iter().filter_map(|name| resolve(name, at_operation)).map(|s| s.name).collect();
        let own: &[OptSpec] = if at_operation { OPERATION_OPTIONS } else { &[] };
        own.iter()
            .chain(GLOBAL_OPTIONS)
            .filter(|s| !used.contains(&s.name))
            .map(|s| format!("--{}", s.name))
            .filter(|o| o.starts_with(prefix))
            .collect()
    }
}

/// The option `name` (without `--`) stands for, by argparse's rules: the main parser's global
/// options first (exact name, else a unique prefix; an ambiguous prefix names nothing), then,
/// once the operation is named, its own options likewise.
fn resolve(name: &str, at_operation: bool) -> Option<OptSpec> {
    let lookup = |table: &[OptSpec]| -> Result<Option<OptSpec>, ()> {
        if let Some(exact) = table.iter().find(|s| s.name == name) {
            return Ok(Some(*exact));
        }
        let mut matches = table.iter().filter(|s| s.name.starts_with(name));
        match (matches.next(), matches.next()) {
            (Some(one), None) => Ok(Some(*one)),
            (Some(_), Some(_)) => Err(()),
            (None, _) => Ok(None),
        }
    };
    if name.is_empty() {
        return None;
    }
    match lookup(GLOBAL_OPTIONS) {
        Ok(Some(spec)) => Some(spec),
        Err(()) => None,
        Ok(None) if at_operation => lookup(OPERATION_OPTIONS).ok().flatten(),
        Ok(None) => None,
    }
}

/// The completions of `value` for the option `spec`, each after `prefix` (`--opt=` or nothing).
fn complete_value(spec: OptSpec, value: &str, prefix: &str, ctx: &CompletionContext) -> Vec<String> {
    let found = if let Some(paths) = paths::complete(value, &ctx.cwd, ctx.home.as_deref()) {
        paths
    } else if let Some(choices) = data::choices(spec.name) {
        starting_with(value, choices)
    } else {
        match spec.name {
            "profile" => {
                let mut profiles = ctx.profiles.clone();
                profiles.sort();
                profiles.dedup();
                starting_with(value, &profiles)
            }
            "region" => starting_with(value, data::REGIONS),
            "identity-info" => shorthand::complete_keys(value, data::IDENTITY_INFO_KEYS),
            _ => Vec::new(),
        }
    };
    found.into_iter().map(|c| format!("{prefix}{c}")).collect()
}

fn complete_path(value: &str, prefix: &str, ctx: &CompletionContext) -> Vec<String> {
    let found = paths::complete(value, &ctx.cwd, ctx.home.as_deref()).unwrap_or_default();
    found.into_iter().map(|c| format!("{prefix}{c}")).collect()
}

/// `names` with `help`, sorted, without duplicates.
fn with_help(names: &[String]) -> Vec<String> {
    let mut all = names.to_vec();
    all.push(HELP.to_string());
    all.sort();
    all.dedup();
    all
}

fn starting_with<S: AsRef<str>>(prefix: &str, candidates: &[S]) -> Vec<String> {
    candidates.iter().map(AsRef::as_ref).filter(|c| c.starts_with(prefix)).map(str::to_string).collect()
}

#[cfg(test)]
mod tests;
