//! The HTTP client behind `--no-verify-ssl`: TLS without certificate verification.
//!
//! aws-smithy-http-client offers no way to skip verification, so this is a small hyper-util +
//! hyper-rustls connector whose rustls verifier accepts any certificate (signatures are still
//! checked, so the handshake is real). Connect and read timeouts are applied as the SDK's own
//! client applies them. Proxies from the environment (`HTTPS_PROXY`, `ALL_PROXY`, `NO_PROXY`,
//! upper or lower case) are honoured as the SDK's client honours them: https destinations go
//! through an HTTP CONNECT tunnel.

use std::sync::Arc;
use std::time::Duration;

use aws_smithy_runtime_api::client::http::{
    http_client_fn, HttpConnector, HttpConnectorFuture, SharedHttpClient, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::HttpRequest;
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::http::Response;
use aws_smithy_types::body::SdkBody;
use hyper_util::client::legacy::{connect::HttpConnector as TcpConnector, Client};
use hyper_util::rt::TokioExecutor;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};

#[derive(Debug)]
struct AcceptAnyCertificate(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

type HttpsClient = Client<hyper_rustls::HttpsConnector<ProxyOrDirect>, SdkBody>;

type TcpIo = hyper_util::rt::TokioIo<tokio::net::TcpStream>;
type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// TCP to the destination, or through the environment's proxy with a CONNECT tunnel.
#[derive(Clone)]
struct ProxyOrDirect {
    tcp: TcpConnector,
    proxies: Arc<hyper_util::client::proxy::matcher::Matcher>,
}

impl std::fmt::Debug for ProxyOrDirect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProxyOrDirect")
    }
}

impl tower_service::Service<http::Uri> for ProxyOrDirect {
    type Response = TcpIo;
    type Error = BoxError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<TcpIo, BoxError>> + Send>>;

    fn poll_ready(&mut self, _: &mut std::task::Context<'_>) -> std::task::Poll<Result<(), BoxError>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, dst: http::Uri) -> Self::Future {
        let mut tcp = self.tcp.clone();
        let proxy = self.proxies.intercept(&dst);
        Box::pin(async move {
            match proxy {
                Some(p) if dst.scheme_str() == Some("https") => {
                    let mut tunnel = hyper_util::client::legacy::connect::proxy::Tunnel::new(p.uri().clone(), tcp);
                    if let Some(auth) = p.basic_auth() {
                        tunnel = tunnel.with_auth(auth.clone());
                    }
                    tower_service::Service::call(&mut tunnel, dst).await.map_err(Into::into)
                }
                _ => tower_service::Service::call(&mut tcp, dst).await.map_err(Into::into),
            }
        })
    }
}

#[derive(Clone, Debug)]
struct InsecureConnector {
    client: HttpsClient,
    read_timeout: Option<Duration>,
}

impl HttpConnector for InsecureConnector {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let this = self.clone();
        HttpConnectorFuture::new(async move {
            let req = request.try_into_http1x().map_err(|e| ConnectorError::user(e.into()))?;
            let fut = this.client.request(req);
            let resp = match this.read_timeout {
                Some(d) => tokio::time::timeout(d, fut).await.map_err(|e| ConnectorError::timeout(e.into()))?,
                None => fut.await,
            };
            let resp = resp.map_err(|e| {
                if e.is_connect() {
                    ConnectorError::io(e.into())
                } else {
                    ConnectorError::other(e.into(), None)
                }
            })?;
            Response::try_from(resp.map(SdkBody::from_body_1_x)).map_err(|e| ConnectorError::other(e.into(), None))
        })
    }
}

/// A client that completes TLS handshakes with any certificate.
pub fn client() -> SharedHttpClient {
    http_client_fn(|settings, _components| {
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let tls = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map(|b| {
                b.dangerous()
                    .with_custom_certificate_verifier(Arc::new(AcceptAnyCertificate(provider)))
                    .with_no_client_auth()
            });
        let mut tcp = TcpConnector::new();
        tcp.enforce_http(false);
        tcp.set_connect_timeout(settings.connect_timeout());
        tcp.set_nodelay(true);
        let cfg = match tls {
            Ok(cfg) => cfg,
            Err(e) => return SharedHttpConnector::new(Unusable(e.to_string())),
        };
        let proxies = Arc::new(hyper_util::client::proxy::matcher::Matcher::from_env());
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(cfg)
            .https_or_http()
            .enable_http1()
            .wrap_connector(ProxyOrDirect { tcp, proxies });
        SharedHttpConnector::new(InsecureConnector {
            client: Client::builder(TokioExecutor::new()).build(https),
            read_timeout: settings.read_timeout(),
        })
    })
}

/// Stands in when no TLS configuration could be built: every request fails with the reason.
#[derive(Debug)]
struct Unusable(String);

impl HttpConnector for Unusable {
    fn call(&self, _request: HttpRequest) -> HttpConnectorFuture {
        let reason = self.0.clone();
        HttpConnectorFuture::new(async move { Err(ConnectorError::other(reason.into(), None)) })
    }
}
