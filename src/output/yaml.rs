//! TEMPORARY
use serde_json::Value;
pub fn format_yaml(v: &Value) -> String { format!("{v}\n") }
pub fn format_yaml_stream(v: &Value) -> String { format!("- {v}\n") }
