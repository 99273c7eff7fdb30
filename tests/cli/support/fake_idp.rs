//! `FakeIdp`: the identity endpoints the SDK's credential providers call, in one
//! in-test server, so credentials beyond static keys can be tested end to end.
//!
//! * STS (Query protocol): `POST /` with a form body, `Action=AssumeRole` (must be
//!   SigV4-signed, service `sts`, with a key of [`super::sigv4::default_credentials`];
//!   a `RoleArn` ending in `/Denied` gets `AccessDenied`)
//!   and `Action=AssumeRoleWithWebIdentity` (unsigned; `WebIdentityToken` must be
//!   [`WEB_IDENTITY_TOKEN`]). Both answer with XML `Credentials` holding
//!   [`STS_CREDS`] (the web identity ones with [`WEB_IDENTITY_CREDS`]).
//! * The SSO portal: `GET /federation/credentials?role_name=R&account_id=A` with
//!   header `x-amz-sso_bearer_token: <SSO_ACCESS_TOKEN>`, answering JSON
//!   `{"roleCredentials": {...}}` with [`SSO_CREDS`]; another token gets a 401
//!   `UnauthorizedException`.
//!
//! Point the SDK at it with `AWS_ENDPOINT_URL_STS` / `AWS_ENDPOINT_URL_SSO`. Every
//! request is recorded ([`IdpRequest`]). Register the credentials it hands out with
//! FakeConnect (`add_session_credentials`) so the Connect call verifies.
//!
//! A blocking HTTP/1.1 server on `127.0.0.1:0` (Content-Length bodies, keep-alive),
//! one thread per connection; dropping it closes every connection and joins every thread.

use super::fake_connect::header;
use super::sigv4;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

/// Temporary credentials handed out by a fake endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TempCreds {
    pub access_key: &'static str,
    pub secret: &'static str,
    pub token: &'static str,
}

/// What `AssumeRole` returns.
pub const STS_CREDS: TempCreds = TempCreds {
    access_key: "ASIASTSASSUMEDROLE01",
    secret: "stsAssumedSecret/0123456789abcdefghijklmn",
    token: "IQoJb3JpZ2luX2VjEAssumeRoleSessionToken",
};
/// What `AssumeRoleWithWebIdentity` returns.
pub const WEB_IDENTITY_CREDS: TempCreds = TempCreds {
    access_key: "ASIAWEBIDENTITY00001",
    secret: "webIdentitySecret/0123456789abcdefghijkl",
    token: "IQoJb3JpZ2luX2VjEWebIdentitySessionToken",
};
/// What the SSO portal returns.
pub const SSO_CREDS: TempCreds = TempCreds {
    access_key: "ASIASSOPORTALROLE001",
    secret: "ssoPortalSecret/0123456789abcdefghijklmno",
    token: "IQoJb3JpZ2luX2VjESsoPortalSessionToken",
};
/// The only web identity token STS accepts.
pub const WEB_IDENTITY_TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl";
/// The only SSO access token the portal accepts.
pub const SSO_ACCESS_TOKEN: &str = "aoaAAAAAGVzc29BY2Nlc3NUb2tlbkZvclRlc3Rz";
/// Far in the future: the SDK never tries to refresh.
const EXPIRATION_ISO: &str = "2099-01-01T00:00:00Z";
const EXPIRATION_MS: u64 = 4_070_908_800_000;

/// One request as FakeIdp received it.
#[derive(Debug, Clone, Default)]
pub struct IdpRequest {
    pub method: String,
    pub path: String,
    /// Raw query string without `?`.
    pub query: String,
    /// Names lowercased, in arrival order.
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The form body (STS) or the query (SSO), decoded, in order.
    pub params: Vec<(String, String)>,
    /// SigV4: whether a signature was sent, and whether it verifies (any service scope).
    pub authorization_present: bool,
    pub sig_valid: bool,
    pub access_key: Option<String>,
    pub signing_service: Option<String>,
    pub signing_region: Option<String>,
    /// The status FakeIdp answered with.
    pub status: u16,
}

impl IdpRequest {
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// One line for snapshots: `POST / Action=AssumeRole ... -> 200 sig=valid key=AKID service=sts region=r`.
    pub fn summary(&self) -> String {
        let params: Vec<String> = self.params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let sig = match (self.authorization_present, self.sig_valid) {
            (false, _) => "none",
            (true, true) => "valid",
            (true, false) => "invalid",
        };
        let o = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        format!(
            "{} {} {} -> {} sig={sig} key={} service={} region={}",
            self.method,
            self.path,
            params.join("&"),
            self.status,
            o(&self.access_key),
            o(&self.signing_service),
            o(&self.signing_region),
        )
    }
}

/// The running server. See the module doc.
pub struct FakeIdp {
    addr: SocketAddr,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

#[derive(Default)]
struct Shared {
    requests: Mutex<Vec<IdpRequest>>,
    conns: Mutex<Conns>,
}

#[derive(Default)]
struct Conns {
    stopped: bool,
    next_id: u64,
    open: HashMap<u64, TcpStream>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl FakeIdp {
    pub fn start() -> FakeIdp {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let shared = Arc::new(Shared::default());
        let s = shared.clone();
        let acceptor = std::thread::Builder::new()
            .name("fake-idp-accept".into())
            .spawn(move || {
                let mut workers: Vec<JoinHandle<()>> = Vec::new();
                for stream in listener.incoming() {
                    let Ok(stream) = stream else { continue };
                    let id = {
                        let mut c = lock(&s.conns);
                        if c.stopped {
                            break;
                        }
                        let Ok(clone) = stream.try_clone() else { continue };
                        c.next_id += 1;
                        let id = c.next_id;
                        c.open.insert(id, clone);
                        id
                    };
                    workers.retain(|w| !w.is_finished());
                    let s = s.clone();
                    let spawned = std::thread::Builder::new().name("fake-idp-conn".into()).spawn(move || {
                        serve(stream, &s);
                        lock(&s.conns).open.remove(&id);
                    });
                    workers.extend(spawned.ok());
                }
                for w in workers {
                    let _ = w.join();
                }
            })
            .unwrap();
        FakeIdp { addr, shared, acceptor: Some(acceptor) }
    }

    /// `http://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<IdpRequest> {
        lock(&self.shared.requests).clone()
    }
}

impl Drop for FakeIdp {
    fn drop(&mut self) {
        {
            let mut c = lock(&self.shared.conns);
            c.stopped = true;
            for (_, s) in c.open.drain() {
                let _ = s.shutdown(Shutdown::Both);
            }
        }
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(5));
        if let Some(h) = self.acceptor.take() {
            let _ = h.join();
        }
    }
}

fn serve(stream: TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(20)));
    let Ok(mut out) = stream.try_clone() else { return };
    let mut reader = BufReader::new(stream);
    while let Some((mut req, keep_alive)) = read_request(&mut reader) {
        let (status, content_type, body) = answer(&mut req);
        req.status = status;
        // The SSO portal names its errors in a header, as the real one does.
        let error_type = match (req.path.as_str(), status) {
            ("/federation/credentials", 401) => {
                "x-amzn-ErrorType: UnauthorizedException:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/\r\n"
            }
            ("/federation/credentials", 400) => {
                "x-amzn-ErrorType: InvalidRequestException:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/\r\n"
            }
            _ => "",
        };
        lock(&shared.requests).push(req);
        let head = format!(
            "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{error_type}x-amzn-RequestId: 11111111-2222-4333-8444-555555555555\r\n\r\n",
            if status == 200 { "OK" } else { "Error" },
            body.len()
        );
        if out.write_all(head.as_bytes()).and_then(|_| out.write_all(body.as_bytes())).is_err() || !keep_alive {
            break;
        }
    }
    let _ = out.shutdown(Shutdown::Both);
}

fn read_request(r: &mut BufReader<TcpStream>) -> Option<(IdpRequest, bool)> {
    let mut line = String::new();
    if r.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.trim().split(' ');
    let (method, target) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut headers = Vec::new();
    loop {
        line.clear();
        r.read_line(&mut line).ok()?;
        let t = line.trim_end_matches(['\r', '\n']);
        if t.is_empty() {
            break;
        }
        let (k, v) = t.split_once(':')?;
        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
    }
    let n: usize = header(&headers, "content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; n];
    r.read_exact(&mut body).ok()?;
    let keep_alive = !header(&headers, "connection").is_some_and(|c| c.eq_ignore_ascii_case("close"));
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), q.to_string()),
        None => (target.clone(), String::new()),
    };
    let (info, _) = sigv4::verify(
        &method,
        &path,
        &query,
        &headers,
        &body,
        &sigv4::default_credentials(),
        SystemTime::now(),
    );
    let body = String::from_utf8_lossy(&body).into_owned();
    let params = if method == "POST" { form_decode(&body) } else { form_decode(&query) };
    Some((
        IdpRequest {
            method,
            path,
            query,
            headers,
            body,
            params,
            authorization_present: info.authorization_present,
            sig_valid: info.sig_valid,
            access_key: info.access_key,
            signing_service: info.signing_service,
            signing_region: info.signing_region,
            status: 0,
        },
        keep_alive,
    ))
}

/// `application/x-www-form-urlencoded` pairs, decoded.
pub fn form_decode(s: &str) -> Vec<(String, String)> {
    fn dec(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < b.len() && b[i + 1].is_ascii_hexdigit() && b[i + 2].is_ascii_hexdigit() => {
                    let hex = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
                    out.push(hex(b[i + 1]) * 16 + hex(b[i + 2]));
                    i += 2;
                }
                c => out.push(c),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (dec(k), dec(v))
        })
        .collect()
}

fn sts_error(code: &str, message: &str) -> (u16, &'static str, String) {
    (
        403,
        "text/xml",
        format!(
            "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>{code}</Code>\n    <Message>{message}</Message>\n  </Error>\n  <RequestId>11111111-2222-4333-8444-555555555555</RequestId>\n</ErrorResponse>\n"
        ),
    )
}

fn sts_credentials(action: &str, role_arn: &str, session: &str, c: TempCreds) -> String {
    let role = role_arn.rsplit('/').next().unwrap_or("role");
    format!(
        "<{action}Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n  <{action}Result>\n    \
         <AssumedRoleUser>\n      <AssumedRoleId>AROA3XFRBF535EXAMPLE:{session}</AssumedRoleId>\n      \
         <Arn>arn:aws:sts::123456789012:assumed-role/{role}/{session}</Arn>\n    </AssumedRoleUser>\n    \
         <Credentials>\n      <AccessKeyId>{}</AccessKeyId>\n      <SecretAccessKey>{}</SecretAccessKey>\n      \
         <SessionToken>{}</SessionToken>\n      <Expiration>{EXPIRATION_ISO}</Expiration>\n    </Credentials>\n  \
         </{action}Result>\n  <ResponseMetadata>\n    <RequestId>11111111-2222-4333-8444-555555555555</RequestId>\n  \
         </ResponseMetadata>\n</{action}Response>\n",
        c.access_key, c.secret, c.token
    )
}

/// (status, content type, body) for a request.
fn answer(req: &mut IdpRequest) -> (u16, &'static str, String) {
    if req.method == "GET" && req.path == "/federation/credentials" {
        if req.header("x-amz-sso_bearer_token") != Some(SSO_ACCESS_TOKEN) {
            return (401, "application/json", "{\"message\":\"Session token not found or invalid\"}".into());
        }
        if req.param("role_name").is_none() || req.param("account_id").is_none() {
            return (400, "application/json", "{\"message\":\"role_name and account_id are required\"}".into());
        }
        let c = SSO_CREDS;
        return (
            200,
            "application/json",
            format!(
                "{{\"roleCredentials\":{{\"accessKeyId\":\"{}\",\"secretAccessKey\":\"{}\",\"sessionToken\":\"{}\",\"expiration\":{EXPIRATION_MS}}}}}",
                c.access_key, c.secret, c.token
            ),
        );
    }
    if req.method != "POST" || req.path != "/" {
        return (404, "application/json", "{\"message\":\"Unknown route\"}".into());
    }
    if req.param("Version") != Some("2011-06-15") {
        return sts_error("InvalidAction", "Missing or wrong Version");
    }
    let role_arn = req.param("RoleArn").unwrap_or("").to_string();
    let session = req.param("RoleSessionName").unwrap_or("").to_string();
    if role_arn.is_empty() || session.is_empty() {
        return sts_error("ValidationError", "RoleArn and RoleSessionName are required");
    }
    match req.param("Action") {
        Some("AssumeRole") => {
            if role_arn.ends_with("/Denied") {
                return sts_error(
                    "AccessDenied",
                    &format!("User: arn:aws:iam::123456789012:user/tester is not authorized to perform: sts:AssumeRole on resource: {role_arn}"),
                );
            }
            if !req.authorization_present {
                return sts_error("MissingAuthenticationToken", "Request is missing Authentication Token");
            }
            if !req.sig_valid || req.signing_service.as_deref() != Some("sts") {
                return sts_error("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
            }
            (200, "text/xml", sts_credentials("AssumeRole", &role_arn, &session, STS_CREDS))
        }
        Some("AssumeRoleWithWebIdentity") => {
            if req.param("WebIdentityToken") != Some(WEB_IDENTITY_TOKEN) {
                return sts_error("InvalidIdentityToken", "The web identity token that was passed could not be validated by AWS.");
            }
            (200, "text/xml", sts_credentials("AssumeRoleWithWebIdentity", &role_arn, &session, WEB_IDENTITY_CREDS))
        }
        _ => sts_error("InvalidAction", "Could not find operation"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_decoding() {
        assert_eq!(
            form_decode("Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&x=a+b&y=%zz&z=%4"),
            vec![
                ("Action".into(), "AssumeRole".into()),
                ("RoleArn".into(), "arn:aws:iam::1:role/r".into()),
                ("x".into(), "a b".into()),
                ("y".into(), "%zz".into()),
                ("z".into(), "%4".into()),
            ]
        );
    }
}
