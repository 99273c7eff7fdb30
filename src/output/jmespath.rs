//! TEMPORARY
use serde_json::Value;
pub struct Expression;
pub fn compile(_e: &str) -> Result<Expression, String> { Ok(Expression) }
impl Expression { pub fn search(&self, d: &Value) -> Result<Value, String> { Ok(d.clone()) } }
