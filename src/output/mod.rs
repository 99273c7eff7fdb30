//! The output layer: one `--query` step, one formatter, one sink (AWS CLI v2 §8).
//!
//! The response of this operation is `{}` once `ResponseMetadata` is removed; `--query` is
//! applied to it and the result is formatted. An empty object prints nothing in json, yaml and
//! yaml-stream; a falsy value prints nothing in table; `off` never prints.

pub mod jmespath;
pub mod json;
pub mod sink;
pub mod table;
pub mod text;
pub mod yaml;

/// Python's spellings of values, shared with the rest of the program.
pub use crate::util::pyfmt;

use serde_json::Value;

use crate::error::CliError;
pub use table::TableStyle;

/// The `--output` formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Json,
    Text,
    Table,
    Yaml,
    YamlStream,
    Off,
}

impl OutputFormat {
    pub fn parse(s: &str) -> Option<OutputFormat> {
        Some(match s {
            "json" => Self::Json,
            "text" => Self::Text,
            "table" => Self::Table,
            "yaml" => Self::Yaml,
            "yaml-stream" => Self::YamlStream,
            "off" => Self::Off,
            _ => return None,
        })
    }
}

/// The title of the outer table section.
pub const TABLE_TITLE: &str = "UpdateUserIdentityInfo";

/// What a formatter produced: the text, and the error it stopped with (the text formatter, like
/// the reference's, prints what it wrote before failing).
#[derive(Debug, Default)]
pub struct Rendered {
    pub text: String,
    pub error: Option<CliError>,
}

/// Formats `value` (already queried) for stdout. Formatter crashes of the reference become
/// the same 255 errors.
pub fn render(format: OutputFormat, value: &Value, table_width: usize, style: TableStyle) -> Rendered {
    let done = |text: String| Rendered { text, error: None };
    match format {
        OutputFormat::Off => done(String::new()),
        OutputFormat::Json if json::is_empty_object(value) => done(String::new()),
        OutputFormat::Json => done(json::format_json(value)),
        OutputFormat::Yaml | OutputFormat::YamlStream if json::is_empty_object(value) => done(String::new()),
        OutputFormat::Yaml => done(yaml::format_yaml(value)),
        OutputFormat::YamlStream => done(yaml::format_yaml_stream(value)),
        OutputFormat::Text => {
            let mut text = String::new();
            let error = text::format_text_into(value, &mut text).err().map(CliError::General);
            Rendered { text, error }
        }
        OutputFormat::Table => match table::format_table(TABLE_TITLE, value, table_width, style) {
            Ok(text) => done(text),
            Err(e) => Rendered { text: String::new(), error: Some(CliError::General(e)) },
        },
    }
}
