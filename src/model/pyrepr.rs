//! Python object model and its `repr()` / `str()` spellings.
//!
//! Reproduces how CPython 3.11 (the interpreter behind the recorded AWS CLI
//! output; see the goldens) prints values inside botocore's parameter
//! validation messages (`botocore/validate.py`, which formats values with
//! `%s`/f-strings, i.e. `str()`), e.g.
//! `Invalid type for parameter IdentityInfo.FirstName, value: ['a', 'b'], type: <class 'list'>, …`.
//!
//! * [`PyValue`] is the value tree the CLI hands to validation and to the
//!   request serializer: it can hold everything the Python CLI can produce
//!   from `--identity-info` / `--user-id` / `--instance-id` /
//!   `--cli-input-json` (arbitrary-size ints, NaN/±inf floats, `bytes` from
//!   `fileb://`, plain `dict` vs `collections.OrderedDict`).
//! * [`PyValue::repr`] is `repr(x)`, [`PyValue::py_str`] is `str(x)` (only
//!   differs for a top-level `str`, which `str()` prints raw).
//! * `str.__repr__` follows CPython's `unicode_repr`: `'` quotes unless the
//!   text contains `'` and no `"`; `\\`, `\t`, `\n`, `\r` escaped; other
//!   non-printable characters as `\xNN`, `\uNNNN`, `\UNNNNNNNN`
//!   (`str.isprintable()` of Unicode 14.0, as in Python 3.11).
//! * `float.__repr__` is the shortest round-trip spelling with Python's layout
//!   (`1e+16`, `1e-05`, `100.0`, `nan`, `-inf`).
//! * `OrderedDict` prints in the Python 3.11 style `OrderedDict([('a', 'b')])`
//!   (Python ≥ 3.12 would print `OrderedDict({'a': 'b'})`); its type is
//!   `<class 'collections.OrderedDict'>`. The AWS CLI produces `OrderedDict`s
//!   only for JSON given directly to a structure argument
//!   (`json.loads(value, object_pairs_hook=OrderedDict)`).

use serde_json::Value;

/// A Python value as the AWS CLI's parameter pipeline can hold it.
#[derive(Debug, Clone, PartialEq)]
pub enum PyValue {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// An `int` of any size, as canonical decimal text (optional `-`, no
    /// leading zeros, never `-0`). Build it with [`PyValue::int`] or
    /// [`PyValue::int_from_decimal`].
    Int(String),
    /// A `float`, including NaN and ±infinity.
    Float(f64),
    /// A `str`.
    Str(String),
    /// A `bytes` object (what `fileb://` yields).
    Bytes(Vec<u8>),
    /// A `list`.
    List(Vec<PyValue>),
    /// A plain `dict` (insertion-ordered, unique keys).
    Dict(Vec<(String, PyValue)>),
    /// A `collections.OrderedDict` (insertion-ordered, unique keys).
    OrderedDict(Vec<(String, PyValue)>),
}

impl PyValue {
    /// An `int` from a machine integer.
    pub fn int(i: i128) -> PyValue {
        PyValue::Int(i.to_string())
    }

    /// An `int` from decimal text `-?[0-9]+` (leading zeros and `-0`
    /// normalised like Python's `int()`); `None` if the text is not of that form.
    pub fn int_from_decimal(text: &str) -> Option<PyValue> {
        let (neg, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let trimmed = digits.trim_start_matches('0');
        let canonical = if trimmed.is_empty() {
            "0".to_string()
        } else if neg {
            format!("-{trimmed}")
        } else {
            trimmed.to_string()
        };
        Some(PyValue::Int(canonical))
    }

    /// Python's `type(x).__name__` as printed inside `<class '…'>`.
    pub fn type_name(&self) -> &'static str {
        match self {
            PyValue::None => "NoneType",
            PyValue::Bool(_) => "bool",
            PyValue::Int(_) => "int",
            PyValue::Float(_) => "float",
            PyValue::Str(_) => "str",
            PyValue::Bytes(_) => "bytes",
            PyValue::List(_) => "list",
            PyValue::Dict(_) => "dict",
            PyValue::OrderedDict(_) => "collections.OrderedDict",
        }
    }

    /// `str(type(x))`, e.g. `<class 'list'>`.
    pub fn type_repr(&self) -> String {
        format!("<class '{}'>", self.type_name())
    }

    /// `isinstance(x, dict)` (true for `dict` and `OrderedDict`): the entries.
    pub fn as_dict(&self) -> Option<&[(String, PyValue)]> {
        match self {
            PyValue::Dict(entries) | PyValue::OrderedDict(entries) => Some(entries),
            _ => None,
        }
    }

    /// Python `repr(x)`.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    /// Python `str(x)`: like [`repr`](Self::repr) except that a `str` is
    /// returned as is.
    pub fn py_str(&self) -> String {
        match self {
            PyValue::Str(s) => s.clone(),
            other => other.repr(),
        }
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            PyValue::None => out.push_str("None"),
            PyValue::Bool(true) => out.push_str("True"),
            PyValue::Bool(false) => out.push_str("False"),
            PyValue::Int(digits) => out.push_str(digits),
            PyValue::Float(f) => out.push_str(&float_repr(*f)),
            PyValue::Str(s) => out.push_str(&str_repr(s)),
            PyValue::Bytes(b) => out.push_str(&bytes_repr(b)),
            PyValue::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_repr(out);
                }
                out.push(']');
            }
            PyValue::Dict(entries) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&str_repr(k));
                    out.push_str(": ");
                    v.write_repr(out);
                }
                out.push('}');
            }
            PyValue::OrderedDict(entries) => {
                out.push_str("OrderedDict(");
                if !entries.is_empty() {
                    out.push('[');
                    for (i, (k, v)) in entries.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        out.push('(');
                        out.push_str(&str_repr(k));
                        out.push_str(", ");
                        v.write_repr(out);
                        out.push(')');
                    }
                    out.push(']');
                }
                out.push(')');
            }
        }
    }

    /// Convert a `serde_json::Value` the way Python's `json.loads` would have
    /// produced it: integers → `int`, other numbers → `float`, objects →
    /// `dict` (or `OrderedDict` when `ordered`).
    pub fn from_json(v: &Value, ordered: bool) -> PyValue {
        match v {
            Value::Null => PyValue::None,
            Value::Bool(b) => PyValue::Bool(*b),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    PyValue::int(i as i128)
                } else if let Some(u) = n.as_u64() {
                    PyValue::int(u as i128)
                } else {
                    PyValue::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => PyValue::Str(s.clone()),
            Value::Array(items) => PyValue::List(
                items
                    .iter()
                    .map(|i| PyValue::from_json(i, ordered))
                    .collect(),
            ),
            Value::Object(map) => {
                let entries = map
                    .iter()
                    .map(|(k, v)| (k.clone(), PyValue::from_json(v, ordered)))
                    .collect();
                if ordered {
                    PyValue::OrderedDict(entries)
                } else {
                    PyValue::Dict(entries)
                }
            }
        }
    }

    /// Lossy conversion to `serde_json::Value`: ints that fit `i64`/`u64`
    /// stay exact, larger ones become the nearest `f64`; NaN and ±infinity
    /// (which JSON cannot hold) become `null`; `bytes` become a string
    /// decoded as UTF-8 with replacement characters. Use
    pub fn to_json(&self) -> Value {
        match self {
            PyValue::None => Value::Null,
            PyValue::Bool(b) => Value::Bool(*b),
            PyValue::Int(digits) => {
                if let Ok(i) = digits.parse::<i64>() {
                    Value::from(i)
                } else if let Ok(u) = digits.parse::<u64>() {
                    Value::from(u)
                } else {
                    digits
                        .parse::<f64>()
                        .ok()
                        .and_then(serde_json::Number::from_f64)
                        .map(Value::Number)
                        .unwrap_or(Value::Null)
                }
            }
            PyValue::Float(f) => serde_json::Number::from_f64(*f)
                .map(Value::Number)
                .unwrap_or(Value::Null),
            PyValue::Str(s) => Value::String(s.clone()),
            PyValue::Bytes(b) => Value::String(String::from_utf8_lossy(b).into_owned()),
            PyValue::List(items) => Value::Array(items.iter().map(PyValue::to_json).collect()),
            PyValue::Dict(entries) | PyValue::OrderedDict(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

/// Python dict item assignment `d[key] = value` on an ordered entry list:
/// an existing key keeps its position and gets the new value; a new key is
/// appended.
pub fn dict_set(entries: &mut Vec<(String, PyValue)>, key: String, value: PyValue) {
    if let Some(slot) = entries.iter_mut().find(|(k, _)| *k == key) {
        slot.1 = value;
    } else {
        entries.push((key, value));
    }
}

/// Python `repr()` of a JSON value (objects as plain `dict`, strings quoted).
pub fn repr(v: &Value) -> String {
    PyValue::from_json(v, false).repr()
}

/// Python `str()` of a JSON value, as `%s` formatting in botocore's
/// validation messages shows it: a top-level string appears raw, everything
/// else as [`repr`].
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => repr(other),
    }
}

/// Python type name of the value `json.loads` would produce: `str`, `int`,
/// `float`, `bool`, `NoneType`, `list`, `dict`.
pub fn py_type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_i64() || n.is_u64() => "int",
        Value::Number(_) => "float",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Python `repr()` of a `bytes` object, e.g. `b'uid-from-file\n'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in b {
        match byte {
            _ if byte == quote || byte == b'\\' => {
                out.push('\\');
                out.push(byte as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// Python `repr()` of a `str`, e.g. `'abc'`, `"it's"`, `'a\x01'`.
pub fn str_repr(s: &str) -> String {
    crate::util::pyfmt::repr_str(s)
}

/// Python `repr()` of a `float`.
pub fn float_repr(x: f64) -> String {
    crate::util::pyfmt::float_repr(x)
}

/// Python `str.isspace()` for one character (includes U+001C–U+001F, which
/// Rust's `char::is_whitespace` does not). This is also what `\s` matches in
/// Python's `re` and what `str.strip()` removes.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python `str.strip()` (no arguments).
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// Python `str.isprintable()` for one character.
pub fn is_printable(c: char) -> bool {
    crate::util::pyfmt::is_printable(c)
}


#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn repr_and_str_of_json_values() {
        assert_eq!(repr(&json!(null)), "None");
        assert_eq!(repr(&json!(true)), "True");
        assert_eq!(repr(&json!(1.5)), "1.5");
        assert_eq!(repr(&json!(1)), "1");
        assert_eq!(repr(&json!(1.0)), "1.0");
        assert_eq!(repr(&json!("abc")), "'abc'");
        assert_eq!(repr(&json!(["a", "b"])), "['a', 'b']");
        assert_eq!(repr(&json!({"a": "b"})), "{'a': 'b'}");
        assert_eq!(
            repr(&json!({"a": [1, null, false, {}], "b": []})),
            "{'a': [1, None, False, {}], 'b': []}"
        );
        assert_eq!(py_str(&json!("abc")), "abc");
        assert_eq!(py_str(&json!(["abc"])), "['abc']");
        assert_eq!(py_str(&json!(null)), "None");
    }

    #[test]
    fn type_names() {
        assert_eq!(py_type_name(&json!("x")), "str");
        assert_eq!(py_type_name(&json!(5)), "int");
        assert_eq!(py_type_name(&json!(5.0)), "float");
        assert_eq!(py_type_name(&json!(false)), "bool");
        assert_eq!(py_type_name(&json!(null)), "NoneType");
        assert_eq!(py_type_name(&json!([])), "list");
        assert_eq!(py_type_name(&json!({})), "dict");
        assert_eq!(PyValue::Bytes(vec![]).type_repr(), "<class 'bytes'>");
        assert_eq!(
            PyValue::OrderedDict(vec![]).type_repr(),
            "<class 'collections.OrderedDict'>"
        );
    }

    #[test]
    fn bytes_reprs() {
        assert_eq!(bytes_repr(b"uid-from-file\n"), "b'uid-from-file\\n'");
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b"\x00\xff\"'"), "b'\\x00\\xff\"\\''");
        assert_eq!(bytes_repr(b"\t\r\\"), "b'\\t\\r\\\\'");
    }

    #[test]
    fn str_reprs() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\"b'c"), "'a\"b\\'c'");
        assert_eq!(
            str_repr("\u{0}\u{85}\u{a0}\u{378}\u{e0001}😀é\\"),
            "'\\x00\\x85\\xa0\\u0378\\U000e0001😀é\\\\'"
        );
        assert_eq!(
            str_repr("\u{7f}\u{2028}\u{3000} "),
            "'\\x7f\\u2028\\u3000 '"
        );
    }

    #[test]
    fn float_reprs() {
        let cases = [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.5, "1.5"),
            (100.0, "100.0"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.0 / 3.0, "0.3333333333333333"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (123456789.125, "123456789.125"),
            (f64::NAN, "nan"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (-2.5e-7, "-2.5e-07"),
        ];
        for (x, expected) in cases {
            assert_eq!(float_repr(x), expected, "{x:e}");
        }
    }

    #[test]
    fn ordered_dict_and_nested_reprs() {
        let v = PyValue::OrderedDict(vec![
            ("a".into(), PyValue::Str("b".into())),
            (
                "c".into(),
                PyValue::List(vec![PyValue::Float(f64::NAN), PyValue::int(-3)]),
            ),
        ]);
        assert_eq!(v.repr(), "OrderedDict([('a', 'b'), ('c', [nan, -3])])");
        assert_eq!(PyValue::OrderedDict(vec![]).repr(), "OrderedDict()");
        assert_eq!(PyValue::Str("x y".into()).py_str(), "x y");
        assert_eq!(PyValue::Bytes(b"x".to_vec()).py_str(), "b'x'");
    }

    #[test]
    fn ints_and_spaces() {
        assert_eq!(
            PyValue::int_from_decimal("-000"),
            Some(PyValue::Int("0".into()))
        );
        assert_eq!(
            PyValue::int_from_decimal("0012"),
            Some(PyValue::Int("12".into()))
        );
        assert_eq!(PyValue::int_from_decimal("1a"), None);
        assert!(is_py_space('\u{1c}') && is_py_space('\u{3000}') && !is_py_space('\u{200b}'));
        assert_eq!(py_strip("\u{1f} {x} \u{a0}"), "{x}");
        assert!(is_printable('é') && !is_printable('\u{378}') && !is_printable('\u{ad}'));
    }

    #[test]
    fn dict_set_keeps_position() {
        let mut d = vec![
            ("a".to_string(), PyValue::int(1)),
            ("b".to_string(), PyValue::int(2)),
        ];
        dict_set(&mut d, "a".into(), PyValue::int(3));
        dict_set(&mut d, "c".into(), PyValue::None);
        assert_eq!(PyValue::Dict(d).repr(), "{'a': 3, 'b': 2, 'c': None}");
    }
}
