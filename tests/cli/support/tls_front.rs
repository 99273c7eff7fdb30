//! `TlsFront`: an HTTPS front for any plain-HTTP test server (FakeConnect, FakeIdp).
//!
//! It listens on `127.0.0.1:0`, completes TLS handshakes with the test server
//! certificate in `tests/data/tls/` (`server-chain.pem` / `server.key`, issued for
//! `127.0.0.1` and `localhost` by the test CA `ca.pem`; valid 2000-2125), and relays the
//! decrypted bytes to the backend over a plain TCP connection, and back. The backend
//! sees the client's own `Host` header, so SigV4 verification and request recording are
//! unchanged; its faults (a closed connection, slow headers or body) reach the client
//! through the relay as they are.
//!
//! Blocking std sockets and a rustls `ServerConnection` per connection, driven by
//! `poll(2)` on both sockets; one thread per connection. Dropping the `TlsFront` stops
//! accepting, closes every connection and joins every thread.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// The test CA (PEM), to trust the front.
pub const CA_PEM: &str = include_str!("../../data/tls/ca.pem");
const SERVER_CHAIN_PEM: &str = include_str!("../../data/tls/server-chain.pem");
const SERVER_KEY_PEM: &str = include_str!("../../data/tls/server.key");

/// The running front. See the module doc.
pub struct TlsFront {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    conns: Arc<Mutex<Vec<TcpStream>>>,
    accepted: Arc<AtomicUsize>,
    acceptor: Option<JoinHandle<()>>,
}

fn server_config() -> Arc<rustls::ServerConfig> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(SERVER_CHAIN_PEM.as_bytes())
        .collect::<Result<_, _>>()
        .expect("tests/data/tls/server-chain.pem");
    let key = PrivateKeyDer::from_pem_slice(SERVER_KEY_PEM.as_bytes()).expect("tests/data/tls/server.key");
    let cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("protocol versions")
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .expect("server certificate and key");
    Arc::new(cfg)
}

impl TlsFront {
    /// Serve TLS on `127.0.0.1:0`, relaying to `backend` (a plain-HTTP server).
    pub fn start(backend: SocketAddr) -> TlsFront {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let conns: Arc<Mutex<Vec<TcpStream>>> = Arc::default();
        let accepted: Arc<AtomicUsize> = Arc::default();
        let cfg = server_config();
        let (s, c, n) = (stop.clone(), conns.clone(), accepted.clone());
        let acceptor = std::thread::Builder::new()
            .name("tls-front-accept".into())
            .spawn(move || {
                let mut workers: Vec<JoinHandle<()>> = Vec::new();
                for stream in listener.incoming() {
                    if s.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    n.fetch_add(1, Ordering::SeqCst);
                    if let Ok(clone) = stream.try_clone() {
                        c.lock().unwrap_or_else(|e| e.into_inner()).push(clone);
                    }
                    workers.retain(|w| !w.is_finished());
                    let (cfg, s) = (cfg.clone(), s.clone());
                    let spawned = std::thread::Builder::new()
                        .name("tls-front-conn".into())
                        .spawn(move || relay(stream, backend, cfg, &s));
                    workers.extend(spawned.ok());
                }
                for w in workers {
                    let _ = w.join();
                }
            })
            .unwrap();
        TlsFront { addr, stop, conns, accepted, acceptor: Some(acceptor) }
    }

    /// `https://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("https://{}", self.addr)
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// How many TCP connections were accepted so far (each TLS attempt is one).
    pub fn connections(&self) -> usize {
        self.accepted.load(Ordering::SeqCst)
    }
}

impl Drop for TlsFront {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        for s in self.conns.lock().unwrap_or_else(|e| e.into_inner()).drain(..) {
            let _ = s.shutdown(Shutdown::Both);
        }
        // Wake the blocking accept(); it sees `stop` and returns.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(5));
        if let Some(h) = self.acceptor.take() {
            let _ = h.join();
        }
    }
}

/// Wait until one of `fds` is readable (or hung up), at most `ms` milliseconds.
/// Returns which ones are.
fn poll_readable(fds: &[i32], ms: i32) -> Vec<bool> {
    let mut p: Vec<libc::pollfd> = fds.iter().map(|&fd| libc::pollfd { fd, events: libc::POLLIN, revents: 0 }).collect();
    // SAFETY: `p` is a valid array of `p.len()` pollfd structs for the duration of the call.
    let n = unsafe { libc::poll(p.as_mut_ptr(), p.len() as libc::nfds_t, ms) };
    if n <= 0 {
        return vec![false; fds.len()];
    }
    p.iter().map(|x| x.revents != 0).collect()
}

/// One client connection: TLS on `client`, plaintext to `backend` (connected on the
/// first decrypted byte, so a failed handshake never reaches the backend).
fn relay(mut client: TcpStream, backend_addr: SocketAddr, cfg: Arc<rustls::ServerConfig>, stop: &AtomicBool) {
    let _ = client.set_nodelay(true);
    let _ = client.set_write_timeout(Some(Duration::from_secs(30)));
    let Ok(mut conn) = rustls::ServerConnection::new(cfg) else { return };
    let mut backend: Option<TcpStream> = None;
    let mut client_open = true;
    let mut buf = vec![0u8; 64 * 1024];
    'outer: while !stop.load(Ordering::SeqCst) {
        while conn.wants_write() {
            if conn.write_tls(&mut client).is_err() {
                break 'outer;
            }
        }
        let mut fds = Vec::new();
        if client_open {
            fds.push(client.as_raw_fd());
        }
        if let Some(b) = &backend {
            fds.push(b.as_raw_fd());
        }
        if fds.is_empty() {
            break;
        }
        let ready = poll_readable(&fds, 100);
        let (client_ready, backend_ready) = if client_open {
            (ready[0], ready.get(1).copied().unwrap_or(false))
        } else {
            (false, ready[0])
        };
        if client_ready {
            match conn.read_tls(&mut client) {
                Ok(0) | Err(_) => {
                    // The client is gone: let the backend finish (or notice) on its own.
                    client_open = false;
                    match &backend {
                        Some(b) => {
                            let _ = b.shutdown(Shutdown::Write);
                        }
                        None => break,
                    }
                }
                Ok(_) => {
                    if conn.process_new_packets().is_err() {
                        // Send the alert, then give up (e.g. the client did not trust us).
                        let _ = conn.write_tls(&mut client);
                        break;
                    }
                    loop {
                        match conn.reader().read(&mut buf) {
                            Ok(0) => {
                                // close_notify from the client.
                                client_open = false;
                                if let Some(b) = &backend {
                                    let _ = b.shutdown(Shutdown::Write);
                                }
                                break;
                            }
                            Ok(n) => {
                                if backend.is_none() {
                                    match TcpStream::connect(backend_addr) {
                                        Ok(b) => {
                                            let _ = b.set_nodelay(true);
                                            backend = Some(b);
                                        }
                                        Err(_) => break 'outer,
                                    }
                                }
                                if backend.as_mut().unwrap().write_all(&buf[..n]).is_err() {
                                    break 'outer;
                                }
                            }
                            Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                            Err(_) => break 'outer,
                        }
                    }
                }
            }
        }
        if backend_ready {
            let b = backend.as_mut().unwrap();
            match b.read(&mut buf) {
                Ok(0) | Err(_) => {
                    // The backend closed (e.g. Fault::ResetConnection): close the client too.
                    conn.send_close_notify();
                    while conn.wants_write() {
                        if conn.write_tls(&mut client).is_err() {
                            break;
                        }
                    }
                    break;
                }
                Ok(n) => {
                    if conn.writer().write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            }
        }
    }
    let _ = client.shutdown(Shutdown::Both);
    if let Some(b) = backend {
        let _ = b.shutdown(Shutdown::Both);
    }
}
