//! `help` pages of the AWS CLI v2 (2.36.7) for `aws`, `aws connect` and
//! `aws connect update-user-identity-info`, rendered without groff.
//!
//! The AWS CLI writes reStructuredText, converts it to a man page with
//! docutils and formats that with `groff -m man -T ascii` (80 columns, the man
//! macros' 78-column line length) before handing it to a pager.  This module
//! builds the same pages from embedded data and lays them out with a small
//! re-implementation of the parts of troff that show: filling, adjusting
//! (justification, with troff's alternation of the side that gets the extra
//! spaces), hyphenation with groff's US English patterns, indentation and
//! blank lines.
//!
//! Data (in `data/`, embedded with `include_str!`):
//! * the service model slice (`src/model/`), the global options and the command names
//!   (`src/cli/data/`), shared with the rest of the program;
//! * `update-user-identity-info.example.rst`: the command's examples;
//! * `hyphen.us`, `hyphenex.us`: groff 1.22.4's hyphenation patterns and
//!   exceptions (TeX format, unmodified).
//!
//! Module layout: [`markup`] turns HTML / reStructuredText into styled
//! blocks, [`pages`] assembles the three pages, [`typeset`] lays them out,
//! [`hyphen`] hyphenates.

pub(crate) mod hyphen;
pub(crate) mod markup;
pub(crate) mod pages;
pub(crate) mod typeset;

/// A help page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    /// `aws help`
    TopLevel,
    /// `aws connect help`
    Service,
    /// `aws connect update-user-identity-info help`
    Operation,
}

fn set(page: Page) -> Vec<Vec<(char, typeset::Style)>> {
    let (title, blocks) = match page {
        Page::TopLevel => pages::top_level_page(),
        Page::Service => pages::service_page(),
        Page::Operation => pages::operation_page(),
    };
    typeset::set_page(&title, &blocks)
}

/// The page as plain text (what `aws … help | col -b` shows), lines ending
/// in `"\n"`, without trailing spaces.
pub fn render(page: Page) -> String {
    typeset::to_plain(&set(page))
}

/// The same page with groff's emphasis for a pager that understands
/// overstrike (`less -R`): bold (headings, option names, literals) as
/// `X\bX` per character, italic (emphasis, links) underlined as `_\bX`.
pub fn render_overstrike(page: Page) -> String {
    typeset::to_overstrike(&set(page))
}

/// The first sentence of model documentation, as the YAML skeleton
/// (`--generate-cli-skeleton yaml-input`) shows it in its comments: the
/// HTML's text (tags removed, character references decoded, white space and
/// newlines collapsed to single spaces) up to its first `.` or `:`, followed
/// by `.`.  Text without either gets a `.` appended; empty documentation
/// gives an empty string.
///
/// `first_sentence("<p>The first name. This is required…</p>")` is
/// `"The first name."`.
pub fn first_sentence(html: &str) -> String {
    let text = markup::html_text(html);
    if text.is_empty() {
        return text;
    }
    let end = text.find(['.', ':']).unwrap_or(text.len());
    format!("{}.", text[..end].trim_end())
}

#[cfg(test)]
mod tests;

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
        return sink::write_quietly(io.stdout, render(page).as_bytes()).map_err(io_error);
    }
    let pager = env
        .get("MANPAGER")
        .or_else(|| env.get(crate::config::env::PAGER))
        .unwrap_or("less -R")
        .to_string();
    let text = render_overstrike(page);
    match sink::page(&pager, text.as_bytes(), true, "") {
        Ok(()) => Ok(()),
        Err(_) => sink::write_quietly(io.stdout, format!("{text}\n").as_bytes()).map_err(io_error),
    }
}
