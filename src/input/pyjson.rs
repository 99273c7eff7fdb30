//! A JSON reader and writer with Python `json` semantics and error messages.
//!
//! Reproduces CPython 3.11's `json.loads` (the C scanner in `Modules/_json.c`
//! plus `json/decoder.py`), which is what the AWS CLI runs on
//! `--identity-info '{…}'` and `--cli-input-json`:
//!
//! * grammar: standard JSON plus the constants `NaN`, `Infinity`,
//!   `-Infinity`; whitespace is only space, tab, `\n`, `\r`; a leading
//!   U+FEFF is rejected; leading/trailing whitespace is fine; anything else
//!   after the value is `Extra data`;
//! * numbers: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`; with a
//!   fraction or exponent a `float` (correctly rounded, `1e400` → `inf`),
//!   otherwise an `int` of any size (more than 4300 digits raise Python's
//!   `ValueError` about `sys.set_int_max_str_digits()`);
//! * strings: control characters below U+0020 rejected, the usual escapes,
//!   `\uXXXX` with surrogate pairs joined;
//! * objects: duplicate keys keep the first key's position and the last value
//!   (Python `dict` semantics); they become `dict` or `OrderedDict` (see
//!   [`ObjectHook`]);
//! * errors: `<msg>: line <L> column <C> (char <P>)` where `P` is the 0-based
//!   code point offset, `L = 1 + newlines before P`, `C = P - (index of the
//!   last newline before P)` — exactly Python's `JSONDecodeError` text,
//!   including the positions Python reports (e.g. `Invalid \uXXXX escape`
//!   points at the `u`, `Invalid \escape` at the backslash, `Unterminated
//!   string starting at` at the opening quote). A trailing comma gives Python
//!   3.11's `Expecting property name enclosed in double quotes` / `Expecting
//!   value` (the goldens were recorded with that behaviour, not 3.13's
//!   `Illegal trailing comma …`).
//!
//! Representation choices (documented gaps):
//! * [`loads_py`] returns a [`PyValue`], which holds everything exactly
//!   (big ints, NaN/±inf, dict vs OrderedDict). [`loads`] returns a
//!   `serde_json::Value` and is lossy there: ints beyond `i64`/`u64` become
//!   the nearest `f64`, and NaN/±Infinity become `null`.
//! * A lone surrogate escape (`"\ud800"`) cannot live in a Rust `String`; it
//!   becomes U+FFFD.
//! * Python raises `RecursionError` (not a `ValueError`) for deep nesting;
//!   the depth depends on the interpreter's stack. This module fails at
//!   [`MAX_NESTING`] containers (measured ≈ that depth under the AWS CLI).

use std::fmt;

use serde_json::Value;

use super::pyrepr::{dict_set, PyValue};

/// Deepest container nesting accepted before the Python `RecursionError`
/// is reproduced (approximate: CPython's limit depends on the call stack).
pub const MAX_NESTING: usize = 985;

/// Python's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// What JSON objects become (`json.loads(s)` vs
/// `json.loads(s, object_pairs_hook=OrderedDict)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectHook {
    /// Plain `dict` (`json.loads(s)`; `--cli-input-json`).
    Dict,
    /// `collections.OrderedDict` (the AWS CLI's JSON path for structure
    /// arguments such as `--identity-info`).
    OrderedDict,
}

/// A failure of Python's `json.loads`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PyJsonError {
    /// `json.JSONDecodeError` (a `ValueError`).
    Decode {
        /// The message without position, e.g. `Expecting value`.
        msg: &'static str,
        /// 0-based code point offset.
        pos: usize,
        /// 1-based line.
        lineno: usize,
        /// 1-based column.
        colno: usize,
    },
    /// `ValueError` from `int()` for an integer literal with more than
    /// [`INT_MAX_STR_DIGITS`] digits.
    IntTooLong {
        /// Number of digits of the literal (sign excluded).
        digits: usize,
    },
    /// `RecursionError` (not a `ValueError`) for nesting deeper than
    /// [`MAX_NESTING`].
    Recursion {
        /// `"object"` or `"array"`: the container being entered.
        container: &'static str,
    },
}

impl PyJsonError {
    fn decode(msg: &'static str, chars: &[char], pos: usize) -> PyJsonError {
        let before = &chars[..pos.min(chars.len())];
        let lineno = before.iter().filter(|&&c| c == '\n').count() + 1;
        let colno = match before.iter().rposition(|&c| c == '\n') {
            Some(nl) => pos - nl,
            None => pos + 1,
        };
        PyJsonError::Decode {
            msg,
            pos,
            lineno,
            colno,
        }
    }

    /// Whether Python raises a `ValueError` subclass (which the AWS CLI
    /// catches and reports as `Invalid JSON: …`); `false` for the
    /// `RecursionError`, which the CLI does not catch.
    pub fn is_value_error(&self) -> bool {
        !matches!(self, PyJsonError::Recursion { .. })
    }
}

impl fmt::Display for PyJsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PyJsonError::Decode {
                msg,
                pos,
                lineno,
                colno,
            } => write!(f, "{msg}: line {lineno} column {colno} (char {pos})"),
            PyJsonError::IntTooLong { digits } => write!(
                f,
                "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
                 value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            ),
            PyJsonError::Recursion { container } => write!(
                f,
                "maximum recursion depth exceeded while decoding a JSON {container} from a unicode string"
            ),
        }
    }
}

impl std::error::Error for PyJsonError {}

/// Python `json.loads(s)`, converted to a `serde_json::Value` (lossy for
/// huge ints and NaN/±Infinity, see the module docs).
pub fn loads(s: &str) -> Result<Value, PyJsonError> {
    loads_py(s, ObjectHook::Dict).map(|v| v.to_json())
}

/// Python `json.loads(s)` (or with `object_pairs_hook=OrderedDict`),
/// exactly.
pub fn loads_py(s: &str, hook: ObjectHook) -> Result<PyValue, PyJsonError> {
    let chars: Vec<char> = s.chars().collect();
    let mut scanner = Scanner { s: &chars, hook };
    if chars.first() == Some(&'\u{feff}') {
        return Err(PyJsonError::decode(
            "Unexpected UTF-8 BOM (decode using utf-8-sig)",
            &chars,
            0,
        ));
    }
    let start = scanner.skip_ws(0);
    let (value, end) = match scanner.scan_once(start) {
        Ok(ok) => ok,
        Err(Fail::Stop(pos)) => return Err(PyJsonError::decode("Expecting value", &chars, pos)),
        Err(Fail::Error(e)) => return Err(e),
    };
    let end = scanner.skip_ws(end);
    if end != chars.len() {
        return Err(PyJsonError::decode("Extra data", &chars, end));
    }
    Ok(value)
}

/// Internal failure: Python's `StopIteration(idx)` (turned into
/// `Expecting value` at the top) or a real error.
enum Fail {
    Stop(usize),
    Error(PyJsonError),
}

impl From<PyJsonError> for Fail {
    fn from(e: PyJsonError) -> Fail {
        Fail::Error(e)
    }
}

struct Scanner<'a> {
    s: &'a [char],
    hook: ObjectHook,
}

/// An open container while scanning.
enum Open {
    Array(Vec<PyValue>),
    /// Entries so far and the key whose value is being scanned.
    Object(Vec<(String, PyValue)>, String),
}

fn is_json_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

impl Scanner<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(is_json_ws) {
            i += 1;
        }
        i
    }

    fn err(&self, msg: &'static str, pos: usize) -> Fail {
        Fail::Error(PyJsonError::decode(msg, self.s, pos))
    }

    fn matches_at(&self, i: usize, word: &str) -> bool {
        let n = word.chars().count();
        // Python checks `idx + n - 1 < length` before comparing.
        i + n <= self.s.len() && self.s[i..i + n].iter().copied().eq(word.chars())
    }

    /// `scan_once(s, idx)`. Python recurses into containers; this keeps an
    /// explicit stack of open containers instead (same results, no deep
    /// native recursion).
    fn scan_once(&mut self, idx: usize) -> Result<(PyValue, usize), Fail> {
        let mut stack: Vec<Open> = Vec::new();
        let mut idx = idx;
        loop {
            // Parse one value at `idx`: a scalar, an empty container, or the
            // start of a non-empty container (then its first value).
            let (mut value, mut end) = match self.at(idx) {
                Some(c @ ('{' | '[')) => {
                    let container = if c == '{' { "object" } else { "array" };
                    if stack.len() >= MAX_NESTING {
                        return Err(Fail::Error(PyJsonError::Recursion { container }));
                    }
                    let inner = self.skip_ws(idx + 1);
                    if c == '[' {
                        if self.at(inner) == Some(']') {
                            (PyValue::List(Vec::new()), inner + 1)
                        } else {
                            stack.push(Open::Array(Vec::new()));
                            idx = inner;
                            continue;
                        }
                    } else if self.at(inner) == Some('}') {
                        (self.make_dict(Vec::new()), inner + 1)
                    } else {
                        let (key, next) = self.object_key(inner)?;
                        stack.push(Open::Object(Vec::new(), key));
                        idx = next;
                        continue;
                    }
                }
                _ => self.scan_scalar(idx)?,
            };
            // Attach the finished value to the open containers.
            loop {
                match stack.last_mut() {
                    None => return Ok((value, end)),
                    Some(Open::Array(items)) => {
                        items.push(value);
                        let at = self.skip_ws(end);
                        match self.at(at) {
                            Some(']') => {
                                let Some(Open::Array(items)) = stack.pop() else {
                                    unreachable!()
                                };
                                value = PyValue::List(items);
                                end = at + 1;
                            }
                            Some(',') => {
                                idx = self.skip_ws(at + 1);
                                break;
                            }
                            _ => return Err(self.err("Expecting ',' delimiter", at)),
                        }
                    }
                    Some(Open::Object(entries, key)) => {
                        dict_set(entries, std::mem::take(key), value);
                        let at = self.skip_ws(end);
                        match self.at(at) {
                            Some('}') => {
                                let Some(Open::Object(entries, _)) = stack.pop() else {
                                    unreachable!()
                                };
                                value = self.make_dict(entries);
                                end = at + 1;
                            }
                            Some(',') => {
                                let (next_key, next) = self.object_key(self.skip_ws(at + 1))?;
                                *key = next_key;
                                idx = next;
                                break;
                            }
                            _ => return Err(self.err("Expecting ',' delimiter", at)),
                        }
                    }
                }
            }
        }
    }

    /// A key, the `:` delimiter and the whitespace after it; returns the key
    /// and the index of the value.
    fn object_key(&self, idx: usize) -> Result<(String, usize), Fail> {
        if self.at(idx) != Some('"') {
            return Err(self.err("Expecting property name enclosed in double quotes", idx));
        }
        let (key, next) = self.scan_string(idx + 1)?;
        let colon = self.skip_ws(next);
        if self.at(colon) != Some(':') {
            return Err(self.err("Expecting ':' delimiter", colon));
        }
        Ok((key, self.skip_ws(colon + 1)))
    }

    fn make_dict(&self, entries: Vec<(String, PyValue)>) -> PyValue {
        match self.hook {
            ObjectHook::Dict => PyValue::Dict(entries),
            ObjectHook::OrderedDict => PyValue::OrderedDict(entries),
        }
    }

    /// Strings, constants and numbers.
    fn scan_scalar(&self, idx: usize) -> Result<(PyValue, usize), Fail> {
        let Some(c) = self.at(idx) else {
            return Err(Fail::Stop(idx));
        };
        match c {
            '"' => {
                let (s, end) = self.scan_string(idx + 1)?;
                return Ok((PyValue::Str(s), end));
            }
            'n' if self.matches_at(idx, "null") => return Ok((PyValue::None, idx + 4)),
            't' if self.matches_at(idx, "true") => return Ok((PyValue::Bool(true), idx + 4)),
            'f' if self.matches_at(idx, "false") => return Ok((PyValue::Bool(false), idx + 5)),
            'N' if self.matches_at(idx, "NaN") => return Ok((PyValue::Float(f64::NAN), idx + 3)),
            'I' if self.matches_at(idx, "Infinity") => {
                return Ok((PyValue::Float(f64::INFINITY), idx + 8))
            }
            '-' if self.matches_at(idx, "-Infinity") => {
                return Ok((PyValue::Float(f64::NEG_INFINITY), idx + 9))
            }
            _ => {}
        }
        self.match_number(idx)
    }

    fn is_digit_at(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }

    fn match_number(&self, start: usize) -> Result<(PyValue, usize), Fail> {
        let mut idx = start;
        if self.at(idx) == Some('-') {
            idx += 1;
        }
        match self.at(idx) {
            Some('1'..='9') => {
                idx += 1;
                while self.is_digit_at(idx) {
                    idx += 1;
                }
            }
            Some('0') => idx += 1,
            _ => return Err(Fail::Stop(start)),
        }
        let int_end = idx;
        let mut is_float = false;
        if self.at(idx) == Some('.') && self.is_digit_at(idx + 1) {
            is_float = true;
            idx += 2;
            while self.is_digit_at(idx) {
                idx += 1;
            }
        }
        if matches!(self.at(idx), Some('e' | 'E')) {
            let e_start = idx;
            let mut j = idx + 1;
            if matches!(self.at(j), Some('-' | '+')) {
                j += 1;
            }
            if self.is_digit_at(j) {
                while self.is_digit_at(j) {
                    j += 1;
                }
                is_float = true;
                idx = j;
            } else {
                idx = e_start;
            }
        }
        let text: String = self.s[start..idx].iter().collect();
        if is_float {
            // Rust's parser is correctly rounded like Python's `float()`.
            let f = text.parse::<f64>().unwrap_or(f64::NAN);
            Ok((PyValue::Float(f), idx))
        } else {
            let digits = int_end - start - usize::from(text.starts_with('-'));
            if digits > INT_MAX_STR_DIGITS {
                return Err(Fail::Error(PyJsonError::IntTooLong { digits }));
            }
            let value = PyValue::int_from_decimal(&text).unwrap_or(PyValue::Int(text));
            Ok((value, idx))
        }
    }

    /// `scanstring(s, end)`: `end` is the index just after the opening quote.
    fn scan_string(&self, mut end: usize) -> Result<(String, usize), Fail> {
        let begin = end - 1;
        let len = self.s.len();
        let mut out = String::new();
        loop {
            // Find the end of the string or the next escape.
            let mut next = end;
            let mut found = None;
            while next < len {
                let c = self.s[next];
                if c == '"' || c == '\\' {
                    found = Some(c);
                    break;
                }
                if (c as u32) <= 0x1f {
                    return Err(self.err("Invalid control character at", next));
                }
                next += 1;
            }
            let Some(terminator) = found else {
                return Err(self.err("Unterminated string starting at", begin));
            };
            out.extend(&self.s[end..next]);
            next += 1;
            if terminator == '"' {
                return Ok((out, next));
            }
            if next == len {
                return Err(self.err("Unterminated string starting at", begin));
            }
            let esc = self.s[next];
            if esc != 'u' {
                end = next + 1;
                let c = match esc {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => return Err(self.err("Invalid \\escape", end - 2)),
                };
                out.push(c);
                continue;
            }
            // \uXXXX
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(self.err("Invalid \\uXXXX escape", next - 1));
            }
            let c = self
                .hex4(next)
                .ok_or_else(|| self.err("Invalid \\uXXXX escape", end - 5))?;
            let mut code = c;
            if (0xd800..=0xdbff).contains(&c)
                && end + 6 < len
                && self.s[end] == '\\'
                && self.s[end + 1] == 'u'
            {
                let c2 = self
                    .hex4(end + 2)
                    .ok_or_else(|| self.err("Invalid \\uXXXX escape", end + 1))?;
                if (0xdc00..=0xdfff).contains(&c2) {
                    code = 0x10000 + (((c - 0xd800) << 10) | (c2 - 0xdc00));
                    end += 6;
                }
            }
            // A lone surrogate cannot be stored in a Rust string.
            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        }
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let mut v = 0u32;
        for i in at..at + 4 {
            v = (v << 4) | self.at(i)?.to_digit(16)?;
        }
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn err(s: &str) -> String {
        loads_py(s, ObjectHook::OrderedDict)
            .expect_err(s)
            .to_string()
    }

    fn repr(s: &str) -> String {
        loads_py(s, ObjectHook::OrderedDict).expect(s).repr()
    }

    #[test]
    fn golden_trailing_comma_is_python_3_11_text() {
        assert_eq!(
            err("{\"FirstName\": \"Mary\",}"),
            "Expecting property name enclosed in double quotes: line 1 column 22 (char 21)"
        );
    }

    #[test]
    fn golden_bad_json() {
        assert_eq!(
            err("{bad"),
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
        );
    }

    #[test]
    fn python_messages() {
        let cases = [
            ("[1,]", "Expecting value: line 1 column 4 (char 3)"),
            ("[", "Expecting value: line 1 column 2 (char 1)"),
            (
                "{",
                "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            ),
            (
                "{\"a\"",
                "Expecting ':' delimiter: line 1 column 5 (char 4)",
            ),
            (
                "{\"a\" 1}",
                "Expecting ':' delimiter: line 1 column 6 (char 5)",
            ),
            ("{\"a\":", "Expecting value: line 1 column 6 (char 5)"),
            (
                "{\"a\":1",
                "Expecting ',' delimiter: line 1 column 7 (char 6)",
            ),
            ("[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"),
            (
                "\"\\u12",
                "Invalid \\uXXXX escape: line 1 column 3 (char 2)",
            ),
            (
                "\"\\u1234",
                "Invalid \\uXXXX escape: line 1 column 3 (char 2)",
            ),
            (
                "\"\\ud800\\udc00",
                "Invalid \\uXXXX escape: line 1 column 9 (char 8)",
            ),
            (
                "\"\\ud800\\uzzzz\"",
                "Invalid \\uXXXX escape: line 1 column 9 (char 8)",
            ),
            ("\"\\x\"", "Invalid \\escape: line 1 column 2 (char 1)"),
            (
                "\"\\",
                "Unterminated string starting at: line 1 column 1 (char 0)",
            ),
            (
                "\"abc",
                "Unterminated string starting at: line 1 column 1 (char 0)",
            ),
            (
                "\"a\u{1}\"",
                "Invalid control character at: line 1 column 3 (char 2)",
            ),
            ("-", "Expecting value: line 1 column 1 (char 0)"),
            ("-I", "Expecting value: line 1 column 1 (char 0)"),
            ("nul", "Expecting value: line 1 column 1 (char 0)"),
            ("1.", "Extra data: line 1 column 2 (char 1)"),
            ("1e+", "Extra data: line 1 column 2 (char 1)"),
            ("01", "Extra data: line 1 column 2 (char 1)"),
            (" 1 x", "Extra data: line 1 column 4 (char 3)"),
            ("{}x", "Extra data: line 1 column 3 (char 2)"),
            ("", "Expecting value: line 1 column 1 (char 0)"),
            ("  ", "Expecting value: line 1 column 3 (char 2)"),
            (
                "\u{feff}{}",
                "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)",
            ),
            (
                "{\n\"a\": 1,\n}",
                "Expecting property name enclosed in double quotes: line 3 column 1 (char 10)",
            ),
            ("[1,\n 2,\n]\n", "Expecting value: line 3 column 1 (char 8)"),
            ("{\"a\":\n\n", "Expecting value: line 3 column 1 (char 7)"),
            // positions count code points, not bytes
            (
                "[\"é😀\" x]",
                "Expecting ',' delimiter: line 1 column 7 (char 6)",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(err(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn values_and_python_reprs() {
        assert_eq!(
            repr("[-0, -0.0, 1E2, 10000000000000000.0, 0.0001, 0.00001, 123456789012345678901234567890]"),
            "[0, -0.0, 100.0, 1e+16, 0.0001, 1e-05, 123456789012345678901234567890]"
        );
        assert_eq!(
            repr("[NaN, Infinity, -Infinity, 1e400, true, null]"),
            "[nan, inf, -inf, inf, True, None]"
        );
        assert_eq!(repr("\"\\ud83d\\ude00\\u00e9\\n\""), "'😀é\\n'");
        assert_eq!(
            repr("  {\"FirstName\": \"Lead\"}\n"),
            "OrderedDict([('FirstName', 'Lead')])"
        );
        assert_eq!(repr("{}"), "OrderedDict()");
        assert_eq!(
            loads_py("{\"a\": {\"b\": 1}}", ObjectHook::Dict)
                .unwrap()
                .repr(),
            "{'a': {'b': 1}}"
        );
    }

    #[test]
    fn duplicate_keys_keep_first_position_last_value() {
        assert_eq!(
            repr("{\"a\": \"x\", \"a\": \"y\", \"b\": 1, \"a\": \"z\"}"),
            "OrderedDict([('a', 'z'), ('b', 1)])"
        );
        assert_eq!(
            loads("{\"a\": 1, \"b\": 2, \"a\": 3}").unwrap().to_string(),
            "{\"a\":3,\"b\":2}"
        );
    }

    #[test]
    fn lone_surrogate_becomes_replacement_char() {
        assert_eq!(repr("\"\\ud800x\""), "'\u{fffd}x'");
    }

    #[test]
    fn serde_conversion_is_documented_lossy() {
        assert_eq!(
            loads("[1, 1.5, NaN, -Infinity, \"s\"]").unwrap(),
            json!([1, 1.5, null, null, "s"])
        );
        assert_eq!(
            loads("18446744073709551615").unwrap(),
            json!(18446744073709551615u64)
        );
        assert_eq!(
            loads("123456789012345678901234567890").unwrap(),
            json!(1.2345678901234568e29)
        );
    }

    #[test]
    fn int_digit_limit() {
        let big = "1".repeat(4301);
        assert_eq!(
            err(&format!("[-{big}")),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        assert!(loads_py(&"7".repeat(4300), ObjectHook::Dict).is_ok());
        assert!(PyJsonError::IntTooLong { digits: 4301 }.is_value_error());
    }

    #[test]
    fn recursion_error() {
        let deep = "[".repeat(MAX_NESTING + 1);
        let e = loads_py(&deep, ObjectHook::Dict).unwrap_err();
        assert_eq!(
            e.to_string(),
            "maximum recursion depth exceeded while decoding a JSON array from a unicode string"
        );
        assert!(!e.is_value_error());
        let ok = format!("{}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        assert!(loads_py(&ok, ObjectHook::Dict).is_ok());
        let deep_obj = "{\"a\":".repeat(MAX_NESTING + 1);
        assert_eq!(
            loads_py(&deep_obj, ObjectHook::Dict)
                .unwrap_err()
                .to_string(),
            "maximum recursion depth exceeded while decoding a JSON object from a unicode string"
        );
    }
}
