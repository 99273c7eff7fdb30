//! Python's `json.loads` for backtick literals and quoted identifiers: the program's one
//! Python-compatible JSON decoder ([`crate::input::pyjson`]), adapted to what a
//! `serde_json::Value` can hold. `NaN`/`Infinity` and float overflow are refused (jmespath.py
//! would keep them as floats; they then read as strings through the literal fallback), and
//! nesting beyond [`MAX_DEPTH`] is refused as too deep for the evaluator.

use serde_json::Value;

use crate::input::pyjson::{self as py, ObjectHook, PyJsonError};
use crate::model::pyrepr::PyValue;

/// Deepest literal nesting the evaluator accepts (Python fails around 800).
const MAX_DEPTH: usize = 256;

const TOO_DEEP_OBJECT: &str = "maximum recursion depth exceeded while decoding a JSON object from a unicode string";
const TOO_DEEP_ARRAY: &str = "maximum recursion depth exceeded while decoding a JSON array from a unicode string";

/// Why decoding failed.
#[derive(Debug)]
pub(super) enum JsonError {
    /// A `ValueError` (`JSONDecodeError`) with Python's message prefix.
    Invalid(&'static str),
    /// Nested too deeply (Python: `RecursionError`); the message is complete.
    TooDeep(&'static str),
}

/// Refuses a value that holds a float `Value` cannot represent or nests too deeply.
fn representable(v: &PyValue, depth: usize) -> Result<(), JsonError> {
    if depth > MAX_DEPTH {
        let msg = if matches!(v, PyValue::List(_)) { TOO_DEEP_ARRAY } else { TOO_DEEP_OBJECT };
        return Err(JsonError::TooDeep(msg));
    }
    match v {
        PyValue::Float(f) if !f.is_finite() => Err(JsonError::Invalid("Expecting value")),
        PyValue::List(items) => items.iter().try_for_each(|i| representable(i, depth + 1)),
        PyValue::Dict(entries) | PyValue::OrderedDict(entries) => {
            entries.iter().try_for_each(|(_, i)| representable(i, depth + 1))
        }
        _ => Ok(()),
    }
}

/// `json.loads(text)`.
pub(super) fn loads(text: &str) -> Result<Value, JsonError> {
    let v = py::loads_py(text, ObjectHook::Dict).map_err(|e| match e {
        PyJsonError::Decode { msg, .. } => JsonError::Invalid(msg),
        PyJsonError::IntTooLong { .. } => JsonError::Invalid("Exceeds the limit for integer string conversion"),
        PyJsonError::Recursion { container: "array" } => JsonError::TooDeep(TOO_DEEP_ARRAY),
        PyJsonError::Recursion { .. } => JsonError::TooDeep(TOO_DEEP_OBJECT),
    })?;
    representable(&v, 0)?;
    Ok(v.to_json())
}
