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
//! This module is also compiled by `build.rs`, which renders the three pages once at build
//! time; it must stay self-contained (std and serde_json only, no `crate::` paths).
//!
//! * the service model slice (`src/model/`), the global options and the command names
//!   (`src/cli/data/`), shared with the rest of the program;
//! * `update-user-identity-info.example.rst`: the command's examples;
//! * `hyphen.us`, `hyphenex.us`: groff 1.22.4's hyphenation patterns and
//!   exceptions (TeX format, unmodified).
//!
//! Module layout: [`markup`] turns HTML / reStructuredText into styled
//! blocks, [`pages`] assembles the three pages, [`typeset`] lays them out,
//! [`hyphen`] hyphenates.

#![allow(dead_code)]

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

