//! Runtime values and the Python semantics attached to them.
//!
//! jmespath.py evaluates over plain Python objects (`dict`, `list`, `str`,
//! `int`, `float`, `bool`, `None`) plus one extra runtime type, the
//! expression reference (`_Expression`) produced by `&expr`.  [`Val`] models
//! exactly that set.  Values borrowed from the input document (or from a
//! literal in the AST) stay borrowed (`Val::Json`), values built during
//! evaluation are reference counted so that cloning is always cheap.
//!
//! This module also holds the Python behaviours that leak into results and
//! error messages: `==` (where `True == 1` and `1 == 1.0`), ordering,
//! `str()`/`repr()` of values and `json.dumps(..., separators=(',', ':'))`.

use std::cmp::Ordering;
use std::fmt::Write as _;
use std::rc::Rc;

use serde_json::{Map, Number, Value};

use super::ast::Node;

/// What `str()` of a jmespath.py `_Expression` looks like.  Python prints the
/// object's memory address, which is not reproducible; a fixed one is used.
pub(super) const EXPREF_STR: &str = "<jmespath.visitor._Expression object at 0x7f3c5a1b2c40>";

/// A runtime value.
#[derive(Clone, Debug)]
pub(super) enum Val<'a> {
    /// Any JSON value borrowed from the input document or an AST literal.
    Json(&'a Value),
    Null,
    Bool(bool),
    Num(Number),
    Str(Rc<str>),
    /// An array built during evaluation (it may hold expression references).
    Arr(Rc<Vec<Val<'a>>>),
    /// An object built during evaluation: insertion-ordered, keys unique.
    Obj(Rc<Vec<(String, Val<'a>)>>),
    /// An expression reference (`&expr`), with an identity used for `==`
    /// (Python compares `_Expression` objects by identity).
    Expref(&'a Node, u64),
}

/// A uniform, borrowed view of a [`Val`], whichever representation it uses.
pub(super) enum View<'v, 'a> {
    Null,
    Bool(bool),
    Num(&'v Number),
    Str(&'v str),
    Arr(Items<'v, 'a>),
    Obj(Entries<'v, 'a>),
    /// An expression reference, by identity.
    Expref(u64),
}

/// The elements of an array value.
#[derive(Clone, Copy)]
pub(super) enum Items<'v, 'a> {
    Json(&'a [Value]),
    Own(&'v [Val<'a>]),
}

/// Iterator over [`Items`], yielding cheap clones.
pub(super) enum ItemsIter<'v, 'a> {
    Json(std::slice::Iter<'a, Value>),
    Own(std::slice::Iter<'v, Val<'a>>),
}

/// The entries of an object value.
#[derive(Clone, Copy)]
pub(super) enum Entries<'v, 'a> {
    Json(&'a Map<String, Value>),
    Own(&'v [(String, Val<'a>)]),
}

/// Iterator over [`Entries`], yielding keys and cheap clones of values.
pub(super) enum EntriesIter<'v, 'a> {
    Json(serde_json::map::Iter<'a>),
    Own(std::slice::Iter<'v, (String, Val<'a>)>),
}

impl<'v, 'a> Items<'v, 'a> {
    pub(super) fn len(&self) -> usize {
        match self {
            Items::Json(v) => v.len(),
            Items::Own(v) => v.len(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(super) fn get(&self, i: usize) -> Option<Val<'a>> {
        match self {
            Items::Json(v) => v.get(i).map(Val::Json),
            Items::Own(v) => v.get(i).cloned(),
        }
    }

    pub(super) fn iter(&self) -> ItemsIter<'v, 'a> {
        match *self {
            Items::Json(v) => ItemsIter::Json(v.iter()),
            Items::Own(v) => ItemsIter::Own(v.iter()),
        }
    }

    pub(super) fn to_vec(self) -> Vec<Val<'a>> {
        self.iter().collect()
    }
}

impl<'v, 'a> Iterator for ItemsIter<'v, 'a> {
    type Item = Val<'a>;

    fn next(&mut self) -> Option<Val<'a>> {
        match self {
            ItemsIter::Json(it) => it.next().map(Val::Json),
            ItemsIter::Own(it) => it.next().cloned(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            ItemsIter::Json(it) => it.size_hint(),
            ItemsIter::Own(it) => it.size_hint(),
        }
    }
}

impl<'v, 'a> Entries<'v, 'a> {
    pub(super) fn len(&self) -> usize {
        match self {
            Entries::Json(m) => m.len(),
            Entries::Own(v) => v.len(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(super) fn get(&self, key: &str) -> Option<Val<'a>> {
        match self {
            Entries::Json(m) => m.get(key).map(Val::Json),
            Entries::Own(v) => v.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()),
        }
    }

    pub(super) fn iter(&self) -> EntriesIter<'v, 'a> {
        match *self {
            Entries::Json(m) => EntriesIter::Json(m.iter()),
            Entries::Own(v) => EntriesIter::Own(v.iter()),
        }
    }
}

impl<'v, 'a> Iterator for EntriesIter<'v, 'a> {
    type Item = (&'v str, Val<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            EntriesIter::Json(it) => it.next().map(|(k, v)| (k.as_str(), Val::Json(v))),
            EntriesIter::Own(it) => it.next().map(|(k, v)| (k.as_str(), v.clone())),
        }
    }
}

/// Builds an object with Python `dict` assignment semantics: assigning an
/// existing key replaces its value in place, a new key is appended.
#[derive(Default)]
pub(super) struct ObjBuilder<'a> {
    entries: Vec<(String, Val<'a>)>,
    index: std::collections::HashMap<String, usize>,
}

impl<'a> ObjBuilder<'a> {
    pub(super) fn insert(&mut self, key: &str, value: Val<'a>) {
        match self.index.get(key) {
            Some(&i) => {
                if let Some(slot) = self.entries.get_mut(i) {
                    slot.1 = value;
                }
            }
            None => {
                self.index.insert(key.to_owned(), self.entries.len());
                self.entries.push((key.to_owned(), value));
            }
        }
    }

    pub(super) fn build(self) -> Val<'a> {
        Val::Obj(Rc::new(self.entries))
    }
}

/// A Python number: `int` (wide enough for every JSON integer serde_json
/// produces, and for sums of them) or `float`.
#[derive(Clone, Copy, Debug)]
pub(super) enum Num {
    Int(i128),
    Float(f64),
}

impl Num {
    pub(super) fn of(n: &Number) -> Num {
        if let Some(i) = n.as_i64() {
            Num::Int(i128::from(i))
        } else if let Some(u) = n.as_u64() {
            Num::Int(i128::from(u))
        } else {
            Num::Float(n.as_f64().unwrap_or(0.0))
        }
    }

    pub(super) fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    /// Converts back to a value.  Integers outside the i64/u64 range become
    /// floats and non-finite floats become null: serde_json can represent
    /// neither (Python would keep a big int / print `Infinity`).
    pub(super) fn into_val<'a>(self) -> Val<'a> {
        match self {
            Num::Int(i) => {
                if let Ok(v) = i64::try_from(i) {
                    Val::Num(Number::from(v))
                } else if let Ok(v) = u64::try_from(i) {
                    Val::Num(Number::from(v))
                } else {
                    float_val(i as f64)
                }
            }
            Num::Float(f) => float_val(f),
        }
    }

    /// Python's exact comparison between numbers (ints and floats are
    /// compared exactly, not by converting the int to a float).
    pub(super) fn py_cmp(self, other: Num) -> Option<Ordering> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(&b)),
            (Num::Float(a), Num::Float(b)) => a.partial_cmp(&b),
            (Num::Int(a), Num::Float(b)) => cmp_int_float(a, b),
            (Num::Float(a), Num::Int(b)) => cmp_int_float(b, a).map(Ordering::reverse),
        }
    }

    pub(super) fn py_eq(self, other: Num) -> bool {
        self.py_cmp(other) == Some(Ordering::Equal)
    }

    /// Python `math.ceil`/`math.floor` result: an int.  Floats too large for
    /// the integer range stay floats (Python would return a huge int).
    pub(super) fn round_with(self, f: fn(f64) -> f64) -> Num {
        match self {
            Num::Int(_) => self,
            Num::Float(x) => {
                let r = f(x);
                if r.is_finite() && r.abs() < 1.0e38 {
                    Num::Int(r as i128)
                } else {
                    Num::Float(r)
                }
            }
        }
    }
}

fn cmp_int_float(i: i128, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    // 2**127: every i128 is smaller in magnitude than this.
    const LIMIT: f64 = 170_141_183_460_469_231_731_687_303_715_884_105_728.0;
    if f >= LIMIT {
        return Some(Ordering::Less);
    }
    if f < -LIMIT {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    match i.cmp(&(t as i128)) {
        Ordering::Equal => Some(if f > t {
            Ordering::Less
        } else if f < t {
            Ordering::Greater
        } else {
            Ordering::Equal
        }),
        other => Some(other),
    }
}

/// A float value (null when not finite, which JSON cannot hold).
pub(super) fn float_val<'a>(f: f64) -> Val<'a> {
    Number::from_f64(f).map_or(Val::Null, Val::Num)
}

/// An integer value.
pub(super) fn int_val<'a>(i: i128) -> Val<'a> {
    Num::Int(i).into_val()
}

impl<'a> Val<'a> {
    pub(super) fn str(s: &str) -> Val<'a> {
        Val::Str(Rc::from(s))
    }

    pub(super) fn arr(v: Vec<Val<'a>>) -> Val<'a> {
        Val::Arr(Rc::new(v))
    }

    pub(super) fn view(&self) -> View<'_, 'a> {
        match self {
            Val::Json(v) => match v {
                Value::Null => View::Null,
                Value::Bool(b) => View::Bool(*b),
                Value::Number(n) => View::Num(n),
                Value::String(s) => View::Str(s),
                Value::Array(a) => View::Arr(Items::Json(a)),
                Value::Object(m) => View::Obj(Entries::Json(m)),
            },
            Val::Null => View::Null,
            Val::Bool(b) => View::Bool(*b),
            Val::Num(n) => View::Num(n),
            Val::Str(s) => View::Str(s),
            Val::Arr(a) => View::Arr(Items::Own(a)),
            Val::Obj(o) => View::Obj(Entries::Own(o)),
            Val::Expref(_, id) => View::Expref(*id),
        }
    }

    pub(super) fn is_null(&self) -> bool {
        matches!(self, Val::Null | Val::Json(Value::Null))
    }

    /// The number, if this is a number (booleans are not numbers here).
    pub(super) fn as_num(&self) -> Option<Num> {
        match self.view() {
            View::Num(n) => Some(Num::of(n)),
            _ => None,
        }
    }

    pub(super) fn as_str(&self) -> Option<&str> {
        match self.view() {
            View::Str(s) => Some(s),
            _ => None,
        }
    }

    pub(super) fn items(&self) -> Option<Items<'_, 'a>> {
        match self.view() {
            View::Arr(items) => Some(items),
            _ => None,
        }
    }

    pub(super) fn entries(&self) -> Option<Entries<'_, 'a>> {
        match self.view() {
            View::Obj(entries) => Some(entries),
            _ => None,
        }
    }

    /// `type(value).__name__` in jmespath.py.
    pub(super) fn py_type(&self) -> &'static str {
        match self.view() {
            View::Null => "NoneType",
            View::Bool(_) => "bool",
            View::Num(n) => match Num::of(n) {
                Num::Int(_) => "int",
                Num::Float(_) => "float",
            },
            View::Str(_) => "str",
            View::Arr(_) => "list",
            View::Obj(_) => "dict",
            View::Expref(..) => "_Expression",
        }
    }

    /// The JMESPath type name (`TYPES_MAP` in jmespath.py).
    pub(super) fn jp_type(&self) -> &'static str {
        jp_type_of(self.py_type())
    }

    /// jmespath.py's `_is_false`: `''`, `[]`, `{}`, `None` and `False` are
    /// false; everything else (including `0`) is true.
    pub(super) fn is_false(&self) -> bool {
        match self.view() {
            View::Null => true,
            View::Bool(b) => !b,
            View::Str(s) => s.is_empty(),
            View::Arr(a) => a.is_empty(),
            View::Obj(o) => o.is_empty(),
            View::Num(_) | View::Expref(..) => false,
        }
    }

    /// Converts to an owned JSON value.  An expression reference cannot be
    /// serialized; the error is what the AWS CLI's JSON output prints then.
    pub(super) fn to_value(&self) -> Result<Value, String> {
        Ok(match self {
            Val::Json(v) => (*v).clone(),
            Val::Null => Value::Null,
            Val::Bool(b) => Value::Bool(*b),
            Val::Num(n) => Value::Number(n.clone()),
            Val::Str(s) => Value::String(s.to_string()),
            Val::Arr(a) => Value::Array(a.iter().map(Val::to_value).collect::<Result<_, _>>()?),
            Val::Obj(o) => {
                let mut map = Map::with_capacity(o.len());
                for (k, v) in o.iter() {
                    map.insert(k.clone(), v.to_value()?);
                }
                Value::Object(map)
            }
            Val::Expref(..) => return Err("Circular reference detected".to_owned()),
        })
    }
}

/// Maps a Python type name to the JMESPath type name (`TYPES_MAP`).
pub(super) fn jp_type_of(py_type: &str) -> &'static str {
    match py_type {
        "bool" => "boolean",
        "list" => "array",
        "dict" => "object",
        "NoneType" => "null",
        "str" => "string",
        "float" | "int" => "number",
        "_Expression" => "expref",
        _ => "unknown",
    }
}

/// Python `==` between two values (`True == 1`, `1 == 1.0`, dicts compare
/// regardless of order, expression references by identity).
pub(super) fn py_eq(a: &Val<'_>, b: &Val<'_>) -> bool {
    match (a.view(), b.view()) {
        (View::Null, View::Null) => true,
        (View::Str(x), View::Str(y)) => x == y,
        (View::Arr(x), View::Arr(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| py_eq(&p, &q))
        }
        (View::Obj(x), View::Obj(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| py_eq(&v, &w)))
        }
        (View::Expref(x), View::Expref(y)) => x == y,
        (x, y) => match (numeric(&x), numeric(&y)) {
            (Some(p), Some(q)) => p.py_eq(q),
            _ => false,
        },
    }
}

/// Numbers and booleans as Python numbers (`bool` is an `int` subclass).
fn numeric(v: &View<'_, '_>) -> Option<Num> {
    match v {
        View::Bool(b) => Some(Num::Int(i128::from(*b))),
        View::Num(n) => Some(Num::of(n)),
        _ => None,
    }
}

/// jmespath.py's `_equals` for `==`/`!=`: Python equality, except that the
/// numbers 0 and 1 never equal a boolean.
pub(super) fn jp_equals(x: &Val<'_>, y: &Val<'_>) -> bool {
    let zero_or_one = |v: &Val<'_>| {
        v.as_num()
            .is_some_and(|n| n.py_eq(Num::Int(0)) || n.py_eq(Num::Int(1)))
    };
    let is_bool = |v: &Val<'_>| matches!(v.view(), View::Bool(_));
    if zero_or_one(x) {
        if is_bool(y) {
            return false;
        }
    } else if zero_or_one(y) && is_bool(x) {
        return false;
    }
    py_eq(x, y)
}

/// Python ordering between two numbers or two strings; any other pairing is
/// a `TypeError` whose message is returned.  `op` is the operator symbol used
/// in that message (`<`, `<=`, `>`, `>=`).
pub(super) fn py_order(a: &Val<'_>, b: &Val<'_>, op: &str) -> Result<Ordering, String> {
    match (a.view(), b.view()) {
        (View::Str(x), View::Str(y)) => return Ok(x.cmp(y)),
        (View::Num(x), View::Num(y)) => {
            if let Some(o) = Num::of(x).py_cmp(Num::of(y)) {
                return Ok(o);
            }
        }
        _ => {}
    }
    Err(format!(
        "'{op}' not supported between instances of '{}' and '{}'",
        a.py_type(),
        b.py_type()
    ))
}

/// Python `str(value)`.
pub(super) fn py_str(v: &Val<'_>) -> String {
    match v.view() {
        View::Str(s) => s.to_owned(),
        _ => py_repr(v),
    }
}

/// Python `repr(value)`.
pub(super) fn py_repr(v: &Val<'_>) -> String {
    let mut out = String::new();
    write_repr(v, &mut out);
    out
}

fn write_repr(v: &Val<'_>, out: &mut String) {
    match v.view() {
        View::Null => out.push_str("None"),
        View::Bool(true) => out.push_str("True"),
        View::Bool(false) => out.push_str("False"),
        View::Num(n) => write_num(Num::of(n), out, false),
        View::Str(s) => repr_str(s, out),
        View::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(&item, out);
            }
            out.push(']');
        }
        View::Obj(entries) => {
            out.push('{');
            for (i, (k, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                repr_str(k, out);
                out.push_str(": ");
                write_repr(&item, out);
            }
            out.push('}');
        }
        View::Expref(..) => out.push_str(EXPREF_STR),
    }
}

fn write_num(n: Num, out: &mut String, json: bool) {
    match n {
        Num::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Num::Float(f) => out.push_str(&float_repr(f, json)),
    }
}

/// Python `repr(float)` (`json` selects json.dumps' spelling of the
/// non-finite values).
pub(super) fn float_repr(f: f64, json: bool) -> String {
    if f.is_nan() {
        return if json { "NaN" } else { "nan" }.to_owned();
    }
    if f.is_infinite() {
        let s = if json { "Infinity" } else { "inf" };
        return if f < 0.0 { format!("-{s}") } else { s.to_owned() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.to_owned();
    }
    // Shortest round-trip digits, as Python's repr uses.
    let sci = format!("{:e}", f.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let mut out = String::new();
    if f < 0.0 {
        out.push('-');
    }
    if !(-4..16).contains(&exp) {
        let (first, rest) = digits.split_at(digits.len().min(1));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs());
    } else if exp >= 0 {
        let point = exp.unsigned_abs() as usize + 1;
        if digits.len() <= point {
            out.push_str(&digits);
            out.push_str(&"0".repeat(point - digits.len()));
            out.push_str(".0");
        } else {
            let (int_part, frac_part) = digits.split_at(point);
            out.push_str(int_part);
            out.push('.');
            out.push_str(frac_part);
        }
    } else {
        out.push_str("0.");
        out.push_str(&"0".repeat(exp.unsigned_abs() as usize - 1));
        out.push_str(&digits);
    }
    out
}

/// Python `repr(str)`.
fn repr_str(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    out.push(quote);
    for c in s.chars() {
        let code = c as u32;
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if code < 0x20 || code == 0x7f => {
                let _ = write!(out, "\\x{code:02x}");
            }
            _ if code < 0x7f || is_printable(c) => out.push(c),
            _ if code <= 0xff => {
                let _ = write!(out, "\\x{code:02x}");
            }
            _ if code <= 0xffff => {
                let _ = write!(out, "\\u{code:04x}");
            }
            _ => {
                let _ = write!(out, "\\U{code:08x}");
            }
        }
    }
    out.push(quote);
}

/// Approximates Python's `str.isprintable()` for non-ASCII characters: the
/// separator (Z*) and "other" (C*) categories are not printable.  The common
/// ranges are listed; unassigned code points are not.
fn is_printable(c: char) -> bool {
    let code = c as u32;
    !matches!(code,
        0x80..=0xa0
        | 0xad
        | 0x600..=0x605
        | 0x61c
        | 0x6dd
        | 0x70f
        | 0x8e2
        | 0x1680
        | 0x180e
        | 0x2000..=0x200f
        | 0x2028..=0x202f
        | 0x205f..=0x2064
        | 0x2066..=0x206f
        | 0x3000
        | 0xd800..=0xf8ff
        | 0xfdd0..=0xfdef
        | 0xfeff
        | 0xfff9..=0xfffb
        | 0x110bd
        | 0x110cd
        | 0x13430..=0x1343f
        | 0x1bca0..=0x1bca3
        | 0x1d173..=0x1d17a
        | 0xe0001
        | 0xe0020..=0xe007f
        | 0xf0000..
    ) && (code & 0xfffe) != 0xfffe
}

/// Python `json.dumps(value, separators=(',', ':'), default=str)` with its
/// default `ensure_ascii=True`.
pub(super) fn json_dumps(v: &Val<'_>) -> String {
    let mut out = String::new();
    write_json(v, &mut out);
    out
}

fn write_json(v: &Val<'_>, out: &mut String) {
    match v.view() {
        View::Null => out.push_str("null"),
        View::Bool(true) => out.push_str("true"),
        View::Bool(false) => out.push_str("false"),
        View::Num(n) => write_num(Num::of(n), out, true),
        View::Str(s) => json_str(s, out),
        View::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(&item, out);
            }
            out.push(']');
        }
        View::Obj(entries) => {
            out.push('{');
            for (i, (k, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_str(k, out);
                out.push(':');
                write_json(&item, out);
            }
            out.push('}');
        }
        View::Expref(..) => json_str(EXPREF_STR, out),
    }
}

/// A JSON string literal as Python's ASCII-only encoder writes it.
fn json_str(s: &str, out: &mut String) {
    crate::util::pyfmt::write_json_string(s, true, out);
}

/// Python's `str.isspace()` (used by `str.strip()` and `int()`/`float()`).
pub(super) fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}
