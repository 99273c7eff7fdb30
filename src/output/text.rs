//! TEMPORARY
use serde_json::Value;
pub fn format_text(v: &Value) -> Result<String, String> { Ok(format!("{v}\n")) }
