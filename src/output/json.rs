//! `--output json`: Python's `json.dump(value, indent=4, ensure_ascii=False)`
//! followed by a newline, as the AWS CLI's JSON formatter writes it.
//!
//! Reproduced details: four-space indentation, `", "`-free item separators
//! (`,` at the end of the line), `": "` between key and value, `[]` and `{}`
//! for empty containers, object keys in insertion order, non-ASCII and DEL
//! written raw, `"` and `\` escaped, `\n \r \t \b \f` as short escapes and the
//! remaining control characters as lowercase `\u00XX`, integers as written and
//! floats in Python `repr` form (`1e+100`, `1.5`, `-0.0`; non-finite floats as
//! `NaN`, `Infinity`, `-Infinity`).
//!
//! The caller applies the "a result equal to `{}` prints nothing" rule; see
//! [`is_empty_object`].

use serde_json::Value;

use super::pyfmt;

/// Formats `v` exactly like the AWS CLI's JSON formatter (trailing newline
/// included).
pub fn format_json(v: &Value) -> String {
    let mut out = String::new();
    write_value(v, 0, &mut out);
    out.push('\n');
    out
}

/// Formats `v` on one line like Python's `json.dumps(v, ensure_ascii=False)`
/// (separators `", "` and `": "`), without a trailing newline.
pub fn format_json_compact(v: &Value) -> String {
    let mut out = String::new();
    write_compact(v, &mut out);
    out
}

/// True when `v` is `{}`: the value for which the json, yaml and yaml-stream
/// formatters print nothing.
pub fn is_empty_object(v: &Value) -> bool {
    matches!(v, Value::Object(m) if m.is_empty())
}

fn write_value(v: &Value, level: usize, out: &mut String) {
    match v {
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline_indent(level + 1, out);
                write_value(item, level + 1, out);
            }
            newline_indent(level, out);
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            out.push('{');
            for (i, (key, value)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline_indent(level + 1, out);
                write_string(key, out);
                out.push_str(": ");
                write_value(value, level + 1, out);
            }
            newline_indent(level, out);
            out.push('}');
        }
        other => write_compact(other, out),
    }
}

fn write_compact(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number(n)),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_compact(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, value)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_string(key, out);
                out.push_str(": ");
                write_compact(value, out);
            }
            out.push('}');
        }
    }
}

/// Python's `json` spelling of a number: `float.__repr__`, except that
/// non-finite values use the JavaScript names.
fn number(n: &serde_json::Number) -> String {
    let s = pyfmt::number_str(n);
    match s.as_str() {
        "nan" => "NaN".to_string(),
        "inf" => "Infinity".to_string(),
        "-inf" => "-Infinity".to_string(),
        _ => s,
    }
}

fn newline_indent(level: usize, out: &mut String) {
    out.push('\n');
    for _ in 0..level {
        out.push_str("    ");
    }
}

fn write_string(s: &str, out: &mut String) {
    pyfmt::write_json_string(s, false, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).expect("test literal is valid JSON")
    }

    /// Mirrors the CLI: `{}` prints nothing, anything else is formatted.
    fn cli(v: &Value) -> String {
        if is_empty_object(v) {
            String::new()
        } else {
            format_json(v)
        }
    }

    #[test]
    fn scalars() {
        assert_eq!(format_json(&json!(null)), "null\n");
        assert_eq!(format_json(&json!(true)), "true\n");
        assert_eq!(format_json(&json!(42)), "42\n");
        assert_eq!(format_json(&json!(1.5)), "1.5\n");
        assert_eq!(format_json(&json!(1e100)), "1e+100\n");
        assert_eq!(format_json(&json!(-0.0)), "-0.0\n");
        assert_eq!(format_json(&json!("str")), "\"str\"\n");
        assert_eq!(format_json(&json!([])), "[]\n");
        assert_eq!(format_json(&json!({})), "{}\n");
    }

    #[test]
    fn string_escapes() {
        let v = json!("q\" b\\ n\n r\r t\t b\u{8} f\u{c} nul\u{0} esc\u{1b} us\u{1f} del\u{7f} é 日 🙂 \u{2028}");
        assert_eq!(
            format_json(&v),
            "\"q\\\" b\\\\ n\\n r\\r t\\t b\\b f\\f nul\\u0000 esc\\u001b us\\u001f del\u{7f} é 日 🙂 \u{2028}\"\n"
        );
    }

    #[test]
    fn nested_containers() {
        let v = parse(r#"{"z": [], "a": {"b": [1, [2, {}]], "c": {}}, "e": [{"x": null}]}"#);
        let want = "{\n    \"z\": [],\n    \"a\": {\n        \"b\": [\n            1,\n            [\n                2,\n                {}\n            ]\n        ],\n        \"c\": {}\n    },\n    \"e\": [\n        {\n            \"x\": null\n        }\n    ]\n}\n";
        assert_eq!(format_json(&v), want);
    }

    #[test]
    fn compact_form() {
        let v = parse(r#"{"a": [1, 2.5, "é"], "b": {}}"#);
        assert_eq!(
            format_json_compact(&v),
            "{\"a\": [1, 2.5, \"é\"], \"b\": {}}"
        );
    }

    #[test]
    fn empty_object_helper() {
        assert!(is_empty_object(&json!({})));
        assert!(!is_empty_object(&json!([])));
        assert!(!is_empty_object(&json!({"a": 1})));
        assert!(!is_empty_object(&json!(null)));
    }

    // GOLDENS-BEGIN (generated by tools/goldens.py from the conformance goldens)
    /// (case id, value as JSON, expected output)
    const GOLDENS: &[(&str, &str, &str)] = &[
        ("fmt-flat-json", "{\"a\": 1, \"b\": \"x\"}", "{\n    \"a\": 1,\n    \"b\": \"x\"\n}\n"),
        ("fmt-int-list-json", "[1, 2, 3]", "[\n    1,\n    2,\n    3\n]\n"),
        ("fmt-str-list-json", "[\"a\", \"b\"]", "[\n    \"a\",\n    \"b\"\n]\n"),
        ("fmt-dict-list-hetero-json", "[{\"Name\": \"n1\", \"Id\": 1}, {\"Name\": \"n2\", \"Extra\": true}]", "[\n    {\n        \"Name\": \"n1\",\n        \"Id\": 1\n    },\n    {\n        \"Name\": \"n2\",\n        \"Extra\": true\n    }\n]\n"),
        ("fmt-deep-json", "{\"Nested\": {\"Deep\": {\"Deeper\": {\"Deepest\": \"x\"}}}}", "{\n    \"Nested\": {\n        \"Deep\": {\n            \"Deeper\": {\n                \"Deepest\": \"x\"\n            }\n        }\n    }\n}\n"),
        ("fmt-list-of-lists-json", "{\"List\": [[1, 2], [3, 4]]}", "{\n    \"List\": [\n        [\n            1,\n            2\n        ],\n        [\n            3,\n            4\n        ]\n    ]\n}\n"),
        ("fmt-numbers-json", "{\"Float\": 1.5, \"Int\": 10, \"Neg\": -3, \"Big\": 12345678901234567890, \"Small\": 1e-07, \"Zero\": 0.0}", "{\n    \"Float\": 1.5,\n    \"Int\": 10,\n    \"Neg\": -3,\n    \"Big\": 12345678901234567890,\n    \"Small\": 1e-07,\n    \"Zero\": 0.0\n}\n"),
        ("fmt-string-json", "\"plain string\"", "\"plain string\"\n"),
        ("fmt-number-json", "42", "42\n"),
        ("fmt-true-json", "true", "true\n"),
        ("fmt-null-json", "null", "null\n"),
        ("fmt-nested-list-dict-json", "[[{\"a\": 1}]]", "[\n    [\n        {\n            \"a\": 1\n        }\n    ]\n]\n"),
        ("fmt-yaml-special-json", "{\"Yes\": \"yes\", \"Colon\": \"a: b\", \"Hash\": \"#x\", \"Star\": \"*x\", \"Quote\": \"'q'\", \"Num\": \"123\", \"Empty\": \"\", \"Null\": \"null\", \"Multi\": \"a\\nb\"}", "{\n    \"Yes\": \"yes\",\n    \"Colon\": \"a: b\",\n    \"Hash\": \"#x\",\n    \"Star\": \"*x\",\n    \"Quote\": \"'q'\",\n    \"Num\": \"123\",\n    \"Empty\": \"\",\n    \"Null\": \"null\",\n    \"Multi\": \"a\\nb\"\n}\n"),
        ("fmt-empty-dict-json", "{}", ""),
        ("fmt-table-nested-json", "{\"a\": [{\"x\": 1, \"y\": 2}, {\"x\": 3, \"y\": 4}], \"b\": \"scalar\"}", "{\n    \"a\": [\n        {\n            \"x\": 1,\n            \"y\": 2\n        },\n        {\n            \"x\": 3,\n            \"y\": 4\n        }\n    ],\n    \"b\": \"scalar\"\n}\n"),
        ("fmt-user-summaries-json", "{\"UserSummaryList\": [{\"Id\": \"u0\", \"Username\": \"user0\", \"Arn\": \"arn:aws:connect:::u0\"}, {\"Id\": \"u1\", \"Username\": \"user1\", \"Arn\": \"arn:aws:connect:::u1\", \"LastModifiedRegion\": \"us-east-1\"}, {\"Id\": \"u2\", \"Username\": \"user2\", \"Arn\": \"arn:aws:connect:::u2\"}, {\"Id\": \"u3\", \"Username\": \"user3\", \"Arn\": \"arn:aws:connect:::u3\", \"LastModifiedRegion\": \"us-east-1\"}, {\"Id\": \"u4\", \"Username\": \"user4\", \"Arn\": \"arn:aws:connect:::u4\"}], \"NextToken\": \"tok\"}", "{\n    \"UserSummaryList\": [\n        {\n            \"Id\": \"u0\",\n            \"Username\": \"user0\",\n            \"Arn\": \"arn:aws:connect:::u0\"\n        },\n        {\n            \"Id\": \"u1\",\n            \"Username\": \"user1\",\n            \"Arn\": \"arn:aws:connect:::u1\",\n            \"LastModifiedRegion\": \"us-east-1\"\n        },\n        {\n            \"Id\": \"u2\",\n            \"Username\": \"user2\",\n            \"Arn\": \"arn:aws:connect:::u2\"\n        },\n        {\n            \"Id\": \"u3\",\n            \"Username\": \"user3\",\n            \"Arn\": \"arn:aws:connect:::u3\",\n            \"LastModifiedRegion\": \"us-east-1\"\n        },\n        {\n            \"Id\": \"u4\",\n            \"Username\": \"user4\",\n            \"Arn\": \"arn:aws:connect:::u4\"\n        }\n    ],\n    \"NextToken\": \"tok\"\n}\n"),
        ("jp-00", "[\"a\", \"b\", \"c\"]", "[\n    \"a\",\n    \"b\",\n    \"c\"\n]\n"),
        ("jp-02", "[\"b\", \"a\", \"c\"]", "[\n    \"b\",\n    \"a\",\n    \"c\"\n]\n"),
        ("jp-05", "[{\"name\": \"a\", \"age\": 30, \"tags\": [\"x\"]}, {\"name\": \"b\", \"age\": 25}]", "[\n    {\n        \"name\": \"a\",\n        \"age\": 30,\n        \"tags\": [\n            \"x\"\n        ]\n    },\n    {\n        \"name\": \"b\",\n        \"age\": 25\n    }\n]\n"),
        ("jp-06", "{\"name\": \"c\", \"age\": 35, \"tags\": [\"y\", \"z\"]}", "{\n    \"name\": \"c\",\n    \"age\": 35,\n    \"tags\": [\n        \"y\",\n        \"z\"\n    ]\n}\n"),
        ("jp-09", "[\"x\", \"y\", \"z\"]", "[\n    \"x\",\n    \"y\",\n    \"z\"\n]\n"),
        ("jp-10", "[[\"a\", 30], [\"b\", 25], [\"c\", 35]]", "[\n    [\n        \"a\",\n        30\n    ],\n    [\n        \"b\",\n        25\n    ],\n    [\n        \"c\",\n        35\n    ]\n]\n"),
        ("jp-16", "[3, \"team\"]", "[\n    3,\n    \"team\"\n]\n"),
        ("jp-17", "90", "90\n"),
        ("jp-19", "{\"name\": \"a\", \"age\": 30, \"tags\": [\"x\"]}", "{\n    \"name\": \"a\",\n    \"age\": 30,\n    \"tags\": [\n        \"x\"\n    ]\n}\n"),
        ("jp-20", "[\"a\", \"c\"]", "[\n    \"a\",\n    \"c\"\n]\n"),
        ("jp-23", "[\"c\", \"b\", \"a\"]", "[\n    \"c\",\n    \"b\",\n    \"a\"\n]\n"),
        ("jp-28", "2", "2\n"),
        ("jp-29", "1", "1\n"),
        ("jp-30", "[\"a\", \"b\", \"c\"]", "[\n    \"a\",\n    \"b\",\n    \"c\"\n]\n"),
        ("jp-32", "[\"b\"]", "[\n    \"b\"\n]\n"),
        ("jp-36", "[\"a\", \"c\"]", "[\n    \"a\",\n    \"c\"\n]\n"),
        ("jp-37", "[\"x\"]", "[\n    \"x\"\n]\n"),
        ("jp-38", "[3, \"team\"]", "[\n    3,\n    \"team\"\n]\n"),
        ("jp-39", "[3]", "[\n    3\n]\n"),
        ("jp-40", "\"b\"", "\"b\"\n"),
        ("output-json-literal", "{\"Name\": \"x\", \"List\": [1, 2], \"Nested\": {\"A\": true, \"B\": null}}", "{\n    \"Name\": \"x\",\n    \"List\": [\n        1,\n        2\n    ],\n    \"Nested\": {\n        \"A\": true,\n        \"B\": null\n    }\n}\n"),
        ("errfmt-json-usage", "{\"Code\": \"ParamValidation\", \"Message\": \"the following arguments are required: --identity-info, --user-id, --instance-id\\n\\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\\nTo see help text, you can run:\\n\\n  aws help\\n  aws <command> help\\n  aws <command> <subcommand> help\\n\"}", "{\n    \"Code\": \"ParamValidation\",\n    \"Message\": \"the following arguments are required: --identity-info, --user-id, --instance-id\\n\\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\\nTo see help text, you can run:\\n\\n  aws help\\n  aws <command> help\\n  aws <command> <subcommand> help\\n\"\n}\n"),
    ];
    // GOLDENS-END

    #[test]
    fn goldens() {
        for (id, value, want) in GOLDENS {
            assert_eq!(cli(&parse(value)), *want, "golden {id}");
        }
    }
}
