//! `--output text`: the AWS CLI's recursive text formatter (`awscli/text.py`).
//!
//! Reproduced behaviour:
//!
//! * a scalar prints as Python `str()` plus a newline (`None`, `True`,
//!   `False`, float repr, strings raw);
//! * a dict prints one tab-joined line of its scalar values ordered by sorted
//!   key, prefixed by the upper-cased identifier (the parent key) when nested,
//!   then each list/dict value in sorted-key order with its key as the new
//!   identifier;
//! * a list prints nothing when empty; if any element is a dict, the columns
//!   are the sorted union of scalar keys over all elements (missing ones print
//!   as empty strings, a key that is scalar elsewhere but a container here
//!   prints as its Python `repr`), and each element is printed as a dict with
//!   those columns; otherwise, if any element is a list, the scalar elements
//!   are printed first and then each sub-list; otherwise the scalars are
//!   printed one `IDENT\tvalue` line each, or tab-joined on one line when
//!   there is no identifier.
//!
//! Where the reference crashes (a list mixing dicts with other values), the
//! error carries Python's message, e.g. `'int' object has no attribute
//! 'items'`. The reference writes as it goes, so whatever was printed before
//! the crash still reaches stdout: [`format_text_into`] keeps that partial
//! output for callers that want to reproduce it.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::pyfmt;

/// Formats `v` like `aws --output text`. `Err` holds the message of the
/// exception the reference raises (output written before it is dropped; see
/// [`format_text_into`]).
pub fn format_text(v: &Value) -> Result<String, String> {
    let mut out = String::new();
    format_text_into(v, &mut out)?;
    Ok(out)
}

/// Appends the text rendering of `v` to `out`. On error, `out` holds what the
/// reference had already written when it crashed.
pub fn format_text_into(v: &Value, out: &mut String) -> Result<(), String> {
    format_item(v, None, None, out)
}

fn format_item(
    item: &Value,
    identifier: Option<&str>,
    scalar_keys: Option<&[String]>,
    out: &mut String,
) -> Result<(), String> {
    match item {
        Value::Object(map) => format_dict(map, identifier, scalar_keys, out),
        Value::Array(items) => format_list(items, identifier, out),
        scalar => {
            out.push_str(&pyfmt::str_of(scalar));
            out.push('\n');
            Ok(())
        }
    }
}

fn format_list(items: &[Value], identifier: Option<&str>, out: &mut String) -> Result<(), String> {
    if items.is_empty() {
        return Ok(());
    }
    if items.iter().any(Value::is_object) {
        let keys = all_scalar_keys(items)?;
        for element in items {
            format_item(element, identifier, Some(&keys), out)?;
        }
    } else if items.iter().any(Value::is_array) {
        let scalars: Vec<&Value> = items.iter().filter(|v| pyfmt::is_scalar(v)).collect();
        if !scalars.is_empty() {
            format_scalar_list(&scalars, identifier, out);
        }
        for nested in items.iter().filter(|v| !pyfmt::is_scalar(v)) {
            format_item(nested, identifier, None, out)?;
        }
    } else {
        let scalars: Vec<&Value> = items.iter().collect();
        format_scalar_list(&scalars, identifier, out);
    }
    Ok(())
}

fn format_scalar_list(elements: &[&Value], identifier: Option<&str>, out: &mut String) {
    match identifier {
        Some(ident) => {
            let ident = ident.to_uppercase();
            for element in elements {
                out.push_str(&ident);
                out.push('\t');
                out.push_str(&pyfmt::str_of(element));
                out.push('\n');
            }
        }
        None => {
            let joined: Vec<String> = elements.iter().map(|v| pyfmt::str_of(v)).collect();
            out.push_str(&joined.join("\t"));
            out.push('\n');
        }
    }
}

fn format_dict(
    map: &Map<String, Value>,
    identifier: Option<&str>,
    scalar_keys: Option<&[String]>,
    out: &mut String,
) -> Result<(), String> {
    let mut scalars: Vec<String> = Vec::new();
    let mut nested: Vec<(&str, &Value)> = Vec::new();
    match scalar_keys {
        None => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            for (key, value) in entries {
                if pyfmt::is_scalar(value) {
                    scalars.push(pyfmt::str_of(value));
                } else {
                    nested.push((key, value));
                }
            }
        }
        Some(keys) => {
            for key in keys {
                scalars.push(map.get(key).map(pyfmt::str_of).unwrap_or_default());
            }
            let mut remaining: Vec<&String> = map.keys().filter(|k| !keys.contains(k)).collect();
            remaining.sort();
            for key in remaining {
                nested.push((key, &map[key.as_str()]));
            }
        }
    }
    if !scalars.is_empty() {
        if let Some(ident) = identifier {
            scalars.insert(0, ident.to_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (key, value) in nested {
        format_item(value, Some(key), None, out)?;
    }
    Ok(())
}

/// Sorted union of the keys with scalar values over a list of dicts; fails
/// like the reference's `item.items()` on the first element that is not a
/// dict.
fn all_scalar_keys(items: &[Value]) -> Result<Vec<String>, String> {
    let mut keys = BTreeSet::new();
    for item in items {
        let map = item.as_object().ok_or_else(|| {
            format!(
                "'{}' object has no attribute 'items'",
                pyfmt::type_name(item)
            )
        })?;
        for (key, value) in map {
            if pyfmt::is_scalar(value) {
                keys.insert(key.clone());
            }
        }
    }
    Ok(keys.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).expect("test literal is valid JSON")
    }

    fn text(s: &str) -> String {
        format_text(&parse(s)).expect("formats")
    }

    #[test]
    fn scalars() {
        assert_eq!(text("null"), "None\n");
        assert_eq!(text("true"), "True\n");
        assert_eq!(text("false"), "False\n");
        assert_eq!(text("42"), "42\n");
        assert_eq!(text("1e100"), "1e+100\n");
        assert_eq!(text("1.0"), "1.0\n");
        assert_eq!(text("\"str\""), "str\n");
        assert_eq!(text("\"\""), "\n");
        assert_eq!(text("[]"), "");
        assert_eq!(text("{}"), "");
    }

    #[test]
    fn behaviour_doc_examples() {
        assert_eq!(
            text(r#"{"b":[1,2],"a":"x","c":{"d":null}}"#),
            "x\nB\t1\nB\t2\nC\tNone\n"
        );
        assert_eq!(
            text(r#"[{"k":"v","n":1},{"k":"w","z":true}]"#),
            "v\t1\t\nw\t\tTrue\n"
        );
        assert_eq!(
            text(r#"{"Tags":[{"Key":"k1","Value":"v1"},{"Key":"k2","Value":"v2"}],"Name":"n"}"#),
            "n\nTAGS\tk1\tv1\nTAGS\tk2\tv2\n"
        );
    }

    #[test]
    fn lists() {
        assert_eq!(text(r#"[1, "a", null, 2.5]"#), "1\ta\tNone\t2.5\n");
        assert_eq!(text(r#"{"k": [1, "a"]}"#), "K\t1\nK\ta\n");
        assert_eq!(text(r#"[1, [2, 3], "x", [[4], 5]]"#), "1\tx\n2\t3\n5\n4\n");
        assert_eq!(text(r#"{"k": [1, [2, 3]]}"#), "K\t1\nK\t2\nK\t3\n");
        assert_eq!(text(r#"[[], [1]]"#), "1\n");
        assert_eq!(text(r#"[{}, {}]"#), "");
    }

    #[test]
    fn dict_columns_and_nesting() {
        // A key that is scalar in one element and a container in another
        // prints the container's Python repr (and is not recursed into).
        assert_eq!(
            text(r#"[{"a": 1}, {"a": {"b": "x"}}, {"a": [1, "y"]}]"#),
            "1\n{'b': 'x'}\n[1, 'y']\n"
        );
        assert_eq!(
            text(r#"{"Users": [{"Id": "u1", "Tags": {"k": "v"}}, {"Id": "u2"}]}"#),
            "USERS\tu1\nTAGS\tv\nUSERS\tu2\n"
        );
        assert_eq!(text(r#"{"ünï": {"straße": "x"}}"#), "ÜNÏ\tx\n");
        assert_eq!(text(r#"{"a": {"b": {"c": [true]}}}"#), "C\tTrue\n");
        assert_eq!(text(r#"{"t": "a\tb", "n": "l1\nl2"}"#), "l1\nl2\ta\tb\n");
    }

    #[test]
    fn crashes_like_the_reference() {
        let cases = [
            (r#"[{"a": 1}, 2]"#, "'int' object has no attribute 'items'"),
            (r#"[1, {"a": 1}]"#, "'int' object has no attribute 'items'"),
            (
                r#"[{"a": 1}, "s"]"#,
                "'str' object has no attribute 'items'",
            ),
            (
                r#"[{"a": 1}, 1.5]"#,
                "'float' object has no attribute 'items'",
            ),
            (
                r#"[{"a": 1}, true]"#,
                "'bool' object has no attribute 'items'",
            ),
            (
                r#"[{"a": 1}, null]"#,
                "'NoneType' object has no attribute 'items'",
            ),
            (
                r#"[{"a": 1}, [1]]"#,
                "'list' object has no attribute 'items'",
            ),
        ];
        for (input, message) in cases {
            assert_eq!(
                format_text(&parse(input)),
                Err(message.to_string()),
                "{input}"
            );
        }
    }

    #[test]
    fn partial_output_before_a_crash() {
        let mut out = String::new();
        let v = json!({"a": "first", "b": [{"x": 1}, 5]});
        let err = format_text_into(&v, &mut out).unwrap_err();
        assert_eq!(err, "'int' object has no attribute 'items'");
        assert_eq!(out, "first\n");
    }

    // GOLDENS-BEGIN (generated by tools/goldens.py from the conformance goldens)
    /// (case id, value as JSON, expected output)
    const GOLDENS: &[(&str, &str, &str)] = &[
        ("fmt-int-list-text", "[1, 2, 3]", "1\t2\t3\n"),
        ("fmt-dict-list-text", "[{\"Name\": \"n1\", \"Id\": 1}, {\"Name\": \"n2\", \"Id\": 2}]", "1\tn1\n2\tn2\n"),
        ("fmt-deep-text", "{\"Nested\": {\"Deep\": {\"Deeper\": {\"Deepest\": \"x\"}}}}", "DEEPER\tx\n"),
        ("fmt-number-text", "42", "42\n"),
        ("fmt-true-text", "true", "True\n"),
        ("fmt-unicode-text", "{\"Unicode\": \"Zoë Łukasz 日本語\", \"Emoji\": \"🙂\"}", "🙂\tZoë Łukasz 日本語\n"),
        ("fmt-wide-text", "{\"Wide\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"Short\": \"y\"}", "y\txxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
        ("fmt-list-dict-list-text", "[{\"a\": [{\"b\": 1}, {\"b\": 2}]}]", "A\t1\nA\t2\n"),
        ("fmt-nested-list-dict-text", "[[{\"a\": 1}]]", "1\n"),
        ("fmt-yaml-special-text", "{\"Yes\": \"yes\", \"Colon\": \"a: b\", \"Hash\": \"#x\", \"Star\": \"*x\", \"Quote\": \"'q'\", \"Num\": \"123\", \"Empty\": \"\", \"Null\": \"null\", \"Multi\": \"a\\nb\"}", "a: b\t\t#x\ta\nb\tnull\t123\t'q'\t*x\tyes\n"),
        ("fmt-key-space-text", "{\"Key With Space\": \"v\", \"UPPER\": 1, \"lower\": 2}", "v\t1\t2\n"),
        ("fmt-null-list-text", "[null, null]", "None\tNone\n"),
        ("fmt-table-nested-text", "{\"a\": [{\"x\": 1, \"y\": 2}, {\"x\": 3, \"y\": 4}], \"b\": \"scalar\"}", "scalar\nA\t1\t2\nA\t3\t4\n"),
        ("jp-text-00", "[\"a\", \"b\", \"c\"]", "a\tb\tc\n"),
        ("jp-text-01", "[\"a\", \"c\"]", "a\tc\n"),
        ("jp-text-06", "{\"name\": \"c\", \"age\": 35, \"tags\": [\"y\", \"z\"]}", "35\tc\nTAGS\ty\nTAGS\tz\n"),
        ("errfmt-text-service", "{\"Message\": \"The request is not valid.\", \"Code\": \"InvalidRequestException\", \"Reason\": {\"AttachedFileInvalidRequestExceptionReason\": \"INVALID_FILE_SIZE\"}}", "InvalidRequestException\tThe request is not valid.\nREASON\tINVALID_FILE_SIZE\n"),
    ];
    // GOLDENS-END

    #[test]
    fn goldens() {
        for (id, value, want) in GOLDENS {
            assert_eq!(
                format_text(&parse(value)).as_deref(),
                Ok(*want),
                "golden {id}"
            );
        }
    }
}
