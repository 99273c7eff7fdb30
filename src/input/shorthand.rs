//! The AWS CLI shorthand syntax parser (`--identity-info FirstName=a,LastName=b`).
//!
//! Reproduces `awscli/shorthand.py` `ShorthandParser` of AWS CLI v2 2.36.7
//! (spec §2.2–§2.4) on code points:
//!
//! ```text
//! parameter     := keyval ( "," keyval )*           ; ws allowed around ","
//! keyval        := key [ws "@"] ws "=" ws values     ; key may be empty
//! key           := [A-Za-z0-9-_.#/:]*
//! values        := EOF → "" | "[" list | "{" hash | csv-value
//! csv-value     := first-value [ "," second-value ( "," second-value )* ]  (backtracking)
//! first-value   := 'single' | "double" | unquoted1 (may be empty)
//! second-value  := 'single' | "double" | unquoted2 (≥ 1 char)
//! ```
//!
//! with the exact character classes START / FOLLOW1 / FOLLOW2 (nothing above
//! U+FFFF is matched unquoted), `\,` as the only escape in unquoted values,
//! `\'`/`\"` and `\\` in quoted ones, trailing whitespace stripped from
//! unquoted values (Python `str.rstrip()`), csv backtracking to the previous
//! `,` character (even one that was part of `\,`), empty keys, duplicate
//! top-level keys rejected and duplicates inside `{…}` keeping the last value
//! in the first position.
//!
//! `key@=value` marks values for param-file loading. Python resolves each
//! marked value *while parsing* (`_resolve_paramfiles`), including csv items
//! that are later discarded by backtracking, and the marking is a parser-wide
//! flag that each key inside `{…}` resets. [`parse`] reproduces the marking
//! and returns [`ShValue::ParamFile`] leaves; [`parse_with_loader`] calls a
//! loader at exactly the moments Python loads files, so load errors surface
//! in Python's order.
//!
//! Error texts are those of §2.4 ([`ShorthandError::message`]), including the
//! caret quirk: the syntax message puts one space before the echoed input, so
//! its caret appears one column left of the culprit.
//!
//! Nesting deeper than [`MAX_DEPTH`] `[`/`{` levels reproduces Python's
//! `RecursionError` (approximate depth; see [`ShorthandError::is_recursion`]).

use std::fmt;

use super::pyrepr::{is_py_space, PyValue};

/// Deepest `[`/`{` nesting accepted before Python's `RecursionError` is
/// reproduced (measured ≈ 485 under the AWS CLI; approximate).
pub const MAX_DEPTH: usize = 485;

/// A parsed shorthand value: an ordered tree of strings.
#[derive(Debug, Clone, PartialEq)]
pub enum ShValue {
    /// A plain string value.
    String(String),
    /// A string value reached through a `key@=` key: the caller must pass it
    /// through the param-file loader (`file://…` → text, `fileb://…` →
    /// bytes, anything else stays this literal string). Only [`parse`]
    /// produces it.
    ParamFile(String),
    /// Bytes, only present when a [`parse_with_loader`] loader returned them
    /// (`fileb://`).
    Bytes(Vec<u8>),
    /// A list (`a=b,c` or `a=[b,c]`).
    List(Vec<ShValue>),
    /// A map (the top level, or `a={b=c}`), in insertion order, unique keys.
    Map(Vec<(String, ShValue)>),
}

impl ShValue {
    /// Convert to the Python value the CLI would hand to validation: maps
    /// become plain `dict`s; a [`ShValue::ParamFile`] leaf becomes its
    /// literal (unloaded) string.
    pub fn to_py(&self) -> PyValue {
        match self {
            ShValue::String(s) | ShValue::ParamFile(s) => PyValue::Str(s.clone()),
            ShValue::Bytes(b) => PyValue::Bytes(b.clone()),
            ShValue::List(items) => PyValue::List(items.iter().map(ShValue::to_py).collect()),
            ShValue::Map(entries) => PyValue::Dict(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_py()))
                    .collect(),
            ),
        }
    }

    /// The entries if this is a map.
    pub fn as_map(&self) -> Option<&[(String, ShValue)]> {
        match self {
            ShValue::Map(entries) => Some(entries),
            _ => None,
        }
    }
}

/// A shorthand parse failure (`ShorthandParseError` in Python).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShorthandError {
    /// `ShorthandParseSyntaxError`.
    Syntax {
        /// The whole input.
        value: String,
        /// Expected character, or a regex name in angle brackets
        /// (`<second>`, `<singled quoted>`, `<double quoted>`).
        expected: String,
        /// The character found, `EOF`, or `<none>`.
        actual: String,
        /// Code point index of the error.
        index: usize,
    },
    /// `DuplicateKeyInObjectError` (top-level key given twice).
    DuplicateKey {
        /// The repeated key.
        key: String,
        /// The whole input.
        value: String,
        /// Code point index reported (one past the end of the previous keyval).
        index: usize,
    },
    /// Python's `RecursionError` (not a `ShorthandParseError`: the AWS CLI
    /// reports it as an unhandled error, `maximum recursion depth exceeded`).
    Recursion,
}

impl ShorthandError {
    /// The text after `Error parsing parameter '--identity-info': `.
    pub fn message(&self) -> String {
        match self {
            ShorthandError::Syntax {
                value,
                expected,
                actual,
                index,
            } => format!(
                "Expected: '{expected}', received: '{actual}' for input:\n {}",
                error_location(value, *index)
            ),
            ShorthandError::DuplicateKey { key, value, index } => format!(
                "Second instance of key \"{key}\" encountered for input:\n{}\n\
                 This is often because there is a preceding \",\" instead of a space.",
                error_location(value, *index)
            ),
            ShorthandError::Recursion => "maximum recursion depth exceeded".to_string(),
        }
    }

    /// Whether this is the `RecursionError` case (exit 255 in the CLI,
    /// message not wrapped) rather than a parse error.
    pub fn is_recursion(&self) -> bool {
        matches!(self, ShorthandError::Recursion)
    }
}

impl fmt::Display for ShorthandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ShorthandError {}

/// `_error_location()`: the input with a caret line under `index`, split at
/// the first newline at or after `index`.
fn error_location(value: &str, index: usize) -> String {
    let chars: Vec<char> = value.chars().collect();
    let index = index.min(chars.len());
    let consumed = &chars[..index];
    let spaces = match consumed.iter().rposition(|&c| c == '\n') {
        Some(nl) => index - nl - 1,
        None => index,
    };
    let caret = format!("{}^", " ".repeat(spaces));
    match chars[index..].iter().position(|&c| c == '\n') {
        Some(off) => {
            let nl = index + off;
            let head: String = chars[..nl].iter().collect();
            let tail: String = chars[nl..].iter().collect();
            format!("{head}\n{caret}{tail}")
        }
        None => format!("{value}\n{caret}"),
    }
}

/// Either a shorthand error or an error from the param-file loader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError<E> {
    /// The input is not valid shorthand.
    Syntax(ShorthandError),
    /// The loader failed (Python: not wrapped as a parameter error).
    Load(E),
}

/// Parse shorthand syntax. Values of `key@=` keys come back as
/// [`ShValue::ParamFile`] leaves (unloaded). The result is always a
/// [`ShValue::Map`].
pub fn parse(input: &str) -> Result<ShValue, ShorthandError> {
    let mut loader = |s: &str| -> Result<Option<ShValue>, std::convert::Infallible> {
        Ok(Some(ShValue::ParamFile(s.to_string())))
    };
    match parse_with_loader(input, &mut loader) {
        Ok(v) => Ok(v),
        Err(ParseError::Syntax(e)) => Err(e),
        Err(ParseError::Load(never)) => match never {},
    }
}

/// Parse shorthand syntax, calling `loader` for every value Python passes to
/// the param-file resolver, at the same moment and in the same order.
/// `Ok(None)` keeps the text as a [`ShValue::String`]; `Ok(Some(v))`
/// replaces it (typically a loaded `String` or `Bytes`); `Err` aborts.
pub fn parse_with_loader<E, F>(input: &str, loader: &mut F) -> Result<ShValue, ParseError<E>>
where
    F: FnMut(&str) -> Result<Option<ShValue>, E>,
{
    let chars: Vec<char> = input.chars().collect();
    let mut parser = Parser {
        input,
        s: &chars,
        i: 0,
        resolve: false,
        depth: 0,
        loader,
    };
    parser.parameter().map(ShValue::Map)
}

// ---------------------------------------------------------------------------
// Character classes (Python regex classes of shorthand.py).

fn in_start(c: char) -> bool {
    matches!(c as u32,
        0x21 | 0x23..=0x26 | 0x28..=0x2b | 0x2d..=0x3c | 0x3e..=0x5a | 0x5c..=0x7a | 0x7c..=0xffff)
}

fn in_follow1(c: char) -> bool {
    is_py_space(c)
        || matches!(c as u32,
            0x21 | 0x23..=0x26 | 0x28..=0x2b | 0x2d..=0x5c | 0x5e..=0x7c | 0x7e..=0xffff)
}

fn in_follow2(c: char) -> bool {
    is_py_space(c)
        || matches!(c as u32, 0x21 | 0x23..=0x26 | 0x28..=0x2b | 0x2d..=0x3c | 0x3e..=0xffff)
}

/// `string.whitespace`, used by `_consume_whitespace`.
fn is_ascii_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}')
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '#' | '/' | ':')
}

enum Fail<E> {
    /// `ShorthandParseSyntaxError` (caught by csv backtracking and the
    /// optional `@`).
    Syntax {
        expected: String,
        actual: String,
        index: usize,
    },
    /// Anything else propagates unchanged.
    Fatal(ParseError<E>),
}

type PResult<T, E> = Result<T, Fail<E>>;

struct Parser<'a, F> {
    input: &'a str,
    s: &'a [char],
    i: usize,
    /// `_should_resolve_paramfiles`.
    resolve: bool,
    depth: usize,
    loader: &'a mut F,
}

impl<E, F> Parser<'_, F>
where
    F: FnMut(&str) -> Result<Option<ShValue>, E>,
{
    fn finish<T>(&self, r: PResult<T, E>) -> Result<T, ParseError<E>> {
        r.map_err(|f| match f {
            Fail::Syntax {
                expected,
                actual,
                index,
            } => ParseError::Syntax(ShorthandError::Syntax {
                value: self.input.to_string(),
                expected,
                actual,
                index,
            }),
            Fail::Fatal(e) => e,
        })
    }

    fn current(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn at_eof(&self) -> bool {
        self.i >= self.s.len()
    }

    fn syntax<T>(&self, expected: &str, actual: String) -> PResult<T, E> {
        Err(Fail::Syntax {
            expected: expected.to_string(),
            actual,
            index: self.i,
        })
    }

    fn consume_whitespace(&mut self) {
        while self.current().is_some_and(is_ascii_ws) {
            self.i += 1;
        }
    }

    fn expect(&mut self, ch: char, consume_whitespace: bool) -> PResult<(), E> {
        if consume_whitespace {
            self.consume_whitespace();
        }
        match self.current() {
            None => return self.syntax(&ch.to_string(), "EOF".to_string()),
            Some(actual) if actual != ch => {
                return self.syntax(&ch.to_string(), actual.to_string())
            }
            Some(_) => {}
        }
        self.i += 1;
        if consume_whitespace {
            self.consume_whitespace();
        }
        Ok(())
    }

    fn parameter(&mut self) -> Result<Vec<(String, ShValue)>, ParseError<E>> {
        let mut params: Vec<(String, ShValue)> = Vec::new();
        let first = self.keyval();
        let (key, value) = self.finish(first)?;
        params.push((key, value));
        let mut last_index = self.i;
        while !self.at_eof() {
            let step = self.expect(',', true).and_then(|_| self.keyval());
            let (key, value) = self.finish(step)?;
            if params.iter().any(|(k, _)| *k == key) {
                return Err(ParseError::Syntax(ShorthandError::DuplicateKey {
                    key,
                    value: self.input.to_string(),
                    index: last_index + 1,
                }));
            }
            params.push((key, value));
            last_index = self.i;
        }
        Ok(params)
    }

    /// The optional `@` then the mandatory `=` after a key.
    fn assignment(&mut self) -> PResult<(), E> {
        self.resolve = false;
        match self.expect('@', true) {
            Ok(()) => self.resolve = true,
            Err(Fail::Syntax { .. }) => {}
            Err(fatal) => return Err(fatal),
        }
        self.expect('=', true)
    }

    fn keyval(&mut self) -> PResult<(String, ShValue), E> {
        let key = self.key();
        self.assignment()?;
        let values = self.values()?;
        Ok((key, values))
    }

    fn key(&mut self) -> String {
        let start = self.i;
        while self.current().is_some_and(is_key_char) {
            self.i += 1;
        }
        self.s[start..self.i].iter().collect()
    }

    fn values(&mut self) -> PResult<ShValue, E> {
        match self.current() {
            None => Ok(ShValue::String(String::new())),
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            Some(_) => self.csv_value(),
        }
    }

    fn csv_value(&mut self) -> PResult<ShValue, E> {
        let first = self.first_value()?;
        self.consume_whitespace();
        if self.current() != Some(',') {
            return Ok(first);
        }
        self.expect(',', true)?;
        let mut items = vec![first];
        loop {
            let attempt = self.second_value().and_then(|current| {
                self.consume_whitespace();
                if self.at_eof() {
                    return Ok((current, true));
                }
                self.expect(',', true)?;
                Ok((current, false))
            });
            match attempt {
                Ok((current, done)) => {
                    items.push(current);
                    if done {
                        break;
                    }
                }
                Err(Fail::Syntax { .. }) if !self.at_eof() => {
                    self.backtrack_to(',');
                    break;
                }
                Err(other) => return Err(other),
            }
        }
        if items.len() == 1 {
            Ok(items.pop().unwrap_or(ShValue::String(String::new())))
        } else {
            Ok(ShValue::List(items))
        }
    }

    fn backtrack_to(&mut self, ch: char) {
        // Python: while index >= 0 and value[index] != char: index -= 1.
        // There is always a comma before the current position here.
        while self.i > 0 && self.s.get(self.i) != Some(&ch) {
            self.i -= 1;
        }
    }

    fn enter(&mut self) -> PResult<(), E> {
        if self.depth >= MAX_DEPTH {
            return Err(Fail::Fatal(ParseError::Syntax(ShorthandError::Recursion)));
        }
        self.depth += 1;
        Ok(())
    }

    fn explicit_list(&mut self) -> PResult<ShValue, E> {
        self.enter()?;
        self.expect('[', true)?;
        let mut values = Vec::new();
        while self.current() != Some(']') {
            values.push(self.explicit_values()?);
            self.consume_whitespace();
            if self.current() != Some(']') {
                self.expect(',', false)?;
                self.consume_whitespace();
            }
        }
        self.expect(']', false)?;
        self.depth -= 1;
        Ok(ShValue::List(values))
    }

    fn explicit_values(&mut self) -> PResult<ShValue, E> {
        match self.current() {
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            _ => self.first_value(),
        }
    }

    fn hash_literal(&mut self) -> PResult<ShValue, E> {
        self.enter()?;
        self.expect('{', true)?;
        let mut entries: Vec<(String, ShValue)> = Vec::new();
        while self.current() != Some('}') {
            let key = self.key();
            self.assignment()?;
            let value = self.explicit_values()?;
            self.consume_whitespace();
            if self.current() != Some('}') {
                self.expect(',', false)?;
                self.consume_whitespace();
            }
            set_entry(&mut entries, key, value);
        }
        self.expect('}', false)?;
        self.depth -= 1;
        Ok(ShValue::Map(entries))
    }

    fn first_value(&mut self) -> PResult<ShValue, E> {
        match self.current() {
            Some('\'') => self.quoted_value('\'', "singled quoted"),
            Some('"') => self.quoted_value('"', "double quoted"),
            _ => self.unquoted_first(),
        }
    }

    fn second_value(&mut self) -> PResult<ShValue, E> {
        match self.current() {
            Some('\'') => self.quoted_value('\'', "singled quoted"),
            Some('"') => self.quoted_value('"', "double quoted"),
            _ => match self.match_unquoted(in_follow2) {
                Some(end) => {
                    let text = self.take_unquoted(end);
                    self.resolved(text)
                }
                None => self.syntax("<second>", "<none>".to_string()),
            },
        }
    }

    /// `_value()`: the FIRST regex; no match yields "" without resolution.
    fn unquoted_first(&mut self) -> PResult<ShValue, E> {
        match self.match_unquoted(in_follow1) {
            Some(end) => {
                let text = self.take_unquoted(end);
                self.resolved(text)
            }
            None => Ok(ShValue::String(String::new())),
        }
    }

    /// `(\\,|[START])(\\,|[FOLLOW])*` anchored at the current index: the end
    /// index of the (greedy, hence maximal) match, if any.
    fn match_unquoted(&self, follow: fn(char) -> bool) -> Option<usize> {
        let s = self.s;
        let escaped_comma = |j: usize| s.get(j) == Some(&'\\') && s.get(j + 1) == Some(&',');
        let mut j = self.i;
        if escaped_comma(j) {
            j += 2;
        } else if s.get(j).copied().is_some_and(in_start) {
            j += 1;
        } else {
            return None;
        }
        loop {
            if escaped_comma(j) {
                j += 2;
            } else if s.get(j).copied().is_some_and(follow) {
                j += 1;
            } else {
                return Some(j);
            }
        }
    }

    /// Consume up to `end`; apply `\,` → `,` and Python `rstrip()`.
    fn take_unquoted(&mut self, end: usize) -> String {
        let raw: String = self.s[self.i..end].iter().collect();
        self.i = end;
        raw.replace("\\,", ",")
            .trim_end_matches(is_py_space)
            .to_string()
    }

    /// `'(?:\\'|[^'])*'` (or the `"` variant) with Python's backtracking: the
    /// closing quote is the first unescaped one; if there is none, the quote
    /// of the last `\'` pair seen closes the value.
    fn match_quoted(&self, q: char) -> Option<usize> {
        let s = self.s;
        let mut j = self.i + 1;
        let mut last_escaped_quote = None;
        while j < s.len() {
            if s[j] == '\\' && s.get(j + 1) == Some(&q) {
                last_escaped_quote = Some(j + 1);
                j += 2;
            } else if s[j] == q {
                return Some(j + 1);
            } else {
                j += 1;
            }
        }
        last_escaped_quote.map(|k| k + 1)
    }

    fn quoted_value(&mut self, q: char, name: &str) -> PResult<ShValue, E> {
        let Some(end) = self.match_quoted(q) else {
            return self.syntax(&format!("<{name}>"), "<none>".to_string());
        };
        let inner: String = self.s[self.i + 1..end - 1].iter().collect();
        self.i = end;
        let text = inner
            .replace(&format!("\\{q}"), &q.to_string())
            .replace("\\\\", "\\");
        self.resolved(text)
    }

    /// `_resolve_paramfiles` if the current key was `key@=`.
    fn resolved(&mut self, text: String) -> PResult<ShValue, E> {
        if !self.resolve {
            return Ok(ShValue::String(text));
        }
        match (self.loader)(&text) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(ShValue::String(text)),
            Err(e) => Err(Fail::Fatal(ParseError::Load(e))),
        }
    }
}

fn set_entry(entries: &mut Vec<(String, ShValue)>, key: String, value: ShValue) {
    if let Some(slot) = entries.iter_mut().find(|(k, _)| *k == key) {
        slot.1 = value;
    } else {
        entries.push((key, value));
    }
}

/// Convenience: parse and convert to the Python value (`dict` of strings,
/// lists and dicts) — `ParamFile` leaves stay literal strings.
pub fn parse_to_py(input: &str) -> Result<PyValue, ShorthandError> {
    parse(input).map(|v| v.to_py())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> ShValue {
        ShValue::String(v.to_string())
    }

    fn map(entries: &[(&str, ShValue)]) -> ShValue {
        ShValue::Map(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    fn err(input: &str) -> String {
        parse(input).expect_err(input).message()
    }

    fn ok(input: &str) -> ShValue {
        parse(input).unwrap_or_else(|e| panic!("{input:?}: {}", e.message()))
    }

    // ---- error texts (goldens and spec §2.4)

    #[test]
    fn golden_sh_missing_equals() {
        assert_eq!(
            err("FirstName"),
            "Expected: '=', received: 'EOF' for input:\n FirstName\n         ^"
        );
    }

    #[test]
    fn golden_sh_quoted_key() {
        assert_eq!(
            err("\"FirstName\"=Mary"),
            "Expected: '=', received: '\"' for input:\n \"FirstName\"=Mary\n^"
        );
    }

    #[test]
    fn golden_sh_empty_string() {
        assert_eq!(err(""), "Expected: '=', received: 'EOF' for input:\n \n^");
    }

    #[test]
    fn golden_json_string_top() {
        assert_eq!(
            err("\"abc\""),
            "Expected: '=', received: '\"' for input:\n \"abc\"\n^"
        );
    }

    #[test]
    fn spec_foo_and_blank() {
        assert_eq!(
            err("foo"),
            "Expected: '=', received: 'EOF' for input:\n foo\n   ^"
        );
        assert_eq!(
            err("  "),
            "Expected: '=', received: 'EOF' for input:\n   \n  ^"
        );
    }

    #[test]
    fn spec_duplicate_key() {
        assert_eq!(
            err("FirstName=a,FirstName=b"),
            "Second instance of key \"FirstName\" encountered for input:\n\
             FirstName=a,FirstName=b\n            ^\n\
             This is often because there is a preceding \",\" instead of a space."
        );
    }

    #[test]
    fn spec_unterminated_double_quote() {
        assert_eq!(
            err("FirstName=\"a"),
            "Expected: '<double quoted>', received: '<none>' for input:\n FirstName=\"a\n          ^"
        );
        assert_eq!(
            err("FirstName='a"),
            "Expected: '<singled quoted>', received: '<none>' for input:\n FirstName='a\n          ^"
        );
    }

    #[test]
    fn spec_multi_line_location() {
        assert_eq!(
            err("a=b\n,c=d,,"),
            "Expected: '=', received: 'EOF' for input:\n a=b\n,c=d,,\n      ^"
        );
        // newline after the error index: the caret line is inserted before it
        assert_eq!(
            err("a=b\"c\nd=e"),
            "Expected: ',', received: '\"' for input:\n a=b\"c\n   ^\nd=e"
        );
        assert_eq!(
            err("a=b\nc=d\"\ne=f"),
            "Expected: ',', received: '\"' for input:\n a=b\nc=d\"\n   ^\ne=f"
        );
    }

    #[test]
    fn spec_trailing_comma_and_leading_space() {
        assert_eq!(
            err("a=b,"),
            "Expected: '<second>', received: '<none>' for input:\n a=b,\n    ^"
        );
        assert_eq!(
            err(" FirstName=a"),
            "Expected: '=', received: 'F' for input:\n  FirstName=a\n ^"
        );
        assert_eq!(
            err("a=b\"c"),
            "Expected: ',', received: '\"' for input:\n a=b\"c\n   ^"
        );
    }

    #[test]
    fn spec_astral_unquoted_rejected() {
        assert_eq!(
            err("FirstName=😀"),
            "Expected: ',', received: '😀' for input:\n FirstName=😀\n          ^"
        );
        assert_eq!(ok("FirstName=\"😀\""), map(&[("FirstName", s("😀"))]));
    }

    #[test]
    fn list_and_hash_errors() {
        assert_eq!(
            err("a=["),
            "Expected: ',', received: 'EOF' for input:\n a=[\n   ^"
        );
        assert_eq!(
            err("a={"),
            "Expected: '=', received: 'EOF' for input:\n a={\n   ^"
        );
        assert_eq!(
            err("a=[]]"),
            "Expected: ',', received: ']' for input:\n a=[]]\n    ^"
        );
    }

    // ---- parse results (spec §2.2, §2.5, goldens)

    #[test]
    fn spec_table_2_5() {
        assert_eq!(
            ok("FirstName=Mary,LastName=Major,Email=marym@example.com"),
            map(&[
                ("FirstName", s("Mary")),
                ("LastName", s("Major")),
                ("Email", s("marym@example.com"))
            ])
        );
        assert_eq!(
            ok("FirstName=a b,LastName=\"x,y\""),
            map(&[("FirstName", s("a b")), ("LastName", s("x,y"))])
        );
        assert_eq!(
            ok("FirstName='it\\'s',LastName=\"q\\\"x\""),
            map(&[("FirstName", s("it's")), ("LastName", s("q\"x"))])
        );
        assert_eq!(ok("FirstName=a\\,b"), map(&[("FirstName", s("a,b"))]));
        assert_eq!(ok("FirstName=a=b"), map(&[("FirstName", s("a=b"))]));
        assert_eq!(
            ok("FirstName=  lead and trail   "),
            map(&[("FirstName", s("lead and trail"))])
        );
        assert_eq!(ok("FirstName=x[y"), map(&[("FirstName", s("x[y"))]));
    }

    #[test]
    fn goldens_shorthand_bodies() {
        assert_eq!(
            ok("FirstName = Mary , LastName = Major"),
            map(&[("FirstName", s("Mary")), ("LastName", s("Major"))])
        );
        assert_eq!(
            ok("FirstName=\"Major, Jr\",LastName=X"),
            map(&[("FirstName", s("Major, Jr")), ("LastName", s("X"))])
        );
        assert_eq!(
            ok("FirstName=Mary\\,Ann"),
            map(&[("FirstName", s("Mary,Ann"))])
        );
        assert_eq!(
            ok("FirstName=,LastName=Major"),
            map(&[("FirstName", s("")), ("LastName", s("Major"))])
        );
        assert_eq!(
            ok("FirstName=Mary,Foo=bar"),
            map(&[("FirstName", s("Mary")), ("Foo", s("bar"))])
        );
        assert_eq!(
            ok("FirstName={a=b}"),
            map(&[("FirstName", map(&[("a", s("b"))]))])
        );
        assert_eq!(
            ok("FirstName=Zoe\u{308}"),
            map(&[("FirstName", s("Zoe\u{308}"))])
        );
    }

    #[test]
    fn csv_backtracking() {
        let list = |items: &[&str]| ShValue::List(items.iter().map(|i| s(i)).collect());
        assert_eq!(ok("a=b,c=d"), map(&[("a", s("b")), ("c", s("d"))]));
        assert_eq!(
            ok("a=b,c,d=e"),
            map(&[("a", list(&["b", "c"])), ("d", s("e"))])
        );
        assert_eq!(
            ok("FirstName=a,b=c"),
            map(&[("FirstName", s("a")), ("b", s("c"))])
        );
        assert_eq!(
            ok("FirstName=a,b,c"),
            map(&[("FirstName", list(&["a", "b", "c"]))])
        );
        assert_eq!(ok("a=x\ny=,z"), map(&[("a", list(&["x\ny=", "z"]))]));
        // backtracking stops at the comma of an escaped comma
        assert_eq!(ok("a=b,c\\,d=e"), map(&[("a", s("b")), ("d", s("e"))]));
        assert_eq!(
            ok("FirstName=a,\nLastName=b"),
            map(&[("FirstName", s("a")), ("LastName", s("b"))])
        );
    }

    #[test]
    fn empty_values_keys_and_whitespace() {
        assert_eq!(ok("FirstName="), map(&[("FirstName", s(""))]));
        assert_eq!(ok("=x"), map(&[("", s("x"))]));
        assert_eq!(ok("a=b\\c"), map(&[("a", s("b\\c"))]));
        // Python rstrip() also strips U+001C and NBSP
        assert_eq!(ok("a=b\u{a0}\u{1c}"), map(&[("a", s("b"))]));
        assert_eq!(ok("a = ' x '"), map(&[("a", s(" x "))]));
    }

    #[test]
    fn quoted_backtracking_quirks() {
        // no unescaped closing quote: the last \' closes the value
        assert_eq!(ok("a='abc\\'"), map(&[("a", s("abc\\"))]));
        assert_eq!(ok("a='a\\\\'"), map(&[("a", s("a\\"))]));
        assert_eq!(ok("a=\"x\\\\\\\"y\""), map(&[("a", s("x\\\"y"))]));
    }

    #[test]
    fn lists_and_hashes() {
        assert_eq!(
            ok("a=[b, c ,[d]],e={f=g,h=[i]}"),
            map(&[
                (
                    "a",
                    ShValue::List(vec![s("b"), s("c"), ShValue::List(vec![s("d")])])
                ),
                (
                    "e",
                    map(&[("f", s("g")), ("h", ShValue::List(vec![s("i")]))])
                ),
            ])
        );
        assert_eq!(ok("a=[,]"), map(&[("a", ShValue::List(vec![s("")]))]));
        assert_eq!(ok("a=[}]"), map(&[("a", ShValue::List(vec![s("}")]))]));
        assert_eq!(
            ok("a={a=1,b=2,a=3}"),
            map(&[("a", map(&[("a", s("3")), ("b", s("2"))]))])
        );
    }

    #[test]
    fn param_file_marking() {
        assert_eq!(
            ok("FirstName@=file:///data/fn.txt,LastName=file://x"),
            map(&[
                (
                    "FirstName",
                    ShValue::ParamFile("file:///data/fn.txt".into())
                ),
                ("LastName", s("file://x")),
            ])
        );
        assert_eq!(
            ok("a @ = x,'y'"),
            map(&[(
                "a",
                ShValue::List(vec![
                    ShValue::ParamFile("x".into()),
                    ShValue::ParamFile("y".into())
                ])
            )])
        );
        // the flag is parser-wide: keys inside {…} reset it
        assert_eq!(
            ok("a@=[{b=x}, y]"),
            map(&[("a", ShValue::List(vec![map(&[("b", s("x"))]), s("y")]))])
        );
        assert_eq!(
            ok("a=[{b@=x}, y]"),
            map(&[(
                "a",
                ShValue::List(vec![
                    map(&[("b", ShValue::ParamFile("x".into()))]),
                    ShValue::ParamFile("y".into())
                ])
            )])
        );
        // an empty unquoted value is not resolved
        assert_eq!(ok("a@=,b=c"), map(&[("a", s("")), ("b", s("c"))]));
    }

    #[test]
    fn loader_called_in_python_order() {
        let mut seen = Vec::new();
        let mut loader = |v: &str| -> Result<Option<ShValue>, String> {
            seen.push(v.to_string());
            if v.starts_with("file://") {
                Err(format!("Unable to load paramfile {v}"))
            } else if let Some(rest) = v.strip_prefix("fileb://") {
                Ok(Some(ShValue::Bytes(rest.as_bytes().to_vec())))
            } else {
                Ok(None)
            }
        };
        // the discarded csv item is loaded before the backtrack (Python does the same)
        let r = parse_with_loader("a@=x,file:///nope=y", &mut loader);
        assert_eq!(
            r,
            Err(ParseError::Load(
                "Unable to load paramfile file:///nope".to_string()
            ))
        );
        assert_eq!(seen, vec!["x".to_string(), "file:///nope".to_string()]);

        let mut loader = |v: &str| -> Result<Option<ShValue>, String> {
            Ok(v.strip_prefix("fileb://")
                .map(|rest| ShValue::Bytes(rest.as_bytes().to_vec())))
        };
        let r = parse_with_loader("UserId@=fileb://u,a@=b", &mut loader).unwrap();
        assert_eq!(
            r,
            map(&[("UserId", ShValue::Bytes(b"u".to_vec())), ("a", s("b"))])
        );
        // a syntax error after a successful load is still a syntax error
        let r = parse_with_loader("a@=fileb://u,\"", &mut loader);
        assert!(matches!(
            r,
            Err(ParseError::Syntax(ShorthandError::Syntax { .. }))
        ));
    }

    #[test]
    fn to_py_conversion() {
        let v = ok("a=[b,c],d={e=f},g@=h").to_py();
        assert_eq!(v.repr(), "{'a': ['b', 'c'], 'd': {'e': 'f'}, 'g': 'h'}");
    }

    #[test]
    fn deep_nesting_is_a_recursion_error() {
        let deep = format!("a={}", "[".repeat(MAX_DEPTH + 1));
        let e = parse(&deep).unwrap_err();
        assert!(e.is_recursion());
        assert_eq!(e.message(), "maximum recursion depth exceeded");
        let fine = format!("a={}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }
}
