//! The 26 built-in functions, ported from jmespath.py 1.0.1's `Functions`,
//! including its argument checking order (unknown function, then arity, then
//! the type of each declared parameter) and its error texts.
//!
//! Results follow Python: `abs`/`max`/`min`/`sum` of ints are ints,
//! `ceil`/`floor` return ints, `avg` a float, `to_number("2")` an int.

use std::cmp::Ordering;

use super::ast::Node;
use super::interpreter::Interpreter;
use super::value::{
    float_val, int_val, json_dumps, py_eq, py_isspace, py_order, py_repr, py_str, Num, ObjBuilder,
    Val, View,
};

type FResult<'a> = Result<Val<'a>, String>;

/// A declared parameter: the accepted JMESPath types (empty: any).
type Param = &'static [&'static str];

struct Signature {
    name: &'static str,
    params: &'static [Param],
    /// The last parameter may repeat (arity is then a minimum).
    variadic: bool,
}

const ANY: Param = &[];
const NUMBER: Param = &["number"];
const STRING: Param = &["string"];
const ARRAY: Param = &["array"];
const OBJECT: Param = &["object"];
const EXPREF: Param = &["expref"];

const fn sig(name: &'static str, params: &'static [Param]) -> Signature {
    Signature { name, params, variadic: false }
}

const SIGNATURES: &[Signature] = &[
    sig("abs", &[NUMBER]),
    sig("avg", &[&["array-number"]]),
    sig("ceil", &[NUMBER]),
    sig("contains", &[&["array", "string"], ANY]),
    sig("ends_with", &[STRING, STRING]),
    sig("floor", &[NUMBER]),
    sig("join", &[STRING, &["array-string"]]),
    sig("keys", &[OBJECT]),
    sig("length", &[&["string", "array", "object"]]),
    sig("map", &[EXPREF, ARRAY]),
    sig("max", &[&["array-number", "array-string"]]),
    sig("max_by", &[ARRAY, EXPREF]),
    Signature { name: "merge", params: &[OBJECT], variadic: true },
    sig("min", &[&["array-number", "array-string"]]),
    sig("min_by", &[ARRAY, EXPREF]),
    Signature { name: "not_null", params: &[ANY], variadic: true },
    sig("reverse", &[&["array", "string"]]),
    sig("sort", &[&["array-string", "array-number"]]),
    sig("sort_by", &[ARRAY, EXPREF]),
    sig("starts_with", &[STRING, STRING]),
    sig("sum", &[&["array-number"]]),
    sig("to_array", &[ANY]),
    sig("to_number", &[ANY]),
    sig("to_string", &[ANY]),
    sig("type", &[ANY]),
    sig("values", &[OBJECT]),
];


/// Calls function `name` with already evaluated arguments.
pub(super) fn call<'a>(interp: &Interpreter, name: &str, args: Vec<Val<'a>>) -> FResult<'a> {
    let Some(signature) = SIGNATURES.iter().find(|s| s.name == name) else {
        return Err(format!("Unknown function: {name}()"));
    };
    check_arity(signature, args.len())?;
    // Only the declared parameters are checked (for a variadic function,
    // the extra arguments are not).
    for (param, arg) in signature.params.iter().zip(&args) {
        if !param.is_empty() {
            type_check(name, arg, param)?;
        }
    }
    let first = args.first().cloned().unwrap_or(Val::Null);
    let second = args.get(1).cloned().unwrap_or(Val::Null);
    match name {
        "abs" => Ok(match num(&first) {
            Num::Int(i) => int_val(i.abs()),
            Num::Float(f) => float_val(f.abs()),
        }),
        "avg" => {
            let numbers = numbers(&first);
            if numbers.is_empty() {
                return Ok(Val::Null);
            }
            Ok(float_val(py_sum(&numbers).as_f64() / numbers.len() as f64))
        }
        "ceil" => Ok(num(&first).round_with(f64::ceil).into_val()),
        "floor" => Ok(num(&first).round_with(f64::floor).into_val()),
        "contains" => contains(&first, &second).map(Val::Bool),
        "ends_with" => Ok(Val::Bool(text(&first).ends_with(text(&second)))),
        "starts_with" => Ok(Val::Bool(text(&first).starts_with(text(&second)))),
        "join" => {
            let list = items(&second);
            let parts: Vec<&str> = list.iter().map(text).collect();
            Ok(Val::str(&parts.join(text(&first))))
        }
        "keys" => Ok(Val::arr(
            first
                .entries()
                .map(|e| e.iter().map(|(k, _)| Val::str(k)).collect())
                .unwrap_or_default(),
        )),
        "values" => Ok(Val::arr(
            first
                .entries()
                .map(|e| e.iter().map(|(_, v)| v).collect())
                .unwrap_or_default(),
        )),
        "length" => {
            let len = match first.view() {
                View::Str(s) => s.chars().count(),
                View::Arr(a) => a.len(),
                View::Obj(o) => o.len(),
                _ => 0,
            };
            Ok(int_val(len as i128))
        }
        "map" => {
            let node = expref_node("map", &first)?;
            let results = items(&second)
                .iter()
                .map(|element| interp.eval(node, element))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Val::arr(results))
        }
        "max" => Ok(extreme(items(&first), Ordering::Greater)),
        "min" => Ok(extreme(items(&first), Ordering::Less)),
        "max_by" => extreme_by(interp, "max_by", items(&first), &second, Ordering::Greater),
        "min_by" => extreme_by(interp, "min_by", items(&first), &second, Ordering::Less),
        "merge" => {
            let mut merged = ObjBuilder::default();
            for arg in &args {
                dict_update(&mut merged, arg)?;
            }
            Ok(merged.build())
        }
        "not_null" => Ok(args.into_iter().find(|v| !v.is_null()).unwrap_or(Val::Null)),
        "reverse" => Ok(match first.view() {
            View::Str(s) => Val::str(&s.chars().rev().collect::<String>()),
            _ => {
                let mut list = items(&first);
                list.reverse();
                Val::arr(list)
            }
        }),
        "sort" => {
            let mut list = items(&first);
            // All numbers or all strings (checked above): never fails.
            list.sort_by(|a, b| py_order(a, b, "<").unwrap_or(Ordering::Equal));
            Ok(Val::arr(list))
        }
        "sort_by" => sort_by(interp, items(&first), &second),
        "sum" => Ok(py_sum(&numbers(&first)).into_val()),
        "to_array" => Ok(if first.items().is_some() { first } else { Val::arr(vec![first]) }),
        "to_number" => Ok(to_number(&first)),
        "to_string" => Ok(match first.view() {
            View::Str(_) => first,
            _ => Val::str(&json_dumps(&first)),
        }),
        "type" => Ok(match first.view() {
            // jmespath.py's type() falls through to None for an expref.
            View::Expref(..) => Val::Null,
            _ => Val::str(first.jp_type()),
        }),
        _ => Err(format!("Unknown function: {name}()")),
    }
}

/// `ArityError` / `VariadictArityError`.
fn check_arity(signature: &Signature, actual: usize) -> Result<(), String> {
    let expected = signature.params.len();
    let noun = if expected == 1 { "argument" } else { "arguments" };
    let name = signature.name;
    if signature.variadic {
        if actual < expected {
            return Err(format!(
                "Expected at least {expected} {noun} for function {name}(), received {actual}"
            ));
        }
    } else if actual != expected {
        return Err(format!(
            "Expected {expected} {noun} for function {name}(), received {actual}"
        ));
    }
    Ok(())
}

/// Python type names accepted for a JMESPath type (`REVERSE_TYPES_MAP`).
fn py_types_of(jp_type: &str) -> &'static [&'static str] {
    match jp_type {
        "boolean" => &["bool"],
        "array" => &["list"],
        "object" => &["dict"],
        "null" => &["NoneType"],
        "string" => &["str"],
        "number" => &["float", "int"],
        "expref" => &["_Expression"],
        _ => &[],
    }
}

/// `JMESPathTypeError` text.
fn type_error(function: &str, value: &Val<'_>, received: &str, expected: &[&str]) -> String {
    let expected: Vec<String> = expected.iter().map(|t| py_repr(&Val::str(t))).collect();
    format!(
        "In function {function}(), invalid type for value: {}, expected one of: [{}], received: \"{received}\"",
        py_str(value),
        expected.join(", ")
    )
}

/// jmespath.py's `_type_check_single`.  Note its quirk: when an array
/// element has the wrong type, "received" is the *Python* type name.
fn type_check(function: &str, current: &Val<'_>, types: Param) -> Result<(), String> {
    let actual = current.py_type();
    let mut allowed = false;
    let mut subtypes: Vec<&[&str]> = Vec::new();
    for t in types {
        let base = match t.split_once('-') {
            Some((base, sub)) => {
                subtypes.push(py_types_of(sub));
                base
            }
            None => t,
        };
        allowed |= py_types_of(base).contains(&actual);
    }
    if !allowed {
        return Err(type_error(function, current, current.jp_type(), types));
    }
    let Some(list) = current.items() else {
        return Ok(());
    };
    let group = match subtypes.as_slice() {
        [] => return Ok(()),
        [only] => *only,
        several => {
            // Several possible element types: the first element picks one.
            let Some(first) = list.get(0) else {
                return Ok(());
            };
            let first_type = first.py_type();
            match several.iter().find(|g| g.contains(&first_type)) {
                Some(g) => *g,
                None => return Err(type_error(function, &first, first_type, types)),
            }
        }
    };
    for element in list.iter() {
        let t = element.py_type();
        if !group.contains(&t) {
            return Err(type_error(function, &element, t, types));
        }
    }
    Ok(())
}

fn num(v: &Val<'_>) -> Num {
    v.as_num().unwrap_or(Num::Int(0))
}

fn text<'v>(v: &'v Val<'_>) -> &'v str {
    v.as_str().unwrap_or("")
}

fn items<'a>(v: &Val<'a>) -> Vec<Val<'a>> {
    v.items().map(|i| i.to_vec()).unwrap_or_default()
}

fn numbers(v: &Val<'_>) -> Vec<Num> {
    v.items()
        .map(|i| i.iter().filter_map(|x| x.as_num()).collect())
        .unwrap_or_default()
}

/// The expression of an expref argument (already type-checked).
fn expref_node<'a>(function: &str, v: &Val<'a>) -> Result<&'a Node, String> {
    match v {
        Val::Expref(node, _) => Ok(node),
        other => Err(type_error(function, other, other.jp_type(), EXPREF)),
    }
}

/// Python's `sum()`: exact integer addition until the first float, float
/// addition from then on.
fn py_sum(numbers: &[Num]) -> Num {
    numbers.iter().fold(Num::Int(0), |acc, &n| match (acc, n) {
        (Num::Int(a), Num::Int(b)) => match a.checked_add(b) {
            Some(s) => Num::Int(s),
            None => Num::Float(a as f64 + b as f64),
        },
        (a, b) => Num::Float(a.as_f64() + b.as_f64()),
    })
}

/// `search in subject`.
fn contains(subject: &Val<'_>, search: &Val<'_>) -> Result<bool, String> {
    match subject.view() {
        View::Str(s) => match search.as_str() {
            Some(needle) => Ok(s.contains(needle)),
            None => Err(format!(
                "'in <string>' requires string as left operand, not {}",
                search.py_type()
            )),
        },
        View::Arr(list) => Ok(list.iter().any(|element| py_eq(&element, search))),
        _ => Ok(false),
    }
}

/// Python's `max(list)` / `min(list)`: the first extreme element wins.
fn extreme(list: Vec<Val<'_>>, want: Ordering) -> Val<'_> {
    let mut iter = list.into_iter();
    let Some(mut best) = iter.next() else {
        return Val::Null;
    };
    for item in iter {
        if py_order(&item, &best, "<").ok() == Some(want) {
            best = item;
        }
    }
    best
}

/// `max_by`/`min_by`: Python's `max(list, key=...)`, keys checked to be
/// numbers or strings; comparing a string key with a number key is Python's
/// `TypeError`.
fn extreme_by<'a>(
    interp: &Interpreter,
    function: &str,
    list: Vec<Val<'a>>,
    expref: &Val<'a>,
    want: Ordering,
) -> FResult<'a> {
    let node = expref_node(function, expref)?;
    let key = |element: &Val<'a>| -> FResult<'a> {
        let result = interp.eval(node, element)?;
        let t = result.jp_type();
        if t != "number" && t != "string" {
            return Err(type_error(function, &result, t, &["number", "string"]));
        }
        Ok(result)
    };
    let mut iter = list.into_iter();
    let Some(mut best) = iter.next() else {
        return Ok(Val::Null);
    };
    let mut best_key = key(&best)?;
    let symbol = if want == Ordering::Greater { ">" } else { "<" };
    for item in iter {
        let k = key(&item)?;
        if py_order(&k, &best_key, symbol)? == want {
            best = item;
            best_key = k;
        }
    }
    Ok(best)
}

/// `sort_by`: the first element's key type is required of every key.
fn sort_by<'a>(interp: &Interpreter, list: Vec<Val<'a>>, expref: &Val<'a>) -> FResult<'a> {
    let Some(first) = list.first() else {
        return Ok(Val::arr(list));
    };
    let node = expref_node("sort_by", expref)?;
    let required = interp.eval(node, first)?.jp_type();
    if required != "number" && required != "string" {
        return Err(type_error("sort_by", first, required, &["string", "number"]));
    }
    let mut keyed = Vec::with_capacity(list.len());
    for element in list {
        let k = interp.eval(node, &element)?;
        let t = k.jp_type();
        if t != required {
            return Err(type_error("sort_by", &k, t, &[required]));
        }
        keyed.push((k, element));
    }
    keyed.sort_by(|a, b| py_order(&a.0, &b.0, "<").unwrap_or(Ordering::Equal));
    Ok(Val::arr(keyed.into_iter().map(|(_, v)| v).collect()))
}

/// Python's `dict.update(arg)` (`merge` only type-checks its first
/// argument, so the others may be anything `dict.update` accepts or rejects).
/// Non-string keys from key/value pairs become their JSON key text.
fn dict_update<'a>(merged: &mut ObjBuilder<'a>, arg: &Val<'a>) -> Result<(), String> {
    match arg.view() {
        View::Obj(entries) => {
            for (k, v) in entries.iter() {
                merged.insert(k, v);
            }
        }
        View::Arr(list) => {
            for (i, element) in list.iter().enumerate() {
                let pair: Vec<Val<'a>> = match element.view() {
                    View::Arr(p) => p.to_vec(),
                    View::Str(s) => s.chars().map(|c| Val::str(c.encode_utf8(&mut [0; 4]))).collect(),
                    View::Obj(o) => o.iter().map(|(k, _)| Val::str(k)).collect(),
                    _ => {
                        return Err(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        ))
                    }
                };
                let [key, value] = <[Val<'a>; 2]>::try_from(pair).map_err(|p| {
                    format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        p.len()
                    )
                })?;
                let key = match key.view() {
                    View::Str(s) => s.to_owned(),
                    View::Arr(_) | View::Obj(_) => {
                        return Err(format!("unhashable type: '{}'", key.py_type()))
                    }
                    View::Expref(..) => py_str(&key),
                    _ => json_dumps(&key),
                };
                merged.insert(&key, value);
            }
        }
        View::Str(s) => {
            if !s.is_empty() {
                return Err(
                    "dictionary update sequence element #0 has length 1; 2 is required".to_owned()
                );
            }
        }
        _ => return Err(format!("'{}' object is not iterable", arg.py_type())),
    }
    Ok(())
}

/// `to_number`: numbers unchanged, strings through Python's `int()` then
/// `float()`, anything else null.
fn to_number<'a>(v: &Val<'a>) -> Val<'a> {
    match v.view() {
        View::Num(_) => v.clone(),
        View::Str(s) => {
            let s = s.trim_matches(py_isspace);
            if let Some(i) = parse_py_int(s) {
                int_val(i)
            } else if let Some(f) = parse_py_float(s) {
                float_val(f)
            } else {
                Val::Null
            }
        }
        _ => Val::Null,
    }
}

/// Python `int(s)` in base 10 (ASCII digits; `_` allowed between digits).
fn parse_py_int(s: &str) -> Option<i128> {
    let (negative, digits) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    if !valid_underscores(digits) || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'_') {
        return None;
    }
    let mut value: i128 = 0;
    for b in digits.bytes().filter(u8::is_ascii_digit) {
        value = value.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
    }
    Some(if negative { -value } else { value })
}

/// Python `float(s)`: decimal/exponent forms, `inf`/`infinity`/`nan`.
fn parse_py_float(s: &str) -> Option<f64> {
    if !valid_underscores(s) {
        return None;
    }
    let cleaned: String = s.chars().filter(|&c| c != '_').collect();
    cleaned.parse::<f64>().ok()
}

/// Underscores are only allowed between two digits (PEP 515).
fn valid_underscores(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().all(|(i, &c)| {
        c != b'_'
            || (i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit))
    }) && !s.is_empty()
}
