//! Client-side parameter validation, as botocore's `ParamValidator`.
//!
//! Reproduces `botocore/validate.py` (spec §6) over the embedded model
//! ([`super::model`]): the walk starts at the input structure (named `input`),
//! and for each structure reports, in this order, missing required members
//! (model `required` order), unknown keys (input order), then recurses into
//! the known keys (input order); nested names are dotted
//! (`IdentityInfo.FirstName`). All errors are collected and joined:
//!
//! ```text
//! Parameter validation failed:
//! Missing required parameter in input: "InstanceId"
//! Unknown parameter in IdentityInfo: "Foo", must be one of: FirstName, LastName, Email, SecondaryEmail, Mobile
//! Invalid type for parameter IdentityInfo.FirstName, value: ['a', 'b'], type: <class 'list'>, valid types: <class 'str'>
//! Invalid length for parameter InstanceId, value: 0, valid min length: 1
//! ```
//!
//! Values are Python values ([`PyValue`]), so `bytes` from `fileb://`, big
//! ints, NaN, `dict` vs `OrderedDict` print exactly as Python's `str()`.
//! Only what botocore checks is checked: types, `min` (length for strings
//! and lists, value for numbers), required, unknown keys, tagged unions. Not
//! `max`, `pattern` or `enum`. Timestamp shapes (absent from this model) are
//! accepted without checking.

use super::shapes::{model, Shape};
use super::pyrepr::PyValue;

/// The top-level call parameters: an ordered map of member name → value
/// (what the CLI passes to the client, in insertion order). Values may be
/// any Python value, including `bytes` at any depth.
pub type Params = Vec<(String, PyValue)>;

/// Validate the call parameters against the operation's input shape.
/// `Err` holds the whole text `Parameter validation failed:\n<line>…`.
pub fn validate(params: &Params) -> Result<(), String> {
    validate_value(&PyValue::Dict(params.clone()))
}

/// Like [`validate`] for an arbitrary top-level value (a non-dict is
/// reported as `Invalid type for parameter input, …`).
pub fn validate_value(params: &PyValue) -> Result<(), String> {
    let errors = validation_errors(params);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "Parameter validation failed:\n{}",
            errors.join("\n")
        ))
    }
}

/// The individual error lines, in botocore's order (empty when valid).
pub fn validation_errors(params: &PyValue) -> Vec<String> {
    let mut errors = Vec::new();
    if let Some(shape) = model().input_shape() {
        walk(params, shape, &mut errors, "");
    }
    errors
}

/// `ValidationErrors._get_name`.
fn display_name(name: &str) -> &str {
    if name.is_empty() {
        "input"
    } else {
        name.strip_prefix('.').unwrap_or(name)
    }
}

fn invalid_type(errors: &mut Vec<String>, name: &str, param: &PyValue, valid: &[&str]) {
    errors.push(format!(
        "Invalid type for parameter {}, value: {}, type: {}, valid types: {}",
        display_name(name),
        param.py_str(),
        param.type_repr(),
        valid.join(", ")
    ));
}

/// What `range_check` compares: a length (`invalid length`) or a numeric
/// value (`invalid range`).
#[derive(Clone, Copy)]
enum Range {
    Length,
    Value,
}

/// botocore's `range_check` with the shape's `min`: `shown` is `str()` of
/// the checked quantity, `numeric` its value.
fn range_check(
    errors: &mut Vec<String>,
    name: &str,
    shown: &str,
    numeric: f64,
    shape: &Shape,
    kind: Range,
) {
    let Some(min) = shape.min else { return };
    if numeric < min as f64 {
        let what = match kind {
            Range::Length => "length",
            Range::Value => "value",
        };
        errors.push(format!(
            "Invalid {what} for parameter {}, value: {shown}, valid min {what}: {min}",
            display_name(name)
        ));
    }
}

const STR: &str = "<class 'str'>";
const DICT: &str = "<class 'dict'>";

fn walk(param: &PyValue, shape: &Shape, errors: &mut Vec<String>, name: &str) {
    if shape.document {
        // Document types: anything JSON-like is accepted (not in this model).
        return;
    }
    match shape.type_name.as_str() {
        "structure" => walk_structure(param, shape, errors, name),
        "string" => match param {
            PyValue::Str(s) => {
                let len = s.chars().count();
                range_check(
                    errors,
                    name,
                    &len.to_string(),
                    len as f64,
                    shape,
                    Range::Length,
                );
            }
            _ => invalid_type(errors, name, param, &[STR]),
        },
        "list" => match param {
            PyValue::List(items) => {
                range_check(
                    errors,
                    name,
                    &items.len().to_string(),
                    items.len() as f64,
                    shape,
                    Range::Length,
                );
                if let Some(member) = shape.member.as_ref().and_then(|m| model().shape(&m.shape)) {
                    for (i, item) in items.iter().enumerate() {
                        walk(item, member, errors, &format!("{name}[{i}]"));
                    }
                }
            }
            _ => invalid_type(errors, name, param, &["<class 'list'>", "<class 'tuple'>"]),
        },
        "map" => match param.as_dict() {
            Some(entries) => {
                let key_shape = shape.key.as_ref().and_then(|m| model().shape(&m.shape));
                let value_shape = shape.value.as_ref().and_then(|m| model().shape(&m.shape));
                for (k, v) in entries {
                    if let Some(ks) = key_shape {
                        walk(
                            &PyValue::Str(k.clone()),
                            ks,
                            errors,
                            &format!("{name} (key: {k})"),
                        );
                    }
                    if let Some(vs) = value_shape {
                        walk(v, vs, errors, &format!("{name}.{k}"));
                    }
                }
            }
            None => invalid_type(errors, name, param, &[DICT]),
        },
        "integer" | "long" => match param {
            PyValue::Int(digits) => {
                let n = digits.parse::<f64>().unwrap_or(0.0);
                range_check(errors, name, digits, n, shape, Range::Value);
            }
            // bool is a subclass of int in Python.
            PyValue::Bool(b) => range_check(
                errors,
                name,
                if *b { "True" } else { "False" },
                f64::from(u8::from(*b)),
                shape,
                Range::Value,
            ),
            _ => invalid_type(errors, name, param, &["<class 'int'>"]),
        },
        "float" | "double" => match param {
            PyValue::Int(digits) => {
                let n = digits.parse::<f64>().unwrap_or(0.0);
                range_check(errors, name, digits, n, shape, Range::Value);
            }
            PyValue::Bool(b) => range_check(
                errors,
                name,
                if *b { "True" } else { "False" },
                f64::from(u8::from(*b)),
                shape,
                Range::Value,
            ),
            PyValue::Float(f) => {
                range_check(errors, name, &param.py_str(), *f, shape, Range::Value)
            }
            _ => invalid_type(
                errors,
                name,
                param,
                &[
                    "<class 'float'>",
                    "<class 'decimal.Decimal'>",
                    "<class 'int'>",
                ],
            ),
        },
        "boolean" if !matches!(param, PyValue::Bool(_)) => {
            invalid_type(errors, name, param, &["<class 'bool'>"]);
        }
        "blob" if !matches!(param, PyValue::Bytes(_) | PyValue::Str(_)) => {
            invalid_type(
                errors,
                name,
                param,
                &["<class 'bytes'>", "<class 'bytearray'>", "file-like object"],
            );
        }
        // valid booleans/blobs, timestamps and anything else: not checked.
        _ => {}
    }
}

fn walk_structure(param: &PyValue, shape: &Shape, errors: &mut Vec<String>, name: &str) {
    let Some(entries) = param.as_dict() else {
        invalid_type(errors, name, param, &[DICT]);
        return;
    };
    let member_names: Vec<&str> = shape.members.iter().map(|m| m.name.as_str()).collect();
    if shape.union {
        if entries.is_empty() {
            errors.push(format!(
                "Must set one of the following keys for tagged unionstructure {}: {}.",
                display_name(name),
                member_names.join(", ")
            ));
        } else if entries.len() > 1 {
            errors.push(format!(
                "Invalid number of parameters set for tagged union structure {}. \
                 Can only set one of the following keys: {}.",
                display_name(name),
                member_names.join(", ")
            ));
        }
    }
    for required in &shape.required {
        if !entries.iter().any(|(k, _)| k == required) {
            errors.push(format!(
                "Missing required parameter in {}: \"{}\"",
                display_name(name),
                required
            ));
        }
    }
    let mut known = Vec::new();
    for (key, value) in entries {
        match shape.member_ref(key) {
            Some(member) => known.push((key, value, member)),
            None => errors.push(format!(
                "Unknown parameter in {}: \"{}\", must be one of: {}",
                display_name(name),
                key,
                member_names.join(", ")
            )),
        }
    }
    for (key, value, member) in known {
        if let Some(member_shape) = model().shape(&member.shape) {
            walk(value, member_shape, errors, &format!("{name}.{key}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(s: &str) -> PyValue {
        PyValue::Str(s.to_string())
    }

    fn dict(entries: &[(&str, PyValue)]) -> PyValue {
        PyValue::Dict(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    fn params(identity: PyValue) -> Params {
        vec![
            ("IdentityInfo".into(), identity),
            ("UserId".into(), st("u")),
            ("InstanceId".into(), st("i")),
        ]
    }

    #[test]
    fn valid_input() {
        assert_eq!(
            validate(&params(dict(&[("FirstName", st("Mary"))]))),
            Ok(())
        );
        assert_eq!(validate(&params(dict(&[]))), Ok(()));
        // no max / pattern checks client-side
        let long = "a".repeat(256);
        assert_eq!(
            validate(&params(dict(&[
                ("FirstName", st(&long)),
                ("Mobile", st("not a phone"))
            ]))),
            Ok(())
        );
    }

    #[test]
    fn golden_unknown_key() {
        assert_eq!(
            validate(&params(dict(&[("FirstName", st("Mary")), ("Foo", st("bar"))]))).unwrap_err(),
            "Parameter validation failed:\n\
             Unknown parameter in IdentityInfo: \"Foo\", must be one of: FirstName, LastName, Email, SecondaryEmail, Mobile"
        );
    }

    #[test]
    fn golden_wrong_type_number() {
        let identity = PyValue::OrderedDict(vec![("FirstName".into(), PyValue::int(5))]);
        assert_eq!(
            validate(&params(identity)).unwrap_err(),
            "Parameter validation failed:\n\
             Invalid type for parameter IdentityInfo.FirstName, value: 5, type: <class 'int'>, valid types: <class 'str'>"
        );
    }

    #[test]
    fn golden_nested_struct_value() {
        assert_eq!(
            validate(&params(dict(&[("FirstName", dict(&[("a", st("b"))]))]))).unwrap_err(),
            "Parameter validation failed:\n\
             Invalid type for parameter IdentityInfo.FirstName, value: {'a': 'b'}, type: <class 'dict'>, valid types: <class 'str'>"
        );
    }

    #[test]
    fn golden_cli_input_json_empty_and_partial() {
        assert_eq!(
            validate(&vec![]).unwrap_err(),
            "Parameter validation failed:\n\
             Missing required parameter in input: \"IdentityInfo\"\n\
             Missing required parameter in input: \"UserId\"\n\
             Missing required parameter in input: \"InstanceId\""
        );
        assert_eq!(
            validate(&vec![
                ("UserId".into(), st("x")),
                ("IdentityInfo".into(), dict(&[]))
            ])
            .unwrap_err(),
            "Parameter validation failed:\nMissing required parameter in input: \"InstanceId\""
        );
    }

    #[test]
    fn empty_instance_id_reports_the_length() {
        let mut p = params(dict(&[("FirstName", st("a"))]));
        p[2].1 = st("");
        assert_eq!(
            validate(&p).unwrap_err(),
            "Parameter validation failed:\nInvalid length for parameter InstanceId, value: 0, valid min length: 1"
        );
        // an empty UserId and FirstName (min 0) pass
        p[2].1 = st("i");
        p[1].1 = st("");
        assert_eq!(validate(&p), Ok(()));
    }

    #[test]
    fn bytes_from_fileb() {
        let mut p = params(dict(&[("FirstName", PyValue::Bytes(b"x".to_vec()))]));
        p[1].1 = PyValue::Bytes(b"uid-from-file\n".to_vec());
        assert_eq!(
            validate(&p).unwrap_err(),
            "Parameter validation failed:\n\
             Invalid type for parameter IdentityInfo.FirstName, value: b'x', type: <class 'bytes'>, valid types: <class 'str'>\n\
             Invalid type for parameter UserId, value: b'uid-from-file\\n', type: <class 'bytes'>, valid types: <class 'str'>"
        );
    }

    #[test]
    fn python_spellings_of_values() {
        let list = PyValue::List(vec![st("a"), st("b"), st("c")]);
        let mut p = params(dict(&[
            ("FirstName", list),
            ("LastName", PyValue::None),
            ("Email", PyValue::Bool(true)),
            ("SecondaryEmail", PyValue::Float(f64::NAN)),
            ("Mobile", PyValue::OrderedDict(vec![("a".into(), st("b"))])),
        ]));
        p[1].1 = PyValue::Float(1.5);
        assert_eq!(
            validate(&p).unwrap_err(),
            "Parameter validation failed:\n\
             Invalid type for parameter IdentityInfo.FirstName, value: ['a', 'b', 'c'], type: <class 'list'>, valid types: <class 'str'>\n\
             Invalid type for parameter IdentityInfo.LastName, value: None, type: <class 'NoneType'>, valid types: <class 'str'>\n\
             Invalid type for parameter IdentityInfo.Email, value: True, type: <class 'bool'>, valid types: <class 'str'>\n\
             Invalid type for parameter IdentityInfo.SecondaryEmail, value: nan, type: <class 'float'>, valid types: <class 'str'>\n\
             Invalid type for parameter IdentityInfo.Mobile, value: OrderedDict([('a', 'b')]), type: <class 'collections.OrderedDict'>, valid types: <class 'str'>\n\
             Invalid type for parameter UserId, value: 1.5, type: <class 'float'>, valid types: <class 'str'>"
        );
    }

    #[test]
    fn structure_type_errors_print_str_of_value() {
        assert_eq!(
            validate(&params(PyValue::None)).unwrap_err(),
            "Parameter validation failed:\n\
             Invalid type for parameter IdentityInfo, value: None, type: <class 'NoneType'>, valid types: <class 'dict'>"
        );
        assert_eq!(
            validate(&params(st("abc"))).unwrap_err(),
            "Parameter validation failed:\n\
             Invalid type for parameter IdentityInfo, value: abc, type: <class 'str'>, valid types: <class 'dict'>"
        );
        assert_eq!(
            validate_value(&PyValue::List(vec![])).unwrap_err(),
            "Parameter validation failed:\n\
             Invalid type for parameter input, value: [], type: <class 'list'>, valid types: <class 'dict'>"
        );
    }

    #[test]
    fn order_required_then_unknown_then_members() {
        let p: Params = vec![
            ("Foo".into(), PyValue::int(1)),
            (
                "IdentityInfo".into(),
                dict(&[
                    ("", st("x")),
                    ("FirstName", PyValue::int(2)),
                    ("Bar", st("y")),
                ]),
            ),
            ("InstanceId".into(), st("")),
            ("Baz".into(), PyValue::None),
        ];
        assert_eq!(
            validate(&p).unwrap_err(),
            "Parameter validation failed:\n\
             Missing required parameter in input: \"UserId\"\n\
             Unknown parameter in input: \"Foo\", must be one of: IdentityInfo, UserId, InstanceId\n\
             Unknown parameter in input: \"Baz\", must be one of: IdentityInfo, UserId, InstanceId\n\
             Unknown parameter in IdentityInfo: \"\", must be one of: FirstName, LastName, Email, SecondaryEmail, Mobile\n\
             Unknown parameter in IdentityInfo: \"Bar\", must be one of: FirstName, LastName, Email, SecondaryEmail, Mobile\n\
             Invalid type for parameter IdentityInfo.FirstName, value: 2, type: <class 'int'>, valid types: <class 'str'>\n\
             Invalid length for parameter InstanceId, value: 0, valid min length: 1"
        );
    }
}
