//! `FakeConnect`: an in-process Amazon Connect endpoint for integration tests, a
//! Rust port of `shared/conformance/emulator.py` (the endpoint the goldens were
//! recorded against), plus fault injection for transport tests.
//!
//! * `POST /users/{InstanceId}/{UserId}/identity-info` (UpdateUserIdentityInfo) and
//!   `GET /users/{InstanceId}/{UserId}` (DescribeUser), over a seeded directory
//!   (instances `a1b2c3d4-5678-90ab-cdef-EXAMPLE11111` CONNECT_MANAGED, `saml0000-...`
//!   SAML, `dir00000-...` EXISTING_DIRECTORY and their users, see [`seed`]).
//! * SigV4 verification ([`super::sigv4`]) with emulator.py's credential table.
//! * emulator.py's magic instance ids: `throttle-instance`, `error-instance`,
//!   `invalid-request-instance`, `invalid-request-reason-instance`,
//!   `badjson-error-instance`, `garbage-instance`, `slow-<secs>`,
//!   `flaky-throttle-<K>`, `flaky-500-<K>` (counted per `FakeConnect`).
//! * Its service-side validation (lengths, NFC, email and phone patterns) and its
//!   error shapes: `x-amzn-ErrorType: Code:http://internal.amazon.com/coral/com.amazonaws.connect/`
//!   with `{"Message": ...}`; authentication errors use the `com.amazon.coral.service`
//!   namespace and `{"message": ...}`; SerializationException has no namespace.
//!   Bodies are byte-for-byte what Python's `json.dumps` writes.
//!
//! The server is a blocking HTTP/1.1 server on `127.0.0.1:0`, one thread per
//! connection, keep-alive, `Content-Length` and chunked request bodies,
//! `Expect: 100-continue`. Every request is recorded (after its body is read,
//! before it is answered). Dropping the `FakeConnect` closes every connection,
//! cuts every pending delay short and joins every thread.

use super::nfc::is_nfc;
use super::sigv4::{self, CredentialTable, SigInfo};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub const INSTANCE_MAIN: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
pub const INSTANCE_SAML: &str = "saml0000-1111-2222-3333-444444444444";
pub const INSTANCE_DIR: &str = "dir00000-1111-2222-3333-444444444444";
pub const USER_MARY: &str = "87654321-2222-1234-1234-111234567891";
pub const USER_JOHN: &str = "11111111-2222-3333-4444-555555555555";
pub const USER_SAML: &str = "22222222-3333-4444-5555-666666666666";
pub const USER_DIR: &str = "33333333-4444-5555-6666-777777777777";

/// How long a connection may sit idle (or a client take to send) before it is dropped.
const IO_TIMEOUT: Duration = Duration::from_secs(60);
const MEMBERS: [&str; 5] = ["FirstName", "LastName", "Email", "SecondaryEmail", "Mobile"];

/// A misbehaviour for the next request (queued with [`FakeConnect::fault`]; each
/// request takes one, in order). The request is still read and recorded first.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Answer exactly this instead (a `Content-Length` is added unless given).
    Status {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Reset the connection (TCP RST) without answering.
    ResetConnection,
    /// Wait this long before sending the normal answer.
    SlowHeaders(Duration),
    /// Send the status line and headers of the normal answer at once, then wait
    /// this long before its body (an empty body is replaced by `{}` so there is one).
    SlowBody(Duration),
}

impl Fault {
    /// A service error the way FakeConnect words its own ones:
    /// `x-amzn-ErrorType: <code>:http://internal.amazon.com/coral/com.amazonaws.connect/`.
    pub fn error(status: u16, code: &str, message: &str) -> Fault {
        let err = ServiceError::new(status, code, message);
        let (headers, body) = err.render();
        let mut headers = headers;
        headers.insert(0, ("Content-Type".into(), "application/json".into()));
        Fault::Status {
            status,
            headers,
            body,
        }
    }
}

/// One request as FakeConnect received it.
#[derive(Debug, Clone, Default)]
pub struct RecordedRequest {
    pub method: String,
    /// Raw path from the request line (percent-encoding kept, no query).
    pub path: String,
    /// Raw query string without `?` ("" when none).
    pub query: String,
    /// In arrival order, names lowercased, values trimmed.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The body parsed as JSON (key order kept); `None` when empty or not JSON.
    pub body_json: Option<Value>,
    pub authorization_present: bool,
    pub sig_valid: bool,
    pub access_key: Option<String>,
    pub signing_region: Option<String>,
    pub signing_service: Option<String>,
    pub signed_headers: Option<String>,
    pub security_token: Option<String>,
}

impl RecordedRequest {
    /// First value of a header (name in lowercase).
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// One line for snapshots:
    /// `POST /users/i/u/identity-info {"IdentityInfo":{"FirstName":"a"}} ct=application/json sig=valid key=AKIDEXAMPLE region=us-east-1 service=connect token=-`.
    /// The body is compact JSON in received key order, `-` when empty, or
    /// `raw:"..."` (escaped) when it isn't JSON; `sig` is `valid`, `invalid` or `none`.
    pub fn summary(&self) -> String {
        let q = if self.query.is_empty() {
            String::new()
        } else {
            format!("?{}", self.query)
        };
        let body = match (&self.body_json, self.body.is_empty()) {
            (Some(v), _) => v.to_string(),
            (None, true) => "-".into(),
            (None, false) => format!("raw:{:?}", String::from_utf8_lossy(&self.body)),
        };
        let sig = match (self.authorization_present, self.sig_valid) {
            (false, _) => "none",
            (true, true) => "valid",
            (true, false) => "invalid",
        };
        let o = |v: Option<&str>| v.unwrap_or("-").to_string();
        format!(
            "{} {}{q} {body} ct={} sig={sig} key={} region={} service={} token={}",
            self.method,
            self.path,
            o(self.header("content-type")),
            o(self.access_key.as_deref()),
            o(self.signing_region.as_deref()),
            o(self.signing_service.as_deref()),
            o(self.security_token.as_deref()),
        )
    }
}

/// First value of header `name` (lowercase) in a lowercase-named header list.
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The running server. See the module doc.
pub struct FakeConnect {
    shared: Arc<Shared>,
    addr: SocketAddr,
    acceptor: Option<JoinHandle<()>>,
}

struct Shared {
    state: Mutex<State>,
    conns: Mutex<Conns>,
    /// Signalled (with `conns`) when the server stops, to cut delays short.
    stopped_cv: Condvar,
}

#[derive(Default)]
struct Conns {
    stopped: bool,
    next_id: u64,
    open: HashMap<u64, TcpStream>,
}

struct State {
    dir: BTreeMap<String, Instance>,
    counters: HashMap<String, u64>,
    seq: u64,
    requests: Vec<RecordedRequest>,
    faults: VecDeque<Fault>,
    creds: CredentialTable,
}

struct Instance {
    kind: &'static str,
    users: BTreeMap<String, Value>,
}

impl FakeConnect {
    /// Bind `127.0.0.1:0` and serve in background threads until dropped.
    pub fn start() -> FakeConnect {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                dir: seed(),
                counters: HashMap::new(),
                seq: 0,
                requests: Vec::new(),
                faults: VecDeque::new(),
                creds: sigv4::default_credentials(),
            }),
            conns: Mutex::new(Conns::default()),
            stopped_cv: Condvar::new(),
        });
        let s = shared.clone();
        let acceptor = std::thread::Builder::new()
            .name("fake-connect-accept".into())
            .spawn(move || accept_loop(listener, s))
            .unwrap();
        FakeConnect {
            shared,
            addr,
            acceptor: Some(acceptor),
        }
    }

    /// `http://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Queue a fault for the next request not yet served (FIFO, one per request).
    pub fn fault(&self, f: Fault) {
        self.shared.state().faults.push_back(f);
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.state().requests.clone()
    }

    /// Accept another long-term key (sent without a session token).
    pub fn add_credentials(&self, access_key: &str, secret: &str) {
        self.shared
            .state()
            .creds
            .insert(access_key.into(), (secret.into(), None));
    }

    /// Accept temporary credentials: the key must come with exactly this session token.
    pub fn add_session_credentials(&self, access_key: &str, secret: &str, token: &str) {
        self.shared
            .state()
            .creds
            .insert(access_key.into(), (secret.into(), Some(token.into())));
    }

    /// The stored user (DescribeUser's `User`, keys sorted), if it exists.
    pub fn user(&self, instance_id: &str, user_id: &str) -> Option<Value> {
        self.shared
            .state()
            .dir
            .get(instance_id)?
            .users
            .get(user_id)
            .cloned()
    }
}

impl Drop for FakeConnect {
    fn drop(&mut self) {
        {
            let mut c = self.shared.conns.lock().unwrap_or_else(|e| e.into_inner());
            c.stopped = true;
            for (_, s) in c.open.drain() {
                let _ = s.shutdown(Shutdown::Both);
            }
        }
        self.shared.stopped_cv.notify_all();
        // Wake the blocking accept(); it sees `stopped` and returns.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(5));
        if let Some(h) = self.acceptor.take() {
            let _ = h.join();
        }
    }
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sleep `d`, or less if the server stops meanwhile.
    fn pause(&self, d: Duration) {
        let c = self.conns.lock().unwrap_or_else(|e| e.into_inner());
        let _ = self.stopped_cv.wait_timeout_while(c, d, |c| !c.stopped);
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let mut workers: Vec<JoinHandle<()>> = Vec::new();
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let id = {
            let mut c = shared.conns.lock().unwrap_or_else(|e| e.into_inner());
            if c.stopped {
                break;
            }
            let Ok(clone) = stream.try_clone() else {
                continue;
            };
            c.next_id += 1;
            let id = c.next_id;
            c.open.insert(id, clone);
            id
        };
        workers.retain(|w| !w.is_finished());
        let s = shared.clone();
        let spawned = std::thread::Builder::new()
            .name("fake-connect-conn".into())
            .spawn(move || {
                serve_connection(stream, &s);
                s.conns
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .open
                    .remove(&id);
            });
        workers.extend(spawned.ok());
    }
    for w in workers {
        let _ = w.join();
    }
}

/// A parsed request.
struct Incoming {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    keep_alive: bool,
}

/// A response to write.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// Makes the close of `stream` a TCP reset (SO_LINGER with a zero timeout).
fn hard_reset(stream: &TcpStream) {
    use std::os::fd::AsRawFd;
    let linger = libc::linger { l_onoff: 1, l_linger: 0 };
    // SAFETY: setsockopt with a valid fd and a correctly sized `linger`.
    unsafe {
        libc::setsockopt(
            stream.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_LINGER,
            (&linger as *const libc::linger).cast(),
            std::mem::size_of::<libc::linger>() as libc::socklen_t,
        );
    }
}

fn serve_connection(stream: TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_nodelay(true);
    let Ok(mut out) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    while let Ok(Some(req)) = read_request(&mut reader, &mut out) {
        let (fault, reply, delay) = handle(shared, &req);
        if let Some(d) = delay {
            shared.pause(d);
        }
        let sent = match fault {
            Some(Fault::ResetConnection) => {
                hard_reset(&out);
                break;
            }
            Some(Fault::Status {
                status,
                headers,
                body,
            }) => write_reply(
                &mut out,
                &Reply {
                    status,
                    headers,
                    body,
                },
                None,
            ),
            Some(Fault::SlowHeaders(d)) => {
                shared.pause(d);
                write_reply(&mut out, &reply, None)
            }
            Some(Fault::SlowBody(d)) => {
                let mut reply = reply;
                if reply.body.is_empty() {
                    reply.body = b"{}".to_vec();
                }
                write_reply(&mut out, &reply, Some((d, shared)))
            }
            None => write_reply(&mut out, &reply, None),
        };
        if sent.is_err() || !req.keep_alive {
            break;
        }
    }
    let _ = out.shutdown(Shutdown::Both);
}

/// Read one request; `Ok(None)` on a clean end of the connection.
fn read_request(
    r: &mut BufReader<TcpStream>,
    out: &mut TcpStream,
) -> std::io::Result<Option<Incoming>> {
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
    let mut line: Vec<u8> = Vec::new();
    // Tolerate blank lines between requests.
    while line.iter().all(|b| b.is_ascii_whitespace()) {
        line.clear();
        if r.by_ref().take(65536).read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
    }
    let request_line = String::from_utf8_lossy(&line).trim().to_string();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("bad request line"));
    };
    let mut headers = Vec::new();
    loop {
        line.clear();
        r.by_ref().take(65536).read_until(b'\n', &mut line)?;
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        let (name, value) = text.split_once(':').ok_or_else(|| bad("bad header"))?;
        headers.push((
            name.trim().to_ascii_lowercase(),
            value.trim_matches([' ', '\t']).to_string(),
        ));
        if headers.len() > 200 {
            return Err(bad("too many headers"));
        }
    }
    let h = |n: &str| header(&headers, n).map(str::to_ascii_lowercase);
    let keep_alive = match (version, h("connection").as_deref()) {
        (_, Some("close")) => false,
        ("HTTP/1.1", _) => true,
        (_, Some("keep-alive")) => true,
        _ => false,
    };
    if version == "HTTP/1.1" && h("expect").as_deref() == Some("100-continue") {
        out.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }
    let mut body = Vec::new();
    if h("transfer-encoding").is_some_and(|te| te.contains("chunked")) {
        loop {
            line.clear();
            r.read_until(b'\n', &mut line)?;
            let size = String::from_utf8_lossy(&line);
            let size = size.trim().split(';').next().unwrap_or("");
            let size = usize::from_str_radix(size, 16).map_err(|_| bad("bad chunk size"))?;
            if size == 0 {
                // Trailers, up to the blank line.
                loop {
                    line.clear();
                    if r.read_until(b'\n', &mut line)? == 0 || line == b"\r\n" || line == b"\n" {
                        break;
                    }
                }
                break;
            }
            let start = body.len();
            body.resize(start + size, 0);
            r.read_exact(&mut body[start..])?;
            line.clear();
            r.read_until(b'\n', &mut line)?;
        }
    } else if let Some(n) = h("content-length") {
        let n: usize = n.trim().parse().map_err(|_| bad("bad content-length"))?;
        body.resize(n, 0);
        r.read_exact(&mut body)?;
    }
    Ok(Some(Incoming {
        method: method.to_string(),
        target: target.to_string(),
        headers,
        body,
        keep_alive,
    }))
}

fn write_reply(
    out: &mut TcpStream,
    reply: &Reply,
    slow_body: Option<(Duration, &Shared)>,
) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    for (k, v) in &reply.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if header_ci(&reply.headers, "content-length").is_none() {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if let Some((d, shared)) = slow_body {
        out.flush()?;
        shared.pause(d);
    }
    out.write_all(&reply.body)?;
    out.flush()
}

fn header_ci<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Request Entity Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// Record the request and work out the answer (and any fault and delay).
fn handle(shared: &Shared, req: &Incoming) -> (Option<Fault>, Reply, Option<Duration>) {
    let (path, query) = match req.target.split_once('?') {
        Some((p, q)) => (p, q.split('#').next().unwrap_or("")),
        None => (req.target.split('#').next().unwrap_or(""), ""),
    };
    let body_json: Option<Value> = std::str::from_utf8(&req.body)
        .ok()
        .and_then(|s| serde_json::from_str(s).ok());
    let body_ok = req.body.is_empty() || body_json.is_some();

    let mut st = shared.state();
    let (info, auth_err) = sigv4::verify(
        &req.method,
        path,
        query,
        &req.headers,
        &req.body,
        &st.creds,
        SystemTime::now(),
    );
    let SigInfo {
        authorization_present,
        sig_valid,
        access_key,
        signing_region,
        signing_service,
        signed_headers,
    } = info;
    st.requests.push(RecordedRequest {
        method: req.method.clone(),
        path: path.to_string(),
        query: query.to_string(),
        headers: req.headers.clone(),
        body: req.body.clone(),
        body_json: body_json.clone(),
        authorization_present,
        sig_valid,
        access_key,
        signing_region,
        signing_service,
        signed_headers,
        security_token: header(&req.headers, "x-amz-security-token").map(str::to_string),
    });
    let fault = st.faults.pop_front();
    let mut delay = None;
    let result = match auth_err {
        Some(r) => Err(ServiceError {
            style: Style::Auth,
            ..ServiceError::new(r.status, r.code, &r.message)
        }),
        None => route(
            &mut st,
            &req.method,
            path,
            body_json.as_ref(),
            body_ok,
            &mut delay,
        ),
    };
    let (status, mut headers, body) = match result {
        Ok((status, body)) => (status, Vec::new(), body),
        Err(e) => {
            let (h, b) = e.render();
            (e.status, h, b)
        }
    };
    // emulator.py's _send: request id, content type, extra headers, (length added on write).
    st.seq += 1;
    let mut all = vec![
        ("Server".to_string(), "ConnectEmulator/1.0".to_string()),
        ("Date".to_string(), http_date(SystemTime::now())),
        (
            "x-amzn-RequestId".to_string(),
            format!("00000000-0000-4000-8000-{:012}", st.seq),
        ),
        ("Content-Type".to_string(), "application/json".to_string()),
    ];
    all.append(&mut headers);
    (
        fault,
        Reply {
            status,
            headers: all,
            body,
        },
        delay,
    )
}

/// How an error is worded (emulator.py's `lower` / `fqn` flags).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    /// `Code:http://internal.amazon.com/coral/com.amazonaws.connect/`, `{"Message": ..}`.
    Connect,
    /// `Code:http://internal.amazon.com/coral/com.amazon.coral.service/`, `{"message": ..}`.
    Auth,
    /// `Code` alone, `{"Message": ..}`.
    Plain,
    /// `<html>not json</html>`, no error type.
    Garbage,
}

#[derive(Debug, Clone)]
struct ServiceError {
    status: u16,
    code: String,
    message: String,
    style: Style,
    extra: Option<Box<(&'static str, Value)>>,
}

impl ServiceError {
    fn new(status: u16, code: &str, message: &str) -> Self {
        ServiceError {
            status,
            code: code.into(),
            message: message.into(),
            style: Style::Connect,
            extra: None,
        }
    }

    fn plain(status: u16, code: &str, message: &str) -> Self {
        ServiceError {
            style: Style::Plain,
            ..Self::new(status, code, message)
        }
    }

    /// Extra headers and body.
    fn render(&self) -> (Vec<(String, String)>, Vec<u8>) {
        let (suffix, key) = match self.style {
            Style::Garbage => return (Vec::new(), b"<html>not json</html>".to_vec()),
            Style::Connect => (
                ":http://internal.amazon.com/coral/com.amazonaws.connect/",
                "Message",
            ),
            Style::Auth => (
                ":http://internal.amazon.com/coral/com.amazon.coral.service/",
                "message",
            ),
            Style::Plain => ("", "Message"),
        };
        let mut payload = Map::new();
        payload.insert(key.into(), Value::String(self.message.clone()));
        if let Some((k, v)) = self.extra.as_deref() {
            payload.insert(k.to_string(), v.clone());
        }
        let headers = vec![(
            "x-amzn-ErrorType".to_string(),
            format!("{}{suffix}", self.code),
        )];
        (headers, py_dumps(&Value::Object(payload)).into_bytes())
    }
}

fn validation_error(errors: &[String]) -> ServiceError {
    let n = errors.len();
    let msg = format!(
        "{n} validation error{} detected: {}",
        if n == 1 { "" } else { "s" },
        errors.join("; ")
    );
    ServiceError::new(400, "InvalidParameterException", &msg)
}

fn internal_error() -> ServiceError {
    ServiceError::new(
        500,
        "InternalServiceException",
        "Request processing failed because of an internal error.",
    )
}

/// emulator.py's `_route`. Ok = (status, body).
fn route(
    st: &mut State,
    method: &str,
    path: &str,
    body: Option<&Value>,
    body_ok: bool,
    delay: &mut Option<Duration>,
) -> Result<(u16, Vec<u8>), ServiceError> {
    let labels: Option<Vec<&str>> = path.strip_prefix("/users/").map(|p| p.split('/').collect());
    let labels = labels.unwrap_or_default();
    let ok_label = |l: &&str| !l.is_empty();
    if method == "POST"
        && labels.len() == 3
        && labels[2] == "identity-info"
        && labels[..2].iter().all(ok_label)
    {
        let (instance_id, user_id) = (percent_decode(labels[0]), percent_decode(labels[1]));
        if instance_id == "badjson-error-instance" {
            return Err(ServiceError {
                style: Style::Garbage,
                ..ServiceError::new(400, "", "")
            });
        }
        let Some(Value::Object(body)) = body.filter(|_| body_ok) else {
            return Err(ServiceError::plain(
                400,
                "SerializationException",
                "Unable to parse request body as JSON.",
            ));
        };
        let is_magic = magic(st, &instance_id, delay)?;
        if instance_id.chars().count() > 100 {
            return Err(validation_error(&[
                "Value at 'instanceId' failed to satisfy constraint: Member must have length less than or equal to 100"
                    .into(),
            ]));
        }
        let ident = match body.get("IdentityInfo") {
            None | Some(Value::Null) => {
                return Err(validation_error(&[
                    "Value null at 'identityInfo' failed to satisfy constraint: Member must not be null".into(),
                ]))
            }
            Some(v) => v,
        };
        if is_magic {
            check_identity_info(ident, "CONNECT_MANAGED")?;
            let body = if instance_id == "garbage-instance" {
                b"this is not json".to_vec()
            } else {
                Vec::new()
            };
            return Ok((200, body));
        }
        let inst = lookup(st, &instance_id, &user_id)?;
        check_identity_info(ident, inst.kind)?;
        let ident = ident.as_object().unwrap();
        if inst.kind == "SAML" && ident.contains_key("Email") {
            return Err(ServiceError::new(
                400,
                "InvalidRequestException",
                "Email cannot be specified for an instance that uses SAML for identity management.",
            ));
        }
        if inst.kind == "EXISTING_DIRECTORY"
            && ["FirstName", "LastName", "Email"]
                .iter()
                .any(|k| ident.contains_key(*k))
        {
            return Err(ServiceError::new(
                400,
                "InvalidRequestException",
                "FirstName, LastName and Email are managed by the directory and cannot be updated.",
            ));
        }
        let user = inst.users.get_mut(&user_id).unwrap();
        let stored = user["IdentityInfo"].as_object_mut().unwrap();
        for k in MEMBERS {
            if let Some(v) = ident.get(k).filter(|v| !v.is_null()) {
                stored.insert(k.into(), v.clone());
            }
        }
        let sorted: BTreeMap<String, Value> = std::mem::take(stored).into_iter().collect();
        *stored = sorted.into_iter().collect();
        return Ok((200, Vec::new()));
    }
    if method == "GET" && labels.len() == 2 && labels.iter().all(ok_label) {
        let (instance_id, user_id) = (percent_decode(labels[0]), percent_decode(labels[1]));
        if magic(st, &instance_id, delay)? {
            return Err(ServiceError::new(
                404,
                "ResourceNotFoundException",
                &format!("User not found: {user_id}"),
            ));
        }
        let user = lookup(st, &instance_id, &user_id)?.users[&user_id].clone();
        return Ok((200, py_dumps(&json!({ "User": user })).into_bytes()));
    }
    Err(ServiceError {
        style: Style::Auth,
        ..ServiceError::new(404, "UnknownOperationException", "Unknown operation")
    })
}

/// emulator.py's `magic`: errors for the magic instance ids; Ok(true) when the id is magic.
fn magic(
    st: &mut State,
    instance_id: &str,
    delay: &mut Option<Duration>,
) -> Result<bool, ServiceError> {
    let throttled = || ServiceError::new(429, "ThrottlingException", "Rate exceeded");
    match instance_id {
        "throttle-instance" => return Err(throttled()),
        "error-instance" => return Err(internal_error()),
        "invalid-request-instance" => {
            return Err(ServiceError::new(
                400,
                "InvalidRequestException",
                "The request is not valid.",
            ))
        }
        "invalid-request-reason-instance" => {
            let mut e =
                ServiceError::new(400, "InvalidRequestException", "The request is not valid.");
            let reason = json!({"AttachedFileInvalidRequestExceptionReason": "INVALID_FILE_SIZE"});
            e.extra = Some(Box::new(("Reason", reason)));
            return Err(e);
        }
        _ => {}
    }
    if let Some(secs) = instance_id.strip_prefix("slow-") {
        let (int, frac) = secs.split_once('.').unwrap_or((secs, "0"));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if digits(int) && digits(frac) {
            *delay = Some(Duration::from_secs_f64(secs.parse().unwrap()));
            return Ok(true);
        }
    }
    for (prefix, throttle) in [("flaky-throttle-", true), ("flaky-500-", false)] {
        if let Some(k) = instance_id
            .strip_prefix(prefix)
            .filter(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()))
        {
            let n = st.counters.entry(instance_id.to_string()).or_insert(0);
            *n += 1;
            if *n <= k.parse::<u64>().unwrap_or(u64::MAX) {
                return Err(if throttle {
                    throttled()
                } else {
                    internal_error()
                });
            }
            return Ok(true);
        }
    }
    Ok(instance_id == "garbage-instance")
}

fn lookup<'a>(
    st: &'a mut State,
    instance_id: &str,
    user_id: &str,
) -> Result<&'a mut Instance, ServiceError> {
    let not_found = |m: String| ServiceError::new(404, "ResourceNotFoundException", &m);
    let inst = st
        .dir
        .get_mut(instance_id)
        .ok_or_else(|| not_found(format!("Instance not found: {instance_id}")))?;
    if !inst.users.contains_key(user_id) {
        return Err(not_found(format!("User not found: {user_id}")));
    }
    Ok(inst)
}

/// emulator.py's `check_identity_info`: the service-side validation of IdentityInfo.
fn check_identity_info(info: &Value, instance_type: &str) -> Result<(), ServiceError> {
    let Value::Object(info) = info else {
        return Err(ServiceError::plain(
            400,
            "SerializationException",
            "Start of structure or map found where not expected.",
        ));
    };
    for k in MEMBERS {
        if info.get(k).is_some_and(|v| !v.is_null() && !v.is_string()) {
            let msg = format!("Unexpected value type in payload for member '{k}'");
            return Err(ServiceError::plain(400, "SerializationException", &msg));
        }
    }
    let get = |k: &str| info.get(k).and_then(Value::as_str);
    let camel = |k: &str| format!("{}{}", k[..1].to_ascii_lowercase(), &k[1..]);
    let (fmin, fmax, lmin, lmax) = if instance_type == "CONNECT_MANAGED" {
        (1, 255, 1, 256)
    } else {
        (0, 255, 0, 300)
    };
    let mut errors = Vec::new();
    for (k, min, max) in [("FirstName", fmin, fmax), ("LastName", lmin, lmax)] {
        if let Some(v) = get(k) {
            let n = v.chars().count();
            if n < min || n > max {
                errors.push(format!(
                    "Value at 'identityInfo.{}' failed to satisfy constraint: Member must have length between {min} and {max}",
                    camel(k)
                ));
            }
        }
    }
    for k in ["FirstName", "LastName"] {
        if get(k).is_some_and(|v| !is_nfc(v)) {
            errors.push(format!(
                "Value at 'identityInfo.{}' failed to satisfy constraint: Member must be in Unicode Normalization Form C",
                camel(k)
            ));
        }
    }
    for k in ["Email", "SecondaryEmail"] {
        if get(k).is_some_and(|v| !is_email(v)) {
            errors.push(format!(
                "Value at 'identityInfo.{}' failed to satisfy constraint: Member must satisfy regular expression pattern: \
                 (?=^.{{0,265}}$)[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{{2,63}}",
                camel(k)
            ));
        }
    }
    if get("Mobile").is_some_and(|v| !is_phone(v)) {
        errors.push(
            "Value at 'identityInfo.mobile' failed to satisfy constraint: Member must satisfy regular expression \
             pattern: \\+[1-9]\\d{1,14}$"
                .to_string(),
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(validation_error(&errors))
    }
}

/// `(?=^.{0,265}$)[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,63}`, full match.
fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    let Some((host, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    v.chars().count() <= 265
        && !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b))
        && !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-".contains(&b))
        && (2..=63).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

/// `\+[1-9]\d{1,14}`, full match (ASCII digits; Python's `\d` also takes other scripts' digits).
fn is_phone(v: &str) -> bool {
    let Some(rest) = v.strip_prefix('+') else {
        return false;
    };
    let b = rest.as_bytes();
    (2..=15).contains(&b.len()) && (b'1'..=b'9').contains(&b[0]) && b.iter().all(u8::is_ascii_digit)
}

/// Python's `urllib.parse.unquote`: `%XX` decoded, invalid escapes kept, UTF-8 with replacement.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Python's `json.dumps(v)`: `", "` and `": "` separators, non-ASCII as `\uXXXX`.
pub fn py_dumps(v: &Value) -> String {
    fn s(out: &mut String, t: &str) {
        out.push('"');
        for c in t.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if (c as u32) < 0x20 || (c as u32) > 0x7e && (c as u32) != 0x7f => {
                    let mut buf = [0u16; 2];
                    for u in c.encode_utf16(&mut buf) {
                        out.push_str(&format!("\\u{u:04x}"));
                    }
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
    fn go(out: &mut String, v: &Value) {
        match v {
            Value::String(t) => s(out, t),
            Value::Array(a) => {
                out.push('[');
                for (i, x) in a.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    go(out, x);
                }
                out.push(']');
            }
            Value::Object(m) => {
                out.push('{');
                for (i, (k, x)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    s(out, k);
                    out.push_str(": ");
                    go(out, x);
                }
                out.push('}');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    go(&mut out, v);
    out
}

/// RFC 7231 date, as Python's `email.utils.formatdate(usegmt=True)`.
fn http_date(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs() as i64;
    let days = secs.div_euclid(86400);
    let (y, m, d) = sigv4::civil_from_days(days);
    let r = secs.rem_euclid(86400);
    const WD: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MON: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{}, {d:02} {} {y} {:02}:{:02}:{:02} GMT",
        WD[days.rem_euclid(7) as usize],
        MON[(m - 1) as usize],
        r / 3600,
        r / 60 % 60,
        r % 60
    )
}

/// The directory emulator.py starts with (and returns to on `/__reset`).
fn seed() -> BTreeMap<String, Instance> {
    let user = |instance: &str, uid: &str, username: &str, ident: Value| {
        json!({
            "Arn": format!("arn:aws:connect:us-east-1:123456789012:instance/{instance}/agent/{uid}"),
            "Id": uid,
            "IdentityInfo": ident,
            "LastModifiedRegion": "us-east-1",
            "LastModifiedTime": 1700000000.0,
            "PhoneConfig": {"AfterContactWorkTimeLimit": 0, "AutoAccept": false, "PhoneType": "SOFT_PHONE"},
            "RoutingProfileId": "rp-0000-1111",
            "SecurityProfileIds": ["sp-0000-1111"],
            "Username": username,
        })
    };
    let inst = |kind, users: Vec<(&str, Value)>| Instance {
        kind,
        users: users
            .into_iter()
            .map(|(id, u)| (id.to_string(), u))
            .collect(),
    };
    let mut dir = BTreeMap::new();
    dir.insert(
        INSTANCE_MAIN.to_string(),
        inst(
            "CONNECT_MANAGED",
            vec![
                (
                    USER_MARY,
                    user(
                        INSTANCE_MAIN,
                        USER_MARY,
                        "marym",
                        json!({"Email": "marym@example.com", "FirstName": "Mary", "LastName": "Major"}),
                    ),
                ),
                (USER_JOHN, user(INSTANCE_MAIN, USER_JOHN, "johns", json!({"FirstName": "John", "LastName": "Stiles"}))),
            ],
        ),
    );
    dir.insert(
        INSTANCE_SAML.to_string(),
        inst(
            "SAML",
            vec![(
                USER_SAML,
                user(
                    INSTANCE_SAML,
                    USER_SAML,
                    "samluser",
                    json!({"FirstName": "Saml", "LastName": "User"}),
                ),
            )],
        ),
    );
    dir.insert(
        INSTANCE_DIR.to_string(),
        inst(
            "EXISTING_DIRECTORY",
            vec![(
                USER_DIR,
                user(
                    INSTANCE_DIR,
                    USER_DIR,
                    "diruser",
                    json!({"Email": "dir@example.com", "FirstName": "Dir", "LastName": "User"}),
                ),
            )],
        ),
    );
    dir
}

#[cfg(test)]
mod tests {
    //! Raw-socket tests of the server itself (no CLI needed).
    use super::*;

    /// A signed UpdateUserIdentityInfo request, as bytes on the wire.
    fn update(fc: &FakeConnect, instance: &str, user: &str, body: &str, extra: &str) -> Vec<u8> {
        let path = format!("/users/{instance}/{user}/identity-info");
        let host = format!("127.0.0.1:{}", fc.port());
        let base = [
            ("host", host.as_str()),
            ("content-type", "application/json"),
        ];
        let signed = sigv4::sign_request(
            "POST",
            &format!("http://{host}{path}"),
            &base,
            body.as_bytes(),
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            None,
            "us-east-1",
            SystemTime::now(),
        );
        let mut req =
            format!("POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n");
        for (k, v) in signed {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str(extra);
        req.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
        req.into_bytes()
    }

    /// Read one response: (status, headers, body).
    fn read_response(r: &mut BufReader<TcpStream>) -> (u16, Vec<(String, String)>, String) {
        let mut line = String::new();
        r.read_line(&mut line).unwrap();
        let status = line.split(' ').nth(1).unwrap().parse().unwrap();
        let mut headers = Vec::new();
        loop {
            line.clear();
            r.read_line(&mut line).unwrap();
            if line.trim().is_empty() {
                break;
            }
            let (k, v) = line.split_once(':').unwrap();
            headers.push((k.to_ascii_lowercase(), v.trim().to_string()));
        }
        let n: usize = header(&headers, "content-length").unwrap().parse().unwrap();
        let mut body = vec![0; n];
        r.read_exact(&mut body).unwrap();
        (status, headers, String::from_utf8(body).unwrap())
    }

    fn connect(fc: &FakeConnect) -> (TcpStream, BufReader<TcpStream>) {
        let s = TcpStream::connect(fc.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let r = BufReader::new(s.try_clone().unwrap());
        (s, r)
    }

    fn roundtrip(fc: &FakeConnect, req: &[u8]) -> (u16, Vec<(String, String)>, String) {
        let (mut s, mut r) = connect(fc);
        s.write_all(req).unwrap();
        read_response(&mut r)
    }

    const ID: &str = r#"{"IdentityInfo":{"FirstName":"Ann","Mobile":"+14255550100"}}"#;

    #[test]
    fn update_and_keep_alive() {
        let fc = FakeConnect::start();
        let (mut s, mut r) = connect(&fc);
        s.write_all(&update(&fc, INSTANCE_MAIN, USER_MARY, ID, ""))
            .unwrap();
        let (status, headers, body) = read_response(&mut r);
        assert_eq!((status, body.as_str()), (200, ""));
        assert_eq!(
            header(&headers, "x-amzn-requestid"),
            Some("00000000-0000-4000-8000-000000000001")
        );
        // Same connection, second request.
        s.write_all(&update(&fc, INSTANCE_MAIN, "nouser", ID, ""))
            .unwrap();
        let (status, headers, body) = read_response(&mut r);
        assert_eq!(status, 404);
        assert_eq!(
            header(&headers, "x-amzn-errortype"),
            Some(
                "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.connect/"
            )
        );
        assert_eq!(body, r#"{"Message": "User not found: nouser"}"#);
        let reqs = fc.requests();
        assert_eq!(reqs.len(), 2);
        assert_eq!(
            reqs[0].summary(),
            format!(
                "POST /users/{INSTANCE_MAIN}/{USER_MARY}/identity-info {ID} ct=application/json sig=valid \
                 key=AKIDEXAMPLE region=us-east-1 service=connect token=-"
            )
        );
        let ident = &fc.user(INSTANCE_MAIN, USER_MARY).unwrap()["IdentityInfo"];
        assert_eq!(
            ident.to_string(),
            r#"{"Email":"marym@example.com","FirstName":"Ann","LastName":"Major","Mobile":"+14255550100"}"#
        );
    }

    #[test]
    fn chunked_body_and_expect_continue() {
        let fc = FakeConnect::start();
        let req = update(
            &fc,
            INSTANCE_MAIN,
            USER_JOHN,
            ID,
            "Expect: 100-continue\r\n",
        );
        let text = String::from_utf8(req).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        let head = head.replace(
            &format!("Content-Length: {}", ID.len()),
            "Transfer-Encoding: chunked",
        );
        let (mut s, mut r) = connect(&fc);
        s.write_all(format!("{head}\r\n\r\n").as_bytes()).unwrap();
        let mut line = String::new();
        r.read_line(&mut line).unwrap();
        assert_eq!(line, "HTTP/1.1 100 Continue\r\n");
        r.read_line(&mut line).unwrap();
        let (a, b) = body.split_at(10);
        s.write_all(
            format!(
                "{:x}\r\n{a}\r\n{:x};ext=1\r\n{b}\r\n0\r\n\r\n",
                a.len(),
                b.len()
            )
            .as_bytes(),
        )
        .unwrap();
        let (status, _, _) = read_response(&mut r);
        assert_eq!(status, 200);
        assert!(fc.requests()[0].sig_valid);
    }

    #[test]
    fn magic_instances_and_validation() {
        let fc = FakeConnect::start();
        let call = |inst: &str, body: &str| roundtrip(&fc, &update(&fc, inst, "u", body, ""));
        let (st, h, b) = call("throttle-instance", ID);
        assert_eq!((st, b.as_str()), (429, r#"{"Message": "Rate exceeded"}"#));
        assert!(header(&h, "x-amzn-errortype")
            .unwrap()
            .starts_with("ThrottlingException:"));
        assert_eq!(call("flaky-500-2", ID).0, 500);
        assert_eq!(call("flaky-500-2", ID).0, 500);
        assert_eq!(call("flaky-500-2", ID).0, 200);
        let (st, _, b) = call("invalid-request-reason-instance", ID);
        assert_eq!(st, 400);
        assert_eq!(
            b,
            r#"{"Message": "The request is not valid.", "Reason": {"AttachedFileInvalidRequestExceptionReason": "INVALID_FILE_SIZE"}}"#
        );
        let (st, h, b) = call("badjson-error-instance", ID);
        assert_eq!(
            (st, b.as_str(), header(&h, "x-amzn-errortype")),
            (400, "<html>not json</html>", None)
        );
        assert_eq!(call("garbage-instance", ID).2, "this is not json");
        let (st, h, b) = call("garbage-instance", "nope");
        assert_eq!(
            (st, header(&h, "x-amzn-errortype")),
            (400, Some("SerializationException"))
        );
        assert_eq!(b, r#"{"Message": "Unable to parse request body as JSON."}"#);
        let bad = r#"{"IdentityInfo":{"FirstName":"Zoe\u0308","Email":"x@y","Mobile":"12"}}"#;
        let (_, _, b) = call("error-instance", bad);
        assert!(b.contains("internal error"));
        let (st, _, b) = call(INSTANCE_MAIN.replace("EXAMPLE", "XXXXXXX").as_str(), bad);
        assert_eq!(
            (st, b.as_str()),
            (
                404,
                r#"{"Message": "Instance not found: a1b2c3d4-5678-90ab-cdef-XXXXXXX11111"}"#
            )
        );
        let (st, _, b) = roundtrip(&fc, &update(&fc, INSTANCE_MAIN, USER_MARY, bad, ""));
        assert_eq!(st, 400);
        assert_eq!(
            b,
            "{\"Message\": \"3 validation errors detected: Value at 'identityInfo.firstName' failed to satisfy \
             constraint: Member must be in Unicode Normalization Form C; Value at 'identityInfo.email' failed to \
             satisfy constraint: Member must satisfy regular expression pattern: \
             (?=^.{0,265}$)[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\\\.[a-zA-Z]{2,63}; Value at 'identityInfo.mobile' \
             failed to satisfy constraint: Member must satisfy regular expression pattern: \\\\+[1-9]\\\\d{1,14}$\"}"
        );
    }

    #[test]
    fn unsigned_and_unknown_route() {
        let fc = FakeConnect::start();
        let (st, h, b) = roundtrip(
            &fc,
            b"POST /users/a/b/identity-info HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
        );
        assert_eq!(
            (st, b.as_str()),
            (403, r#"{"message": "Missing Authentication Token"}"#)
        );
        assert_eq!(
            header(&h, "x-amzn-errortype"),
            Some("MissingAuthenticationTokenException:http://internal.amazon.com/coral/com.amazon.coral.service/")
        );
        assert!(!fc.requests()[0].authorization_present);
        let (st, _, b) = roundtrip(&fc, &update(&fc, INSTANCE_MAIN, "", ID, ""));
        assert_eq!(
            (st, b.as_str()),
            (404, r#"{"message": "Unknown operation"}"#)
        );
    }

    #[test]
    fn faults() {
        let fc = FakeConnect::start();
        fc.fault(Fault::error(503, "ServiceUnavailableException", "busy"));
        fc.fault(Fault::ResetConnection);
        fc.fault(Fault::SlowHeaders(Duration::from_millis(200)));
        fc.fault(Fault::SlowBody(Duration::from_millis(200)));
        let req = update(&fc, INSTANCE_MAIN, USER_MARY, ID, "");
        let (st, h, b) = roundtrip(&fc, &req);
        assert_eq!((st, b.as_str()), (503, r#"{"Message": "busy"}"#));
        assert!(header(&h, "x-amzn-errortype")
            .unwrap()
            .starts_with("ServiceUnavailableException:"));
        let (mut s, mut r) = connect(&fc);
        s.write_all(&req).unwrap();
        let mut rest = Vec::new();
        assert_eq!(
            r.read_to_end(&mut rest).ok(),
            Some(0),
            "closed without an answer"
        );
        let t = std::time::Instant::now();
        assert_eq!(roundtrip(&fc, &req).0, 200);
        assert!(t.elapsed() >= Duration::from_millis(200));
        let t = std::time::Instant::now();
        assert_eq!(roundtrip(&fc, &req).2, "{}");
        assert!(t.elapsed() >= Duration::from_millis(200));
        assert_eq!(fc.requests().len(), 4);
    }

    #[test]
    fn drop_cuts_delays_short() {
        let fc = FakeConnect::start();
        fc.fault(Fault::SlowHeaders(Duration::from_secs(600)));
        let (mut s, mut r) = connect(&fc);
        s.write_all(&update(&fc, INSTANCE_MAIN, USER_MARY, ID, ""))
            .unwrap();
        // Wait until the request is in (recorded before the delay starts).
        let mut n = 0;
        while fc.requests().is_empty() && n < 1000 {
            std::thread::sleep(Duration::from_millis(5));
            n += 1;
        }
        let t = std::time::Instant::now();
        drop(fc);
        assert!(t.elapsed() < Duration::from_secs(10));
        let mut rest = Vec::new();
        let _ = r.read_to_end(&mut rest);
    }

    #[test]
    fn helpers() {
        assert_eq!(percent_decode("a%2Fb%zz%E2%82%AC%"), "a/b%zz€%");
        assert_eq!(
            py_dumps(&json!({"a": ["é", 1, 1.5, null, true]})),
            r#"{"a": ["\u00e9", 1, 1.5, null, true]}"#
        );
        assert_eq!(
            http_date(UNIX_EPOCH + Duration::from_secs(1700000000)),
            "Tue, 14 Nov 2023 22:13:20 GMT"
        );
        assert!(
            is_email("a.b+c@example.co.uk")
                && !is_email("a@b")
                && !is_email("a@@b.cc")
                && !is_email("a@b.c1")
        );
        assert!(
            is_phone("+14255550100")
                && !is_phone("+04255550100")
                && !is_phone("+1")
                && !is_phone("14255550100")
        );
    }
}
