//! `help` pages (replaced when the renderer lands).
use crate::cli::HelpPage;
use crate::config::Env;
use crate::error::CliError;
use crate::Io;

pub fn show(_page: HelpPage, _env: &Env, _io: &mut Io<'_>) -> Result<(), CliError> {
    Err(CliError::General("help is not supported yet by this program".into()))
}
