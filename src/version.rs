//! The `--version` line: the reference's format (`aws-cli/<version> … <source>/<machine>`), naming
//! this program and its version in place of the Python interpreter.

use crate::config::{env, Env};

/// The AWS CLI release this program reproduces.
pub const REFERENCE_VERSION: &str = "2.36.7";

fn kernel_release() -> String {
    std::fs::read_to_string("/proc/sys/kernel/osrelease").map(|s| s.trim().to_string()).unwrap_or_default()
}

/// `.<id>.<major>` from os-release, as the reference appends it on Linux.
fn distro_suffix() -> String {
    let Ok(text) = std::fs::read_to_string("/etc/os-release") else { return String::new() };
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix('=')))
            .map(|v| v.trim_matches('"').to_string())
    };
    match (field("ID"), field("VERSION_ID")) {
        (Some(id), Some(v)) => format!(".{id}.{}", v.split('.').next().unwrap_or(&v)),
        (Some(id), None) => format!(".{id}"),
        _ => String::new(),
    }
}

/// The whole line, without the newline.
pub fn line(env: &Env) -> String {
    let os = if cfg!(target_os = "linux") { "Linux" } else { std::env::consts::OS };
    let exec_env = env.get(env::AWS_EXECUTION_ENV).map(|e| format!(" exec-env/{e}")).unwrap_or_default();
    format!(
        "aws-cli/{REFERENCE_VERSION} {}/{} {os}/{}{exec_env} exe/{}{}",
        env!("CARGO_PKG_NAME"),
        env!("CARGO_PKG_VERSION"),
        kernel_release(),
        std::env::consts::ARCH,
        distro_suffix()
    )
}
