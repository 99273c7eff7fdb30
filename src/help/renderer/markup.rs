//! From documentation sources to paragraphs of styled text.
//!
//! The AWS CLI turns the HTML of the service model into reStructuredText with
//! its `bcdoc` package, and docutils turns that into a man page.  This module
//! reproduces the parts of both that show in the rendered page:
//!
//! * [`html_blocks`]: HTML (`<p>`, `<important>`, `<note>`, `<ul>`/`<li>`,
//!   `<code>`, `<b>`, `<i>`, `<a>`) → [`DocBlock`]s whose paragraphs hold
//!   reStructuredText inline markup written with bcdoc's spacing rules (runs
//!   of white space collapse to one space, and a space follows every inline
//!   element: `<code>X</code>.` becomes ``` ``X`` .```, shown as `X .`);
//! * [`inline`]: reStructuredText inline markup (` ``literal`` `, `**strong**`,
//!   `*emphasis*`, `` `text <url>`__ ``, backslash escapes) → [`Run`]s, styled
//!   as docutils' man writer styles them (literal and strong in bold,
//!   emphasis and links in italic, links not hyphenated at their first word);
//! * [`rst_blocks`]: the small block subset of reStructuredText used by the
//!   CLI's example files (paragraphs, `::` literal blocks, bullet lists and
//!   block quotes).

use super::typeset::{Run, Style};

/// A block of documentation, before it is placed on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DocBlock {
    Para(Vec<Run>),
    /// `.. warning::` / `.. note::`: a bold label (`WARNING:`) and an indented body.
    Admonition {
        label: &'static str,
        body: Vec<DocBlock>,
    },
    /// A bullet list; each item is a list of blocks.
    List(Vec<Vec<DocBlock>>),
    /// A literal block (`::`), line by line.
    Literal(Vec<String>),
    /// An indented block quote.
    Quote(Vec<DocBlock>),
}

// ---------------------------------------------------------------------------
// HTML

/// A parsed HTML element or text.
#[derive(Debug)]
enum Node {
    Element {
        tag: String,
        href: Option<String>,
        children: Vec<Node>,
    },
    Text(String),
}

/// Parses the HTML subset of service-model documentation into a tree.
/// Unknown or malformed markup degrades to text; unmatched end tags are
/// ignored.
fn parse_html(html: &str) -> Vec<Node> {
    // A stack of open elements; the bottom one is the root.
    let mut stack: Vec<(String, Option<String>, Vec<Node>)> =
        vec![(String::new(), None, Vec::new())];
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            if let Some(end) = after.find('>') {
                let inner = &after[..end];
                rest = &after[end + 1..];
                if inner.starts_with('!') || inner.starts_with('?') {
                    continue;
                }
                if let Some(name) = inner.strip_prefix('/') {
                    let name = name.trim().to_ascii_lowercase();
                    if let Some(pos) = stack.iter().rposition(|(tag, _, _)| *tag == name) {
                        if pos > 0 {
                            while stack.len() > pos {
                                let (tag, href, children) = stack.pop().expect("open element");
                                let parent = &mut stack.last_mut().expect("root").2;
                                parent.push(Node::Element {
                                    tag,
                                    href,
                                    children,
                                });
                            }
                        }
                    }
                    continue;
                }
                let self_closing = inner.ends_with('/');
                let inner = inner.trim_end_matches('/');
                let name_end = inner
                    .find(|c: char| c.is_whitespace())
                    .unwrap_or(inner.len());
                let tag = inner[..name_end].to_ascii_lowercase();
                let href = attribute(&inner[name_end..], "href");
                if self_closing || tag == "br" {
                    stack.last_mut().expect("root").2.push(Node::Element {
                        tag,
                        href,
                        children: Vec::new(),
                    });
                } else {
                    stack.push((tag, href, Vec::new()));
                }
                continue;
            }
        }
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let end = rest[first..].find('<').map_or(rest.len(), |i| i + first);
        stack
            .last_mut()
            .expect("root")
            .2
            .push(Node::Text(decode_entities(&rest[..end])));
        rest = &rest[end..];
    }
    while stack.len() > 1 {
        let (tag, href, children) = stack.pop().expect("open element");
        stack.last_mut().expect("root").2.push(Node::Element {
            tag,
            href,
            children,
        });
    }
    stack.pop().expect("root").2
}

/// The value of attribute `name` in the attribute part of a start tag.
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(name) {
        let start = from + pos;
        from = start + name.len();
        let before_ok = start == 0 || lower.as_bytes()[start - 1].is_ascii_whitespace();
        let rest = attrs[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest.split(|c: char| c.is_whitespace()).next().unwrap_or(""),
        };
        return Some(decode_entities(value));
    }
    None
}

/// Decodes the HTML character references that occur in model documentation.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let code = if let Some(hex) =
                        name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
                    {
                        u32::from_str_radix(hex, 16).ok()
                    } else if let Some(dec) = name.strip_prefix('#') {
                        dec.parse().ok()
                    } else {
                        None
                    };
                    code.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of an HTML fragment: tags removed, character references
/// decoded, white space (newlines included) collapsed to single spaces.
pub(crate) fn html_text(html: &str) -> String {
    fn collect(nodes: &[Node], out: &mut String) {
        for node in nodes {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element { children, .. } => collect(children, out),
            }
        }
    }
    let mut raw = String::new();
    collect(&parse_html(html), &mut raw);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Converts model documentation (HTML) into blocks, following the AWS CLI's
/// `bcdoc` HTML → reStructuredText conversion.
pub(crate) fn html_blocks(html: &str) -> Vec<DocBlock> {
    let mut writer = BlockWriter::default();
    writer.nodes(&parse_html(html));
    writer.finish()
}

/// Collects blocks while walking the HTML tree.
#[derive(Default)]
struct BlockWriter {
    blocks: Vec<DocBlock>,
    /// reStructuredText of the paragraph being written.
    para: String,
}

impl BlockWriter {
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.para);
        let runs = inline(text.trim());
        if !runs.is_empty() {
            self.blocks.push(DocBlock::Para(runs));
        }
    }

    fn finish(mut self) -> Vec<DocBlock> {
        self.flush();
        self.blocks
    }

    /// The blocks of `nodes` written on their own.
    fn nested(nodes: &[Node]) -> Vec<DocBlock> {
        let mut writer = BlockWriter::default();
        writer.nodes(nodes);
        writer.finish()
    }

    fn nodes(&mut self, nodes: &[Node]) {
        for node in nodes {
            match node {
                Node::Text(text) => self.data(text),
                Node::Element {
                    tag,
                    href,
                    children,
                } => self.element(tag, href.as_deref(), children),
            }
        }
    }

    /// bcdoc's `DataNode.write`: leading white space is dropped, words are
    /// joined by one space, and trailing white space becomes one space.
    fn data(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if text.chars().all(char::is_whitespace) {
            self.para.push(' ');
            return;
        }
        self.para
            .push_str(&text.split_whitespace().collect::<Vec<_>>().join(" "));
        if text.ends_with(char::is_whitespace) {
            self.para.push(' ');
        }
    }

    /// bcdoc's `_end_inline`: strip trailing spaces inside the markup, drop
    /// empty markup, and follow the markup with a space.
    fn inline_markup(&mut self, markup: &str, children: &[Node]) {
        let start = self.para.len();
        self.para.push_str(markup);
        self.nodes(children);
        let trimmed = self.para.trim_end_matches(' ').len();
        self.para.truncate(trimmed);
        if self.para.len() == start + markup.len() {
            self.para.truncate(start);
            return;
        }
        self.para.push_str(markup);
        self.para.push(' ');
    }

    fn element(&mut self, tag: &str, href: Option<&str>, children: &[Node]) {
        match tag {
            "p" => {
                self.flush();
                self.nodes(children);
                self.flush();
            }
            "important" | "note" | "danger" => {
                self.flush();
                let label = match tag {
                    "important" => "WARNING:",
                    "note" => "NOTE:",
                    _ => "DANGER:",
                };
                let body = BlockWriter::nested(children);
                if !body.is_empty() {
                    self.blocks.push(DocBlock::Admonition { label, body });
                }
            }
            "ul" | "ol" => {
                self.flush();
                let items: Vec<Vec<DocBlock>> = children
                    .iter()
                    .filter_map(|child| match child {
                        Node::Element { tag, children, .. } if tag == "li" => {
                            Some(BlockWriter::nested(children))
                        }
                        _ => None,
                    })
                    .filter(|item| !item.is_empty())
                    .collect();
                if !items.is_empty() {
                    self.blocks.push(DocBlock::List(items));
                }
            }
            "code" => self.inline_markup("``", children),
            "b" | "strong" => self.inline_markup("**", children),
            "i" | "em" => self.inline_markup("*", children),
            "a" => self.link(href, children),
            _ => self.nodes(children),
        }
    }

    /// bcdoc's `start_a`/`end_a`: `` `text <href>`__ `` followed by a space.
    fn link(&mut self, href: Option<&str>, children: &[Node]) {
        let Some(href) = href.map(str::trim).filter(|h| !h.is_empty()) else {
            self.para.push(' ');
            self.nodes(children);
            self.para.push(' ');
            return;
        };
        let start = self.para.len();
        self.para.push('`');
        self.nodes(children);
        let text = self.para[start + 1..]
            .trim_end_matches(' ')
            .replace(':', "\\:");
        self.para.truncate(start);
        if text.is_empty() {
            self.para.push_str(&format!("`<{href}>`__ "));
        } else {
            self.para.push_str(&format!("`{text} <{href}>`__ "));
        }
    }
}

// ---------------------------------------------------------------------------
// reStructuredText inline markup

/// Characters that may precede an inline markup start-string.
fn opens_markup(c: char) -> bool {
    c.is_whitespace() || "-:/'\"<([{".contains(c)
}

/// Characters that may follow an inline markup end-string.
fn closes_markup(c: char) -> bool {
    c.is_whitespace() || "-.,:;!?\\/'\")]}>".contains(c)
}

/// Parses reStructuredText inline markup into styled runs (see the module
/// documentation).  Adjacent runs of the same style are merged.
pub(crate) fn inline(text: &str) -> Vec<Run> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs: Vec<Run> = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    while i < chars.len() {
        let at_start = i == 0 || opens_markup(chars[i - 1]);
        if at_start {
            if let Some((run, next)) = markup_at(&chars, i) {
                push_run(&mut runs, Run::roman(unescape(&std::mem::take(&mut plain))));
                push_run(&mut runs, run);
                i = next;
                continue;
            }
        }
        if chars[i] == '\\' && i + 1 < chars.len() {
            // Keep escapes for `unescape`, but never start markup after one.
            plain.push(chars[i]);
            plain.push(chars[i + 1]);
            i += 2;
            continue;
        }
        plain.push(chars[i]);
        i += 1;
    }
    push_run(&mut runs, Run::roman(unescape(&plain)));
    runs
}

fn push_run(runs: &mut Vec<Run>, run: Run) {
    if run.text.is_empty() {
        return;
    }
    if let Some(last) = runs.last_mut() {
        if last.style == run.style && !run.no_hyphen {
            last.text.push_str(&run.text);
            return;
        }
    }
    runs.push(run);
}

/// Recognises inline markup starting at `chars[i]`; returns the run and the
/// index after the markup.
fn markup_at(chars: &[char], i: usize) -> Option<(Run, usize)> {
    const KINDS: [(&str, &str); 4] = [("``", "``"), ("**", "**"), ("*", "*"), ("`", "`")];
    for (open, close) in KINDS {
        if !starts_with(chars, i, open) {
            continue;
        }
        let body_start = i + open.chars().count();
        if body_start >= chars.len() || chars[body_start].is_whitespace() {
            continue;
        }
        let end = find_end(chars, body_start, close, open != "``")?;
        let body: String = chars[body_start..end].iter().collect();
        let mut next = end + close.chars().count();
        let run = match open {
            "``" => Run::bold(body),
            "**" => Run::bold(unescape(&body)),
            "*" => Run::new(unescape(&body), Style::Italic),
            _ => {
                // `text <url>`__ (anonymous) or `text <url>`_ (named)
                // references, or `title` (a title reference).
                let mut reference = false;
                for suffix in ["__", "_"] {
                    if starts_with(chars, next, suffix) {
                        next += suffix.len();
                        reference = true;
                        break;
                    }
                }
                let text = match (body.rfind(" <"), body.ends_with('>')) {
                    (Some(pos), true) if reference => &body[..pos],
                    _ => body.as_str(),
                };
                let text = if reference && text.starts_with('<') && text.ends_with('>') {
                    &text[1..text.len() - 1]
                } else {
                    text
                };
                Run {
                    text: unescape(text.trim_end()),
                    style: Style::Italic,
                    no_hyphen: reference,
                }
            }
        };
        return Some((run, next));
    }
    None
}

fn starts_with(chars: &[char], i: usize, s: &str) -> bool {
    let pattern: Vec<char> = s.chars().collect();
    chars.get(i..i + pattern.len()) == Some(&pattern[..])
}

/// The index of the end-string `close` of markup whose body starts at
/// `from`: preceded by a non-space (and, outside literals, not escaped),
/// followed by the end of text or a closing character.
fn find_end(chars: &[char], from: usize, close: &str, escapes: bool) -> Option<usize> {
    let len = close.chars().count();
    let mut j = from + 1;
    while j + len <= chars.len() {
        if escapes && chars[j - 1] == '\\' && (j < 2 || chars[j - 2] != '\\') {
            j += 1;
            continue;
        }
        // Interpreted text may be a reference: `text`_ or `text`__.
        let suffix = if close == "`" {
            chars[j + len..]
                .iter()
                .take(2)
                .take_while(|&&c| c == '_')
                .count()
        } else {
            0
        };
        if starts_with(chars, j, close)
            && !chars[j - 1].is_whitespace()
            && chars
                .get(j + len + suffix)
                .is_none_or(|&c| closes_markup(c))
        {
            // `**` also matches `*`; an emphasis end must not be part of `**`.
            if close == "*" && chars.get(j + 1) == Some(&'*') {
                j += 2;
                continue;
            }
            return Some(j);
        }
        j += 1;
    }
    None
}

/// Removes reStructuredText backslash escapes (`\x` → `x`, `\ ` → nothing).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(c) if c.is_whitespace() => {}
                Some(c) => out.push(c),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// reStructuredText blocks

/// Parses the block structure of a small reStructuredText document.
pub(crate) fn rst_blocks(source: &str) -> Vec<DocBlock> {
    let lines: Vec<&str> = source.lines().map(str::trim_end).collect();
    parse_rst_lines(&lines)
}

/// Leading spaces and tabs of a line, in bytes.
fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

fn parse_rst_lines(lines: &[&str]) -> Vec<DocBlock> {
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.is_empty() {
            i += 1;
            continue;
        }
        if indentation(line) > 0 {
            // A block quote: the indented lines that follow.
            let (end, inner) = indented_block(lines, i);
            blocks.push(DocBlock::Quote(parse_rst_lines(&inner)));
            i = end;
            continue;
        }
        if line.starts_with(".. ") || line == ".." {
            // A comment or unsupported directive, with its indented body.
            i += 1;
            while i < lines.len() && (lines[i].is_empty() || indentation(lines[i]) > 0) {
                i += 1;
            }
            continue;
        }
        if let Some(item) = line.strip_prefix("* ").or_else(|| line.strip_prefix("- ")) {
            let mut items = Vec::new();
            let mut item_first = item;
            loop {
                // The item's first line and its continuation lines.
                let mut item_lines = vec![item_first.to_string()];
                i += 1;
                let (end, inner) = indented_block(lines, i);
                if end > i {
                    item_lines.extend(inner.iter().map(|l| l.to_string()));
                    i = end;
                }
                let refs: Vec<&str> = item_lines.iter().map(String::as_str).collect();
                items.push(parse_rst_lines(&refs));
                while i < lines.len() && lines[i].is_empty() {
                    i += 1;
                }
                match lines
                    .get(i)
                    .and_then(|l| l.strip_prefix("* ").or_else(|| l.strip_prefix("- ")))
                {
                    Some(next) => item_first = next,
                    None => break,
                }
            }
            blocks.push(DocBlock::List(items));
            continue;
        }
        // A paragraph: lines up to a blank or indented line.
        let start = i;
        while i < lines.len() && !lines[i].is_empty() && indentation(lines[i]) == 0 {
            i += 1;
        }
        let mut text = lines[start..i].join("\n");
        let literal_follows = text.ends_with("::");
        if literal_follows {
            text.truncate(text.len() - 2);
            if text.ends_with(char::is_whitespace) || text.is_empty() {
                text = text.trim_end().to_string();
            } else {
                text.push(':');
            }
        }
        let runs = inline(&text);
        if !runs.is_empty() {
            blocks.push(DocBlock::Para(runs));
        }
        if literal_follows {
            while i < lines.len() && lines[i].is_empty() {
                i += 1;
            }
            let (end, inner) = indented_block(lines, i);
            if end > i {
                blocks.push(DocBlock::Literal(
                    inner.iter().map(|l| l.to_string()).collect(),
                ));
                i = end;
            }
        }
    }
    blocks
}

/// The indented block starting at `lines[start]` (blank lines included, up
/// to the next line that is not indented), with its common indentation
/// removed and trailing blank lines dropped.  Returns the index after it.
fn indented_block<'a>(lines: &[&'a str], start: usize) -> (usize, Vec<&'a str>) {
    let mut end = start;
    while end < lines.len() && (lines[end].is_empty() || indentation(lines[end]) > 0) {
        end += 1;
    }
    while end > start && lines[end - 1].is_empty() {
        end -= 1;
    }
    let common = lines[start..end]
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| indentation(l))
        .min()
        .unwrap_or(0);
    let inner = lines[start..end]
        .iter()
        .map(|l| if l.is_empty() { *l } else { &l[common..] })
        .collect();
    (end, inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(text: &str) -> Run {
        Run::roman(text)
    }
    fn b(text: &str) -> Run {
        Run::bold(text)
    }
    fn i(text: &str) -> Run {
        Run::new(text, Style::Italic)
    }
    fn link(text: &str) -> Run {
        Run {
            text: text.into(),
            style: Style::Italic,
            no_hyphen: true,
        }
    }

    #[test]
    fn bcdoc_spacing_after_inline_markup() {
        let blocks = html_blocks(
            "<p>Invoke <code>UpdateUserIdentityInfo</code>. See <a href=\"https://x\">Best Practices</a> in the <i>Guide</i>.</p>",
        );
        assert_eq!(
            blocks,
            vec![DocBlock::Para(vec![
                r("Invoke "),
                b("UpdateUserIdentityInfo"),
                r(" . See "),
                link("Best Practices"),
                r(" in the "),
                i("Guide"),
                r(" ."),
            ])]
        );
    }

    #[test]
    fn admonitions_and_paragraphs() {
        let blocks = html_blocks(
            "<p>One.</p> <important> <p>Two  words.</p> </important> <note><p>Three</p></note>",
        );
        assert_eq!(
            blocks,
            vec![
                DocBlock::Para(vec![r("One.")]),
                DocBlock::Admonition {
                    label: "WARNING:",
                    body: vec![DocBlock::Para(vec![r("Two words.")])]
                },
                DocBlock::Admonition {
                    label: "NOTE:",
                    body: vec![DocBlock::Para(vec![r("Three")])]
                },
            ]
        );
    }

    #[test]
    fn lists_entities_and_rst_literals_in_html() {
        let blocks = html_blocks("<ul><li><p>a &amp; b</p></li><li>c ``fileb://``</li></ul>");
        assert_eq!(
            blocks,
            vec![DocBlock::List(vec![
                vec![DocBlock::Para(vec![r("a & b")])],
                vec![DocBlock::Para(vec![r("c "), b("fileb://")])],
            ])]
        );
        assert_eq!(
            html_text("<p>The user&#39;s <b>mobile</b>\nnumber.</p>"),
            "The user's mobile number."
        );
    }

    #[test]
    fn literal_keeps_backslashes_and_escapes_elsewhere_are_removed() {
        assert_eq!(inline("``a\\.b`` \\*x\\*"), vec![b("a\\.b"), r(" *x*")]);
        assert_eq!(inline("not**bold** a*b*"), vec![r("not**bold** a*b*")]);
        assert_eq!(inline("**To update**"), vec![b("To update")]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "é<p>ü</p>",
            "<a href='x'>é</a>é",
            "&;&#xZZ;&#99999999;&amp",
            "<p",
            "</p></important><b>",
            "``",
            "`é <`__",
            "*\\",
            "\u{a0}é\n  \u{a0}x ::\n\n \u{a0}y",
            "* a\n\n  b\n- c",
        ] {
            let _ = html_blocks(text);
            let _ = html_text(text);
            let _ = inline(text);
            let _ = rst_blocks(text);
        }
    }

    #[test]
    fn example_rst_blocks() {
        let blocks = rst_blocks(
            "**Title**\n\nThe ``cmd`` example. ::\n\n    aws x \\\n        --y 1 \n\nDone.\n\nSee `Doc <https://d>`__ in the *Guide*.\n",
        );
        assert_eq!(
            blocks,
            vec![
                DocBlock::Para(vec![b("Title")]),
                DocBlock::Para(vec![r("The "), b("cmd"), r(" example.")]),
                DocBlock::Literal(vec!["aws x \\".into(), "    --y 1".into()]),
                DocBlock::Para(vec![r("Done.")]),
                DocBlock::Para(vec![
                    r("See "),
                    link("Doc"),
                    r(" in the "),
                    i("Guide"),
                    r(".")
                ]),
            ]
        );
    }
}
