//! SDK errors → the reference's errors (§9 of the behaviour spec).
//!
//! Service errors: code from `x-amzn-ErrorType` (cut at `:`, then after the last `#`), else the
//! body's `code`/`Code`/`__type`, else the status; message from `message`/`Message`; a 5xx with an
//! empty or HTML body is `(<status>) <reason phrase>`; a non-JSON body is the message. Modelled
//! extra members of the error shape become "additional details". Transport failures use
//! botocore's texts with the full request URL.

use aws_credential_types::provider::error::CredentialsError;
use aws_sdk_connect::error::SdkError;
use aws_smithy_runtime_api::http::Response;
use serde_json::Value;

use super::{Call, Transport};
use crate::error::{CliError, ServiceError};
use crate::model;

pub use crate::util::python_os_error;

/// botocore's retryable codes (throttling and transient) and statuses.
pub fn is_retryable(status: u16, code: &str) -> bool {
    const CODES: &[&str] = &[
        "RequestTimeout",
        "RequestTimeoutException",
        "PriorRequestNotComplete",
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "EC2ThrottledException",
    ];
    matches!(status, 500 | 502 | 503 | 504) || CODES.contains(&code)
}

/// The URL botocore names in transport errors: endpoint + encoded path.
pub fn request_url(transport: &Transport, call: &Call) -> String {
    let base = transport
        .endpoint_url
        .clone()
        .unwrap_or_else(|| format!("https://connect.{}.amazonaws.com", transport.region));
    let base = base.trim_end_matches('/');
    format!("{base}/users/{}/{}/identity-info", encode_label(&call.instance_id), encode_label(&call.user_id))
}

/// Percent-encoding of a URI label: only unreserved characters stay.
pub fn encode_label(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn reason_phrase(status: u16) -> &'static str {
    http_reason(status).unwrap_or("")
}

fn http_reason(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Request Entity Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => return None,
    })
}

fn trim_code(raw: &str) -> String {
    let cut = raw.split(':').next().unwrap_or(raw);
    cut.rsplit('#').next().unwrap_or(cut).to_string()
}

/// Parses an error response as botocore's rest-json parser does.
pub fn parse_service_error(status: u16, error_type: Option<&str>, body: &[u8]) -> ServiceError {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    if status >= 500 && (trimmed.is_empty() || trimmed.starts_with('<')) {
        return ServiceError {
            code: status.to_string(),
            message: reason_phrase(status).to_string(),
            extras: vec![],
            retries_exhausted: None,
            operation: None,
        };
    }
    let parsed: Value = if trimmed.is_empty() {
        Value::Object(Default::default())
    } else {
        match serde_json::from_str::<Value>(&text) {
            Ok(v @ Value::Object(_)) => v,
            _ => serde_json::json!({ "message": text }),
        }
    };
    let field = |k: &str| parsed.get(k).and_then(Value::as_str).map(str::to_string);
    let code = error_type
        .map(trim_code)
        .or_else(|| field("code").or_else(|| field("Code")).map(|c| trim_code(&c)))
        .or_else(|| field("__type").map(|c| trim_code(&c)))
        .unwrap_or_else(|| status.to_string());
    let message = field("message").or_else(|| field("Message")).unwrap_or_default();
    let extras = model::error_extra_members(&code)
        .into_iter()
        .filter_map(|m| parsed.get(&m).map(|v| (m.clone(), v.clone())))
        .collect();
    ServiceError { code, message, extras, retries_exhausted: None, operation: None }
}

fn chain_any(err: &(dyn std::error::Error + 'static), pred: &dyn Fn(&(dyn std::error::Error + 'static)) -> bool) -> bool {
    let mut cur = Some(err);
    while let Some(e) = cur {
        if pred(e) {
            return true;
        }
        cur = e.source();
    }
    false
}

fn chain_text(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = Some(err);
    while let Some(e) = cur {
        let text = e.to_string();
        // Wrappers often repeat their source's text; say each thing once.
        match parts.last_mut() {
            Some(last) if last.contains(&text) => {}
            Some(last) if text.contains(last.as_str()) => *last = text,
            _ => parts.push(text),
        }
        cur = e.source();
    }
    parts.join(": ")
}

fn service_error_from(raw: &Response, attempts: u32, max_attempts: u32) -> CliError {
    let status = raw.status().as_u16();
    let error_type = raw.headers().get("x-amzn-errortype");
    let body = raw.body().bytes().unwrap_or_default();
    let mut e = parse_service_error(status, error_type, body);
    if attempts >= max_attempts && is_retryable(status, &e.code) {
        e.retries_exhausted = Some(attempts.saturating_sub(1));
    }
    CliError::Service(e)
}

/// Maps an SDK error; `attempts` is how many attempts were made, `url` the request URL.
pub fn map<E>(err: SdkError<E, Response>, attempts: u32, max_attempts: u32, url: &str) -> CliError
where
    E: std::error::Error + 'static,
{
    let full: &(dyn std::error::Error + 'static) = &err;
    // A body that stopped arriving (stalled-stream protection, see `body_read_timeout`).
    if chain_text(full).contains("minimum throughput") {
        return CliError::General(format!("Read timeout on endpoint URL: \"{url}\""));
    }
    match &err {
        SdkError::ServiceError(se) => service_error_from(se.raw(), attempts, max_attempts),
        SdkError::ResponseError(re) => {
            let raw = re.raw();
            if raw.status().as_u16() >= 300 {
                service_error_from(raw, attempts, max_attempts)
            } else {
                CliError::General(format!(
                    "Connection was closed before we received a valid response from endpoint URL: \"{url}\"."
                ))
            }
        }
        SdkError::DispatchFailure(df) => {
            let full: &(dyn std::error::Error + 'static) = &err;
            if chain_any(full, &|e| e.is::<CredentialsError>()) {
                return credentials_error(full);
            }
            let text = chain_text(full).to_lowercase();
            if let Some(scheme) = url.split("://").next().filter(|s| *s != "http" && *s != "https") {
                return CliError::General(format!(
                    "An HTTP Client raised an unhandled exception: Not supported URL scheme {scheme}"
                ));
            }
            if text.contains("certificate") || text.contains("tls") || text.contains("handshake") {
                let detail = tls_detail(&text);
                return CliError::General(format!("SSL validation failed for {url} {detail}"));
            }
            if df.is_timeout() {
                if text.contains("connect timeout") {
                    return CliError::General(format!("Connect timeout on endpoint URL: \"{url}\""));
                }
                return CliError::General(format!("Read timeout on endpoint URL: \"{url}\""));
            }
            if df.is_io() && (text.contains("connect") || text.contains("dns")) && !text.contains("connection reset")
                && !text.contains("connection closed")
            {
                return CliError::General(format!("Could not connect to the endpoint URL: \"{url}\""));
            }
            CliError::General(format!(
                "Connection was closed before we received a valid response from endpoint URL: \"{url}\"."
            ))
        }
        SdkError::TimeoutError(_) => CliError::General(format!("Read timeout on endpoint URL: \"{url}\"")),
        SdkError::ConstructionFailure(_) => {
            let full: &(dyn std::error::Error + 'static) = &err;
            if chain_any(full, &|e| e.is::<CredentialsError>()) {
                return credentials_error(full);
            }
            CliError::General(chain_text(full))
        }
        _ => {
            let full: &(dyn std::error::Error + 'static) = &err;
            CliError::General(chain_text(full))
        }
    }
}

/// A service error returned by an STS or SSO call a credential provider made.
fn provider_service_error(e: &(dyn std::error::Error + 'static)) -> Option<CliError> {
    use aws_sdk_sso::operation::get_role_credentials::GetRoleCredentialsError;
    use aws_sdk_sts::error::ProvideErrorMetadata;
    use aws_sdk_sts::operation::{assume_role::AssumeRoleError, assume_role_with_web_identity::AssumeRoleWithWebIdentityError};
    let service = |code: Option<&str>, message: Option<&str>, operation: &'static str| {
        CliError::Service(ServiceError {
            code: code.unwrap_or("Unknown").to_string(),
            message: message.unwrap_or("Unknown").to_string(),
            extras: vec![],
            retries_exhausted: None,
            operation: Some(operation),
        })
    };
    if let Some(SdkError::ServiceError(se)) = e.downcast_ref::<SdkError<AssumeRoleError, Response>>() {
        return Some(service(se.err().code(), se.err().message(), "AssumeRole"));
    }
    if let Some(SdkError::ServiceError(se)) = e.downcast_ref::<SdkError<AssumeRoleWithWebIdentityError, Response>>() {
        return Some(service(se.err().code(), se.err().message(), "AssumeRoleWithWebIdentity"));
    }
    if let Some(SdkError::ServiceError(se)) = e.downcast_ref::<SdkError<GetRoleCredentialsError, Response>>() {
        if se.err().is_unauthorized_exception() {
            return Some(CliError::General(
                "The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.".into(),
            ));
        }
        return Some(service(se.err().code(), se.err().message(), "GetRoleCredentials"));
    }
    None
}

fn credentials_error(err: &(dyn std::error::Error + 'static)) -> CliError {
    let mut cur = Some(err);
    while let Some(e) = cur {
        if let Some(mapped) = provider_service_error(e) {
            return mapped;
        }
        cur = e.source();
    }
    let mut cur = Some(err);
    while let Some(e) = cur {
        if let Some(ce) = e.downcast_ref::<CredentialsError>() {
            return match ce {
                CredentialsError::CredentialsNotLoaded(_) => CliError::NoCredentials,
                other => CliError::General(chain_text(other)),
            };
        }
        cur = e.source();
    }
    CliError::NoCredentials
}

fn tls_detail(text: &str) -> String {
    let reason = if text.contains("unknownissuer") || text.contains("unknown issuer") {
        "unable to get local issuer certificate"
    } else if text.contains("expired") {
        "certificate has expired"
    } else if text.contains("notvalidforname") || text.contains("not valid for name") {
        "hostname mismatch"
    } else {
        "self-signed certificate in certificate chain"
    };
    format!("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: {reason}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_messages() {
        let e = parse_service_error(
            404,
            Some("ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.connect/"),
            br#"{"Message": "User not found"}"#,
        );
        assert_eq!((e.code.as_str(), e.message.as_str()), ("ResourceNotFoundException", "User not found"));
        let e = parse_service_error(400, None, b"<html>not json</html>");
        assert_eq!((e.code.as_str(), e.message.as_str()), ("400", "<html>not json</html>"));
        let e = parse_service_error(502, None, b"<html>bad</html>");
        assert_eq!((e.code.as_str(), e.message.as_str()), ("502", "Bad Gateway"));
        let e = parse_service_error(400, None, br#"{"__type": "com.amazonaws.connect#AccessDeniedException", "message": "m"}"#);
        assert_eq!((e.code.as_str(), e.message.as_str()), ("AccessDeniedException", "m"));
        let e = parse_service_error(404, None, b"");
        assert_eq!((e.code.as_str(), e.message.as_str()), ("404", ""));
    }

    #[test]
    fn label_encoding() {
        assert_eq!(encode_label("a/b c?#%é~"), "a%2Fb%20c%3F%23%25%C3%A9~");
    }
}
