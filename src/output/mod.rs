//! The output layer: one `--query` step, one formatter, one sink (AWS CLI v2 §8).
//!
//! The response of this operation is `{}` once `ResponseMetadata` is removed; `--query` is
//! applied to it and the result is formatted. An empty object prints nothing in json, yaml and
//! yaml-stream; a falsy value prints nothing in table; `off` never prints.

pub mod jmespath;
pub mod json;
pub mod pyfmt;
pub mod sink;
pub mod table;
pub mod text;
pub mod yaml;

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

fn is_empty_object(v: &Value) -> bool {
    matches!(v, Value::Object(m) if m.is_empty())
}

/// Python truthiness, as the table formatter tests it.
fn is_falsy(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.is_empty(),
    }
}

/// Formats `value` (already queried) for stdout. Formatter crashes of the reference become
/// the same 255 errors.
pub fn render(format: OutputFormat, value: &Value, table_width: usize, style: TableStyle) -> Result<String, CliError> {
    Ok(match format {
        OutputFormat::Off => String::new(),
        OutputFormat::Json if is_empty_object(value) => String::new(),
        OutputFormat::Json => json::format_json(value),
        OutputFormat::Yaml | OutputFormat::YamlStream if is_empty_object(value) => String::new(),
        OutputFormat::Yaml => yaml::format_yaml(value),
        OutputFormat::YamlStream => yaml::format_yaml_stream(value),
        OutputFormat::Text => text::format_text(value).map_err(CliError::General)?,
        OutputFormat::Table if is_falsy(value) => String::new(),
        OutputFormat::Table => table::format_table(TABLE_TITLE, value, table_width, style).map_err(CliError::General)?,
    })
}
