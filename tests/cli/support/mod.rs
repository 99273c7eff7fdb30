//! Integration-test support: an in-process Amazon Connect endpoint and the
//! snapshot runner. Declared from `tests/cli/main.rs` as `mod support;`.
//!
//! * [`fake_connect`] - `FakeConnect`, a port of `shared/conformance/emulator.py`
//!   with request recording and fault injection.
//! * [`sigv4`] - SigV4 verification (aws-sigv4) used by `FakeConnect`.
//! * [`nfc`] - the "is NFC" check behind the service's NFC validation.
//! * [`transcript`] - `Case` / `Outcome` / `assert_snapshot`.
//! * [`tls_front`] - `TlsFront`, an HTTPS front (test CA in `tests/data/tls/`) for any of them.
//! * [`fake_idp`] - `FakeIdp`, fake STS (AssumeRole, AssumeRoleWithWebIdentity) and SSO portal.
//! * [`sha1`] - SHA-1, for SSO token cache file names.
#![allow(dead_code, unused_imports)]

pub mod fake_connect;
pub mod connect_proxy;
pub mod fake_idp;
pub mod nfc;
pub mod pty;
pub mod sha1;
pub mod sigv4;
pub mod tls_front;
pub mod transcript;

pub use fake_connect::{FakeConnect, Fault, RecordedRequest};
pub use transcript::{assert_snapshot, Case, Outcome};
