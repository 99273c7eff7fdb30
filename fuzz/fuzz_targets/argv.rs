//! The command line: `cli::parse` on argv split from the input at NUL bytes.
#![no_main]

use awsclone::cli::{self, Invocation};
use awsclone::error::{ErrorFormat, RenderOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let args: Vec<String> = if text.is_empty() { Vec::new() } else { text.split('\0').map(str::to_string).collect() };
    match cli::parse(&args) {
        Ok(Invocation::Operation(globals, op)) => {
            let _ = (globals, op);
        }
        Ok(_) => {}
        Err(failure) => {
            let format = failure.globals.as_ref().and_then(|g| g.cli_error_format).unwrap_or(ErrorFormat::Enhanced);
            let _ = failure.error.render(RenderOptions { format, color: false });
            let code = failure.error.exit_code();
            assert!(matches!(code, 252 | 253 | 255), "exit code {code}");
        }
    }
});
