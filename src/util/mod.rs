//! Small helpers that reproduce Python spellings the reference prints.

pub mod difflib;

/// Python's `repr()` of a `str`: single quotes unless the text contains `'` and no `"`.
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The text of a Python `OSError` for `err`: `[Errno 2] No such file or directory`, followed by
/// `: '<path>'` when Python names the file.
pub fn python_os_error(err: &std::io::Error, path: Option<&str>) -> String {
    let (errno, text) = match err.raw_os_error() {
        Some(n) => {
            let full = std::io::Error::from_raw_os_error(n).to_string();
            let text = full.split(" (os error").next().unwrap_or(&full).to_string();
            (n, text)
        }
        None => (0, err.to_string()),
    };
    match path {
        Some(p) => format!("[Errno {errno}] {text}: {}", py_str_repr(p)),
        None => format!("[Errno {errno}] {text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_error_text() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(python_os_error(&e, Some("nope.json")), "[Errno 2] No such file or directory: 'nope.json'");
        assert_eq!(python_os_error(&e, None), "[Errno 2] No such file or directory");
    }

    #[test]
    fn repr_quotes() {
        assert_eq!(py_str_repr("it's"), "\"it's\"");
        assert_eq!(py_str_repr("a\nb"), "'a\\nb'");
    }
}
