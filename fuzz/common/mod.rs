//! Helpers shared by the fuzz targets (included with `#[path] mod common;`; not a target itself).
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use awsclone::cli::OperationArgs;
use awsclone::config::Env;
use awsclone::error::{CliError, ErrorFormat, RenderOptions};

/// A per-process scratch directory: `/tmp/fuzz-paramfiles-<pid>`. It is the working directory
/// of the fuzz [`Env`], so relative `file://` paths stay inside it.
pub fn scratch_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = PathBuf::from(format!("/tmp/fuzz-paramfiles-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create the param-file scratch dir");
        dir
    })
}

/// The environment the targets run `input::build` with: no real `HOME`, the scratch dir as
/// working directory, and `AWS_CLI_FILE_ENCODING` when given.
pub fn env(encoding: Option<&str>) -> Env {
    let mut vars = vec![
        ("HOME".to_string(), "/nonexistent-fuzz-home".to_string()),
        ("FUZZVAR".to_string(), "fuzz-value".to_string()),
    ];
    if let Some(e) = encoding {
        vars.push(("AWS_CLI_FILE_ENCODING".to_string(), e.to_string()));
    }
    Env::from_pairs(vars, scratch_dir().clone())
}

/// True when `data` could make `input::build` open a file the harness does not control
/// (`file:`/`fileb:` anywhere, also UTF-16-encoded). Such inputs are skipped: a fuzzer-made
/// `FirstName@=file:///dev/stdin` would block and `file:///dev/zero` would exhaust memory,
/// which are properties of the paths, not bugs.
pub fn names_a_file(data: &[u8]) -> bool {
    let contains = |hay: &[u8]| hay.windows(5).any(|w| w.eq_ignore_ascii_case(b"file:"));
    if contains(data) {
        return true;
    }
    let no_nul: Vec<u8> = data.iter().copied().filter(|&b| b != 0).collect();
    contains(&no_nul)
}

/// Renders an error in every format, and checks its exit code is one the CLI uses.
pub fn render_all(e: &CliError) {
    for format in [
        ErrorFormat::Enhanced,
        ErrorFormat::Legacy,
        ErrorFormat::Json,
        ErrorFormat::Yaml,
        ErrorFormat::Text,
        ErrorFormat::Table,
    ] {
        for color in [false, true] {
            let _ = e.render(RenderOptions { format, color });
        }
    }
    let _ = e.stdout_text();
    assert!(matches!(e.exit_code(), 130 | 252 | 253 | 254 | 255), "exit code {}", e.exit_code());
}

/// `input::build`, then what the program does with its result: validation, the request body
/// (`to_call`), and error rendering.
pub fn build_and_validate(op: &OperationArgs, env: &Env) {
    match awsclone::input::build(op, env) {
        Ok(params) => match awsclone::model::validate::validate(&params) {
            Ok(()) => {
                if let Err(e) = awsclone::input::to_call(&params) {
                    render_all(&e);
                }
            }
            Err(msg) => {
                assert!(msg.starts_with("Parameter validation failed:\n"), "{msg}");
                render_all(&CliError::ParamValidation(msg));
                // With parameter_validation = false the serializer still runs.
                if let Err(e) = awsclone::input::to_call(&params) {
                    render_all(&e);
                }
            }
        },
        Err(e) => render_all(&e),
    }
}
