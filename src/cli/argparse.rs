//! Python argparse's `parse_known_args`, as AWS CLI v2 uses it at each of its three levels.
//!
//! The option definitions come from clap `Command`s (see `super::commands`); this module only
//! reproduces argparse's token grammar, which clap does not have: every token is classified
//! first (so an ambiguous abbreviation anywhere is reported before anything else), unique
//! prefixes of long options are accepted (`--inst`), `--opt=value` is split, a value that looks
//! like an option is refused (`expected one argument`) unless it is a negative number or
//! contains a space, the last repeat of an option wins, and tokens no definition claims are
//! returned as extras in their original order for the next level.

use clap::Command;

use crate::util::difflib;

/// How many values an option takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Nargs {
    /// A flag (`store_true`/`store_false`/`version`).
    Zero,
    /// Exactly one value.
    One,
    /// `nargs='?'`: a value if one follows, else the constant.
    Optional(String),
}

/// One long option of a parser.
#[derive(Debug, Clone)]
pub struct OptSpec {
    /// The option string, with its leading dashes (`--user-id`).
    pub flag: String,
    pub nargs: Nargs,
    pub choices: Vec<String>,
    /// argparse's `version` action: stop parsing as soon as it is reached.
    pub is_version: bool,
}

/// The single positional of a parser (`command`, `operation` or the operation's `help`). It
/// takes the first positional token; `nargs='?'` and exactly-one behave alike here because each
/// level has one positional and the caller checks requiredness.
#[derive(Debug, Clone)]
pub struct PositionalSpec {
    pub name: String,
    pub choices: Choices,
}

/// The allowed values of a positional. The command and operation lists are long, so they are
/// only loaded when a value is not one of the few this program serves.
#[derive(Debug, Clone)]
pub enum Choices {
    Any,
    Lazy { fast_accept: &'static [&'static str], load: fn() -> &'static [String] },
}

impl Choices {
    fn check(&self, name: &str, value: &str) -> Result<(), String> {
        match self {
            Choices::Any => Ok(()),
            Choices::Lazy { fast_accept, load } => {
                if fast_accept.contains(&value) || load().iter().any(|c| c == value) {
                    Ok(())
                } else {
                    Err(invalid_choice(name, value, load()))
                }
            }
        }
    }
}

/// A parser level: its options in declaration order and its positional.
#[derive(Debug, Clone)]
pub struct ParserSpec {
    pub options: Vec<OptSpec>,
    pub positional: Option<PositionalSpec>,
}

impl ParserSpec {
    /// Reads the option definitions off a clap command: every argument with a long name is an
    /// option (its `num_args` range and `default_missing_value` give the nargs, its possible
    /// values the choices); the first positional argument is the positional.
    pub fn from_clap(cmd: &Command) -> ParserSpec {
        let mut options = Vec::new();
        let mut positional = None;
        for arg in cmd.get_arguments() {
            let choices: Vec<String> = arg.get_possible_values().iter().map(|p| p.get_name().to_string()).collect();
            if let Some(long) = arg.get_long() {
                let takes = arg.get_action().takes_values();
                let range = arg.get_num_args();
                let nargs = if !takes {
                    Nargs::Zero
                } else if range.map(|r| r.min_values() == 0).unwrap_or(false) {
                    // argparse's `const`: this program's only optional-value option
                    // (`--generate-cli-skeleton`) lists its const first among its choices.
                    Nargs::Optional(choices.first().cloned().unwrap_or_default())
                } else {
                    Nargs::One
                };
                options.push(OptSpec {
                    flag: format!("--{long}"),
                    nargs,
                    choices,
                    is_version: arg.get_id() == "version",
                });
            } else if positional.is_none() {
                positional = Some(PositionalSpec {
                    name: arg.get_id().to_string(),
                    choices: Choices::Any,
                });
            }
        }
        ParserSpec { options, positional }
    }
}

/// The result of one level.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// Options seen, in order: (option string, value). Flags have `None`. Repeats are kept; the
    /// consumer takes the last.
    pub options: Vec<(String, Option<String>)>,
    pub positional: Option<String>,
    /// Tokens this level did not consume, in argv order.
    pub extras: Vec<String>,
    /// `--version` was reached.
    pub version: bool,
}

impl Parsed {
    /// The last value given for `flag` (`Some(None)` for a flag that was seen).
    pub fn last(&self, flag: &str) -> Option<Option<&str>> {
        self.options.iter().rev().find(|(f, _)| f == flag).map(|(_, v)| v.as_deref())
    }

    pub fn has(&self, flag: &str) -> bool {
        self.options.iter().any(|(f, _)| f == flag)
    }
}

/// How one token reads to a parser.
#[derive(Debug, Clone)]
enum Token {
    /// A known option (index into the spec), with an explicit `=value`.
    Opt(usize, Option<String>),
    /// Looks like an option, but none matches.
    Unknown,
    /// A positional value.
    Arg,
}

/// argparse's `_negative_number_matcher`: `^-\d+$|^-\d*\.\d+$`.
fn is_negative_number(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('-') else { return false };
    if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    match rest.split_once('.') {
        Some((int, frac)) => {
            int.bytes().all(|b| b.is_ascii_digit()) && !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

fn classify(spec: &ParserSpec, token: &str) -> Result<Token, String> {
    if !token.starts_with('-') {
        return Ok(Token::Arg);
    }
    if let Some(i) = spec.options.iter().position(|o| o.flag == token) {
        return Ok(Token::Opt(i, None));
    }
    if token.len() == 1 {
        return Ok(Token::Arg);
    }
    if let Some((name, value)) = token.split_once('=') {
        if let Some(i) = spec.options.iter().position(|o| o.flag == name) {
            return Ok(Token::Opt(i, Some(value.to_string())));
        }
    }
    // Unique-prefix abbreviations (allow_abbrev), only for `--` options.
    if token.starts_with("--") {
        let (prefix, explicit) = match token.split_once('=') {
            Some((p, v)) => (p, Some(v.to_string())),
            None => (token, None),
        };
        let matches: Vec<usize> =
            spec.options.iter().enumerate().filter(|(_, o)| o.flag.starts_with(prefix)).map(|(i, _)| i).collect();
        if matches.len() > 1 {
            let names: Vec<&str> = matches.iter().map(|&i| spec.options[i].flag.as_str()).collect();
            return Err(format!("ambiguous option: {} could match {}", prefix, names.join(", ")));
        }
        if let Some(&i) = matches.first() {
            return Ok(Token::Opt(i, explicit));
        }
    }
    if is_negative_number(token) || token.contains(' ') {
        return Ok(Token::Arg);
    }
    Ok(Token::Unknown)
}

/// argparse's invalid-choice message, with difflib suggestions (n=3, cutoff 0.8).
pub fn invalid_choice(name: &str, value: &str, choices: &[String]) -> String {
    let mut msg = format!("argument {name}: Found invalid choice '{value}'\n");
    let refs: Vec<&str> = choices.iter().map(String::as_str).collect();
    let close = difflib::get_close_matches(value, &refs, 3, 0.8);
    if !close.is_empty() {
        msg.push_str("\nMaybe you meant:\n\n");
        let lines: Vec<String> = close.iter().map(|c| format!("  * {c}")).collect();
        msg.push_str(&lines.join("\n"));
    }
    msg
}

/// `parse_known_args` over `args` with `spec`. The error is argparse's message (without the
/// usage block).
pub fn parse_known(spec: &ParserSpec, args: &[String]) -> Result<Parsed, String> {
    let mut classes = Vec::with_capacity(args.len());
    let mut after_dashdash = false;
    for token in args {
        if after_dashdash {
            classes.push(Token::Arg);
        } else if token == "--" {
            after_dashdash = true;
            classes.push(Token::Unknown);
        } else {
            classes.push(classify(spec, token)?);
        }
    }

    let mut out = Parsed::default();
    let mut i = 0;
    while i < args.len() {
        match &classes[i] {
            Token::Opt(idx, explicit) => {
                let opt = &spec.options[*idx];
                let next_is_arg = matches!(classes.get(i + 1), Some(Token::Arg));
                let (value, used) = match (&opt.nargs, explicit) {
                    (Nargs::Zero, Some(v)) => {
                        return Err(format!("argument {}: ignored explicit argument '{}'", opt.flag, v));
                    }
                    (Nargs::Zero, None) => (None, 1),
                    (_, Some(v)) => (Some(v.clone()), 1),
                    (Nargs::One, None) if next_is_arg => (Some(args[i + 1].clone()), 2),
                    (Nargs::One, None) => return Err(format!("argument {}: expected one argument", opt.flag)),
                    (Nargs::Optional(_), None) if next_is_arg => (Some(args[i + 1].clone()), 2),
                    (Nargs::Optional(konst), None) => (Some(konst.clone()), 1),
                };
                if let Some(v) = &value {
                    if !opt.choices.is_empty() && !opt.choices.iter().any(|c| c == v) {
                        return Err(invalid_choice(&opt.flag, v, &opt.choices));
                    }
                }
                if opt.is_version {
                    out.version = true;
                    return Ok(out);
                }
                out.options.push((opt.flag.clone(), value));
                i += used;
            }
            Token::Unknown => {
                out.extras.push(args[i].clone());
                i += 1;
            }
            Token::Arg => {
                match &spec.positional {
                    Some(p) if out.positional.is_none() => {
                        p.choices.check(&p.name, &args[i])?;
                        out.positional = Some(args[i].clone());
                    }
                    _ => out.extras.push(args[i].clone()),
                }
                i += 1;
            }
        }
    }
    // A lone `--` is argparse's marker, not a leftover.
    out.extras.retain(|t| t != "--");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> ParserSpec {
        let opt = |f: &str, n: Nargs, c: &[&str]| OptSpec {
            flag: f.into(),
            nargs: n,
            choices: c.iter().map(|s| s.to_string()).collect(),
            is_version: false,
        };
        ParserSpec {
            options: vec![
                opt("--identity-info", Nargs::One, &[]),
                opt("--user-id", Nargs::One, &[]),
                opt("--instance-id", Nargs::One, &[]),
                opt("--generate-cli-skeleton", Nargs::Optional("input".into()), &["input", "output", "yaml-input"]),
                opt("--debug", Nargs::Zero, &[]),
            ],
            positional: Some(PositionalSpec { name: "help".into(), choices: Choices::Any }),
        }
    }

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn prefixes_equals_and_last_wins() {
        let p = parse_known(&spec(), &args(&["--inst", "a", "--user-id=u", "--instance-id", "b"])).unwrap();
        assert_eq!(p.last("--instance-id"), Some(Some("b")));
        assert_eq!(p.last("--user-id"), Some(Some("u")));
    }

    #[test]
    fn ambiguous_prefix_reported_first() {
        let e = parse_known(&spec(), &args(&["--user-id", "--i"])).unwrap_err();
        assert_eq!(e, "ambiguous option: --i could match --identity-info, --instance-id");
    }

    #[test]
    fn option_like_values_are_refused() {
        let e = parse_known(&spec(), &args(&["--user-id", "-abc"])).unwrap_err();
        assert_eq!(e, "argument --user-id: expected one argument");
        let p = parse_known(&spec(), &args(&["--user-id", "-1", "--instance-id", "-a b"])).unwrap();
        assert_eq!(p.last("--user-id"), Some(Some("-1")));
        assert_eq!(p.last("--instance-id"), Some(Some("-a b")));
    }

    #[test]
    fn optional_nargs_and_choices() {
        let p = parse_known(&spec(), &args(&["--generate-cli-skeleton", "--debug"])).unwrap();
        assert_eq!(p.last("--generate-cli-skeleton"), Some(Some("input")));
        let e = parse_known(&spec(), &args(&["--generate-cli-skeleton", "bogus"])).unwrap_err();
        assert_eq!(e, "argument --generate-cli-skeleton: Found invalid choice 'bogus'\n");
        let e = parse_known(&spec(), &args(&["--debug=x"])).unwrap_err();
        assert_eq!(e, "argument --debug: ignored explicit argument 'x'");
    }

    #[test]
    fn extras_keep_order() {
        let p = parse_known(&spec(), &args(&["junk", "--foo", "bar", "--user-id", "u"])).unwrap();
        assert_eq!(p.positional.as_deref(), Some("junk"));
        assert_eq!(p.extras, args(&["--foo", "bar"]));
    }

    #[test]
    fn negative_numbers() {
        assert!(is_negative_number("-1"));
        assert!(is_negative_number("-.5"));
        assert!(is_negative_number("-1.5"));
        assert!(!is_negative_number("-1."));
        assert!(!is_negative_number("-x"));
    }
}
