//! `file://` and `fileb://` parameter values (awscli `paramfile.py`, v2 rules).
//!
//! A value starting with `file://` is replaced by the file's text, `fileb://` by its bytes; the
//! path has `$VAR`/`${VAR}` then `~` expanded and is relative to the working directory. Text is
//! decoded with `AWS_CLI_FILE_ENCODING` (default UTF-8) and gets Python's universal-newline
//! translation; nothing is trimmed. `http(s)://` values are never fetched (v2).

use crate::config::{env, Env};
use crate::util::python_os_error;

/// A loaded parameter file.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Text(String),
    Bytes(Vec<u8>),
}

/// Why a file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamFileError {
    /// Reported as `Error parsing parameter '<name>': <message>` (252), or unwrapped for `@=`.
    Load(String),
    /// An unknown `AWS_CLI_FILE_ENCODING` (255: `unknown encoding: <name>`).
    UnknownEncoding(String),
}

/// `$VAR` and `${VAR}` replaced when the variable is set (Python `os.path.expandvars`).
fn expand_vars(path: &str, env: &Env) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(pos) = rest.find('$') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let (name, consumed) = if let Some(inner) = after.strip_prefix('{') {
            match inner.find('}') {
                Some(end) => (&inner[..end], end + 2),
                None => ("", 0),
            }
        } else {
            let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
            (&after[..end], end)
        };
        match env.get(name).filter(|_| !name.is_empty()) {
            Some(v) => {
                out.push_str(v);
                rest = &after[consumed..];
            }
            None => {
                out.push('$');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode(bytes: Vec<u8>, env: &Env, shown_path: &str) -> Result<String, ParamFileError> {
    let name = env.get(env::AWS_CLI_FILE_ENCODING).unwrap_or("utf-8");
    let norm = name.trim().to_ascii_lowercase().replace('_', "-");
    let undecodable = || {
        ParamFileError::Load(format!(
            "Unable to load paramfile ({shown_path}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix."
        ))
    };
    let text = match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => String::from_utf8(bytes).map_err(|_| undecodable())?,
        "utf-8-sig" | "utf8-sig" => {
            let s = String::from_utf8(bytes).map_err(|_| undecodable())?;
            s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s)
        }
        "ascii" | "us-ascii" | "646" => {
            if !bytes.is_ascii() {
                return Err(undecodable());
            }
            String::from_utf8(bytes).map_err(|_| undecodable())?
        }
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "cp819" => bytes.iter().map(|&b| b as char).collect(),
        "utf-16" | "utf16" | "utf-16-le" | "utf-16le" | "utf-16-be" | "utf-16be" => {
            let (big, body) = match (norm.as_str(), bytes.as_slice()) {
                ("utf-16-be" | "utf-16be", b) => (true, b),
                ("utf-16-le" | "utf-16le", b) => (false, b),
                (_, [0xFE, 0xFF, rest @ ..]) => (true, rest),
                (_, [0xFF, 0xFE, rest @ ..]) => (false, rest),
                (_, b) => (false, b),
            };
            if body.len() % 2 != 0 {
                return Err(undecodable());
            }
            let units: Vec<u16> = body
                .chunks(2)
                .map(|c| if big { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) })
                .collect();
            String::from_utf16(&units).map_err(|_| undecodable())?
        }
        _ => return Err(ParamFileError::UnknownEncoding(name.to_string())),
    };
    // Python's text mode: universal newlines.
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Loads `value` if it is a `file://`/`fileb://` reference; `Ok(None)` otherwise.
pub fn load(value: &str, env: &Env) -> Result<Option<Loaded>, ParamFileError> {
    let (rest, binary) = if let Some(r) = value.strip_prefix("file://") {
        (r, false)
    } else if let Some(r) = value.strip_prefix("fileb://") {
        (r, true)
    } else {
        return Ok(None);
    };
    let expanded = env.expand_user(&expand_vars(rest, env)).to_string_lossy().into_owned();
    let full = if std::path::Path::new(&expanded).is_relative() { env.cwd.join(&expanded) } else { expanded.clone().into() };
    let bytes = std::fs::read(&full).map_err(|e| {
        ParamFileError::Load(format!("Unable to load paramfile {value}: {}", python_os_error(&e, Some(&expanded))))
    })?;
    if binary {
        return Ok(Some(Loaded::Bytes(bytes)));
    }
    decode(bytes, env, &expanded).map(|t| Some(Loaded::Text(t)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn env_with(dir: &std::path::Path, vars: &[(&str, &str)]) -> Env {
        Env::from_pairs(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())), dir.to_path_buf())
    }

    #[test]
    fn text_bytes_and_missing() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x\r\ny\n").unwrap();
        let env = env_with(dir.path(), &[("D", "a.txt")]);
        assert_eq!(load("file://a.txt", &env).unwrap(), Some(Loaded::Text("x\ny\n".into())));
        assert_eq!(load("file://${D}", &env).unwrap(), Some(Loaded::Text("x\ny\n".into())));
        assert_eq!(load("fileb://a.txt", &env).unwrap(), Some(Loaded::Bytes(b"x\r\ny\n".to_vec())));
        assert_eq!(load("http://a.txt", &env).unwrap(), None);
        assert_eq!(
            load("file://nope.json", &env).unwrap_err(),
            ParamFileError::Load(
                "Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'".into()
            )
        );
        assert_eq!(
            load("file://.", &env).unwrap_err(),
            ParamFileError::Load("Unable to load paramfile file://.: [Errno 21] Is a directory: '.'".into())
        );
    }

    #[test]
    fn decoding() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.bin"), [0xff, 0xfe, 0x00]).unwrap();
        let env = env_with(dir.path(), &[]);
        assert!(matches!(load("file://b.bin", &env), Err(ParamFileError::Load(m)) if m.starts_with("Unable to load paramfile (b.bin), text contents could not be decoded.  If")));
        let env = env_with(dir.path(), &[("AWS_CLI_FILE_ENCODING", "bogus")]);
        assert_eq!(load("file://b.bin", &env).unwrap_err(), ParamFileError::UnknownEncoding("bogus".into()));
        let _ = PathBuf::new();
    }
}
