//! The shared config and credentials files, read as botocore reads them.
//!
//! botocore parses both files with Python's `configparser.RawConfigParser` (strict): section
//! headers `[name]`, `key = value` or `key: value` lines (keys lower-cased, values stripped),
//! `#`/`;` comment lines, indented continuation lines that extend the previous value, and any
//! other line, a duplicate section or a duplicate key in a section, is a parse error
//! (`Unable to parse config file: <path>`, exit 255). A value whose first line is empty and whose
//! continuation lines are `key = value` pairs is a nested section (`[services x]` → `connect =`
//! then `  endpoint_url = …`).

use std::collections::BTreeMap;

/// One `key = value` entry; `nested` holds the sub-keys of a value that is a nested section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    pub value: String,
    pub nested: Vec<(String, String)>,
}

/// A parsed file: section name → ordered keys.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IniFile {
    pub sections: Vec<(String, Vec<(String, Entry)>)>,
}

impl IniFile {
    pub fn section(&self, name: &str) -> Option<&[(String, Entry)]> {
        self.sections.iter().find(|(n, _)| n == name).map(|(_, e)| e.as_slice())
    }
}

/// Parses `text`; `Err(())` when configparser would raise.
pub fn parse(text: &str) -> Result<IniFile, ()> {
    let mut sections: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut seen = BTreeMap::new();
    // (indent of the current option line) while a value may still be continued
    let mut current: Option<usize> = None;
    for raw in text.lines() {
        let line = raw.trim_end_matches('\r');
        let stripped = line.trim();
        let indent = line.len() - line.trim_start().len();
        if stripped.is_empty() {
            // Empty lines inside a value are kept by configparser, but a value never ends with
            // them; marking the value as still open is enough for our purposes.
            if let (Some(_), Some((_, keys))) = (current, sections.last_mut()) {
                if let Some((_, v)) = keys.last_mut() {
                    v.push('\n');
                }
            }
            continue;
        }
        if stripped.starts_with('#') || stripped.starts_with(';') {
            continue;
        }
        if let Some(open_indent) = current {
            if indent > open_indent {
                let (_, keys) = sections.last_mut().ok_or(())?;
                let (_, v) = keys.last_mut().ok_or(())?;
                v.push('\n');
                v.push_str(stripped);
                continue;
            }
        }
        if let Some(name) = stripped.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            if name.is_empty() || seen.insert(name.to_string(), ()).is_some() {
                return Err(());
            }
            sections.push((name.to_string(), Vec::new()));
            current = None;
            continue;
        }
        let Some((_, keys)) = sections.last_mut() else { return Err(()) };
        let sep = stripped.find(['=', ':']).ok_or(())?;
        let key = stripped[..sep].trim().to_lowercase();
        if key.is_empty() || keys.iter().any(|(k, _)| *k == key) {
            return Err(());
        }
        keys.push((key, stripped[sep + 1..].trim().to_string()));
        current = Some(indent);
    }
    let sections = sections
        .into_iter()
        .map(|(name, keys)| {
            let entries = keys
                .into_iter()
                .map(|(k, v)| {
                    let v = v.trim_end_matches('\n').to_string();
                    let entry = if let Some(body) = v.strip_prefix('\n') {
                        let nested = body
                            .lines()
                            .filter_map(|l| l.split_once('=').map(|(a, b)| (a.trim().to_lowercase(), b.trim().to_string())))
                            .collect();
                        Entry { value: v.clone(), nested }
                    } else {
                        Entry { value: v, nested: Vec::new() }
                    };
                    (k, entry)
                })
                .collect();
            (name, entries)
        })
        .collect();
    Ok(IniFile { sections })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_keys_and_nesting() {
        let f = parse("# c\n[default]\nRegion = us-east-1\nservices = emu\n\n[services emu]\nconnect =\n  endpoint_url = http://x\n").unwrap();
        let d = f.section("default").unwrap();
        assert_eq!(d[0].0, "region");
        assert_eq!(d[0].1.value, "us-east-1");
        let s = f.section("services emu").unwrap();
        assert_eq!(s[0].1.nested, vec![("endpoint_url".to_string(), "http://x".to_string())]);
    }

    #[test]
    fn malformed_files() {
        assert!(parse("this is not an ini file\n[default\n").is_err());
        assert!(parse("[default]\nnovalue\n").is_err());
        assert!(parse("[a]\n[a]\n").is_err());
        assert!(parse("[a]\nx=1\nx=2\n").is_err());
        assert!(parse("").is_ok());
    }
}
