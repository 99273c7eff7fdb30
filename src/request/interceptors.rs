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
