//! Small helpers that reproduce Python spellings the reference prints.

pub mod difflib;
pub mod pyfmt;

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
        Some(p) => format!("[Errno {errno}] {text}: {}", pyfmt::repr_str(p)),
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

}
