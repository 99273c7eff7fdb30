//! Transport, credentials and failure: faults injected by FakeConnect (throttling, 5xx, closed
//! connections, slow answers), retry settings, `--no-sign-request`, TLS (an HTTPS front with the
//! test CA in `tests/data/tls/`), credentials from STS / the SSO portal / web identity (FakeIdp),
//! IMDS, `--debug` redaction, SIGINT and a closed stdout.
//!
//! Whole transcripts are compared with `tests/cli/snapshots/<name>.snap` where the output is
//! deterministic (`SNAPSHOTS=overwrite` rewrites them). Every run is bounded: short read
//! timeouts, few attempts, and a check that no case takes more than ten seconds.

use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::support::fake_connect::{INSTANCE_MAIN, USER_MARY};
use crate::support::fake_idp::{
    FakeIdp, IdpRequest, TempCreds, SSO_ACCESS_TOKEN, SSO_CREDS, STS_CREDS, WEB_IDENTITY_CREDS, WEB_IDENTITY_TOKEN,
};
use crate::support::sha1::sha1_hex;
use crate::support::tls_front::{TlsFront, CA_PEM};
use crate::support::transcript::{assert_snapshot_text, DEFAULT_CONFIG, DEFAULT_CREDENTIALS};
use crate::support::{assert_snapshot, Case, FakeConnect, Fault, Outcome, RecordedRequest};

const BIN: &str = env!("CARGO_BIN_EXE_aws");
/// No case may take longer than this (the slowest ones wait out a 1 s read timeout and two
/// standard-mode backoffs of at most 1 s and 2 s).
const BUDGET: Duration = Duration::from_secs(10);
const PATH: &str = "/users/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/87654321-2222-1234-1234-111234567891/identity-info";

/// The operation against `endpoint` with valid ids, then `extra`.
fn update_at(endpoint: &str, extra: &[&str]) -> Case {
    let mut args = vec![
        "connect",
        "update-user-identity-info",
        "--identity-info",
        "FirstName=Mary,LastName=Major",
        "--user-id",
        USER_MARY,
        "--instance-id",
        INSTANCE_MAIN,
        "--endpoint-url",
        endpoint,
    ];
    args.extend_from_slice(extra);
    Case::new(args).timeout(Duration::from_secs(30))
}

/// The operation against FakeConnect.
fn update(extra: &[&str]) -> Case {
    update_at("{EP}", extra)
}

/// Run and check the time budget.
#[track_caller]
fn run(case: &Case, fc: &FakeConnect) -> Outcome {
    let t = Instant::now();
    let out = case.run(BIN, fc);
    let took = t.elapsed();
    assert!(took < BUDGET, "the case took {took:?}: {out:?}");
    out
}

/// `s` with `127.0.0.1:PORT` replaced by `127.0.0.1:{NAME}` where not followed by a digit.
fn replace_port(s: &str, port: u16, name: &str) -> String {
    let from = format!("127.0.0.1:{port}");
    let to = format!("127.0.0.1:{{{name}}}");
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(&from) {
        let after = &rest[i + from.len()..];
        out.push_str(&rest[..i]);
        out.push_str(if after.starts_with(|c: char| c.is_ascii_digit()) { &from } else { &to });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The transcript with the TLS front's port normalised to `{TLS_PORT}`.
fn render_tls(out: &Outcome, tls: &TlsFront) -> String {
    replace_port(&out.render(), tls.port(), "TLS_PORT")
}

/// The transcript followed by what FakeIdp received, its port normalised to `{IDP_PORT}`.
fn render_idp(out: &Outcome, idp: &FakeIdp, idp_requests: &[IdpRequest]) -> String {
    let mut text = out.render();
    text.push_str("--- identity requests\n");
    for r in idp_requests {
        text.push_str(&r.summary());
        text.push('\n');
    }
    replace_port(&out.normalise(&text), idp.port(), "IDP_PORT")
}

/// The one Connect request of `out`, signed with `creds` (key, valid signature, session token).
#[track_caller]
fn assert_signed_with(out: &Outcome, creds: TempCreds) {
    assert_eq!(out.requests.len(), 1, "{out:?}");
    let r = &out.requests[0];
    assert!(r.sig_valid, "{}", r.summary());
    assert_eq!(r.access_key.as_deref(), Some(creds.access_key));
    assert_eq!(r.header("x-amz-security-token"), Some(creds.token));
    assert!(r.signed_headers.as_deref().unwrap_or("").split(';').any(|h| h == "x-amz-security-token"));
}

// 1. Faults, retries and retry settings.

/// 429 ThrottlingException on all three attempts (standard mode, 3 attempts).
#[test]
fn fault_throttled_every_attempt() {
    let fc = FakeConnect::start();
    for _ in 0..3 {
        fc.fault(Fault::error(429, "ThrottlingException", "Rate exceeded"));
    }
    let out = run(&update(&[]), &fc);
    assert_eq!(out.requests.len(), 3);
    assert_snapshot("fault_throttled_every_attempt", &out);
}

/// A 500 and then the real answer: the retry succeeds.
#[test]
fn fault_500_then_success() {
    let fc = FakeConnect::start();
    fc.fault(Fault::error(500, "InternalServiceException", "Internal service error"));
    let out = run(&update(&[]), &fc);
    assert_snapshot("fault_500_then_success", &out);
}

/// 503 with an HTML body: code = the status, message = the reason phrase.
#[test]
fn fault_503_html_body() {
    let fc = FakeConnect::start();
    for _ in 0..3 {
        fc.fault(Fault::Status {
            status: 503,
            headers: vec![("Content-Type".into(), "text/html".into())],
            body: b"<html><body><h1>503 Service Unavailable</h1></body></html>".to_vec(),
        });
    }
    let out = run(&update(&[]), &fc);
    assert_snapshot("fault_503_html_body", &out);
}

/// 502 with an empty body, two attempts.
#[test]
fn fault_502_empty_body() {
    let fc = FakeConnect::start();
    for _ in 0..2 {
        fc.fault(Fault::Status { status: 502, headers: vec![], body: vec![] });
    }
    let out = run(&update(&[]).env("AWS_MAX_ATTEMPTS", "2"), &fc);
    assert_snapshot("fault_502_empty_body", &out);
}

/// A 4xx that is not retryable is not retried, whatever the attempts.
#[test]
fn fault_400_not_retried() {
    let fc = FakeConnect::start();
    fc.fault(Fault::error(400, "InvalidParameterException", "bad param"));
    let out = run(&update(&[]), &fc);
    assert_snapshot("fault_400_not_retried", &out);
}

/// The connection is closed without an answer on every attempt (§7.4's
/// `Connection was closed before we received a valid response from endpoint URL: "<url>".`).
#[test]
fn fault_connection_closed_every_attempt() {
    let fc = FakeConnect::start();
    for _ in 0..2 {
        fc.fault(Fault::ResetConnection);
    }
    let out = run(&update(&[]).env("AWS_MAX_ATTEMPTS", "2"), &fc);
    assert_eq!(out.requests.len(), 2, "a closed connection is retried");
    assert_snapshot("fault_connection_closed_every_attempt", &out);
}

/// A closed connection and then the real answer.
#[test]
fn fault_connection_closed_then_success() {
    let fc = FakeConnect::start();
    fc.fault(Fault::ResetConnection);
    let out = run(&update(&[]), &fc);
    assert_snapshot("fault_connection_closed_then_success", &out);
}

/// Headers later than `--cli-read-timeout`, one attempt.
#[test]
fn fault_slow_headers_read_timeout() {
    let fc = FakeConnect::start();
    fc.fault(Fault::SlowHeaders(Duration::from_secs(4)));
    let t = Instant::now();
    let out = run(&update(&["--cli-read-timeout", "1"]).env("AWS_MAX_ATTEMPTS", "1"), &fc);
    assert!(t.elapsed() < Duration::from_secs(3), "the timeout is 1 s: {:?}", t.elapsed());
    assert_snapshot("fault_slow_headers_read_timeout", &out);
}

/// A read timeout is retried; the second attempt succeeds.
#[test]
fn fault_slow_headers_then_success() {
    let fc = FakeConnect::start();
    fc.fault(Fault::SlowHeaders(Duration::from_secs(4)));
    let out = run(&update(&["--cli-read-timeout", "1"]).env("AWS_MAX_ATTEMPTS", "2"), &fc);
    assert_snapshot("fault_slow_headers_then_success", &out);
}

/// Headers late but within the read timeout: success.
#[test]
fn fault_slow_headers_within_timeout() {
    let fc = FakeConnect::start();
    fc.fault(Fault::SlowHeaders(Duration::from_millis(400)));
    let out = run(&update(&["--cli-read-timeout", "2"]).env("AWS_MAX_ATTEMPTS", "1"), &fc);
    assert_snapshot("fault_slow_headers_within_timeout", &out);
}

/// The body arrives late but within the read timeout: success.
#[test]
fn fault_slow_body_within_timeout() {
    let fc = FakeConnect::start();
    fc.fault(Fault::SlowBody(Duration::from_millis(400)));
    let out = run(&update(&["--cli-read-timeout", "2"]).env("AWS_MAX_ATTEMPTS", "1"), &fc);
    assert_snapshot("fault_slow_body_within_timeout", &out);
}

/// The body stalls longer than `--cli-read-timeout`: botocore's read timeout applies to every
/// socket read, including the body (read inside `URLLib3Session.send`), so the reference fails
/// with `Read timeout on endpoint URL` (255).
#[test]
fn fault_slow_body_read_timeout() {
    let fc = FakeConnect::start();
    fc.fault(Fault::SlowBody(Duration::from_secs(4)));
    let out = run(&update(&["--cli-read-timeout", "1"]).env("AWS_MAX_ATTEMPTS", "1"), &fc);
    assert_snapshot("fault_slow_body_read_timeout", &out);
}

/// `AWS_MAX_ATTEMPTS=1`: a 500 is not retried, `(reached max retries: 0)`.
#[test]
fn max_attempts_one_env() {
    let fc = FakeConnect::start();
    fc.fault(Fault::error(500, "InternalServiceException", "Internal service error"));
    let out = run(&update(&[]).env("AWS_MAX_ATTEMPTS", "1"), &fc);
    assert_snapshot("max_attempts_one_env", &out);
}

/// `max_attempts` from the profile.
#[test]
fn max_attempts_from_profile() {
    let fc = FakeConnect::start();
    for _ in 0..2 {
        fc.fault(Fault::error(429, "ThrottlingException", "Rate exceeded"));
    }
    let config = DEFAULT_CONFIG.replace("[default]\nregion = us-east-1\n", "[default]\nregion = us-east-1\nmax_attempts = 2\n");
    let out = run(&update(&[]).file("home/.aws/config", config), &fc);
    assert_snapshot("max_attempts_from_profile", &out);
}

/// `max_attempts = 0` in the profile: the reference's error, nothing sent.
#[test]
fn max_attempts_zero_profile() {
    let fc = FakeConnect::start();
    let out = run(&update(&[]).file("home/.aws/config", "[default]\nregion = us-east-1\nmax_attempts = 0\n"), &fc);
    assert_snapshot("max_attempts_zero_profile", &out);
}

/// `AWS_MAX_ATTEMPTS` beats the profile's (invalid) `max_attempts`.
#[test]
fn max_attempts_env_beats_profile() {
    let fc = FakeConnect::start();
    fc.fault(Fault::error(500, "InternalServiceException", "Internal service error"));
    let case = update(&[])
        .file("home/.aws/config", "[default]\nregion = us-east-1\nmax_attempts = 0\n")
        .env("AWS_MAX_ATTEMPTS", "1");
    let out = run(&case, &fc);
    assert_snapshot("max_attempts_env_beats_profile", &out);
}

/// `AWS_RETRY_MODE=adaptive` retries a 500 like standard mode (the client-side rate limiter
/// only starts after a throttling error).
#[test]
fn retry_mode_adaptive_500_then_success() {
    let fc = FakeConnect::start();
    fc.fault(Fault::error(500, "InternalServiceException", "Internal service error"));
    let out = run(&update(&[]).env("AWS_RETRY_MODE", "adaptive"), &fc);
    assert_snapshot("retry_mode_adaptive_500_then_success", &out);
}

/// `adaptive` from the profile, with every attempt failing.
#[test]
fn retry_mode_adaptive_profile_exhausted() {
    let fc = FakeConnect::start();
    for _ in 0..2 {
        fc.fault(Fault::error(503, "ServiceUnavailableException", "Service is unavailable"));
    }
    let config = "[default]\nregion = us-east-1\nretry_mode = adaptive\nmax_attempts = 2\n";
    let out = run(&update(&[]).file("home/.aws/config", config), &fc);
    assert_snapshot("retry_mode_adaptive_profile_exhausted", &out);
}

/// `AWS_RETRY_MODE=adaptive` retries a throttle and succeeds. botocore's adaptive limiter
/// (minimum rate 0.5/s, one token per attempt) adds at most ~2 s to the backoff; the SDK's
/// (minimum rate 0.5/s, five tokens per retry) sleeps about 20 s before the retry.
#[test]
fn retry_mode_adaptive_throttle_then_success() {
    let fc = FakeConnect::start();
    fc.fault(Fault::error(429, "ThrottlingException", "Rate exceeded"));
    let out = run(&update(&[]).env("AWS_RETRY_MODE", "adaptive"), &fc);
    assert_snapshot("retry_mode_adaptive_throttle_then_success", &out);
}

/// `AWS_RETRY_MODE=adaptive` with every attempt throttled: the same exhausted-retries error,
/// in about the time standard mode takes.
#[test]
fn retry_mode_adaptive_throttle_exhausted() {
    let fc = FakeConnect::start();
    for _ in 0..2 {
        fc.fault(Fault::error(429, "ThrottlingException", "Rate exceeded"));
    }
    let out = run(&update(&[]).env("AWS_RETRY_MODE", "adaptive").env("AWS_MAX_ATTEMPTS", "2"), &fc);
    assert_snapshot("retry_mode_adaptive_throttle_exhausted", &out);
}

/// `retry_mode = legacy` in the profile is rejected (255), nothing sent.
#[test]
fn retry_mode_legacy_profile() {
    let fc = FakeConnect::start();
    let out = run(&update(&[]).file("home/.aws/config", "[default]\nregion = us-east-1\nretry_mode = legacy\n"), &fc);
    assert_snapshot("retry_mode_legacy_profile", &out);
}

/// `AWS_RETRY_MODE=legacy` beats a valid profile value and is rejected.
#[test]
fn retry_mode_legacy_env() {
    let fc = FakeConnect::start();
    let case = update(&[])
        .file("home/.aws/config", "[default]\nregion = us-east-1\nretry_mode = standard\n")
        .env("AWS_RETRY_MODE", "legacy");
    let out = run(&case, &fc);
    assert_snapshot("retry_mode_legacy_env", &out);
}

// 2. --no-sign-request.

/// Even with session credentials in the profile, nothing is signed: no Authorization, no
/// X-Amz-Date, no token header (FakeConnect then answers MissingAuthenticationToken).
#[test]
fn no_sign_request_sends_no_auth_headers() {
    let fc = FakeConnect::start();
    let out = run(&update(&["--no-sign-request", "--profile", "temp"]), &fc);
    assert_eq!(out.requests.len(), 1);
    let r = &out.requests[0];
    for h in ["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"] {
        assert_eq!(r.header(h), None, "{h} sent: {:?}", r.headers);
    }
    assert!(!r.authorization_present);
    assert_snapshot("no_sign_request_sends_no_auth_headers", &out);
}

/// `--no-sign-request` never looks for credentials: none at all is fine.
#[test]
fn no_sign_request_without_credentials() {
    let fc = FakeConnect::start();
    let out = run(&update(&["--no-sign-request"]).no_file("home/.aws/credentials"), &fc);
    assert_eq!(out.requests.len(), 1);
    assert_eq!(out.requests[0].header("authorization"), None);
    assert_snapshot("no_sign_request_without_credentials", &out);
}

// 3. TLS.

/// FakeConnect behind the HTTPS front.
fn tls_pair() -> (FakeConnect, TlsFront) {
    let fc = FakeConnect::start();
    let tls = TlsFront::start(([127, 0, 0, 1], fc.port()).into());
    (fc, tls)
}

#[test]
fn tls_ca_bundle_flag() {
    let (fc, tls) = tls_pair();
    let out = run(&update_at(&tls.url(), &["--ca-bundle", "tests-ca.pem"]).file("tests-ca.pem", CA_PEM), &fc);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert!(out.requests[0].sig_valid);
    assert_snapshot_text("tls_ca_bundle_flag", &render_tls(&out, &tls));
}

#[test]
fn tls_ca_bundle_env() {
    let (fc, tls) = tls_pair();
    let case = update_at(&tls.url(), &[]).file("tests-ca.pem", CA_PEM).env("AWS_CA_BUNDLE", "{CWD}/tests-ca.pem");
    let out = run(&case, &fc);
    assert_snapshot_text("tls_ca_bundle_env", &render_tls(&out, &tls));
}

#[test]
fn tls_ca_bundle_profile() {
    let (fc, tls) = tls_pair();
    let config = DEFAULT_CONFIG.replace("[default]\nregion = us-east-1\n", "[default]\nregion = us-east-1\nca_bundle = {CWD}/tests-ca.pem\n");
    let case = update_at(&tls.url(), &[]).file("tests-ca.pem", CA_PEM).file("home/.aws/config", config);
    let out = run(&case, &fc);
    assert_snapshot_text("tls_ca_bundle_profile", &render_tls(&out, &tls));
}

/// `--ca-bundle` beats `AWS_CA_BUNDLE` (which names a missing file here).
#[test]
fn tls_ca_bundle_flag_beats_env() {
    let (fc, tls) = tls_pair();
    let case = update_at(&tls.url(), &["--ca-bundle", "tests-ca.pem"])
        .file("tests-ca.pem", CA_PEM)
        .env("AWS_CA_BUNDLE", "{CWD}/missing.pem");
    let out = run(&case, &fc);
    assert_snapshot_text("tls_ca_bundle_flag_beats_env", &render_tls(&out, &tls));
}

/// No CA bundle: the system roots don't know the test CA.
#[test]
fn tls_untrusted_server() {
    let (fc, tls) = tls_pair();
    let out = run(&update_at(&tls.url(), &[]).env("AWS_MAX_ATTEMPTS", "1"), &fc);
    assert!(out.requests.is_empty());
    assert_eq!(tls.connections(), 1);
    assert_snapshot_text("tls_untrusted_server", &render_tls(&out, &tls));
}

/// A certificate failure is retried like any connection error.
#[test]
fn tls_untrusted_server_retried() {
    let (fc, tls) = tls_pair();
    let out = run(&update_at(&tls.url(), &[]).env("AWS_MAX_ATTEMPTS", "2"), &fc);
    assert_eq!(tls.connections(), 2, "one handshake per attempt");
    assert_snapshot_text("tls_untrusted_server_retried", &render_tls(&out, &tls));
}

/// A CA bundle that is not the server's issuer (here: the server certificate itself, a leaf).
#[test]
fn tls_wrong_ca_bundle() {
    let (fc, tls) = tls_pair();
    let leaf = include_str!("../data/tls/server-chain.pem").split_inclusive("-----END CERTIFICATE-----\n").next().unwrap();
    let case = update_at(&tls.url(), &["--ca-bundle", "leaf.pem"]).file("leaf.pem", leaf).env("AWS_MAX_ATTEMPTS", "1");
    let out = run(&case, &fc);
    assert_eq!(out.exit_code, Some(255), "{out:?}");
    assert!(out.requests.is_empty());
    assert_snapshot_text("tls_wrong_ca_bundle", &render_tls(&out, &tls));
}

/// A CA bundle path that does not exist, for an https endpoint.
#[test]
fn tls_ca_bundle_missing_file() {
    let (fc, tls) = tls_pair();
    let out = run(&update_at(&tls.url(), &["--ca-bundle", "missing.pem"]), &fc);
    assert!(out.requests.is_empty());
    assert_snapshot_text("tls_ca_bundle_missing_file", &render_tls(&out, &tls));
}

const MALFORMED_PEM: &str = "-----BEGIN CERTIFICATE-----\nthis is not base64 !!!\n-----END CERTIFICATE-----\n";

/// A malformed PEM: an error, not a panic (the SDK panics on such input if it gets it), and
/// nothing is sent.
#[test]
fn tls_ca_bundle_malformed_no_panic() {
    let (fc, tls) = tls_pair();
    let out = run(&update_at(&tls.url(), &["--ca-bundle", "bad.pem"]).file("bad.pem", MALFORMED_PEM), &fc);
    assert_eq!(out.exit_code, Some(255), "{out:?}");
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    let prefix = format!("\naws: [ERROR]: SSL validation failed for {}{PATH} ", tls.url());
    assert!(out.stderr.starts_with(&prefix), "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(out.requests.is_empty());
    assert_eq!(tls.connections(), 0);
}

/// A malformed PEM's detail: Python's `load_verify_locations` says `[X509] PEM lib` for a
/// certificate block it cannot decode (checked with Python 3.11 / OpenSSL 3.0 on this machine),
/// `NO_CERTIFICATE_OR_CRL_FOUND` only when there is no block at all.
#[test]
fn tls_ca_bundle_malformed() {
    let (fc, tls) = tls_pair();
    let out = run(&update_at(&tls.url(), &["--ca-bundle", "bad.pem"]).file("bad.pem", MALFORMED_PEM), &fc);
    assert_snapshot_text("tls_ca_bundle_malformed", &render_tls(&out, &tls));
}

/// A PEM file with no certificate in it.
#[test]
fn tls_ca_bundle_without_certificates() {
    let (fc, tls) = tls_pair();
    let out = run(&update_at(&tls.url(), &["--ca-bundle", "empty.pem"]).file("empty.pem", "just some text\n"), &fc);
    assert_eq!(out.exit_code, Some(255), "{out:?}");
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert_snapshot_text("tls_ca_bundle_without_certificates", &render_tls(&out, &tls));
}

/// The CA bundle is only read for https: a missing one is ignored for an http endpoint.
#[test]
fn ca_bundle_missing_ignored_for_http() {
    let fc = FakeConnect::start();
    let out = run(&update(&["--ca-bundle", "missing.pem"]), &fc);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert_snapshot("ca_bundle_missing_ignored_for_http", &out);
}

/// `--no-verify-ssl` succeeds against the untrusted server, with one InsecureRequestWarning.
#[test]
fn tls_no_verify_ssl() {
    let (fc, tls) = tls_pair();
    let out = run(&update_at(&tls.url(), &["--no-verify-ssl"]), &fc);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert_eq!(out.stderr.matches("InsecureRequestWarning").count(), 1, "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(out.requests[0].sig_valid);
    assert_snapshot_text("tls_no_verify_ssl", &render_tls(&out, &tls));
}

/// `--no-verify-ssl` wins over a CA bundle that does not exist.
#[test]
fn tls_no_verify_ssl_beats_ca_bundle() {
    let (fc, tls) = tls_pair();
    let out = run(&update_at(&tls.url(), &["--no-verify-ssl", "--ca-bundle", "missing.pem"]), &fc);
    assert_snapshot_text("tls_no_verify_ssl_beats_ca_bundle", &render_tls(&out, &tls));
}

/// `--no-verify-ssl` against an http endpoint: no warning at all.
#[test]
fn no_verify_ssl_http_no_warning() {
    let fc = FakeConnect::start();
    let out = run(&update(&["--no-verify-ssl"]), &fc);
    assert_snapshot("no_verify_ssl_http_no_warning", &out);
}

/// Faults behind TLS: a closed connection reads the same as over plain HTTP.
#[test]
fn tls_connection_closed() {
    let (fc, tls) = tls_pair();
    fc.fault(Fault::ResetConnection);
    let case = update_at(&tls.url(), &["--ca-bundle", "tests-ca.pem"]).file("tests-ca.pem", CA_PEM).env("AWS_MAX_ATTEMPTS", "1");
    let out = run(&case, &fc);
    assert_snapshot_text("tls_connection_closed", &render_tls(&out, &tls));
}

/// Read timeout behind TLS.
#[test]
fn tls_read_timeout() {
    let (fc, tls) = tls_pair();
    fc.fault(Fault::SlowHeaders(Duration::from_secs(4)));
    let case = update_at(&tls.url(), &["--ca-bundle", "tests-ca.pem", "--cli-read-timeout", "1"])
        .file("tests-ca.pem", CA_PEM)
        .env("AWS_MAX_ATTEMPTS", "1");
    let out = run(&case, &fc);
    assert_snapshot_text("tls_read_timeout", &render_tls(&out, &tls));
}

// 4. Credentials beyond static keys.

const ROLE_ARN: &str = "arn:aws:iam::123456789012:role/ConnectAdmin";

/// `role_arn` + `source_profile`: AssumeRole signed with the source profile's key, then the
/// Connect call signed with the role's temporary key and token.
#[test]
fn creds_assume_role_source_profile() {
    let fc = FakeConnect::start();
    let idp = FakeIdp::start();
    fc.add_session_credentials(STS_CREDS.access_key, STS_CREDS.secret, STS_CREDS.token);
    let config = format!(
        "{DEFAULT_CONFIG}\n[profile assume]\nregion = us-east-1\nrole_arn = {ROLE_ARN}\nrole_session_name = transport-test\nsource_profile = default\n"
    );
    let case = update(&["--profile", "assume"]).file("home/.aws/config", config).env("AWS_ENDPOINT_URL_STS", &idp.url());
    let out = run(&case, &fc);
    let sts = idp.requests();
    assert_eq!(out.exit_code, Some(0), "{out:?}\n{sts:?}");
    assert_eq!(sts.len(), 1);
    assert_eq!(sts[0].param("Action"), Some("AssumeRole"));
    assert!(sts[0].sig_valid);
    assert_eq!(sts[0].access_key.as_deref(), Some("AKIDEXAMPLE"));
    assert_signed_with(&out, STS_CREDS);
    assert_snapshot_text("creds_assume_role_source_profile", &render_idp(&out, &idp, &sts));
}

/// STS refuses AssumeRole: botocore lets the STS ClientError through, so the reference prints
/// `An error occurred (AccessDenied) when calling the AssumeRole operation: ...` (254).
#[test]
fn creds_assume_role_denied() {
    let fc = FakeConnect::start();
    let idp = FakeIdp::start();
    let config = format!(
        "{DEFAULT_CONFIG}\n[profile denied]\nregion = us-east-1\nrole_arn = arn:aws:iam::123456789012:role/Denied\n\
         role_session_name = transport-test\nsource_profile = default\n"
    );
    let case = update(&["--profile", "denied"]).file("home/.aws/config", config).env("AWS_ENDPOINT_URL_STS", &idp.url());
    let out = run(&case, &fc);
    let sts = idp.requests();
    assert!(out.requests.is_empty());
    assert_snapshot_text("creds_assume_role_denied", &render_idp(&out, &idp, &sts));
}

fn sso_case(idp: &FakeIdp, access_token: &str) -> Case {
    let config = format!(
        "{DEFAULT_CONFIG}\n[profile sso]\nregion = us-east-1\nsso_session = my-sso\nsso_account_id = 123456789012\n\
         sso_role_name = ConnectAdmin\n\n[sso-session my-sso]\nsso_region = us-east-1\n\
         sso_start_url = https://d-1234567890.awsapps.com/start\nsso_registration_scopes = sso:account:access\n"
    );
    // The SDKs name the cache file after the SHA-1 of the session name.
    let cache = format!("home/.aws/sso/cache/{}.json", sha1_hex(b"my-sso"));
    let token = format!(
        "{{\"startUrl\": \"https://d-1234567890.awsapps.com/start\", \"region\": \"us-east-1\", \
         \"accessToken\": \"{access_token}\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}}"
    );
    update(&["--profile", "sso"])
        .file("home/.aws/config", config)
        .file(&cache, token)
        .env("AWS_ENDPOINT_URL_SSO", &idp.url())
}

/// `sso_session` + `[sso-session x]` with a cached token: the portal's role credentials sign
/// the call.
#[test]
fn creds_sso_session() {
    let fc = FakeConnect::start();
    let idp = FakeIdp::start();
    fc.add_session_credentials(SSO_CREDS.access_key, SSO_CREDS.secret, SSO_CREDS.token);
    let out = run(&sso_case(&idp, SSO_ACCESS_TOKEN), &fc);
    let portal = idp.requests();
    assert_eq!(out.exit_code, Some(0), "{out:?}\n{portal:?}");
    assert_eq!(portal.len(), 1);
    assert_eq!(portal[0].path, "/federation/credentials");
    assert_eq!(portal[0].header("x-amz-sso_bearer_token"), Some(SSO_ACCESS_TOKEN));
    assert_eq!(portal[0].param("role_name"), Some("ConnectAdmin"));
    assert_eq!(portal[0].param("account_id"), Some("123456789012"));
    assert_signed_with(&out, SSO_CREDS);
    assert_snapshot_text("creds_sso_session", &render_idp(&out, &idp, &portal));
}

/// The portal refuses the cached token (401 UnauthorizedException): botocore raises
/// `UnauthorizedSSOTokenError` ("The SSO session associated with this profile has expired or
/// is otherwise invalid. ...", 255).
#[test]
fn creds_sso_token_rejected() {
    let fc = FakeConnect::start();
    let idp = FakeIdp::start();
    let out = run(&sso_case(&idp, "not-the-right-token"), &fc);
    let portal = idp.requests();
    assert!(out.requests.is_empty());
    assert_snapshot_text("creds_sso_token_rejected", &render_idp(&out, &idp, &portal));
}

/// `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN` + `AWS_ROLE_SESSION_NAME` (no other
/// credentials): AssumeRoleWithWebIdentity, unsigned, then the call with its credentials.
#[test]
fn creds_web_identity_env() {
    let fc = FakeConnect::start();
    let idp = FakeIdp::start();
    fc.add_session_credentials(WEB_IDENTITY_CREDS.access_key, WEB_IDENTITY_CREDS.secret, WEB_IDENTITY_CREDS.token);
    let case = update(&[])
        .no_file("home/.aws/credentials")
        .file("web-identity-token", WEB_IDENTITY_TOKEN)
        .env("AWS_WEB_IDENTITY_TOKEN_FILE", "{CWD}/web-identity-token")
        .env("AWS_ROLE_ARN", ROLE_ARN)
        .env("AWS_ROLE_SESSION_NAME", "transport-web-identity")
        .env("AWS_ENDPOINT_URL_STS", &idp.url());
    let out = run(&case, &fc);
    let sts = idp.requests();
    assert_eq!(out.exit_code, Some(0), "{out:?}\n{sts:?}");
    assert_eq!(sts.len(), 1);
    assert_eq!(sts[0].param("Action"), Some("AssumeRoleWithWebIdentity"));
    assert!(!sts[0].authorization_present, "AssumeRoleWithWebIdentity is unsigned");
    assert_signed_with(&out, WEB_IDENTITY_CREDS);
    assert_snapshot_text("creds_web_identity_env", &render_idp(&out, &idp, &sts));
}

/// botocore's chain puts web identity (from the environment) before the shared credentials
/// file (`ProfileProviderBuilder.providers`: web identity, SSO, shared credentials, process,
/// config), so with both, the reference assumes the role.
#[test]
fn creds_web_identity_env_before_shared_credentials() {
    let fc = FakeConnect::start();
    let idp = FakeIdp::start();
    fc.add_session_credentials(WEB_IDENTITY_CREDS.access_key, WEB_IDENTITY_CREDS.secret, WEB_IDENTITY_CREDS.token);
    let case = update(&[])
        .file("web-identity-token", WEB_IDENTITY_TOKEN)
        .env("AWS_WEB_IDENTITY_TOKEN_FILE", "{CWD}/web-identity-token")
        .env("AWS_ROLE_ARN", ROLE_ARN)
        .env("AWS_ROLE_SESSION_NAME", "transport-web-identity")
        .env("AWS_ENDPOINT_URL_STS", &idp.url());
    let out = run(&case, &fc);
    let sts = idp.requests();
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert_eq!(sts.len(), 1, "{out:?}");
    assert_signed_with(&out, WEB_IDENTITY_CREDS);
    assert_snapshot_text("creds_web_identity_env_before_shared_credentials", &render_idp(&out, &idp, &sts));
}

/// STS refuses the web identity token: botocore lets the STS ClientError through, so the
/// reference prints `An error occurred (InvalidIdentityToken) when calling the
/// AssumeRoleWithWebIdentity operation: ...` (254).
#[test]
fn creds_web_identity_rejected() {
    let fc = FakeConnect::start();
    let idp = FakeIdp::start();
    let case = update(&[])
        .no_file("home/.aws/credentials")
        .file("web-identity-token", "not-the-right-token")
        .env("AWS_WEB_IDENTITY_TOKEN_FILE", "{CWD}/web-identity-token")
        .env("AWS_ROLE_ARN", ROLE_ARN)
        .env("AWS_ROLE_SESSION_NAME", "transport-web-identity")
        .env("AWS_ENDPOINT_URL_STS", &idp.url());
    let out = run(&case, &fc);
    let sts = idp.requests();
    assert!(out.requests.is_empty());
    assert_snapshot_text("creds_web_identity_rejected", &render_idp(&out, &idp, &sts));
}

/// With an explicit `--profile`, botocore passes `disable_env_vars` to its web identity
/// provider: `AWS_WEB_IDENTITY_TOKEN_FILE` & co. are ignored, like the environment keys, and a
/// profile without credentials ends in NoCredentials.
#[test]
fn creds_web_identity_env_ignored_with_profile_flag() {
    let fc = FakeConnect::start();
    let idp = FakeIdp::start();
    fc.add_session_credentials(WEB_IDENTITY_CREDS.access_key, WEB_IDENTITY_CREDS.secret, WEB_IDENTITY_CREDS.token);
    let config = format!("{DEFAULT_CONFIG}\n[profile nocreds]\nregion = us-east-1\n");
    let case = update(&["--profile", "nocreds"])
        .file("home/.aws/config", config)
        .file("web-identity-token", WEB_IDENTITY_TOKEN)
        .env("AWS_WEB_IDENTITY_TOKEN_FILE", "{CWD}/web-identity-token")
        .env("AWS_ROLE_ARN", ROLE_ARN)
        .env("AWS_ROLE_SESSION_NAME", "transport-web-identity")
        .env("AWS_ENDPOINT_URL_STS", &idp.url());
    let out = run(&case, &fc);
    let sts = idp.requests();
    assert_snapshot_text("creds_web_identity_env_ignored_with_profile_flag", &render_idp(&out, &idp, &sts));
}

/// No credentials anywhere and IMDS disabled: NoCredentials (253), nothing sent.
#[test]
fn creds_none_imds_disabled() {
    let fc = FakeConnect::start();
    let out = run(&update(&[]).no_file("home/.aws/credentials").env("AWS_EC2_METADATA_DISABLED", "true"), &fc);
    assert_snapshot("creds_none_imds_disabled", &out);
}

/// No credentials and IMDS enabled but refused (closed port): NoCredentials, quickly.
#[test]
fn creds_none_imds_refused_is_quick() {
    let fc = FakeConnect::start();
    let case = update(&[])
        .no_file("home/.aws/credentials")
        .env_remove("AWS_EC2_METADATA_DISABLED")
        .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1");
    let t = Instant::now();
    let out = run(&case, &fc);
    let took = t.elapsed();
    assert!(took < Duration::from_secs(3), "took {took:?}");
    assert_eq!(out.exit_code, Some(253), "{out:?}");
    assert_eq!(
        out.stderr,
        "\naws: [ERROR]: An error occurred (NoCredentials): Unable to locate credentials. You can configure credentials by running \"aws login\".\n"
    );
    assert!(out.requests.is_empty());
}

/// No credentials and IMDS enabled at an address that accepts connections but never answers:
/// the reference's one-attempt, one-second IMDS budget (`metadata_service_timeout`,
/// `metadata_service_num_attempts`) gives NoCredentials after about a second or two.
#[test]
fn creds_none_imds_unresponsive_is_bounded() {
    let fc = FakeConnect::start();
    // Listening but never accepting: the kernel completes the handshake, nothing answers.
    let blackhole = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", blackhole.local_addr().unwrap());
    let case = update(&[])
        .no_file("home/.aws/credentials")
        .env_remove("AWS_EC2_METADATA_DISABLED")
        .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", &endpoint);
    let t = Instant::now();
    let out = run(&case, &fc);
    let took = t.elapsed();
    drop(blackhole);
    assert!(took < Duration::from_secs(4), "took {took:?}");
    assert_eq!(out.exit_code, Some(253), "{out:?}");
    assert!(out.stderr.contains("(NoCredentials): Unable to locate credentials."), "{}", out.stderr);
    assert!(out.requests.is_empty());
}

// 5. --debug leaks nothing.

const SECRET_IDENTITY: &str = "FirstName=SecretFirst,LastName=SecretLast,Email=secret@example.com,SecondaryEmail=secret2@example.com";
const SECRETS: [&str; 6] = [
    "tempSecretKey/zyxwvutsrqponmlkjihgfedcba",
    "FQoGZXIvYXdzEXAMPLETOKEN",
    "SecretFirst",
    "SecretLast",
    "secret@example.com",
    "secret2@example.com",
];

fn debug_case(instance: &str, endpoint: &str) -> Case {
    Case::new([
        "connect",
        "update-user-identity-info",
        "--identity-info",
        SECRET_IDENTITY,
        "--user-id",
        USER_MARY,
        "--instance-id",
        instance,
        "--endpoint-url",
        endpoint,
        "--profile",
        "temp",
        "--debug",
    ])
    .env("AWS_MAX_ATTEMPTS", "1")
}

/// The hex signature of a recorded request.
fn signature(r: &RecordedRequest) -> String {
    let auth = r.header("authorization").expect("signed");
    let sig = auth.split("Signature=").nth(1).expect("Signature=").trim().to_string();
    assert!(sig.len() == 64 && sig.bytes().all(|b| b.is_ascii_hexdigit()), "{sig}");
    sig
}

#[track_caller]
fn assert_no_secrets(stderr: &str, extra: &[String]) {
    for s in SECRETS.iter().map(|s| s.to_string()).chain(extra.iter().cloned()) {
        assert!(!stderr.contains(&s), "--debug leaked {s:?}:\n{stderr}");
    }
}

#[track_caller]
fn assert_contains_all(stderr: &str, wanted: &[String]) {
    for w in wanted {
        assert!(stderr.contains(w.as_str()), "--debug lacks {w:?}:\n{stderr}");
    }
}

#[test]
fn debug_success_leaks_nothing() {
    let fc = FakeConnect::start();
    let out = run(&debug_case(INSTANCE_MAIN, "{EP}"), &fc);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert_eq!(out.stdout, "");
    assert_eq!(out.requests.len(), 1);
    let r = &out.requests[0];
    assert!(r.sig_valid && r.security_token.as_deref() == Some("FQoGZXIvYXdzEXAMPLETOKEN"), "{}", r.summary());
    assert_no_secrets(&out.stderr, &[signature(r)]);
    assert_contains_all(
        &out.stderr,
        &[
            "Profile: temp (named)".into(),
            "region: us-west-2".into(),
            format!("endpoint: {}", fc.url()),
            format!("url={}{PATH}", fc.url()),
            "Attempt 1 of 1".into(),
            "access key id ASIATEMPCREDS".into(),
            "'x-amz-security-token': '** redacted **'".into(),
            "Response status: 200".into(),
            "Exiting with return code 0".into(),
        ],
    );
    for line in out.stderr.lines() {
        assert!(line.contains(" - MainThread - ") && line.contains(" - DEBUG - "), "unexpected line {line:?}");
    }
}

#[test]
fn debug_service_error_leaks_nothing() {
    let fc = FakeConnect::start();
    let out = run(&debug_case("00000000-0000-0000-0000-000000000000", "{EP}"), &fc);
    assert_eq!(out.exit_code, Some(254), "{out:?}");
    assert_eq!(out.requests.len(), 1);
    assert_no_secrets(&out.stderr, &[signature(&out.requests[0])]);
    assert_contains_all(
        &out.stderr,
        &[
            "Profile: temp (named)".into(),
            "region: us-west-2".into(),
            format!("endpoint: {}", fc.url()),
            "Attempt 1 of 1".into(),
            "Response status: 404".into(),
            "Exiting with return code 254".into(),
            "An error occurred (ResourceNotFoundException) when calling the UpdateUserIdentityInfo operation".into(),
        ],
    );
    let last = out.stderr.trim_end().lines().last().unwrap();
    assert!(last.starts_with("aws: [ERROR]: An error occurred (ResourceNotFoundException)"), "{last}");
}

#[test]
fn debug_validation_error_leaks_nothing() {
    let fc = FakeConnect::start();
    let out = run(&debug_case("", "{EP}"), &fc);
    assert_eq!(out.exit_code, Some(252), "{out:?}");
    assert!(out.requests.is_empty());
    assert_no_secrets(&out.stderr, &[]);
    assert_contains_all(
        &out.stderr,
        &[
            "Arguments entered to CLI".into(),
            "\"--profile\", \"temp\"".into(),
            "\"--identity-info\", \"** redacted **\"".into(),
            "Exiting with return code 252".into(),
            "Invalid length for parameter InstanceId, value: 0, valid min length: 1".into(),
        ],
    );
}

/// A transport failure under --debug: the attempts and the failure are logged, no secrets.
#[test]
fn debug_transport_error_leaks_nothing() {
    let fc = FakeConnect::start();
    fc.fault(Fault::ResetConnection);
    let out = run(&debug_case(INSTANCE_MAIN, "{EP}"), &fc);
    assert_eq!(out.exit_code, Some(255), "{out:?}");
    assert_no_secrets(&out.stderr, &[signature(&out.requests[0])]);
    assert_contains_all(
        &out.stderr,
        &["Attempt 1".into(), "Exiting with return code 255".into(), "Connection was closed before we received a valid response".into()],
    );
}

// 6. Interrupts and pipes.

/// A prepared run directory and a command with the same environment `Case` gives.
fn command_in(dir: &Path, args: &[&str]) -> Command {
    let home = dir.join("home");
    std::fs::create_dir_all(home.join(".aws")).unwrap();
    std::fs::write(home.join(".aws/config"), DEFAULT_CONFIG).unwrap();
    std::fs::write(home.join(".aws/credentials"), DEFAULT_CREDENTIALS).unwrap();
    let mut cmd = Command::new(BIN);
    cmd.args(args).current_dir(dir).env_clear().stdin(Stdio::null()).process_group(0);
    if let Some(p) = std::env::var_os("PATH") {
        cmd.env("PATH", p);
    }
    if let Some(p) = std::env::var_os("LLVM_PROFILE_FILE") {
        cmd.env("LLVM_PROFILE_FILE", p);
    }
    cmd.env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env("HOME", &home)
        .env("TMPDIR", dir)
        .env("AWS_CONFIG_FILE", home.join(".aws/config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join(".aws/credentials"))
        .env("AWS_PAGER", "")
        .env("AWS_EC2_METADATA_DISABLED", "true");
    cmd
}

/// Wait for `child` at most `limit`; kill its process group if it takes longer.
fn wait_bounded(child: Child, limit: Duration) -> (Option<std::process::ExitStatus>, String, String) {
    let mut child = child;
    let pid = child.id() as i32;
    let read_all = |r: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut buf);
            }
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = read_all(child.stdout.take().map(|s| Box::new(s) as Box<dyn Read + Send>));
    let err = read_all(child.stderr.take().map(|s| Box::new(s) as Box<dyn Read + Send>));
    let (tx, rx) = mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let _ = tx.send(child.wait());
    });
    let status = match rx.recv_timeout(limit) {
        Ok(s) => s.ok(),
        Err(_) => {
            // SAFETY: kill(2) on the child's own process group.
            unsafe { libc::kill(-pid, libc::SIGKILL) };
            let _ = rx.recv();
            None
        }
    };
    let _ = waiter.join();
    (status, out.join().unwrap(), err.join().unwrap())
}

/// Ctrl-C while the request waits for an answer: exit 130, `\n` on stdout, nothing on stderr.
#[test]
fn sigint_during_request() {
    let fc = FakeConnect::start();
    fc.fault(Fault::SlowHeaders(Duration::from_secs(5)));
    let dir = tempfile::tempdir().unwrap();
    let ep = fc.url();
    let mut cmd = command_in(
        dir.path(),
        &[
            "connect",
            "update-user-identity-info",
            "--identity-info",
            "FirstName=X",
            "--user-id",
            USER_MARY,
            "--instance-id",
            INSTANCE_MAIN,
            "--endpoint-url",
            &ep,
        ],
    );
    let t = Instant::now();
    let child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // Wait until the request is in flight (recorded before the delay starts), then ~300 ms.
    while fc.requests().is_empty() && t.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(fc.requests().len(), 1, "the request never arrived");
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: kill(2) on our own child.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGINT) }, 0);
    let (status, stdout, stderr) = wait_bounded(child, Duration::from_secs(5));
    assert!(t.elapsed() < Duration::from_secs(4), "SIGINT did not end the run promptly: {:?}", t.elapsed());
    assert_eq!(status.and_then(|s| s.code()), Some(130), "{status:?} {stderr}");
    assert_eq!(stdout, "\n");
    assert_eq!(stderr, "");
}

/// Output to a pipe whose read end is already closed: exit 0 and no error text.
#[test]
fn closed_stdout_pipe() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let ep = fc.url();
    let mut fds = [0i32; 2];
    // SAFETY: pipe(2) fills the two descriptors.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: both descriptors were just created and are owned here only.
    let (read_end, write_end) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read_end);
    let mut cmd = command_in(
        dir.path(),
        &[
            "connect",
            "update-user-identity-info",
            "--identity-info",
            "FirstName=X",
            "--user-id",
            USER_MARY,
            "--instance-id",
            INSTANCE_MAIN,
            "--endpoint-url",
            &ep,
            "--query",
            "`\"x\"`",
            "--output",
            "json",
        ],
    );
    let child = cmd.stdout(Stdio::from(write_end)).stderr(Stdio::piped()).spawn().unwrap();
    drop(cmd); // the parent's copy of the write end
    let (status, _, stderr) = wait_bounded(child, Duration::from_secs(10));
    assert_eq!(status.and_then(|s| s.code()), Some(0), "{status:?} {stderr}");
    assert_eq!(stderr, "");
    assert_eq!(fc.requests().len(), 1);
    assert!(fc.requests()[0].sig_valid);
}

/// Same, for a long text output (several writes' worth), and for the table formatter.
#[test]
fn closed_stdout_pipe_long_output() {
    let fc = FakeConnect::start();
    let dir = tempfile::tempdir().unwrap();
    let ep = fc.url();
    let long = format!("`\"{}\"`", "y".repeat(100_000));
    for output in ["text", "table", "yaml"] {
        let mut fds = [0i32; 2];
        // SAFETY: pipe(2) fills the two descriptors.
        assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
        // SAFETY: both descriptors were just created and are owned here only.
        let (read_end, write_end) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
        drop(read_end);
        let mut cmd = command_in(
            dir.path(),
            &[
                "connect",
                "update-user-identity-info",
                "--identity-info",
                "FirstName=X",
                "--user-id",
                USER_MARY,
                "--instance-id",
                INSTANCE_MAIN,
                "--endpoint-url",
                &ep,
                "--query",
                &long,
                "--output",
                output,
            ],
        );
        let child = cmd.stdout(Stdio::from(write_end)).stderr(Stdio::piped()).spawn().unwrap();
        drop(cmd);
        let (status, _, stderr) = wait_bounded(child, Duration::from_secs(10));
        assert_eq!(status.and_then(|s| s.code()), Some(0), "{output}: {status:?} {stderr}");
        assert_eq!(stderr, "", "{output}");
    }
}

/// Proxies from the environment work whichever client is built: the `--no-verify-ssl` client
/// and the CA-bundle client both tunnel through `HTTPS_PROXY`, and `NO_PROXY` bypasses it.
#[test]
fn https_proxy_is_used_by_every_client() {
    use crate::support::connect_proxy::ConnectProxy;
    let (fc, tls) = tls_pair();
    let proxy = ConnectProxy::start();
    let target = format!("127.0.0.1:{}", tls.port());

    let out = run(&update_at(&tls.url(), &["--no-verify-ssl"]).env("HTTPS_PROXY", &proxy.url()), &fc);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert_eq!(proxy.targets(), vec![target.clone()]);

    let case = update_at(&tls.url(), &["--ca-bundle", "tests-ca.pem"]).file("tests-ca.pem", CA_PEM);
    let out = run(&case.clone().env("https_proxy", &proxy.url()), &fc);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert_eq!(proxy.targets(), vec![target.clone(), target.clone()]);

    let out = run(&case.env("HTTPS_PROXY", &proxy.url()).env("NO_PROXY", "127.0.0.1"), &fc);
    assert_eq!(out.exit_code, Some(0), "{out:?}");
    assert_eq!(proxy.targets().len(), 2, "NO_PROXY must bypass the proxy");
    assert!(out.requests.iter().all(|r| r.sig_valid));
}
