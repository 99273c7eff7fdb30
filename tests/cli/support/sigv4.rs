//! SigV4 checking for [`super::fake_connect::FakeConnect`], a port of emulator.py's
//! `verify_sigv4`: the same checks, in the same priority order, with the same
//! error codes and messages.
//!
//! The signature itself is recomputed with the `aws-sigv4` crate: the request is
//! rebuilt from what was received (method, raw path and query, only the headers
//! named in `SignedHeaders`, body or the sent `x-amz-content-sha256`) and signed
//! again with the secret of the access key, at the `X-Amz-Date` time, for the
//! region and service of the credential scope. aws-sigv4's defaults for non-S3
//! services (normalised path, then each byte of the received - already encoded -
//! path encoded again) are the rules botocore (AWS CLI v1 and v2) and
//! aws-sdk-rust sign with and the ones emulator.py checks: `//` collapses, `.`
//! and `..` segments resolve, `%2F` in a label is signed as `%252F`.
//!
//! Known differences from emulator.py, all outside what a CLI sends: a request
//! whose `SignedHeaders` omits `host` or `x-amz-date`, names a header that was not
//! sent, or carries a value that is not visible ASCII, is reported `sig_valid =
//! false`; a `+` in the query is read as a space.

use super::fake_connect::header;
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The only service name accepted in the credential scope.
pub const SERVICE: &str = "connect";
/// Largest accepted distance between `X-Amz-Date` and the server clock.
pub const MAX_SKEW: Duration = Duration::from_secs(15 * 60);
/// Message of the InvalidSignatureException for a wrong signature.
pub const MSG_BAD_SIG: &str = "The request signature we calculated does not match the signature \
you provided. Check your AWS Secret Access Key and signing method. Consult the service \
documentation for details.";

/// Access key id -> (secret, session token). A key without a token must be sent
/// without `x-amz-security-token`; a key with one must send exactly that token.
pub type CredentialTable = HashMap<String, (String, Option<String>)>;

/// emulator.py's `CREDENTIALS` (the profiles of the conformance corpus's default files).
pub fn default_credentials() -> CredentialTable {
    let mut t = CredentialTable::new();
    t.insert(
        "AKIDEXAMPLE".into(),
        ("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into(), None),
    );
    t.insert(
        "AKIAOTHERPROFILE".into(),
        ("otherSecretKey/0123456789abcdefghijklmn".into(), None),
    );
    t.insert(
        "ASIATEMPCREDS".into(),
        (
            "tempSecretKey/zyxwvutsrqponmlkjihgfedcba".into(),
            Some("FQoGZXIvYXdzEXAMPLETOKEN".into()),
        ),
    );
    t
}

/// What the `Authorization` header said, and whether its signature is right.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SigInfo {
    pub authorization_present: bool,
    /// The signature is correct for the key's secret (whatever scope, token or clock problems).
    pub sig_valid: bool,
    pub access_key: Option<String>,
    pub signing_region: Option<String>,
    pub signing_service: Option<String>,
    pub signed_headers: Option<String>,
}

/// An authentication failure, answered in the "coral service" error style.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

fn reject(status: u16, code: &'static str, message: impl Into<String>) -> Option<Rejection> {
    Some(Rejection {
        status,
        code,
        message: message.into(),
    })
}

/// Check a received request. `path` and `query` are raw (as on the request line),
/// `headers` have lowercase names. Returns what was learnt and the first failure.
pub fn verify(
    method: &str,
    path: &str,
    query: &str,
    headers: &[(String, String)],
    body: &[u8],
    creds: &CredentialTable,
    now: SystemTime,
) -> (SigInfo, Option<Rejection>) {
    let mut info = SigInfo::default();
    let Some(auth) = header(headers, "authorization") else {
        return (
            info,
            reject(
                403,
                "MissingAuthenticationTokenException",
                "Missing Authentication Token",
            ),
        );
    };
    info.authorization_present = true;
    let Some(a) = parse_authorization(auth) else {
        let msg = "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.";
        return (info, reject(403, "IncompleteSignatureException", msg));
    };
    info.access_key = Some(a.akid.to_string());
    info.signing_region = Some(a.region.to_string());
    info.signing_service = Some(a.service.to_string());
    info.signed_headers = Some(a.signed.join(";"));

    let amz_date = header(headers, "x-amz-date");
    let sent_hash = header(headers, "x-amz-content-sha256");
    let time = amz_date.and_then(parse_amz_date);
    if let (Some((secret, _)), Some(time)) = (creds.get(a.akid), time) {
        let payload = match sent_hash {
            Some(h) => SignableBody::Precomputed(h.to_string()),
            None => SignableBody::Bytes(body),
        };
        let token = if a.signed.contains(&"x-amz-security-token") {
            header(headers, "x-amz-security-token")
        } else {
            None
        };
        let signable: Vec<(&str, &str)> = headers
            .iter()
            .filter(|(n, _)| a.signed.contains(&n.as_str()))
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let all_sent = a
            .signed
            .iter()
            .all(|s| signable.iter().any(|(n, _)| n == s));
        let target = if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{query}")
        };
        let resigned = compute_signature(
            method, &target, &signable, payload, a.akid, secret, token, a.region, a.service, time,
        );
        info.sig_valid = all_sent
            && a.signed.contains(&"host")
            && a.signed.contains(&"x-amz-date")
            && resigned.as_deref() == Some(a.signature);
    }

    let bad = |msg: String| reject(403, "InvalidSignatureException", msg);
    let failure = match creds.get(a.akid) {
        None => reject(403, "UnrecognizedClientException", "The security token included in the request is invalid."),
        Some((_, token)) if token.as_deref() != header(headers, "x-amz-security-token") => {
            reject(403, "UnrecognizedClientException", "The security token included in the request is invalid.")
        }
        _ if amz_date.is_none_or(|d| !is_amz_date_shape(d)) => reject(
            403,
            "IncompleteSignatureException",
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
        ),
        _ if !a.signed.contains(&"host") => bad("'Host' must be a 'SignedHeader' in the AWS Authorization.".into()),
        _ if !a.signed.contains(&"x-amz-date") => {
            bad("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.".into())
        }
        _ if &amz_date.unwrap()[..8] != a.date => bad(format!(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{}' != '{}'",
            a.date,
            &amz_date.unwrap()[..8]
        )),
        _ if a.service != SERVICE => bad(format!("Credential should be scoped to correct service: '{SERVICE}'. ")),
        _ if !is_valid_region(a.region) => bad("Credential should be scoped to a valid region. ".into()),
        _ if sent_hash.is_some_and(|h| !hash_matches(h, body)) => reject(
            400,
            "InvalidSignatureException",
            "The provided 'x-amz-content-sha256' header does not match what was computed.",
        ),
        _ if !info.sig_valid => bad(MSG_BAD_SIG.into()),
        _ => {
            let t = time.unwrap_or(UNIX_EPOCH);
            let skew = now.duration_since(t).or_else(|e| Ok::<_, ()>(e.duration())).unwrap();
            if skew > MAX_SKEW {
                let n = format_amz_date(now);
                bad(format!("Signature expired: {} is now earlier than {n} ({n} - 15 min.)", amz_date.unwrap()))
            } else {
                None
            }
        }
    };
    (info, failure)
}

/// Sign a request with aws-sigv4 and return the headers to add to it
/// (`x-amz-date`, `x-amz-security-token` when `token` is set, `authorization`).
/// `url` must be absolute and already percent-encoded; `headers` are signed as
/// given (a `host` header is derived from the URL when absent).
#[allow(clippy::too_many_arguments)]
pub fn sign_request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    access_key: &str,
    secret: &str,
    token: Option<&str>,
    region: &str,
    time: SystemTime,
) -> Vec<(String, String)> {
    let identity = Credentials::new(
        access_key,
        secret,
        token.map(str::to_string),
        None,
        "fake-connect",
    )
    .into();
    let mut settings = SigningSettings::default();
    settings.excluded_headers = Some(Vec::new());
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(SERVICE)
        .time(time)
        .settings(settings)
        .build()
        .expect("signing params")
        .into();
    let req = SignableRequest::new(
        method,
        url,
        headers.iter().copied(),
        SignableBody::Bytes(body),
    )
    .expect("signable request");
    let (instructions, _) = sign(req, &params).expect("sign").into_parts();
    instructions
        .headers()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Recompute the signature of a received request; `None` when aws-sigv4 can't
/// represent it (unparseable path, non-ASCII header value...).
#[allow(clippy::too_many_arguments)]
fn compute_signature(
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    payload: SignableBody<'_>,
    akid: &str,
    secret: &str,
    token: Option<&str>,
    region: &str,
    service: &str,
    time: SystemTime,
) -> Option<String> {
    let identity = Credentials::new(
        akid,
        secret,
        token.map(str::to_string),
        None,
        "fake-connect",
    )
    .into();
    let mut settings = SigningSettings::default();
    // Sign exactly the headers the client listed (the default skips user-agent...).
    settings.excluded_headers = Some(Vec::new());
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(service)
        .time(time)
        .settings(settings)
        .build()
        .ok()?
        .into();
    let host = headers
        .iter()
        .find(|(n, _)| *n == "host")
        .map_or("localhost", |(_, v)| *v);
    let url = format!("http://{host}{target}");
    let req = SignableRequest::new(method, url, headers.iter().copied(), payload).ok()?;
    Some(sign(req, &params).ok()?.into_parts().1)
}

/// Is `sent` the hex SHA-256 of `body`? Two signatures of the same trivial request
/// differing only in the payload hash are equal exactly when the hashes are.
fn hash_matches(sent: &str, body: &[u8]) -> bool {
    let sig = |payload| {
        compute_signature(
            "POST",
            "/",
            &[],
            payload,
            "K",
            "S",
            None,
            "us-east-1",
            SERVICE,
            UNIX_EPOCH,
        )
    };
    let a = sig(SignableBody::Precomputed(sent.to_string()));
    a.is_some() && a == sig(SignableBody::Bytes(body))
}

/// The parts of `AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request,
/// SignedHeaders=a;b, Signature=<64 hex>` (emulator.py's `AUTH_RE`).
struct Authorization<'a> {
    akid: &'a str,
    date: &'a str,
    region: &'a str,
    service: &'a str,
    signed: Vec<&'a str>,
    signature: &'a str,
}

fn parse_authorization(value: &str) -> Option<Authorization<'_>> {
    let rest = value.trim().strip_prefix("AWS4-HMAC-SHA256")?;
    let rest = rest.strip_prefix(char::is_whitespace)?.trim_start();
    let (cred, rest) = rest.strip_prefix("Credential=")?.split_once(',')?;
    let (signed, rest) = rest
        .trim_start()
        .strip_prefix("SignedHeaders=")?
        .split_once(',')?;
    let signature = rest.trim_start().strip_prefix("Signature=")?.trim_end();
    let token =
        |s: &str| !s.is_empty() && !s.contains(|c: char| c == '/' || c == ',' || c.is_whitespace());
    let parts: Vec<&str> = cred.trim_end().split('/').collect();
    let &[akid, date, region, service, "aws4_request"] = parts.as_slice() else {
        return None;
    };
    let signed = signed.trim_end();
    let ok = [akid, region, service].iter().all(|p| token(p))
        && date.len() == 8
        && date.bytes().all(|b| b.is_ascii_digit())
        && !signed.is_empty()
        && !signed.contains(char::is_whitespace)
        && signature.len() == 64
        && signature
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    ok.then(|| Authorization {
        akid,
        date,
        region,
        service,
        signed: signed.split(';').collect(),
        signature,
    })
}

/// emulator.py's `REGION_RE`: a commercial region name such as `us-east-1`.
fn is_valid_region(r: &str) -> bool {
    const AREAS: &[&str] = &["us", "eu", "ap", "ca", "sa", "me", "af", "il", "mx"];
    const DIRS: &[&str] = &[
        "central",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "southeast",
        "northwest",
        "southwest",
    ];
    let p: Vec<&str> = r.split('-').collect();
    p.len() == 3
        && AREAS.contains(&p[0])
        && DIRS.contains(&p[1])
        && p[2].len() == 1
        && matches!(p[2].as_bytes()[0], b'1'..=b'9')
}

fn is_amz_date_shape(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 16
        && b[8] == b'T'
        && b[15] == b'Z'
        && b[..8].iter().chain(&b[9..15]).all(u8::is_ascii_digit)
}

/// `YYYYMMDDTHHMMSSZ` -> time, when well formed and a real date.
pub fn parse_amz_date(d: &str) -> Option<SystemTime> {
    if !is_amz_date_shape(d) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| d[r].parse::<i64>().unwrap();
    let (y, mo, da, h, mi, s) = (n(0..4), n(4..6), n(6..8), n(9..11), n(11..13), n(13..15));
    if !(1..=12).contains(&mo) || !(1..=31).contains(&da) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let secs = days_from_civil(y, mo, da) * 86400 + h * 3600 + mi * 60 + s;
    Some(UNIX_EPOCH + Duration::from_secs(u64::try_from(secs).ok()?))
}

/// time -> `YYYYMMDDTHHMMSSZ` (UTC).
pub fn format_amz_date(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs() as i64;
    let (y, m, d) = civil_from_days(secs.div_euclid(86400));
    let r = secs.rem_euclid(86400);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        r / 3600,
        r / 60 % 60,
        r % 60
    )
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Inverse of [`days_from_civil`].
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str =
        "http://127.0.0.1:4567/users/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/u%2Fx/identity-info";
    const BODY: &[u8] = br#"{"IdentityInfo":{"FirstName":"a"}}"#;

    /// Sign like a client would and hand back what the server would receive.
    fn signed(
        akid: &str,
        secret: &str,
        token: Option<&str>,
        region: &str,
        t: SystemTime,
    ) -> Vec<(String, String)> {
        let base = [
            ("host", "127.0.0.1:4567"),
            ("content-type", "application/json"),
        ];
        let mut h: Vec<(String, String)> = base
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        h.extend(sign_request(
            "POST", URL, &base, BODY, akid, secret, token, region, t,
        ));
        h.push(("user-agent".into(), "test/1.0".into())); // sent, not signed
        h.iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
            .collect()
    }

    fn check(
        h: &[(String, String)],
        path: &str,
        body: &[u8],
        now: SystemTime,
    ) -> (SigInfo, Option<Rejection>) {
        verify("POST", path, "", h, body, &default_credentials(), now)
    }

    const PATH: &str = "/users/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/u%2Fx/identity-info";
    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    #[test]
    fn valid_signature_verifies() {
        let now = SystemTime::now();
        let (info, err) = check(
            &signed("AKIDEXAMPLE", SECRET, None, "us-east-1", now),
            PATH,
            BODY,
            now,
        );
        assert_eq!(err, None);
        assert!(info.sig_valid && info.authorization_present);
        assert_eq!(info.access_key.as_deref(), Some("AKIDEXAMPLE"));
        assert_eq!(info.signing_region.as_deref(), Some("us-east-1"));
        assert_eq!(info.signing_service.as_deref(), Some("connect"));
        assert_eq!(
            info.signed_headers.as_deref(),
            Some("content-type;host;x-amz-date")
        );
    }

    #[test]
    fn session_token_is_checked() {
        let now = SystemTime::now();
        let temp = default_credentials()["ASIATEMPCREDS"].clone();
        let h = signed(
            "ASIATEMPCREDS",
            &temp.0,
            temp.1.as_deref(),
            "eu-west-1",
            now,
        );
        let (info, err) = check(&h, PATH, BODY, now);
        assert!(info.sig_valid && err.is_none(), "{err:?}");
        let h = signed("ASIATEMPCREDS", &temp.0, None, "eu-west-1", now);
        let (info, err) = check(&h, PATH, BODY, now);
        assert!(info.sig_valid);
        assert_eq!(err.unwrap().code, "UnrecognizedClientException");
    }

    #[test]
    fn tampering_is_detected() {
        let now = SystemTime::now();
        let h = signed("AKIDEXAMPLE", SECRET, None, "us-east-1", now);
        // Other body, other path, wrong secret.
        let (info, err) = check(&h, PATH, br#"{"IdentityInfo":{"FirstName":"b"}}"#, now);
        assert!(!info.sig_valid);
        assert_eq!(err.unwrap().message, MSG_BAD_SIG);
        assert!(
            !check(&h, &PATH.replace("u%2Fx", "u/x"), BODY, now)
                .0
                .sig_valid
        );
        let h2 = signed("AKIDEXAMPLE", "notTheRightSecret", None, "us-east-1", now);
        let (info, err) = check(&h2, PATH, BODY, now);
        assert!(!info.sig_valid);
        let err = err.unwrap();
        assert_eq!((err.status, err.code), (403, "InvalidSignatureException"));
        // A changed signed header.
        let mut h3 = h.clone();
        h3.iter_mut().find(|(k, _)| k == "content-type").unwrap().1 = "text/plain".into();
        assert!(!check(&h3, PATH, BODY, now).0.sig_valid);
        // An unsigned header may change.
        let mut h4 = h.clone();
        h4.iter_mut().find(|(k, _)| k == "user-agent").unwrap().1 = "other".into();
        assert!(check(&h4, PATH, BODY, now).0.sig_valid);
    }

    #[test]
    fn path_is_normalised_like_botocore() {
        let now = SystemTime::now();
        let h = signed("AKIDEXAMPLE", SECRET, None, "us-east-1", now);
        let odd = "/users/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111//./u%2Fx/identity-info";
        assert!(check(&h, odd, BODY, now).0.sig_valid);
    }

    #[test]
    fn rejections_in_emulator_order() {
        let now = SystemTime::now();
        let code = |h: &[(String, String)], now| {
            check(h, PATH, BODY, now)
                .1
                .map(|r| (r.status, r.code, r.message))
        };
        assert_eq!(
            code(&[], now).unwrap(),
            (
                403,
                "MissingAuthenticationTokenException",
                "Missing Authentication Token".into()
            )
        );
        let garbage = vec![(
            "authorization".to_string(),
            "AWS4-HMAC-SHA256 garbage".to_string(),
        )];
        assert_eq!(
            code(&garbage, now).unwrap().1,
            "IncompleteSignatureException"
        );
        let unknown = signed(
            "AKIDUNKNOWN000000000",
            "whateverSecret",
            None,
            "us-east-1",
            now,
        );
        assert_eq!(
            code(&unknown, now).unwrap(),
            (
                403,
                "UnrecognizedClientException",
                "The security token included in the request is invalid.".into()
            )
        );
        let bad_region = signed("AKIDEXAMPLE", SECRET, None, "moon-base-1", now);
        let (info, err) = check(&bad_region, PATH, BODY, now);
        assert!(info.sig_valid);
        assert_eq!(
            err.unwrap().message,
            "Credential should be scoped to a valid region. "
        );
        let old = now - Duration::from_secs(3600);
        let msg = code(&signed("AKIDEXAMPLE", SECRET, None, "us-east-1", old), now)
            .unwrap()
            .2;
        assert!(msg.starts_with(&format!(
            "Signature expired: {} is now earlier than",
            format_amz_date(old)
        )));
        let mut sha = signed("AKIDEXAMPLE", SECRET, None, "us-east-1", now);
        sha.push(("x-amz-content-sha256".into(), "00".repeat(32)));
        let r = code(&sha, now).unwrap();
        assert_eq!((r.0, r.1), (400, "InvalidSignatureException"));
    }

    #[test]
    fn payload_hash_comparison() {
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert!(hash_matches(empty, b""));
        assert!(!hash_matches(empty, b"x"));
        assert!(!hash_matches("UNSIGNED-PAYLOAD", b""));
    }

    #[test]
    fn dates() {
        let t = parse_amz_date("20231114T221320Z").unwrap();
        assert_eq!(t.duration_since(UNIX_EPOCH).unwrap().as_secs(), 1700000000);
        assert_eq!(format_amz_date(t), "20231114T221320Z");
        assert!(parse_amz_date("20231314T221320Z").is_none());
        assert!(parse_amz_date("2023-11-14T22:13").is_none());
    }
}
