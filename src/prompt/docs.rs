//! The one-line documentation shown beside each completion in the prompt's menu.
//!
//! As in the CLI's auto-prompt, an option's line is `[type] first sentence of its help`, and a
//! required option is displayed as `--name (required)`. The operation's options take their help
//! from the service model (`model::operation()`), the CLI's own `--cli-input-*` and
//! `--generate-cli-skeleton` from the text the CLI writes for them, and the global options from
//! `cli-global-options.json`. A value is described by the option it belongs to (`--output:
//! The formatting style …`); an `--identity-info` key by its model member; a path by whether it
//! is a directory.

use std::sync::OnceLock;

use serde_json::Value;

use crate::completer::data::{GLOBAL_OPTIONS, HELP, OPERATION, OPERATION_OPTIONS};
use crate::completer::words;
use crate::help::first_sentence;
use crate::model::{operation, MemberInfo};

const GLOBAL_OPTIONS_JSON: &str = include_str!("../cli/data/cli-global-options.json");

/// How a completion is listed in the menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The completion (the whole word, unescaped).
    pub text: String,
    /// What the menu shows for it.
    pub display: String,
    /// The documentation beside it (possibly empty).
    pub meta: String,
}

/// What is known of one option for the menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionDoc {
    pub type_name: &'static str,
    pub required: bool,
    pub sentence: String,
}

/// `IdentityInfo` → `identity-info`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn member_for(option: &str) -> Option<&'static MemberInfo> {
    operation().input_members.iter().find(|m| kebab(&m.name) == option)
}

fn cli_type(member: &MemberInfo) -> &'static str {
    match member.type_name.as_str() {
        "structure" => "structure",
        "list" => "list",
        "map" => "map",
        "integer" | "long" => "integer",
        "boolean" => "boolean",
        "blob" => "blob",
        "timestamp" => "timestamp",
        "float" | "double" => "float",
        _ => "string",
    }
}

fn globals() -> &'static serde_json::Map<String, Value> {
    static GLOBALS: OnceLock<serde_json::Map<String, Value>> = OnceLock::new();
    GLOBALS.get_or_init(|| {
        serde_json::from_str::<Value>(GLOBAL_OPTIONS_JSON)
            .ok()
            .and_then(|v| v.get("options").and_then(Value::as_object).cloned())
            .unwrap_or_default()
    })
}

/// The documentation of the option `name` (without `--`): an operation option when
/// `at_operation`, else (or when it is not one) a global option.
pub fn option_doc(name: &str, at_operation: bool) -> Option<OptionDoc> {
    if at_operation {
        if let Some(m) = member_for(name) {
            return Some(OptionDoc {
                type_name: cli_type(m),
                required: m.required,
                sentence: m.documentation.as_deref().map(first_sentence).unwrap_or_default(),
            });
        }
        let cli_own = match name {
            "cli-input-json" => Some("Reads arguments from the JSON string provided."),
            "cli-input-yaml" => Some("Reads arguments from the YAML string provided."),
            "generate-cli-skeleton" => {
                Some("Prints a JSON skeleton to standard output without sending an API request.")
            }
            _ => None,
        };
        if let Some(sentence) = cli_own {
            return Some(OptionDoc { type_name: "string", required: false, sentence: sentence.into() });
        }
    }
    let spec = globals().get(name)?;
    let type_name = match (spec.get("action").and_then(Value::as_str), spec.get("type").and_then(Value::as_str)) {
        (Some("store_true" | "store_false" | "version"), _) => "boolean",
        (_, Some("int")) => "int",
        _ => "string",
    };
    let sentence = spec.get("help").and_then(Value::as_str).map(first_sentence).unwrap_or_default();
    Some(OptionDoc { type_name, required: false, sentence })
}

/// The long option `name` (without `--`) stands for, by the CLI's rules (exact, else a unique
/// prefix; globals first, then the operation's own options once the operation is named).
fn resolve(name: &str, at_operation: bool) -> Option<&'static str> {
    fn lookup(name: &str, table: &[crate::completer::data::OptSpec]) -> Result<Option<&'static str>, ()> {
        if let Some(s) = table.iter().find(|s| s.name == name) {
            return Ok(Some(s.name));
        }
        let mut it = table.iter().filter(|s| s.name.starts_with(name));
        match (it.next(), it.next()) {
            (Some(one), None) => Ok(Some(one.name)),
            (Some(_), Some(_)) => Err(()),
            (None, _) => Ok(None),
        }
    }
    if name.is_empty() {
        return None;
    }
    match lookup(name, GLOBAL_OPTIONS) {
        Ok(Some(n)) => Some(n),
        Err(()) => None,
        Ok(None) if at_operation => lookup(name, OPERATION_OPTIONS).ok().flatten(),
        Ok(None) => None,
    }
}

/// The menu entries for `completions` of the word ending at the end of `before_cursor` (the line
/// before the cursor, starting with `aws`).
pub fn entries(before_cursor: &str, completions: &[String]) -> Vec<Entry> {
    let words = words::split(before_cursor);
    // Close enough to the completer's walk: the operation's name is among the finished words.
    let at_operation = words[..words.len().saturating_sub(1)].iter().any(|w| w == OPERATION);
    // The option whose value the current word is: `--opt=…`, or the word before it.
    let current = words.last().map(String::as_str).unwrap_or("");
    let value_of = if let Some((name, _)) = current.strip_prefix("--").and_then(|b| b.split_once('=')) {
        resolve(name, at_operation)
    } else if current.starts_with('-') {
        None
    } else {
        words
            .len()
            .checked_sub(2)
            .and_then(|i| words.get(i))
            .and_then(|w| w.strip_prefix("--"))
            .filter(|w| !w.contains('='))
            .and_then(|w| resolve(w, at_operation))
    };
    completions.iter().map(|c| entry(c, value_of, at_operation)).collect()
}

fn entry(completion: &str, value_of: Option<&str>, at_operation: bool) -> Entry {
    let plain = |meta: String| Entry { text: completion.to_string(), display: completion.to_string(), meta };
    if crate::completer::paths::is_path(completion) || completion.contains("file://") {
        let kind = if completion.ends_with('/') { "directory" } else { "file" };
        return plain(kind.into());
    }
    if let Some(option) = value_of {
        if option == "identity-info" {
            let key = completion.trim_end_matches('=').rsplit(',').next().unwrap_or("");
            let doc = member_for("identity-info")
                .and_then(|m| m.member(key))
                .and_then(|m| m.documentation.as_deref())
                .map(first_sentence)
                .unwrap_or_default();
            return plain(doc);
        }
        let doc = option_doc(option, at_operation).map(|d| d.sentence).unwrap_or_default();
        return plain(format!("--{option}: {doc}").trim_end().trim_end_matches(':').to_string());
    }
    if let Some(name) = completion.strip_prefix("--").filter(|n| !n.contains('=')) {
        return match option_doc(name, at_operation) {
            Some(d) => Entry {
                text: completion.to_string(),
                display: if d.required { format!("{completion} (required)") } else { completion.to_string() },
                meta: format!("[{}] {}", d.type_name, d.sentence).trim_end().to_string(),
            },
            None => plain(String::new()),
        };
    }
    let meta = match completion {
        OPERATION => operation().documentation.as_deref().map(first_sentence).unwrap_or_default(),
        HELP => "Displays the help page.".into(),
        _ => String::new(),
    };
    plain(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_have_type_and_first_sentence() {
        let e =
            entries("aws connect update-user-identity-info --", &strs(&["--user-id", "--region", "--cli-input-json"]));
        assert_eq!(e[0].display, "--user-id (required)");
        assert_eq!(e[0].meta, "[string] The identifier of the user account.");
        assert_eq!(e[1].display, "--region");
        assert_eq!(e[1].meta, "[string] The region to use.");
        assert_eq!(e[2].meta, "[string] Reads arguments from the JSON string provided.");
        let d = option_doc("identity-info", true).unwrap();
        assert_eq!(
            (d.type_name, d.required, d.sentence.as_str()),
            ("structure", true, "The identity information for the user.")
        );
        assert_eq!(option_doc("debug", false).unwrap().type_name, "boolean");
        assert_eq!(option_doc("cli-read-timeout", false).unwrap().type_name, "int");
        assert_eq!(option_doc("user-id", false), None);
    }

    #[test]
    fn values_are_described_by_their_option() {
        let e = entries("aws connect update-user-identity-info --ou", &strs(&["json", "text"]));
        assert_eq!(e[0].meta, "");
        let e = entries("aws connect update-user-identity-info --output ", &strs(&["json", "text"]));
        assert_eq!(e[0].display, "json");
        assert_eq!(e[0].meta, "--output: The formatting style for command output.");
        let e = entries("aws --output=", &strs(&["--output=json"]));
        assert_eq!(e[0].meta, "--output: The formatting style for command output.");
        let e = entries("aws connect update-user-identity-info --identity-info F", &strs(&["FirstName="]));
        assert_eq!(e[0].meta, "The first name.");
        let e = entries("aws connect ", &strs(&["update-user-identity-info"]));
        assert_eq!(e[0].meta, "Updates the identity information for the specified user.");
    }
}
