//! Sending `UpdateUserIdentityInfo` with aws-sdk-connect, and turning every SDK failure into
//! the reference's error.
//!
//! The SDK config is built from settings this program resolved itself (region, retries,
//! timeouts, profile, credentials chain, TLS trust), because aws-config panics on bad retry
//! values, ignores `ca_bundle`, and reads environment credentials even with an explicit
//! `--profile`. Service errors are re-parsed from the raw response with botocore's rest-json
//! rules, since the SDK's own code/message are missing for HTML or empty bodies.

mod errors;
mod insecure;
mod interceptors;

use std::path::PathBuf;
use std::time::Duration;

use aws_config::meta::credentials::CredentialsProviderChain;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region};
use aws_credential_types::provider::{self, ProvideCredentials};
use aws_runtime::env_config::file::{EnvConfigFileKind, EnvConfigFiles};
use aws_sdk_connect::types::UserIdentityInfo;
use aws_smithy_http_client::{proxy::ProxyConfig, tls, Connector};
use aws_smithy_runtime_api::client::http::{http_client_fn, SharedHttpClient, SharedHttpConnector};

use crate::config::SharedConfig;
use crate::debug::DebugLog;
use crate::error::CliError;
pub use errors::is_retryable;

/// The validated call: labels and the members of `IdentityInfo`, in the user's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub instance_id: String,
    pub user_id: String,
    pub identity_info: Vec<(String, String)>,
}

/// Retry settings as the reference resolves them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retry {
    pub adaptive: bool,
    pub max_attempts: u32,
}

/// Everything the transport needs, already resolved and checked.
#[derive(Debug, Clone)]
pub struct Transport {
    pub region: String,
    pub endpoint_url: Option<String>,
    /// Whether the effective endpoint (flag, environment, config or default) is https.
    pub https: bool,
    /// An endpoint was configured (flag, environment or config): FIPS and dual-stack are then
    /// ignored, as botocore ignores them.
    pub custom_endpoint: bool,
    /// The region was given as `fips-…`/`…-fips` (already stripped from `region`).
    pub fips_from_region: bool,
    pub profile: String,
    /// `--profile` was given: environment credentials are not used.
    pub explicit_profile: bool,
    /// The profile has a `role_arn` (its provider then comes before environment web identity).
    pub profile_assumes_role: bool,
    pub no_sign_request: bool,
    /// The CA bundle file to trust instead of the system roots (https only).
    pub ca_bundle: Option<PathBuf>,
    /// `None` means no timeout.
    pub connect_timeout: Option<Duration>,
    pub read_timeout: Option<Duration>,
    pub retry: Retry,
    pub imds_disabled: bool,
    /// `--no-verify-ssl` not given.
    pub verify_ssl: bool,
    pub debug: DebugLog,
}

/// Sends the call on a current-thread runtime built for it.
pub fn send(transport: &Transport, shared: &SharedConfig, call: &Call) -> Result<(), CliError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::General(e.to_string()))?;
    runtime.block_on(send_async(transport, shared, call))
}

/// The region from instance metadata (IMDSv2), with the reference's budget: one attempt, one
/// second to connect and one to read. `None` when there is no metadata service.
pub fn imds_region() -> Option<String> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
    runtime.block_on(async {
        let client = aws_config::imds::Client::builder()
            .max_attempts(1)
            .connect_timeout(Duration::from_secs(1))
            .read_timeout(Duration::from_secs(1))
            .build();
        let provider = aws_config::imds::region::ImdsRegionProvider::builder().imds_client(client).build();
        provider.region().await.map(|r| r.to_string())
    })
}

/// A label the SDK will accept in place of an empty one; see [`interceptors::EmptyLabels`].
fn empty_label_placeholder() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("empty-label-{nanos:x}-{}", std::process::id())
}

fn profile_files(shared: &SharedConfig) -> EnvConfigFiles {
    let mut b = EnvConfigFiles::builder()
        .include_default_config_file(false)
        .include_default_credentials_file(false);
    b = b.with_contents(EnvConfigFileKind::Config, shared.config.text.clone().unwrap_or_default());
    b = b.with_contents(EnvConfigFileKind::Credentials, shared.credentials.text.clone().unwrap_or_default());
    b.build()
}

/// Reads and checks the CA bundle, as the reference does only when it opens a TLS connection.
fn ca_bundle_pem(path: &PathBuf) -> Result<Vec<u8>, String> {
    use rustls::pki_types::{pem::PemObject, CertificateDer};
    let pem = std::fs::read(path).map_err(|e| errors::python_os_error(&e, None))?;
    let ders = CertificateDer::pem_slice_iter(&pem).collect::<Result<Vec<_>, _>>().map_err(|_| pem_lib())?;
    let mut store = rustls::RootCertStore::empty();
    for d in ders {
        store.add(d).map_err(|_| pem_lib())?;
    }
    if store.is_empty() {
        return Err(no_cert());
    }
    Ok(pem)
}

/// OpenSSL's text for a certificate block it cannot read.
fn pem_lib() -> String {
    "[X509] PEM lib".into()
}

/// OpenSSL's text for a file with no certificate in it.
fn no_cert() -> String {
    "[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found".into()
}

fn http_client(transport: &Transport) -> Result<Option<SharedHttpClient>, String> {
    if !transport.https {
        // Plain http: no TLS roots to load at all.
        return Ok(Some(http_client_fn(|settings, components| {
            let mut b = Connector::builder().connector_settings(settings.clone()).proxy_config(ProxyConfig::from_env());
            b.set_sleep_impl(components.sleep_impl());
            SharedHttpConnector::new(b.build_http())
        })));
    }
    if !transport.verify_ssl {
        return Ok(Some(insecure::client()));
    }
    let Some(path) = &transport.ca_bundle else { return Ok(None) };
    let pem = ca_bundle_pem(path)?;
    let trust = tls::TrustStore::empty().with_native_roots(false).with_pem_certificate(pem);
    let ctx = tls::TlsContext::builder().with_trust_store(trust).build().map_err(|e| e.to_string())?;
    Ok(Some(http_client_fn(move |settings, components| {
        let mut b = Connector::builder().connector_settings(settings.clone()).proxy_config(ProxyConfig::from_env());
        b.set_sleep_impl(components.sleep_impl());
        SharedHttpConnector::new(
            b.tls_provider(tls::Provider::Rustls(tls::rustls_provider::CryptoMode::AwsLc)).tls_context(ctx.clone()).build(),
        )
    })))
}

/// A credentials provider that says in the debug log whether it supplied credentials.
#[derive(Debug)]
struct Logged<P> {
    name: &'static str,
    inner: P,
    log: DebugLog,
}

impl<P: ProvideCredentials> ProvideCredentials for Logged<P> {
    fn provide_credentials<'a>(&'a self) -> provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        provider::future::ProvideCredentials::new(async move {
            let result = self.inner.provide_credentials().await;
            match &result {
                Ok(c) => self.log.log(
                    "awsclone.credentials",
                    format!("Found credentials from {} (access key id {})", self.name, c.access_key_id()),
                ),
                Err(e) => self.log.log("awsclone.credentials", format!("No credentials from {}: {e}", self.name)),
            }
            result
        })
    }
}

fn logged<P: ProvideCredentials + 'static>(name: &'static str, inner: P, log: &DebugLog) -> Logged<P> {
    Logged { name, inner, log: log.clone() }
}

/// The credential providers in botocore's order: environment (unless `--profile` was given),
/// then the profile (assume-role, SSO, `credential_process`, static keys) and web identity from
/// the environment — the profile first when it assumes a role, and no environment web identity
/// with an explicit `--profile` — then the container endpoint and instance metadata. `pc` gives
/// the STS and SSO clients of those providers the run's region and TLS settings.
async fn credentials_chain(
    transport: &Transport,
    files: &EnvConfigFiles,
    pc: &aws_config::provider_config::ProviderConfig,
) -> CredentialsProviderChain {
    use aws_config::{ecs, environment, imds, profile, web_identity_token};
    let log = &transport.debug;
    let profile_provider = logged(
        "the shared config and credentials files",
        profile::ProfileFileCredentialsProvider::builder()
            .configure(pc)
            .profile_name(&transport.profile)
            .profile_files(files.clone())
            .build(),
        log,
    );
    let web_identity =
        logged("web identity", web_identity_token::WebIdentityTokenCredentialsProvider::builder().configure(pc).build(), log);
    let mut chain = if transport.explicit_profile {
        CredentialsProviderChain::first_try("Profile", profile_provider)
    } else {
        let env = logged("environment variables", environment::EnvironmentVariableCredentialsProvider::new(), log);
        let chain = CredentialsProviderChain::first_try("Environment", env);
        if transport.profile_assumes_role {
            chain.or_else("Profile", profile_provider).or_else("WebIdentityToken", web_identity)
        } else {
            chain.or_else("WebIdentityToken", web_identity).or_else("Profile", profile_provider)
        }
    };
    chain = chain.or_else("EcsContainer", logged("the container endpoint", ecs::EcsCredentialsProvider::builder().build(), log));
    if !transport.imds_disabled {
        // One attempt with a one-second budget, as the reference's metadata_service_* defaults.
        let client = imds::Client::builder()
            .max_attempts(1)
            .connect_timeout(Duration::from_secs(1))
            .read_timeout(Duration::from_secs(1))
            .build();
        chain = chain.or_else(
            "Ec2InstanceMetadata",
            logged("instance metadata", imds::credentials::ImdsCredentialsProvider::builder().imds_client(client).build(), log),
        );
    }
    chain
}

/// botocore's read timeout also covers the response body; the SDK's stops at the headers. The
/// SDK's stalled-stream protection, with the read timeout as its grace period, ends a body that
/// stops arriving for that long.
fn body_read_timeout(read_timeout: Option<Duration>) -> aws_config::stalled_stream_protection::StalledStreamProtectionConfig {
    use aws_config::stalled_stream_protection::StalledStreamProtectionConfig;
    match read_timeout {
        Some(d) => StalledStreamProtectionConfig::enabled().upload_enabled(false).grace_period(d).build(),
        None => StalledStreamProtectionConfig::disabled(),
    }
}

async fn send_async(transport: &Transport, shared: &SharedConfig, call: &Call) -> Result<(), CliError> {
    let files = profile_files(shared);
    let mut timeouts = TimeoutConfig::builder();
    timeouts = match transport.connect_timeout {
        Some(d) => timeouts.connect_timeout(d),
        None => timeouts.disable_connect_timeout(),
    };
    timeouts = match transport.read_timeout {
        Some(d) => timeouts.read_timeout(d),
        None => timeouts.disable_read_timeout(),
    };
    // `adaptive` is accepted and validated, but sent as standard: the SDK's client-side rate
    // limiter can stall a single command ~20 s after a throttle, where botocore's waits ~2 s
    // at most; for one request the two modes otherwise behave alike.
    let retry = RetryConfig::standard().with_max_attempts(transport.retry.max_attempts);

    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .profile_files(files.clone())
        .profile_name(&transport.profile)
        .region(Region::new(transport.region.clone()))
        .timeout_config(timeouts.build())
        .stalled_stream_protection(body_read_timeout(transport.read_timeout))
        .retry_config(retry);
    let custom_client = match http_client(transport) {
        Ok(c) => c,
        Err(detail) => {
            let url = errors::request_url(transport, call);
            return Err(CliError::General(format!("SSL validation failed for {url} {detail}")));
        }
    };
    loader = if transport.no_sign_request {
        loader.no_credentials()
    } else {
        let mut pc = aws_config::provider_config::ProviderConfig::default()
            .with_region(Some(Region::new(transport.region.clone())));
        // The credential providers' own clients (STS, SSO) talk https to AWS: they share the
        // trust settings, but never the plain-http client of an http Connect endpoint.
        if let Some(c) = custom_client.clone().filter(|_| transport.https) {
            pc = pc.with_http_client(c);
        }
        loader.credentials_provider(credentials_chain(transport, &files, &pc).await)
    };
    let sdk = loader.load().await;

    let observer = interceptors::Observer::default();
    let placeholder = empty_label_placeholder();
    let mut conf = aws_sdk_connect::config::Builder::from(&sdk)
        .interceptor(observer.clone())
        .interceptor(interceptors::EmptyLabels { placeholder: placeholder.clone() });
    if transport.debug.enabled() {
        conf = conf.interceptor(interceptors::WireLog {
            log: transport.debug.clone(),
            max_attempts: transport.retry.max_attempts,
            observed: observer.state.clone(),
        });
    }
    if let Some(url) = &transport.endpoint_url {
        conf = conf.endpoint_url(url);
    }
    if transport.no_sign_request {
        conf = conf.allow_no_auth();
    }
    if transport.custom_endpoint {
        conf = conf.use_fips(false).use_dual_stack(false);
    } else if transport.fips_from_region {
        conf = conf.use_fips(true);
    }
    if let Some(c) = custom_client {
        conf = conf.http_client(c);
    }
    let client = aws_sdk_connect::Client::from_conf(conf.build());

    let label = |s: &str| if s.is_empty() { placeholder.clone() } else { s.to_string() };
    let mut info = UserIdentityInfo::builder();
    for (k, v) in &call.identity_info {
        info = match k.as_str() {
            "FirstName" => info.first_name(v),
            "LastName" => info.last_name(v),
            "Email" => info.email(v),
            "SecondaryEmail" => info.secondary_email(v),
            "Mobile" => info.mobile(v),
            _ => info,
        };
    }
    let result = client
        .update_user_identity_info()
        .instance_id(label(&call.instance_id))
        .user_id(label(&call.user_id))
        .identity_info(info.build())
        .send()
        .await;
    match result {
        Ok(_) => Ok(()),
        Err(err) => {
            let observed = observer.state.lock().map(|s| (s.attempts, s.url.clone())).unwrap_or((0, None));
            let url = observed.1.unwrap_or_else(|| errors::request_url(transport, call));
            Err(errors::map(err, observed.0, transport.retry.max_attempts, &url))
        }
    }
}
