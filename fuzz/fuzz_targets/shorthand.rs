//! Shorthand syntax (`--identity-info a=b,...`): `shorthand::parse`, `parse_to_py`, and
//! `parse_with_loader` with a loader that resolves, keeps, or fails on `@=` values.
#![no_main]

use awsclone::input::shorthand::{self, ParseError, ShValue};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };

    let plain = shorthand::parse(input);
    match &plain {
        Ok(v) => {
            assert!(v.as_map().is_some(), "parse result is not a map: {v:?}");
            let _ = v.to_py().repr();
        }
        Err(e) => {
            let _ = e.message();
            let _ = e.is_recursion();
        }
    }
    let _ = shorthand::parse_to_py(input);

    // A loader like the param-file resolver: `file://x` → text, `fileb://x` → bytes,
    // `fail…` → an error, anything else kept.
    let mut calls = 0usize;
    let mut loader = |v: &str| -> Result<Option<ShValue>, String> {
        calls += 1;
        if let Some(rest) = v.strip_prefix("file://") {
            Ok(Some(ShValue::String(rest.to_string())))
        } else if let Some(rest) = v.strip_prefix("fileb://") {
            Ok(Some(ShValue::Bytes(rest.as_bytes().to_vec())))
        } else if v.starts_with("fail") {
            Err(format!("cannot load {v}"))
        } else {
            Ok(None)
        }
    };
    let loaded = shorthand::parse_with_loader(input, &mut loader);
    match (&plain, &loaded) {
        // A syntax error does not depend on the loader unless the loader failed first.
        (Err(a), Err(ParseError::Syntax(b))) => assert_eq!(a, b),
        (Err(_), Err(ParseError::Load(_))) => {}
        (Err(a), Ok(v)) => panic!("parse failed ({a:?}) but parse_with_loader succeeded ({v:?})"),
        (Ok(_), Err(ParseError::Syntax(b))) => panic!("parse succeeded but parse_with_loader failed: {b:?}"),
        (Ok(_), _) => {}
    }
    if let Ok(v) = loaded {
        let _ = v.to_py().repr();
    }
});
