//! `--debug`: a log on stderr for debugging a failed call, deliberately safer than the
//! reference's.
//!
//! Lines use the reference's layout (`<time> - MainThread - <logger> - DEBUG - <message>`). The
//! log shows the resolved profile, region, endpoint and credential source, each attempt's
//! method, URL, headers and body, each response's status, headers and body, retry decisions and
//! the exit code. It never shows the secret key, the session token, the SigV4 signature, or the
//! values of the model's sensitive members: those are replaced by [`REDACTED`] (the reference
//! prints the token, the signature and every value).

use std::sync::{Arc, Mutex};

use serde_json::Value;

/// What a hidden value is shown as.
pub const REDACTED: &str = "** redacted **";

/// A shared, cheap-to-clone log; disabled logs record nothing.
#[derive(Debug, Clone, Default)]
pub struct DebugLog {
    lines: Option<Arc<Mutex<Vec<String>>>>,
}

fn timestamp() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let secs = now.as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since the epoch (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02},{:03}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        now.subsec_millis()
    )
}

impl DebugLog {
    pub fn new(enabled: bool) -> DebugLog {
        DebugLog { lines: enabled.then(|| Arc::new(Mutex::new(Vec::new()))) }
    }

    pub fn enabled(&self) -> bool {
        self.lines.is_some()
    }

    /// Records one message from `logger`.
    pub fn log(&self, logger: &str, message: impl AsRef<str>) {
        if let Some(lines) = &self.lines {
            if let Ok(mut l) = lines.lock() {
                l.push(format!("{} - MainThread - {logger} - DEBUG - {}\n", timestamp(), message.as_ref()));
            }
        }
    }

    /// Takes the lines recorded so far.
    pub fn drain(&self) -> String {
        match &self.lines {
            Some(lines) => lines.lock().map(|mut l| l.drain(..).collect()).unwrap_or_default(),
            None => String::new(),
        }
    }
}

/// Header values that carry secrets.
pub fn redact_header(name: &str, value: &str) -> String {
    match name.to_ascii_lowercase().as_str() {
        "authorization" => match value.find("Signature=") {
            Some(i) => format!("{}Signature={REDACTED}", &value[..i]),
            None => REDACTED.into(),
        },
        "x-amz-security-token" | "proxy-authorization" | "cookie" | "set-cookie" => REDACTED.into(),
        _ => value.to_string(),
    }
}

/// A JSON body with the values of sensitive members (per the model) replaced.
pub fn redact_body(body: &[u8]) -> String {
    let Ok(mut v) = serde_json::from_slice::<Value>(body) else {
        return String::from_utf8_lossy(body).into_owned();
    };
    let sensitive = crate::model::sensitive_member_names();
    fn walk(v: &mut Value, sensitive: &[String]) {
        match v {
            Value::Object(m) => {
                for (k, child) in m.iter_mut() {
                    if sensitive.iter().any(|s| s == k) {
                        *child = Value::String(REDACTED.into());
                    } else {
                        walk(child, sensitive);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|c| walk(c, sensitive)),
            _ => {}
        }
    }
    walk(&mut v, &sensitive);
    v.to_string()
}

/// The command line with the values that may hold sensitive members hidden.
pub fn redact_args(args: &[String]) -> Vec<String> {
    const HIDDEN: &[&str] = &["--identity-info", "--cli-input-json", "--cli-input-yaml"];
    let mut out = Vec::with_capacity(args.len());
    let mut hide_next = false;
    for a in args {
        if hide_next {
            out.push(REDACTED.to_string());
            hide_next = false;
            continue;
        }
        let name = a.split('=').next().unwrap_or(a);
        let hidden = a.starts_with("--") && name.len() > 2 && HIDDEN.iter().any(|h| h.starts_with(name));
        if hidden && a.contains('=') {
            out.push(format!("{name}={REDACTED}"));
        } else {
            out.push(a.clone());
            hide_next = hidden;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redactions() {
        assert_eq!(
            redact_header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/x, SignedHeaders=host, Signature=abc"),
            "AWS4-HMAC-SHA256 Credential=AKID/x, SignedHeaders=host, Signature=** redacted **"
        );
        assert_eq!(redact_header("X-Amz-Security-Token", "tok"), REDACTED);
        assert_eq!(
            redact_body(br#"{"IdentityInfo":{"FirstName":"Mary","Mobile":"+1"}}"#),
            r#"{"IdentityInfo":{"FirstName":"** redacted **","Mobile":"+1"}}"#
        );
        let args: Vec<String> =
            ["--identity", "FirstName=Mary", "--cli-input-json={}", "--user-id", "u"].iter().map(|s| s.to_string()).collect();
        assert_eq!(
            redact_args(&args),
            vec!["--identity", REDACTED, "--cli-input-json=** redacted **", "--user-id", "u"]
        );
    }

    #[test]
    fn disabled_log_records_nothing() {
        let log = DebugLog::new(false);
        log.log("x", "y");
        assert_eq!(log.drain(), "");
        let log = DebugLog::new(true);
        log.log("awsclone", "hello");
        assert!(log.drain().ends_with(" - MainThread - awsclone - DEBUG - hello\n"));
    }
}
