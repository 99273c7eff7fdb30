//! SDK interceptors: counting attempts (for `(reached max retries: N)`), remembering the URL of
//! the request (for the reference's transport error texts), and sending empty URI labels.

use std::sync::{Arc, Mutex};

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeTransmitInterceptorContextMut, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;

/// What the interceptors observed during one operation.
#[derive(Debug, Default)]
pub struct Observed {
    pub attempts: u32,
    pub url: Option<String>,
}

/// Counts attempts and records the final (signed) URL of each.
#[derive(Debug, Clone, Default)]
pub struct Observer {
    pub state: Arc<Mutex<Observed>>,
}

impl Intercept for Observer {
    fn name(&self) -> &'static str {
        "Observer"
    }

    fn read_before_attempt(
        &self,
        _: &BeforeTransmitInterceptorContextRef<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if let Ok(mut s) = self.state.lock() {
            s.attempts += 1;
        }
        Ok(())
    }

    fn read_before_transmit(
        &self,
        ctx: &BeforeTransmitInterceptorContextRef<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if let Ok(mut s) = self.state.lock() {
            s.url = Some(ctx.request().uri().to_string());
        }
        Ok(())
    }
}

/// The SDK refuses empty URI labels, but the reference sends `/users/i//identity-info` for an
/// empty `--user-id`. The caller passes `placeholder` for an empty label; this interceptor puts
/// the empty segment back before signing, so the signature covers the path that is sent.
#[derive(Debug, Clone)]
pub struct EmptyLabels {
    pub placeholder: String,
}

impl Intercept for EmptyLabels {
    fn name(&self) -> &'static str {
        "EmptyLabels"
    }

    fn modify_before_signing(
        &self,
        ctx: &mut BeforeTransmitInterceptorContextMut<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let req = ctx.request_mut();
        let needle = format!("/{}/", self.placeholder);
        if req.uri().contains(&needle) {
            let mut fixed = req.uri().to_string();
            while fixed.contains(&needle) {
                fixed = fixed.replacen(&needle, "//", 1);
            }
            req.set_uri(fixed)?;
        }
        Ok(())
    }
}

/// `--debug`: logs each attempt's request and response, with secrets and sensitive members
/// redacted (see [`crate::debug`]).
#[derive(Debug, Clone)]
pub struct WireLog {
    pub log: crate::debug::DebugLog,
    pub max_attempts: u32,
    /// The [`Observer`]'s state (registered before this interceptor, it has counted the
    /// attempt by the time this one logs it).
    pub observed: Arc<Mutex<Observed>>,
}

impl WireLog {
    fn attempts(&self) -> u32 {
        self.observed.lock().map(|s| s.attempts).unwrap_or(0)
    }
}

const LOGGER: &str = "awsclone.request";

impl Intercept for WireLog {
    fn name(&self) -> &'static str {
        "WireLog"
    }

    fn read_before_attempt(
        &self,
        _: &BeforeTransmitInterceptorContextRef<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        self.log.log(LOGGER, format!("Attempt {} of {}", self.attempts(), self.max_attempts));
        Ok(())
    }

    fn read_before_transmit(
        &self,
        ctx: &BeforeTransmitInterceptorContextRef<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        use crate::debug::{redact_body, redact_header};
        let req = ctx.request();
        let headers: Vec<String> =
            req.headers().iter().map(|(k, v)| format!("'{k}': '{}'", redact_header(k, v))).collect();
        let body = req.body().bytes().map(redact_body).unwrap_or_else(|| "<streaming>".into());
        self.log.log(
            LOGGER,
            format!("Sending http request: method={} url={} headers={{{}}} body={body}", req.method(), req.uri(), headers.join(", ")),
        );
        Ok(())
    }

    fn read_after_attempt(
        &self,
        ctx: &aws_smithy_runtime_api::client::interceptors::context::FinalizerInterceptorContextRef<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        use crate::debug::{redact_body, redact_header};
        match ctx.response() {
            Some(resp) => {
                let headers: Vec<String> =
                    resp.headers().iter().map(|(k, v)| format!("'{k}': '{}'", redact_header(k, v))).collect();
                let body = resp.body().bytes().map(redact_body).unwrap_or_else(|| "<streaming>".into());
                self.log.log(LOGGER, format!("Response status: {}", resp.status().as_u16()));
                self.log.log(LOGGER, format!("Response headers: {{{}}}", headers.join(", ")));
                self.log.log(LOGGER, format!("Response body: {body}"));
            }
            None => self.log.log(LOGGER, "No response received"),
        }
        if let Some(Err(e)) = ctx.output_or_error() {
            let n = self.attempts();
            let decision = if n < self.max_attempts { "a retry may follow if the error is retryable" } else { "no attempts left" };
            self.log.log(LOGGER, format!("Attempt {n} failed ({e}); {decision}"));
        }
        Ok(())
    }
}
