//! The performance floor: the least a Rust program must do to send the documented
//! UpdateUserIdentityInfo request with the AWS SDK for Rust.
//!
//! ```text
//! cargo build --release --example floor
//! target/release/examples/floor http://127.0.0.1:PORT
//! ```
//!
//! Credentials and region come from the usual environment and config files through
//! `aws_config::defaults` (`AWS_EC2_METADATA_DISABLED=true` keeps it off the instance metadata
//! service); the endpoint URL is the first argument. It prints nothing on success and exits 0;
//! on any error it prints the error on stderr and exits 1 (2 for a usage error).
//! `bench/run.py` times it beside the `aws` binary: the difference is what argument parsing,
//! validation and the CLI's settings cost on top of the SDK.

use aws_config::BehaviorVersion;
use aws_sdk_connect::types::UserIdentityInfo;

const INSTANCE_ID: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
const USER_ID: &str = "87654321-2222-1234-1234-111234567891";

fn main() {
    let Some(endpoint_url) = std::env::args().nth(1) else {
        eprintln!("usage: floor ENDPOINT_URL");
        std::process::exit(2);
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("floor: cannot start the runtime: {e}");
            std::process::exit(1);
        }
    };
    let code = runtime.block_on(async move {
        let config = aws_config::defaults(BehaviorVersion::latest()).endpoint_url(endpoint_url).load().await;
        let client = aws_sdk_connect::Client::new(&config);
        let identity_info = UserIdentityInfo::builder()
            .first_name("Mary")
            .last_name("Major")
            .email("marym@example.com")
            .build();
        let result = client
            .update_user_identity_info()
            .instance_id(INSTANCE_ID)
            .user_id(USER_ID)
            .identity_info(identity_info)
            .send()
            .await;
        match result {
            Ok(_) => 0,
            Err(e) => {
                eprintln!("floor: {}", aws_sdk_connect::error::DisplayErrorContext(&e));
                1
            }
        }
    });
    std::process::exit(code);
}
