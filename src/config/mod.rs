//! Configuration: flag > environment > profile in the shared config files > default.
//!
//! The environment is handed in (see [`Env`]); the config and credentials files are read once
//! and parsed as botocore parses them ([`ini`]); their text is then handed to aws-config too, so
//! no file is read twice. Each setting is resolved here with the reference's precedence and its
//! error texts (§10 of the behaviour spec).

pub mod env;
pub mod ini;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use crate::error::{CliError, ErrorFormat};
use ini::{Entry, IniFile};

/// The process environment and working directory, passed in so that tests can supply their own.
/// It also holds the shared config files once they have been read, so that they are read once
/// per run whichever stage needs them first.
#[derive(Debug, Clone, Default)]
pub struct Env {
    vars: BTreeMap<String, String>,
    pub cwd: PathBuf,
    shared: OnceLock<Result<SharedConfig, CliError>>,
}

impl Env {
    pub fn from_process() -> Env {
        Env {
            vars: std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
                .collect(),
            cwd: std::env::current_dir().unwrap_or_default(),
            shared: OnceLock::new(),
        }
    }

    pub fn from_pairs<I: IntoIterator<Item = (String, String)>>(vars: I, cwd: PathBuf) -> Env {
        Env { vars: vars.into_iter().collect(), cwd, shared: OnceLock::new() }
    }

    /// A variable that is set (possibly to the empty string).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }

    /// A boolean variable: true only for a case-insensitive `true`.
    pub fn is_true(&self, name: &str) -> bool {
        self.get(name).is_some_and(|v| v.eq_ignore_ascii_case("true"))
    }

    pub fn vars(&self) -> impl Iterator<Item = (&str, &str)> {
        self.vars.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// `~` and `~/…` expanded against `HOME`.
    pub fn expand_user(&self, path: &str) -> PathBuf {
        match (path.strip_prefix('~'), self.get(env::HOME)) {
            (Some(""), Some(home)) => PathBuf::from(home),
            (Some(rest), Some(home)) if rest.starts_with('/') => PathBuf::from(format!("{home}{rest}")),
            _ => PathBuf::from(path),
        }
    }
}

/// One shared file: where it is and what it says.
#[derive(Debug, Clone, Default)]
pub struct SharedFile {
    pub path: PathBuf,
    pub text: Option<String>,
}

/// The config and credentials files, parsed, with the profile map botocore builds from them.
#[derive(Debug, Clone, Default)]
pub struct SharedConfig {
    pub config: SharedFile,
    pub credentials: SharedFile,
    config_ini: IniFile,
    profiles: BTreeMap<String, Vec<(String, Entry)>>,
}

fn read_shared(env: &Env, var: &str, default: &str) -> SharedFile {
    let path = match env.get(var) {
        Some(p) => env.expand_user(p),
        None => env.expand_user(default),
    };
    let path = if path.is_relative() { env.cwd.join(&path) } else { path };
    let text = std::fs::read(&path).ok().map(|b| String::from_utf8_lossy(&b).into_owned());
    SharedFile { path, text }
}

fn parse_file(file: &SharedFile) -> Result<IniFile, CliError> {
    match &file.text {
        None => Ok(IniFile::default()),
        Some(t) => ini::parse(t)
            .map_err(|()| CliError::General(format!("Unable to parse config file: {}", file.path.display()))),
    }
}

impl SharedConfig {
    /// Both files, read and parsed on first use in this run (a missing file is an empty one).
    pub fn load(env: &Env) -> Result<&SharedConfig, CliError> {
        env.shared.get_or_init(|| SharedConfig::read(env)).as_ref().map_err(Clone::clone)
    }

    fn read(env: &Env) -> Result<SharedConfig, CliError> {
        let config = read_shared(env, env::AWS_CONFIG_FILE, "~/.aws/config");
        let credentials = read_shared(env, env::AWS_SHARED_CREDENTIALS_FILE, "~/.aws/credentials");
        let config_ini = parse_file(&config)?;
        let creds_ini = parse_file(&credentials)?;
        let mut profiles: BTreeMap<String, Vec<(String, Entry)>> = BTreeMap::new();
        for (name, entries) in &config_ini.sections {
            let profile = if name == "default" {
                Some("default".to_string())
            } else {
                let parts: Vec<&str> = name.split_whitespace().collect();
                (parts.len() == 2 && parts[0] == "profile").then(|| parts[1].to_string())
            };
            if let Some(p) = profile {
                profiles.insert(p, entries.clone());
            }
        }
        for (name, entries) in creds_ini.sections {
            let slot = profiles.entry(name).or_default();
            for (k, v) in entries {
                match slot.iter_mut().find(|(key, _)| *key == k) {
                    Some(existing) => existing.1 = v,
                    None => slot.push((k, v)),
                }
            }
        }
        Ok(SharedConfig { config, credentials, config_ini, profiles })
    }

    pub fn has_profile(&self, name: &str) -> bool {
        self.profiles.contains_key(name)
    }

    /// A key of a profile (config file merged with credentials file).
    pub fn get(&self, profile: &str, key: &str) -> Option<&str> {
        self.profiles.get(profile)?.iter().find(|(k, _)| k == key).map(|(_, e)| e.value.as_str())
    }

    /// A section of the config file that is not a profile (`services x`, `sso-session x`).
    pub fn config_section(&self, name: &str) -> Option<&[(String, Entry)]> {
        self.config_ini.section(name)
    }

    pub fn profile_names(&self) -> impl Iterator<Item = &str> {
        self.profiles.keys().map(String::as_str)
    }
}

/// The profile the run uses, and whether `--profile` named it (which disables environment
/// credentials, as in botocore).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileChoice {
    pub name: String,
    pub explicit_flag: bool,
    /// Named by a flag or an environment variable (not the implicit `default`).
    pub named: bool,
}

/// `--profile` (unless empty) > `AWS_PROFILE` > `AWS_DEFAULT_PROFILE` > `default`.
pub fn choose_profile(flag: Option<&str>, env: &Env) -> ProfileChoice {
    if let Some(p) = flag.filter(|p| !p.is_empty()) {
        return ProfileChoice { name: p.to_string(), explicit_flag: true, named: true };
    }
    for var in [env::AWS_PROFILE, env::AWS_DEFAULT_PROFILE] {
        if let Some(p) = env.get(var).filter(|p| !p.is_empty()) {
            return ProfileChoice { name: p.to_string(), explicit_flag: false, named: true };
        }
    }
    ProfileChoice { name: "default".into(), explicit_flag: false, named: false }
}

/// Reads `profile`'s settings, failing as botocore does for a profile that does not exist.
pub struct ProfileView<'a> {
    pub shared: &'a SharedConfig,
    pub name: &'a str,
}

impl<'a> ProfileView<'a> {
    pub fn new(shared: &'a SharedConfig, choice: &'a ProfileChoice) -> Result<ProfileView<'a>, CliError> {
        if choice.name != "default" && !shared.has_profile(&choice.name) {
            return Err(CliError::General(format!("The config profile ({}) could not be found", choice.name)));
        }
        Ok(ProfileView { shared, name: &choice.name })
    }

    pub fn get(&self, key: &str) -> Option<&'a str> {
        self.shared.get(self.name, key)
    }
}

/// The error format in force: the flag (when the main parser got that far) > environment >
/// profile > enhanced; unknown values fall back to enhanced.
pub fn error_format(flag: Option<ErrorFormat>, env: &Env, profile: Option<&ProfileView<'_>>) -> ErrorFormat {
    if let Some(f) = flag {
        return f;
    }
    if let Some(v) = env.get(env::AWS_CLI_ERROR_FORMAT) {
        return ErrorFormat::parse(v).unwrap_or(ErrorFormat::Enhanced);
    }
    profile
        .and_then(|p| p.get("cli_error_format"))
        .and_then(ErrorFormat::parse)
        .unwrap_or(ErrorFormat::Enhanced)
}

/// Resolves a path setting relative to the working directory.
pub fn resolve_path(env: &Env, value: &str) -> PathBuf {
    let p = env.expand_user(value);
    if p.is_relative() {
        env.cwd.join(p)
    } else {
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Env {
        Env::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())), PathBuf::from("/tmp"))
    }

    #[test]
    fn profile_precedence() {
        let e = env(&[("AWS_PROFILE", "a"), ("AWS_DEFAULT_PROFILE", "b")]);
        assert_eq!(choose_profile(None, &e).name, "a");
        assert_eq!(choose_profile(Some(""), &e).name, "a");
        let c = choose_profile(Some("x"), &e);
        assert!(c.explicit_flag);
        assert_eq!(choose_profile(None, &env(&[])).name, "default");
    }

    #[test]
    fn error_format_precedence() {
        let e = env(&[("AWS_CLI_ERROR_FORMAT", "TEXT")]);
        assert_eq!(error_format(None, &e, None), ErrorFormat::Text);
        assert_eq!(error_format(Some(ErrorFormat::Json), &e, None), ErrorFormat::Json);
        assert_eq!(error_format(None, &env(&[("AWS_CLI_ERROR_FORMAT", "bogus")]), None), ErrorFormat::Enhanced);
    }
}
