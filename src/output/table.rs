//! TEMPORARY
use serde_json::Value;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableStyle { Plain, Color, ColorAutoreset }
pub fn format_table(_t: &str, v: &Value, _w: usize, _s: TableStyle) -> Result<String, String> { Ok(format!("{v}\n")) }
