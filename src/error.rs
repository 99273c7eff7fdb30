//! The one error type of the program, its exit-code table, and its rendering in every
//! `--cli-error-format`.
//!
//! Reproduces AWS CLI v2's `awscli/errorhandler.py` (since 2.34.0): every error goes to stderr;
//! the `enhanced` (default) and `legacy` formats print `\naws: [ERROR]: <message>\n`; the
//! structured formats (`json`, `yaml`, `text`, `table`) render a `{Code, Message, …}` dict with
//! the ordinary output formatters. Unknown options and "anything else" errors are never
//! structured.

use serde_json::{Map, Value};

use crate::output::{self, TableStyle};

/// The usage block argparse errors carry (and the unknown-options error prints first).
pub const USAGE: &str = concat!(
    "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n",
    "To see help text, you can run:\n",
    "\n",
    "  aws help\n",
    "  aws <command> help\n",
    "  aws <command> <subcommand> help\n",
);

/// The operation name every service error names.
pub const OPERATION: &str = "UpdateUserIdentityInfo";

/// Everything that can end a run other than success.
#[derive(Debug, Clone, PartialEq)]
pub enum CliError {
    /// An argparse-level error (missing/invalid arguments); the message excludes the usage block.
    Usage(String),
    /// Leftover tokens no parser consumed: `Unknown options: a, b`.
    UnknownOptions(Vec<String>),
    /// Parameter parsing and client-side validation (`Error parsing parameter …`,
    /// `Parameter validation failed: …`, `Bad value for --query …`).
    ParamValidation(String),
    /// A configuration error the reference reports with code `Configuration` (253).
    Configuration(String),
    /// No region configured (253).
    NoRegion,
    /// No credentials found (253).
    NoCredentials,
    /// The pager could not be started (253).
    Pager(String),
    /// The service answered with an error (254).
    Service(ServiceError),
    /// SIGINT (130).
    Interrupted,
    /// Anything else (255): printed plain, never structured.
    General(String),
}

/// A service error as botocore parses it from the raw response.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceError {
    pub code: String,
    pub message: String,
    /// Modelled members of the error shape other than `Message`, in model order.
    pub extras: Vec<(String, Value)>,
    /// `Some(n)` when the retry budget ran out after `n` retries.
    pub retries_exhausted: Option<u32>,
    /// The operation that failed when it is not UpdateUserIdentityInfo (the STS call of an
    /// assume-role profile, for example).
    pub operation: Option<&'static str>,
}

/// The `--cli-error-format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorFormat {
    Enhanced,
    Legacy,
    Json,
    Yaml,
    Text,
    Table,
}

impl ErrorFormat {
    /// The choices as argparse lists them.
    pub const CHOICES: &'static [&'static str] = &["legacy", "json", "yaml", "text", "table", "enhanced"];

    /// Case-insensitive parse; `None` for an unknown value (the caller falls back to enhanced).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_lowercase().as_str() {
            "enhanced" => Self::Enhanced,
            "legacy" => Self::Legacy,
            "json" => Self::Json,
            "yaml" => Self::Yaml,
            "text" => Self::Text,
            "table" => Self::Table,
            _ => return None,
        })
    }
}

/// How the rendered error is to be coloured (only the table format colours).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    pub format: ErrorFormat,
    pub color: bool,
}

impl CliError {
    /// The one exit-code table.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) | CliError::UnknownOptions(_) | CliError::ParamValidation(_) => 252,
            CliError::Configuration(_) | CliError::NoRegion | CliError::NoCredentials | CliError::Pager(_) => 253,
            CliError::Service(_) => 254,
            CliError::Interrupted => 130,
            CliError::General(_) => 255,
        }
    }

    /// The `Code` of the structured error, for the errors that have one.
    fn code(&self) -> Option<&str> {
        Some(match self {
            CliError::Usage(_) | CliError::ParamValidation(_) => "ParamValidation",
            CliError::Configuration(_) => "Configuration",
            CliError::NoRegion => "NoRegion",
            CliError::NoCredentials => "NoCredentials",
            CliError::Pager(_) => "Pager",
            CliError::Service(e) => &e.code,
            _ => return None,
        })
    }

    /// The `Message` of the structured error (unstripped, as the reference builds it).
    fn message(&self) -> String {
        match self {
            CliError::Usage(m) => format!("{m}\n\n{USAGE}"),
            CliError::ParamValidation(m) | CliError::Configuration(m) | CliError::Pager(m) | CliError::General(m) => m.clone(),
            CliError::NoRegion => {
                "You must specify a region. You can also configure your region by running \"aws configure\".".into()
            }
            CliError::NoCredentials => {
                "Unable to locate credentials. You can configure credentials by running \"aws login\".".into()
            }
            CliError::Service(e) => e.message.clone(),
            CliError::UnknownOptions(_) | CliError::Interrupted => String::new(),
        }
    }

    /// What goes to stdout for this error (only Ctrl-C writes there: a newline).
    pub fn stdout_text(&self) -> &'static str {
        if matches!(self, CliError::Interrupted) {
            "\n"
        } else {
            ""
        }
    }

    /// The exact stderr text in the given format.
    pub fn render(&self, opts: RenderOptions) -> String {
        match self {
            CliError::Interrupted => return String::new(),
            CliError::UnknownOptions(tokens) => {
                return format!("\n{USAGE}\n\naws: [ERROR]: Unknown options: {}\n", tokens.join(", "));
            }
            CliError::General(m) => return plain(m),
            _ => {}
        }
        match opts.format {
            ErrorFormat::Enhanced => self.render_enhanced(),
            ErrorFormat::Legacy => match self {
                CliError::Service(e) => plain(&service_message(e)),
                _ => plain(&self.message()),
            },
            ErrorFormat::Json | ErrorFormat::Yaml | ErrorFormat::Text | ErrorFormat::Table => {
                self.render_structured(opts)
            }
        }
    }

    fn render_enhanced(&self) -> String {
        match self {
            CliError::Service(e) => {
                let mut out = plain(&service_message(e));
                if !e.extras.is_empty() {
                    out.push_str("\nAdditional error details:\n");
                    let mut complex = false;
                    for (k, v) in &e.extras {
                        let shown = detail_value(v).unwrap_or_else(|| {
                            complex = true;
                            "<complex value>".into()
                        });
                        out.push_str(&format!("{k}: {shown}\n"));
                    }
                    if complex {
                        out.push_str(
                            "Use \"--cli-error-format json\" or another error format to see the full details.\n",
                        );
                    }
                }
                out
            }
            other => plain(&format!(
                "An error occurred ({}): {}",
                other.code().unwrap_or("Unknown"),
                other.message()
            )),
        }
    }

    fn render_structured(&self, opts: RenderOptions) -> String {
        let mut info = Map::new();
        match self {
            CliError::Service(e) => {
                info.insert("Message".into(), Value::String(e.message.clone()));
                info.insert("Code".into(), Value::String(e.code.clone()));
                for (k, v) in &e.extras {
                    info.insert(k.clone(), v.clone());
                }
            }
            other => {
                info.insert("Code".into(), Value::String(other.code().unwrap_or("Unknown").into()));
                info.insert("Message".into(), Value::String(other.message()));
            }
        }
        let value = Value::Object(info);
        let rendered = match opts.format {
            ErrorFormat::Json => Ok(output::json::format_json(&value)),
            ErrorFormat::Yaml => Ok(output::yaml::format_yaml(&value)),
            ErrorFormat::Text => output::text::format_text(&value),
            _ => {
                let style = if opts.color { TableStyle::Color } else { TableStyle::Plain };
                output::table::format_table("error", &value, 80, style)
            }
        };
        // A formatter that cannot render the error falls back to the enhanced text.
        rendered.unwrap_or_else(|_| self.render_enhanced())
    }
}

/// `\naws: [ERROR]: <message stripped>\n`, as the base error writer prints every message.
fn plain(message: &str) -> String {
    let m = message.trim();
    if m.is_empty() {
        "\naws: [ERROR]:\n".into()
    } else {
        format!("\naws: [ERROR]: {m}\n")
    }
}

/// botocore's ClientError text.
pub fn service_message(e: &ServiceError) -> String {
    let retries = e
        .retries_exhausted
        .map(|n| format!(" (reached max retries: {n})"))
        .unwrap_or_default();
    format!(
        "An error occurred ({}) when calling the {} operation{retries}: {}",
        e.code,
        e.operation.unwrap_or(OPERATION),
        e.message
    )
}

/// A detail value printed Python-style when it is simple: scalars, short lists of scalars and
/// small dicts of scalars; `None` means "complex".
fn detail_value(v: &Value) -> Option<String> {
    fn scalar(v: &Value) -> Option<String> {
        Some(match v {
            Value::Null => "None".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Number(n) => match n.as_f64() {
                Some(f) if n.is_f64() => output::pyfmt::float_repr(f),
                _ => n.to_string(),
            },
            Value::String(s) => s.clone(),
            _ => return None,
        })
    }
    match v {
        Value::Array(items) if items.len() < 5 => {
            let parts: Option<Vec<String>> = items.iter().map(scalar).collect();
            parts.map(|p| format!("[{}]", p.join(", ")))
        }
        Value::Object(map) if map.len() < 5 => {
            let parts: Option<Vec<String>> = map
                .iter()
                .map(|(k, v)| scalar(v).map(|s| format!("{k}: {s}")))
                .collect();
            parts.map(|p| format!("{{{}}}", p.join(", ")))
        }
        Value::Array(_) | Value::Object(_) => None,
        other => scalar(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENHANCED: RenderOptions = RenderOptions { format: ErrorFormat::Enhanced, color: false };

    #[test]
    fn usage_error_enhanced() {
        let e = CliError::Usage("the following arguments are required: command".into());
        assert_eq!(
            e.render(ENHANCED),
            format!("\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: command\n\n{USAGE}")
        );
        assert_eq!(e.exit_code(), 252);
    }

    #[test]
    fn unknown_options_fixed_format() {
        let e = CliError::UnknownOptions(vec!["--foo".into(), "bar".into()]);
        let json = RenderOptions { format: ErrorFormat::Json, color: false };
        assert_eq!(e.render(json), format!("\n{USAGE}\n\naws: [ERROR]: Unknown options: --foo, bar\n"));
    }

    #[test]
    fn service_error_with_details() {
        let mut reason = Map::new();
        reason.insert("AttachedFileInvalidRequestExceptionReason".into(), Value::String("INVALID_FILE_SIZE".into()));
        let e = CliError::Service(ServiceError {
            code: "InvalidRequestException".into(),
            message: "The request is not valid.".into(),
            extras: vec![("Reason".into(), Value::Object(reason))],
            retries_exhausted: None,
            operation: None,
        });
        assert_eq!(
            e.render(ENHANCED),
            "\naws: [ERROR]: An error occurred (InvalidRequestException) when calling the UpdateUserIdentityInfo operation: The request is not valid.\n\nAdditional error details:\nReason: {AttachedFileInvalidRequestExceptionReason: INVALID_FILE_SIZE}\n"
        );
        let legacy = RenderOptions { format: ErrorFormat::Legacy, color: false };
        assert_eq!(
            e.render(legacy),
            "\naws: [ERROR]: An error occurred (InvalidRequestException) when calling the UpdateUserIdentityInfo operation: The request is not valid.\n"
        );
    }

    #[test]
    fn empty_service_message_has_no_trailing_space() {
        let e = CliError::Service(ServiceError {
            code: "404".into(),
            message: String::new(),
            extras: vec![],
            retries_exhausted: Some(2),
            operation: None,
        });
        assert_eq!(
            e.render(ENHANCED),
            "\naws: [ERROR]: An error occurred (404) when calling the UpdateUserIdentityInfo operation (reached max retries: 2):\n"
        );
    }

    #[test]
    fn exit_codes() {
        assert_eq!(CliError::NoRegion.exit_code(), 253);
        assert_eq!(CliError::Interrupted.exit_code(), 130);
        assert_eq!(CliError::General("x".into()).exit_code(), 255);
        assert_eq!(CliError::Interrupted.stdout_text(), "\n");
    }
}
