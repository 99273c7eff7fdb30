//! Profile names from the shared config and credentials files, for `--profile`.
//!
//! The files are found as the CLI finds them: `AWS_CONFIG_FILE` (default `~/.aws/config`) and
//! `AWS_SHARED_CREDENTIALS_FILE` (default `~/.aws/credentials`), `~` expanded against `HOME`,
//! relative paths against the working directory. The profiles are the config file's `[default]`
//! and `[profile NAME]` sections and every section of the credentials file. Only section headers
//! are read (as the CLI's ini reader sees them: not in comments or continuation lines), and a file
//! the CLI would reject still yields the names found: completion should not fail.

use std::path::{Path, PathBuf};

/// The profile names, sorted and without duplicates. `var` looks up an environment variable.
pub fn profile_names(var: &dyn Fn(&str) -> Option<String>, cwd: &Path) -> Vec<String> {
    let home = var("HOME");
    let path = |name: &str, default: &str| {
        let p = expand_user(var(name).as_deref().unwrap_or(default), home.as_deref());
        if p.is_relative() {
            cwd.join(p)
        } else {
            p
        }
    };
    let mut names = Vec::new();
    for header in section_headers(&read(&path("AWS_CONFIG_FILE", "~/.aws/config"))) {
        if header == "default" {
            names.push(header);
        } else if let [kind, name] = header.split_whitespace().collect::<Vec<_>>()[..] {
            if kind == "profile" {
                names.push(name.to_string());
            }
        }
    }
    names.extend(section_headers(&read(&path("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials"))));
    names.sort();
    names.dedup();
    names
}

/// `~` and `~/…` against `home`, when it is known.
fn expand_user(path: &str, home: Option<&str>) -> PathBuf {
    match (path.strip_prefix('~'), home) {
        (Some(""), Some(home)) => PathBuf::from(home),
        (Some(rest), Some(home)) if rest.starts_with('/') => PathBuf::from(format!("{home}{rest}")),
        _ => PathBuf::from(path),
    }
}

fn read(path: &Path) -> String {
    std::fs::read(path).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
}

/// The `[NAME]` headers of an ini text, in order.
fn section_headers(text: &str) -> Vec<String> {
    let mut headers = Vec::new();
    // The indentation of the last `key = value` line while its value may continue.
    let mut open_value: Option<usize> = None;
    for line in text.lines() {
        let stripped = line.trim();
        if stripped.is_empty() || stripped.starts_with('#') || stripped.starts_with(';') {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if open_value.is_some_and(|open| indent > open) {
            continue;
        }
        match stripped.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            Some(name) if !name.is_empty() => {
                headers.push(name.to_string());
                open_value = None;
            }
            _ => open_value = stripped.contains(['=', ':']).then_some(indent),
        }
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn names(vars: &[(&str, &str)], cwd: &Path) -> Vec<String> {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        profile_names(&|k| vars.get(k).cloned(), cwd)
    }

    #[test]
    fn config_and_credentials_sections() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("cfg"),
            "# [profile commented]\n[default]\nregion = us-east-1\n[profile dev]\noutput = json\n\
             s3 =\n  [not-a-section]\n[sso-session corp]\nsso_region = x\n[profile  ops ]\n[services x]\n\
             [profile a b]\n[prod]\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("creds"), "[default]\naws_access_key_id = A\n[ci]\n; [nope]\n[dev]\n").unwrap();
        let got = names(
            &[("AWS_CONFIG_FILE", "cfg"), ("AWS_SHARED_CREDENTIALS_FILE", "creds"), ("HOME", "/nonexistent")],
            dir.path(),
        );
        assert_eq!(got, ["ci", "default", "dev", "ops"]);
    }

    #[test]
    fn default_locations_under_home() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".aws")).unwrap();
        std::fs::write(dir.path().join(".aws/config"), "[profile from-config]\n").unwrap();
        std::fs::write(dir.path().join(".aws/credentials"), "[from-creds]\n").unwrap();
        let home = dir.path().to_str().unwrap();
        assert_eq!(names(&[("HOME", home)], Path::new("/")), ["from-config", "from-creds"]);
        // `~` in the variables is expanded too.
        assert_eq!(names(&[("HOME", home), ("AWS_CONFIG_FILE", "~/.aws/credentials")], Path::new("/")), ["from-creds"]);
        assert!(names(&[], Path::new("/nonexistent")).is_empty());
    }
}
