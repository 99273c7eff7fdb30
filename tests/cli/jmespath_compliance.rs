//! Runs every case of the official JMESPath compliance suite
//! (tests/data/jmespath-compliance/*.json, from jmespath.test, which jmespath.py 1.0.1
//! passes).  Results must match, with jmespath.py's integer/float typing and
//! key order.  Error cases: `syntax` errors must fail to compile, the other
//! kinds (invalid-type, invalid-value, invalid-arity, unknown-function) are
//! raised at evaluation time, as jmespath.py does.

use std::path::Path;

use awsclone::output::jmespath::compile;
use serde_json::Value;

#[test]
fn compliance_suite() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/jmespath-compliance");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/jmespath-compliance exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "compliance files missing");

    let (mut passed, mut failures) = (0usize, Vec::new());
    for file in &files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let text = std::fs::read_to_string(file).expect("readable");
        let suites: Vec<Value> = serde_json::from_str(&text).expect("valid JSON");
        for suite in &suites {
            let given = &suite["given"];
            for case in suite["cases"].as_array().expect("cases") {
                let expr = case["expression"].as_str().expect("expression");
                let outcome = compile(expr).map(|c| c.search(given));
                let ok = match (case.get("error").and_then(Value::as_str), &outcome) {
                    (Some("syntax"), Err(_)) => true,
                    (Some("syntax"), Ok(_)) => false,
                    (Some(_), Ok(Err(_))) => true,
                    (Some(_), _) => false,
                    (None, Ok(Ok(actual))) => {
                        json_matches(&case["result"], actual, true)
                    }
                    (None, _) => false,
                };
                if ok {
                    passed += 1;
                } else {
                    failures.push(format!("{name}: {expr:?} expected {case} got {outcome:?}"));
                }
            }
        }
    }
    println!("compliance: {passed} passed, {} failed", failures.len());
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert!(passed >= 892, "only {passed} compliance cases ran");
}


/// Compares two JSON values the way the results of jmespath.py must be
/// matched: numbers numerically, but an integer-typed expectation must come
/// back as an integer (and a float-typed one as a float when `strict_floats`),
/// and objects must have the same keys in the same order.
pub fn json_matches(expected: &Value, actual: &Value, strict_floats: bool) -> bool {
    match (expected, actual) {
        (Value::Number(e), Value::Number(a)) => {
            let e_int = e.is_i64() || e.is_u64();
            let a_int = a.is_i64() || a.is_u64();
            if e_int && !a_int {
                return false; // Python would give an int, we gave a float
            }
            if strict_floats && !e_int && a_int {
                return false;
            }
            match (e.as_i64(), a.as_i64(), e.as_u64(), a.as_u64()) {
                (Some(x), Some(y), _, _) => x == y,
                (_, _, Some(x), Some(y)) => x == y,
                _ => e.as_f64() == a.as_f64(),
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(x, y)| json_matches(x, y, strict_floats))
        }
        (Value::Object(e), Value::Object(a)) => {
            e.len() == a.len()
                && e.iter().zip(a).all(|((ek, ev), (ak, av))| {
                    ek == ak && json_matches(ev, av, strict_floats)
                })
        }
        (e, a) => e == a,
    }
}
