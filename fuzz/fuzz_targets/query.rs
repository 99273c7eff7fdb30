//! JMESPath (`--query`): `output::jmespath::compile` + `Expression::search`.
//!
//! Input: `<expression>\0<JSON document>`; without a NUL the whole input is the expression and
//! a fixed document is searched. A document that is not JSON is searched as a JSON string.
#![no_main]

use awsclone::output::jmespath;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

fuzz_target!(|data: &[u8]| {
    let (expr, doc) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let Ok(expr) = std::str::from_utf8(expr) else { return };
    let doc: Value = match doc {
        Some(d) => {
            let d = String::from_utf8_lossy(d);
            serde_json::from_str(&d).unwrap_or(Value::String(d.into_owned()))
        }
        None => json!({
            "foo": {"bar": [1, 2.5, "three", null, true, {"baz": [{"a": 1}, {"a": "x"}]}]},
            "people": [{"name": "a", "age": 30}, {"name": "b", "age": 25}, {"name": "c"}],
            "s": "hello", "n": -3, "e": [], "o": {}
        }),
    };
    match jmespath::compile(expr) {
        Ok(compiled) => {
            let _ = compiled.search(&doc);
            let _ = compiled.search(&Value::Object(Default::default()));
        }
        Err(msg) => assert!(!msg.is_empty()),
    }
});
