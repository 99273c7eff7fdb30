//! Unit tests: key order, Python number semantics and the exact error texts
//! (each checked against jmespath.py 1.0.1).

use serde_json::{json, Value};

use super::compile;

fn search(expr: &str, data: &Value) -> Result<Value, String> {
    compile(expr)?.search(data)
}

fn ok(expr: &str, data: &Value) -> Value {
    match search(expr, data) {
        Ok(v) => v,
        Err(e) => panic!("{expr}: unexpected error {e}"),
    }
}

fn compile_err(expr: &str) -> String {
    match compile(expr) {
        Ok(_) => panic!("{expr}: compiled"),
        Err(e) => e,
    }
}

fn runtime_err(expr: &str, data: &Value) -> String {
    let compiled = compile(expr).unwrap_or_else(|e| panic!("{expr}: {e}"));
    match compiled.search(data) {
        Ok(v) => panic!("{expr}: gave {v}"),
        Err(e) => e,
    }
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().map(|m| m.keys().map(String::as_str).collect()).unwrap_or_default()
}

fn is_int(v: &Value) -> bool {
    v.is_i64() || v.is_u64()
}

// ---------------------------------------------------------------- key order

#[test]
fn current_node_keeps_input_key_order() {
    let data: Value = serde_json::from_str(r#"{"z": 1, "a": 2, "m": {"y": 1, "b": 2}}"#).unwrap();
    let out = ok("@", &data);
    assert_eq!(keys(&out), ["z", "a", "m"]);
    assert_eq!(keys(&out["m"]), ["y", "b"]);
    assert_eq!(ok("keys(@)", &data), json!(["z", "a", "m"]));
    assert_eq!(ok("values(m)", &data), json!([1, 2]));
    assert_eq!(ok("*", &data)[2], json!({"y": 1, "b": 2}));
}

#[test]
fn multiselect_hash_keeps_expression_order() {
    let data = json!({"a": 1, "b": 2});
    let out = ok("{Z: a, A: b, m: a}", &data);
    assert_eq!(keys(&out), ["Z", "A", "m"]);
    // A repeated key keeps its first position and takes the last value.
    let out = ok("{b: a, a: b, b: b}", &data);
    assert_eq!(keys(&out), ["b", "a"]);
    assert_eq!(out, json!({"b": 2, "a": 2}));
}

#[test]
fn merge_updates_in_place_and_appends() {
    let data: Value = serde_json::from_str(r#"{"x": {"k": 1, "a": 2}, "y": {"new": 3, "k": 9}}"#).unwrap();
    let out = ok("merge(x, y)", &data);
    assert_eq!(keys(&out), ["k", "a", "new"]);
    assert_eq!(out, json!({"k": 9, "a": 2, "new": 3}));
    assert_eq!(ok("to_string(merge(x, y))", &data), json!(r#"{"k":9,"a":2,"new":3}"#));
}

#[test]
fn to_string_is_python_json_dumps() {
    let data: Value = serde_json::from_str(
        r#"{"o": {"b": 1, "a": [1.0, 1e100, 0.0001, 1e-05, "é☃😀", null, true]}}"#,
    )
    .unwrap();
    assert_eq!(
        ok("to_string(o)", &data),
        json!(r#"{"b":1,"a":[1.0,1e+100,0.0001,1e-05,"\u00e9\u2603\ud83d\ude00",null,true]}"#)
    );
    assert_eq!(ok("to_string('x')", &data), json!("x"));
    assert_eq!(ok("to_string(`1e16`)", &data), json!("1e+16"));
    assert_eq!(ok("to_string(`123456789.5`)", &data), json!("123456789.5"));
}

// ---------------------------------------------------------- numbers

#[test]
fn integer_results_stay_integers() {
    let data = json!({"i": [1, 2, 3], "f": [1.5, 2.5], "m": [1, 2.5], "n": -3, "x": 2.0});
    for (expr, expected) in [
        ("sum(i)", json!(6)),
        ("sum(`[]`)", json!(0)),
        ("abs(n)", json!(3)),
        ("max(i)", json!(3)),
        ("min(i)", json!(1)),
        ("ceil(`1.5`)", json!(2)),
        ("floor(`-1.5`)", json!(-2)),
        ("ceil(x)", json!(2)),
        ("ceil(`3`)", json!(3)),
        ("length(i)", json!(3)),
        ("to_number('2')", json!(2)),
        ("to_number(' 7 ')", json!(7)),
        ("max_by(`[{\"v\": 1}, {\"v\": 4}]`, &v).v", json!(4)),
    ] {
        let out = ok(expr, &data);
        assert_eq!(out, expected, "{expr}");
        assert!(is_int(&out), "{expr} gave a float: {out}");
    }
}

#[test]
fn float_results_stay_floats() {
    let data = json!({"i": [1, 2, 3], "f": [1.5, 2.5], "m": [1, 2.5], "x": 2.0});
    for (expr, expected) in [
        ("sum(f)", 4.0),
        ("sum(m)", 3.5),
        ("avg(i)", 2.0),
        ("avg(f)", 2.0),
        ("abs(`-1.5`)", 1.5),
        ("to_number('1.5')", 1.5),
        ("to_number('1e3')", 1000.0),
        ("max(`[1, 2.0]`)", 2.0),
        ("x", 2.0),
    ] {
        let out = ok(expr, &data);
        assert!(out.is_f64(), "{expr} gave {out}");
        assert_eq!(out.as_f64(), Some(expected), "{expr}");
    }
    assert_eq!(ok("avg(`[]`)", &data), Value::Null);
}

#[test]
fn python_comparisons_and_equality() {
    let data = json!({"i": 1, "f": 1.0, "t": true, "z": 0, "s": "a"});
    for (expr, expected) in [
        ("i == f", true),
        ("i < `1.5`", true),
        ("`2.5` > i", true),
        ("t == `1`", false), // 0/1 never equal a boolean at the top level
        ("`[true]` == `[1]`", true), // but Python's == applies inside lists
        ("`{\"a\": 1}` == `{\"a\": 1.0}`", true),
        ("s < 'b'", true),
        ("contains(`[1]`, `true`)", true),
        ("!z", false), // 0 is true in JMESPath
    ] {
        assert_eq!(ok(expr, &data), json!(expected), "{expr}");
    }
    assert_eq!(ok("t < i", &data), Value::Null);
    assert_eq!(
        runtime_err("s < i", &data),
        "'<' not supported between instances of 'str' and 'int'"
    );
}

// ---------------------------------------------------------- compile errors

#[test]
fn empty_expression_error() {
    assert_eq!(compile_err(""), "Invalid JMESPath expression: cannot be empty.");
}

#[test]
fn incomplete_expression_errors() {
    assert_eq!(
        compile_err("foo["),
        "Invalid jmespath expression: Incomplete expression:\n\"foo[\"\n     ^"
    );
    assert_eq!(
        compile_err("foo || "),
        "Invalid jmespath expression: Incomplete expression:\n\"foo || \"\n        ^"
    );
    assert_eq!(
        compile_err(" "),
        "Invalid jmespath expression: Incomplete expression:\n\" \"\n  ^"
    );
    assert_eq!(
        compile_err("{a: b"),
        "Invalid jmespath expression: Incomplete expression:\n\"{a: b\"\n      ^"
    );
}

#[test]
fn parse_errors() {
    assert_eq!(
        compile_err("foo]"),
        "Unexpected token: ]: Parse error at column 3, token \"]\" (RBRACKET), for expression:\n\"foo]\"\n    ^"
    );
    assert_eq!(
        compile_err("foo."),
        "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: eof: \
         Parse error at column 4, token \"\" (EOF), for expression:\n\"foo.\"\n     ^"
    );
    assert_eq!(
        compile_err("[1 2]"),
        "Expecting: rbracket, got: number: Parse error at column 3, token \"2\" (NUMBER), for expression:\n\"[1 2]\"\n    ^"
    );
    assert_eq!(
        compile_err("{1: a}"),
        "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: number: \
         Parse error at column 1, token \"1\" (NUMBER), for expression:\n\"{1: a}\"\n  ^"
    );
    assert_eq!(
        compile_err("a[:::]"),
        "syntax error: Parse error at column 4, token \":\" (COLON), for expression:\n\"a[:::]\"\n     ^"
    );
    assert_eq!(
        compile_err("a[1:"),
        "syntax error: Parse error at column 4, token \"\" (EOF), for expression:\n\"a[1:\"\n     ^"
    );
    assert_eq!(
        compile_err(")"),
        "invalid token: Parse error at column 0, token \")\" (RPAREN), for expression:\n\")\"\n ^"
    );
    assert_eq!(
        compile_err("a*"),
        "invalid token: Parse error at column 1, token \"*\" (STAR), for expression:\n\"a*\"\n  ^"
    );
    assert_eq!(
        compile_err("@(b)"),
        "Invalid function name '@': Parse error at column 0, token \"@\" (CURRENT), for expression:\n\"@(b)\"\n ^"
    );
    assert_eq!(
        compile_err("\"f\"(b)"),
        "Quoted identifier not allowed for function names.: Parse error at column 0, \
         token \"(\" (LPAREN), for expression:\n\"\"f\"(b)\"\n ^"
    );
    // Literal token values are shown as Python str() of the decoded JSON.
    assert_eq!(
        compile_err("a `{\"x\": [1.0, \"y\"]}`"),
        "Unexpected token: {'x': [1.0, 'y']}: Parse error at column 2, \
         token \"{'x': [1.0, 'y']}\" (LITERAL), for expression:\n\"a `{\"x\": [1.0, \"y\"]}`\"\n   ^"
    );
    assert_eq!(
        compile_err("`1`(b)"),
        "Invalid function name '1': Parse error at column 0, token \"1\" (LITERAL), for expression:\n\"`1`(b)\"\n ^"
    );
    assert_eq!(
        compile_err("a 007"),
        "Unexpected token: 7: Parse error at column 2, token \"7\" (NUMBER), for expression:\n\"a 007\"\n   ^"
    );
}

#[test]
fn lexer_errors() {
    assert_eq!(compile_err("foo ~"), "Bad jmespath expression: Unknown token ~:\nfoo ~\n    ^");
    assert_eq!(compile_err("'abc"), "Bad jmespath expression: Unclosed ' delimiter:\n'abc\n^");
    assert_eq!(compile_err("a.\"abc"), "Bad jmespath expression: Unclosed \" delimiter:\na.\"abc\n  ^");
    assert_eq!(compile_err("`abc"), "Bad jmespath expression: Unclosed ` delimiter:\n`abc\n^");
    assert_eq!(compile_err("a = b"), "Bad jmespath expression: Unknown token '=':\na = b\n  ^");
    assert_eq!(compile_err("-a"), "Bad jmespath expression: Unknown token '-':\n-a\n^");
    assert_eq!(compile_err("é"), "Bad jmespath expression: Unknown token é:\né\n^");
    assert_eq!(
        compile_err("`{\"a\": }`"),
        "Bad jmespath expression: Bad token {\"a\": }:\n`{\"a\": }`\n^"
    );
    assert_eq!(compile_err("\"\\a\""), "Bad jmespath expression: Invalid \\escape:\n\"\\a\"\n^");
    assert_eq!(
        compile_err("\"\\u12\""),
        "Bad jmespath expression: Invalid \\uXXXX escape:\n\"\\u12\"\n^"
    );
    assert_eq!(
        compile_err("x.\"a\tb\""),
        "Bad jmespath expression: Invalid control character at:\nx.\"a\tb\"\n  ^"
    );
}

#[test]
fn lexer_error_wins_over_parse_error() {
    assert_eq!(compile_err("] ~"), "Bad jmespath expression: Unknown token ~:\n] ~\n  ^");
}

// ---------------------------------------------------------- runtime errors

#[test]
fn type_errors() {
    let data = json!({"o": {"a": 1}, "l": [1, "x"], "s": "it's", "n": null, "t": true});
    assert_eq!(
        runtime_err("abs(`{}`)", &data),
        "In function abs(), invalid type for value: {}, expected one of: ['number'], received: \"object\""
    );
    assert_eq!(
        runtime_err("abs(o)", &data),
        "In function abs(), invalid type for value: {'a': 1}, expected one of: ['number'], received: \"object\""
    );
    assert_eq!(
        runtime_err("abs(s)", &data),
        "In function abs(), invalid type for value: it's, expected one of: ['number'], received: \"string\""
    );
    assert_eq!(
        runtime_err("length(n)", &data),
        "In function length(), invalid type for value: None, expected one of: ['string', 'array', 'object'], received: \"null\""
    );
    assert_eq!(
        runtime_err("keys(t)", &data),
        "In function keys(), invalid type for value: True, expected one of: ['object'], received: \"boolean\""
    );
    // An array element of the wrong type reports the Python type name.
    assert_eq!(
        runtime_err("sum(l)", &data),
        "In function sum(), invalid type for value: x, expected one of: ['array-number'], received: \"str\""
    );
    assert_eq!(
        runtime_err("sort(`[[1], 2]`)", &data),
        "In function sort(), invalid type for value: [1], expected one of: ['array-string', 'array-number'], received: \"list\""
    );
    assert_eq!(
        runtime_err("abs(l)", &data),
        "In function abs(), invalid type for value: [1, 'x'], expected one of: ['number'], received: \"array\""
    );
    assert_eq!(
        runtime_err("sort_by(`[{\"v\": 1}, {\"v\": \"a\"}]`, &v)", &data),
        "In function sort_by(), invalid type for value: a, expected one of: ['number'], received: \"string\""
    );
    assert_eq!(
        runtime_err("sort_by(`[{\"v\": null}]`, &v)", &data),
        "In function sort_by(), invalid type for value: {'v': None}, expected one of: ['string', 'number'], received: \"null\""
    );
    assert_eq!(
        runtime_err("max_by(`[{\"v\": 1}, {\"v\": \"a\"}]`, &v)", &data),
        "'>' not supported between instances of 'str' and 'int'"
    );
    assert_eq!(
        runtime_err("min_by(`[{\"v\": []}]`, &v)", &data),
        "In function min_by(), invalid type for value: [], expected one of: ['number', 'string'], received: \"array\""
    );
    assert_eq!(
        runtime_err("contains('abc', `1`)", &data),
        "'in <string>' requires string as left operand, not int"
    );
    assert_eq!(runtime_err("[0][::0]", &json!([[1]])), "slice step cannot be zero");
}

#[test]
fn unknown_function_is_a_runtime_error() {
    let compiled = compile("nofunc()").expect("unknown functions compile");
    assert_eq!(compiled.search(&json!({})), Err("Unknown function: nofunc()".to_owned()));
    // Arguments are evaluated first.
    assert_eq!(
        runtime_err("nofunc(abs('x'))", &json!({})),
        "In function abs(), invalid type for value: x, expected one of: ['number'], received: \"string\""
    );
}

#[test]
fn arity_errors() {
    let data = json!({"a": "x", "b": "y"});
    assert_eq!(
        runtime_err("length(a, b)", &data),
        "Expected 1 argument for function length(), received 2"
    );
    assert_eq!(
        runtime_err("starts_with(a)", &data),
        "Expected 2 arguments for function starts_with(), received 1"
    );
    assert_eq!(
        runtime_err("merge()", &data),
        "Expected at least 1 argument for function merge(), received 0"
    );
    assert_eq!(
        runtime_err("not_null()", &data),
        "Expected at least 1 argument for function not_null(), received 0"
    );
}

// ---------------------------------------------------------- jmespath.py quirks

#[test]
fn jmespath_py_quirks() {
    let data = json!({"a": [[{"b": 1}, {"b": 2}]], "x": 1, "y": 2});
    // The slice is appended to the index expression: no projection.
    assert_eq!(ok("a[0][0:2].b", &data), Value::Null);
    assert_eq!(ok("a[0][0:2]", &data), json!([{"b": 1}, {"b": 2}]));
    // Optional commas.
    assert_eq!(ok("not_null(x y)", &data), json!(1));
    assert_eq!(ok("{p: x q: y}", &data), json!({"p": 1, "q": 2}));
    // Deprecated literal forms.
    assert_eq!(ok("`foo`", &data), json!("foo"));
    assert_eq!(ok("`  foo bar`", &data), json!("foo bar"));
    assert_eq!(ok("'a\\\\b'", &data), json!("a\\\\b"));
    assert_eq!(ok("'it\\'s'", &data), json!("it's"));
    // Literal duplicate keys: first position, last value.
    assert_eq!(keys(&ok("`{\"b\": 1, \"a\": 2, \"b\": 3}`", &data)), ["b", "a"]);
}

#[test]
fn expression_reference_in_result_is_an_error() {
    assert_eq!(runtime_err("&a", &json!({})), "Circular reference detected");
    assert_eq!(ok("type(&a)", &json!({})), Value::Null);
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = format!("{}a{}", "(".repeat(5000), ")".repeat(5000));
    assert_eq!(compile_err(&deep), "maximum recursion depth exceeded");
    let long_pipe = vec!["a"; 20000].join("|");
    assert_eq!(compile_err(&long_pipe), "maximum recursion depth exceeded");
    let deep_literal = format!("`{}{}`", "[".repeat(300), "]".repeat(300));
    assert_eq!(
        compile_err(&deep_literal),
        "maximum recursion depth exceeded while decoding a JSON array from a unicode string"
    );
    // Up to the limit, everything still parses and evaluates (this runs in
    // the test harness's 2 MiB thread, unoptimized).
    let data = json!({"a": {"a": 1}});
    assert_eq!(ok(&format!("{}a", "!".repeat(127)), &data), json!(false));
    assert_eq!(compile_err(&format!("{}a", "!".repeat(128))), "maximum recursion depth exceeded");
    assert_eq!(ok(&vec!["a"; 120].join("|"), &data), Value::Null);
    assert!(ok(&format!("{}a{}", "[".repeat(120), "]".repeat(120)), &data).is_array());
    assert_eq!(ok(&format!("a{}", ".a[*]".repeat(120)), &data), Value::Null);
    assert_eq!(ok(&format!("{}@{}", "map(&".repeat(60), ", @)".repeat(60)), &json!([])), json!([]));
    let literal = format!("`{}{}`", "[".repeat(250), "]".repeat(250));
    assert_eq!(ok(&format!("length(to_string({literal}))"), &data), json!(500));
}

