//! `help` pages: `aws help`, `aws connect help` and `aws connect update-user-identity-info help`.
//!
//! The pages are rendered from the model data by [`renderer`] (a groff-compatible typesetter)
//! once, at build time (`build.rs`), and embedded: showing help costs no rendering at run time.

pub mod renderer;

pub use renderer::{first_sentence, Page};

/// A page as plain text (`col -b` form).
fn plain(page: Page) -> &'static str {
    match page {
        Page::TopLevel => include_str!(concat!(env!("OUT_DIR"), "/help/top_level.txt")),
        Page::Service => include_str!(concat!(env!("OUT_DIR"), "/help/service.txt")),
        Page::Operation => include_str!(concat!(env!("OUT_DIR"), "/help/operation.txt")),
    }
}

/// A page with groff's overstrike emphasis, for a terminal pager.
fn overstrike(page: Page) -> &'static str {
    match page {
        Page::TopLevel => include_str!(concat!(env!("OUT_DIR"), "/help/top_level.overstrike")),
        Page::Service => include_str!(concat!(env!("OUT_DIR"), "/help/service.overstrike")),
        Page::Operation => include_str!(concat!(env!("OUT_DIR"), "/help/operation.overstrike")),
    }
}

/// Where the reference's online documentation for `page` lives (`cli_help_output = url`).
fn url(page: Page) -> &'static str {
    match page {
        Page::TopLevel => "https://awscli.amazonaws.com/v2/documentation/api/2.36.7/reference/index.html",
        Page::Service => "https://awscli.amazonaws.com/v2/documentation/api/2.36.7/reference/connect/index.html",
        Page::Operation => {
            "https://awscli.amazonaws.com/v2/documentation/api/2.36.7/reference/connect/update-user-identity-info.html"
        }
    }
}

/// Shows a help page: on a terminal through `MANPAGER`, then `PAGER`, then `less -R`, with
/// groff-style emphasis; piped, as plain text (no overstrike bytes). A pager that cannot be
/// started leaves the page on stdout. `cli_help_output = url` prints only the page's address.
pub fn show(
    page: crate::cli::HelpPage,
    globals: &crate::cli::GlobalArgs,
    env: &crate::config::Env,
    io: &mut crate::Io<'_>,
) -> Result<(), crate::error::CliError> {
    use crate::cli::HelpPage;
    use crate::output::sink;
    let page = match page {
        HelpPage::TopLevel => Page::TopLevel,
        HelpPage::Service => Page::Service,
        HelpPage::Operation => Page::Operation,
    };
    let choice = crate::config::choose_profile(globals.profile.as_deref(), env);
    let url_only = crate::config::SharedConfig::load(env)
        .ok()
        .and_then(|shared| shared.get(&choice.name, "cli_help_output").map(|v| v.eq_ignore_ascii_case("url")))
        .unwrap_or(false);
    let io_error = |e: std::io::Error| crate::error::CliError::General(e.to_string());
    if url_only {
        return sink::write_quietly(io.stdout, url(page).as_bytes()).map_err(io_error);
    }
    if !io.stdout_tty {
        return sink::write_quietly(io.stdout, plain(page).as_bytes()).map_err(io_error);
    }
    let pager = env
        .get("MANPAGER")
        .or_else(|| env.get(crate::config::env::PAGER))
        .unwrap_or("less -R")
        .to_string();
    let text = overstrike(page);
    match sink::page(&pager, text.as_bytes(), true, "") {
        Ok(()) => Ok(()),
        Err(_) => sink::write_quietly(io.stdout, format!("{text}\n").as_bytes()).map_err(io_error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_pages_are_the_renderer_output() {
        for page in [Page::TopLevel, Page::Service, Page::Operation] {
            assert_eq!(plain(page), renderer::render(page));
            assert_eq!(overstrike(page), renderer::render_overstrike(page));
        }
    }
}
