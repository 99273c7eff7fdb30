//! A tiny typesetter that lays out a man page the way
//! `groff -m man -T ascii` (GNU troff 1.22.4) lays out the page that docutils
//! writes for the AWS CLI, without running groff.
//!
//! What is reproduced:
//!
//! * the 78-column line length of the man macros in nroff mode (`LL=78n`),
//!   section headings at column 0 and body text at the indentation of each
//!   block;
//! * troff's fill mode: words are added one at a time and, as soon as a word
//!   overflows the line, the last word is hyphenated (see [`super::hyphen`])
//!   and the line is broken at the rightmost break point that fits (a space
//!   or a hyphenation point of that word, whichever is further right);
//! * troff's adjustment (`.ad b`): the missing width of every line but the
//!   last of a paragraph is spread over its spaces, giving each space, from
//!   one end of the line, `remaining / spaces_left` extra columns.  troff
//!   alternates the end it starts from on every adjusted line of the whole
//!   document (a static `reverse` flag in `distribute_space`), so the extra
//!   spaces alternate between the left and the right side of lines;
//! * blank lines: `.sp` before paragraphs, `.IP` before bullets, no-space
//!   mode right after a heading;
//! * the title line at the top and the footer at the bottom of the single
//!   page that continuous rendering (`-rcR=1`) produces.

use super::hyphen::Hyphenator;

/// The man macros' line length in nroff mode (`LL=78n`).
pub(crate) const LINE_LENGTH: usize = 78;

/// Indentation, in half columns, of body text in a section (`7n`).
const SECTION_HALF_COLUMNS: usize = 14;
/// What docutils' `.INDENT 3.5` adds, in half columns.
const QUOTE_HALF_COLUMNS: usize = 7;
/// What `.IP \(bu 2` adds for the text of a bullet item, in half columns.
const BULLET_HALF_COLUMNS: usize = 4;

/// The font a character is set in.  grotty shows bold by overstriking a
/// character with itself and italic by underlining it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    Roman,
    Bold,
    Italic,
    /// The bullet glyph `\(bu`, which grotty draws as `o` struck over `+`.
    Bullet,
}

/// A piece of paragraph text in one font.
///
/// Spaces in `text` separate words; a newline is an input line break, which
/// troff also treats as a word space (two columns wide after the end of a
/// sentence).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    pub(crate) text: String,
    pub(crate) style: Style,
    /// The word that starts this run must not be hyphenated (troff's `\%`,
    /// which docutils puts at the start of every hyperlink).
    pub(crate) no_hyphen: bool,
}

impl Run {
    pub(crate) fn new(text: impl Into<String>, style: Style) -> Run {
        Run {
            text: text.into(),
            style,
            no_hyphen: false,
        }
    }
    pub(crate) fn roman(text: impl Into<String>) -> Run {
        Run::new(text, Style::Roman)
    }
    pub(crate) fn bold(text: impl Into<String>) -> Run {
        Run::new(text, Style::Bold)
    }
}

/// Horizontal position of a block: indentation measured the way the man
/// macros accumulate it (in half columns), rounded half down when used, as
/// troff rounds `3.5n` steps to whole character cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Indent(usize);

impl Indent {
    /// Body text of a section (column 7).
    pub(crate) const SECTION: Indent = Indent(SECTION_HALF_COLUMNS);

    /// One docutils block-quote level deeper (`.INDENT 3.5`).
    pub(crate) fn quoted(self) -> Indent {
        Indent(self.0 + QUOTE_HALF_COLUMNS)
    }

    /// Where the text of a bullet item placed at `self` starts.
    pub(crate) fn bullet_text(self) -> Indent {
        Indent(self.0 + BULLET_HALF_COLUMNS)
    }

    /// The column the text starts at.
    pub(crate) fn columns(self) -> usize {
        self.0 / 2
    }
}

/// One element of a page, in the order it is set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Block {
    /// `.SH`: a blank line, then the heading in bold at column 0.
    Heading(String),
    /// A filled and adjusted paragraph, optionally after a blank line (`.sp`).
    Para {
        indent: Indent,
        space_before: bool,
        runs: Vec<Run>,
    },
    /// `.IP \(bu 2`: a blank line, then `o` at `indent` and the filled text
    /// two columns further right.
    Bullet { indent: Indent, runs: Vec<Run> },
    /// Lines set without filling (`.nf`), optionally after a blank line.
    Literal {
        indent: Indent,
        space_before: bool,
        lines: Vec<String>,
    },
}

/// A styled character cell of an output line.
type Cell = (char, Style);

/// Sets `blocks` as one man page titled `title` (e.g. `AWS` gives `AWS()`).
pub(crate) fn set_page(title: &str, blocks: &[Block]) -> Vec<Vec<Cell>> {
    let mut setter = Typesetter::new();
    let title = format!("{title}()");
    setter.lines.push(title_line(&title, &title));
    setter.lines.push(Vec::new());
    setter.lines.push(Vec::new());
    for block in blocks {
        setter.block(block);
    }
    for _ in 0..3 {
        setter.lines.push(Vec::new());
    }
    setter.lines.push(title_line("", &title));
    setter.lines
}

/// Plain text of set lines (what `col -b` shows): one `\n`-terminated line
/// per output line, no trailing spaces.
pub(crate) fn to_plain(lines: &[Vec<Cell>]) -> String {
    let mut out = String::new();
    for line in lines {
        let text: String = line.iter().map(|&(c, _)| c).collect();
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

/// The same text with grotty's overstrike emphasis: `c\bc` for bold,
/// `_\bc` for italic (underlined).
pub(crate) fn to_overstrike(lines: &[Vec<Cell>]) -> String {
    let mut out = String::new();
    for line in lines {
        let end = line
            .iter()
            .rposition(|&(c, _)| c != ' ')
            .map_or(0, |i| i + 1);
        for &(c, style) in &line[..end] {
            match style {
                _ if c == ' ' => out.push(' '),
                Style::Roman => out.push(c),
                Style::Bold => {
                    out.push(c);
                    out.push('\u{8}');
                    out.push(c);
                }
                Style::Italic => {
                    out.push('_');
                    out.push('\u{8}');
                    out.push(c);
                }
                Style::Bullet => {
                    out.push('+');
                    out.push('\u{8}');
                    out.push(c);
                }
            }
        }
        out.push('\n');
    }
    out
}

/// `.tl 'left''right'` over the full line length.
fn title_line(left: &str, right: &str) -> Vec<Cell> {
    let mut line: Vec<Cell> = left.chars().map(|c| (c, Style::Roman)).collect();
    let right_len = right.chars().count();
    let pad = LINE_LENGTH
        .saturating_sub(line.len() + right_len)
        .max(usize::from(!left.is_empty()));
    line.extend(std::iter::repeat_n((' ', Style::Roman), pad));
    line.extend(right.chars().map(|c| (c, Style::Roman)));
    line
}

/// A word of a paragraph: a run of non-space characters.
#[derive(Clone, Debug)]
struct Word {
    chars: Vec<Cell>,
    /// troff `\%`: never hyphenate this word.
    no_hyphen: bool,
    /// Hyphenation points (characters before each), once troff has
    /// hyphenated the word; troff only does that for the word that overflows
    /// a line.
    breaks: Option<Vec<usize>>,
}

/// A node of the line being collected.
#[derive(Clone, Debug)]
enum Item {
    Word(Word),
    /// A word space and its width (consecutive spaces merge into one node).
    Space(usize),
}

impl Item {
    fn width(&self) -> usize {
        match self {
            Item::Word(w) => w.chars.len(),
            Item::Space(n) => *n,
        }
    }
}

/// A place where a line may be broken.
#[derive(Clone, Copy, Debug)]
struct Breakpoint {
    /// The item the break is at.
    index: usize,
    /// For a hyphenation point: characters of the word before the break.
    hyphen_after: Option<usize>,
    /// Width of the line up to the break (including the hyphen).
    width: usize,
    /// Spaces before the break.
    spaces: usize,
}

struct Typesetter {
    lines: Vec<Vec<Cell>>,
    /// troff's no-space mode: `.sp` is ignored right after a heading.
    no_space: bool,
    /// troff's `distribute_space` alternation, global to the document.
    reverse: bool,
    hyphenator: &'static Hyphenator,
}

impl Typesetter {
    fn new() -> Typesetter {
        Typesetter {
            lines: Vec::new(),
            no_space: false,
            reverse: false,
            hyphenator: Hyphenator::groff(),
        }
    }

    /// `.sp`: a blank line, unless in no-space mode.
    fn blank_line(&mut self) {
        if !self.no_space {
            self.lines.push(Vec::new());
        }
    }

    fn push_line(&mut self, line: Vec<Cell>) {
        self.lines.push(line);
        self.no_space = false;
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading(text) => {
                self.lines.push(Vec::new());
                self.lines
                    .push(text.chars().map(|c| (c, Style::Bold)).collect());
                self.no_space = true;
            }
            Block::Para {
                indent,
                space_before,
                runs,
            } => {
                if *space_before {
                    self.blank_line();
                }
                self.fill(indent.columns(), runs, None);
            }
            Block::Bullet { indent, runs } => {
                self.blank_line();
                self.fill(indent.bullet_text().columns(), runs, Some(indent.columns()));
            }
            Block::Literal {
                indent,
                space_before,
                lines,
            } => {
                if *space_before {
                    self.blank_line();
                }
                for text in lines {
                    let mut line = vec![(' ', Style::Roman); indent.columns()];
                    line.extend(
                        text.chars()
                            .filter_map(ascii_glyph)
                            .map(|c| (c, Style::Roman)),
                    );
                    self.push_line(line);
                }
            }
        }
    }

    /// Fills and adjusts one paragraph at `indent`; `bullet` is the column of
    /// a bullet put into the first line's indentation.
    fn fill(&mut self, indent: usize, runs: &[Run], bullet: Option<usize>) {
        let mut para = Paragraph {
            setter: self,
            indent,
            target: LINE_LENGTH.saturating_sub(indent),
            items: Vec::new(),
            word: None,
        };
        let first = para.setter.lines.len();
        for run in runs {
            let mut no_hyphen = run.no_hyphen;
            for c in run.text.chars() {
                match c {
                    ' ' | '\t' | '\n' => para.space(c == '\n'),
                    _ => {
                        if let Some(glyph) = ascii_glyph(c) {
                            para.push_char(glyph, run.style, no_hyphen);
                            no_hyphen = false;
                        }
                    }
                }
            }
        }
        para.finish();
        if let Some(column) = bullet {
            if self.lines.len() == first {
                self.push_line(vec![(' ', Style::Roman); column + 1]);
            }
            self.lines[first][column] = ('o', Style::Bullet);
        }
    }
}

/// The state of troff's environment while one paragraph is filled.
struct Paragraph<'a> {
    setter: &'a mut Typesetter,
    indent: usize,
    /// troff's `target_text_length`: line length minus indentation.
    target: usize,
    items: Vec<Item>,
    /// The word being read.
    word: Option<Word>,
}

impl Paragraph<'_> {
    /// Adds a character to the current word; `no_hyphen` marks troff's `\%`
    /// before it, which keeps the whole word from being hyphenated.
    fn push_char(&mut self, c: char, style: Style, no_hyphen: bool) {
        let word = self.word.get_or_insert_with(|| Word {
            chars: Vec::new(),
            no_hyphen: false,
            breaks: None,
        });
        word.no_hyphen |= no_hyphen;
        word.chars.push((c, style));
    }

    /// A word space from the input; `newline` for an input line break, which
    /// is wider after the end of a sentence.
    fn space(&mut self, newline: bool) {
        let sentence_end = newline && self.word.as_ref().is_some_and(|w| ends_sentence(&w.chars));
        if let Some(word) = self.word.take() {
            self.items.push(Item::Word(word));
        }
        let width = if sentence_end { 2 } else { 1 };
        match self.items.last_mut() {
            // Nothing to separate yet: troff discards spaces at a line start.
            None => {}
            // troff merges a space into the space node before it.
            Some(Item::Space(n)) => *n += width,
            Some(Item::Word(_)) => {
                self.items.push(Item::Space(width));
                self.possibly_break_line();
            }
        }
    }

    /// troff's `possibly_break_line`: while the line without its trailing
    /// space is too wide, hyphenate the last word, break at the best
    /// breakpoint, and output the adjusted part before it.
    fn possibly_break_line(&mut self) {
        loop {
            let total: usize = self.items.iter().map(Item::width).sum();
            let trailing = self.items.last().map_or(0, Item::width);
            if total - trailing <= self.target {
                return;
            }
            self.hyphenate_last_word();
            let Some(bp) = self.choose_breakpoint() else {
                return;
            };
            let (mut pre, post) = self.split(bp);
            self.items = post;
            // Spaces at the start of the next line are discarded.
            let skip = self
                .items
                .iter()
                .take_while(|i| matches!(i, Item::Space(_)))
                .count();
            self.items.drain(..skip);
            let extra = if bp.spaces > 0 {
                self.target.saturating_sub(bp.width)
            } else {
                0
            };
            self.distribute_space(&mut pre, bp.spaces, extra);
            self.output(&pre);
            if self.items.is_empty() {
                return;
            }
        }
    }

    /// troff's `hyphenate_line`: find hyphenation points in the last word of
    /// the line (unless `\%` inhibits it or it is shorter than four
    /// characters).
    fn hyphenate_last_word(&mut self) {
        let hyphenator = self.setter.hyphenator;
        let Some(word) = self.items.iter_mut().rev().find_map(|item| match item {
            Item::Word(w) => Some(w),
            Item::Space(_) => None,
        }) else {
            return;
        };
        if word.breaks.is_some() {
            return;
        }
        let breaks = if word.no_hyphen || word.chars.len() < 4 {
            Vec::new()
        } else {
            let chars: Vec<char> = word.chars.iter().map(|&(c, _)| c).collect();
            hyphenator.word_breaks(&chars)
        };
        word.breaks = Some(breaks);
    }

    /// troff's `choose_breakpoint` with `.hys 0` and no `.hlm` limit: the
    /// rightmost breakpoint that fits, else the leftmost one.
    fn choose_breakpoint(&self) -> Option<Breakpoint> {
        let mut candidates = Vec::new();
        let mut width = 0;
        let mut spaces = 0;
        for (index, item) in self.items.iter().enumerate() {
            match item {
                Item::Space(n) => {
                    candidates.push(Breakpoint {
                        index,
                        hyphen_after: None,
                        width,
                        spaces,
                    });
                    width += n;
                    spaces += 1;
                }
                Item::Word(w) => {
                    for &after in w.breaks.iter().flatten() {
                        candidates.push(Breakpoint {
                            index,
                            hyphen_after: Some(after),
                            width: width + after + 1,
                            spaces,
                        });
                    }
                    width += w.chars.len();
                }
            }
        }
        candidates
            .iter()
            .rev()
            .find(|bp| bp.width <= self.target)
            .or_else(|| candidates.first())
            .copied()
    }

    /// Splits the line at `bp` into the part to output (with the hyphen, for
    /// a hyphenation point) and the rest.
    fn split(&self, bp: Breakpoint) -> (Vec<Item>, Vec<Item>) {
        let mut pre: Vec<Item> = self.items[..bp.index].to_vec();
        let mut post = Vec::new();
        match bp.hyphen_after {
            None => post.extend_from_slice(&self.items[bp.index + 1..]),
            Some(after) => {
                let Item::Word(word) = &self.items[bp.index] else {
                    unreachable!("hyphenation points are in words");
                };
                let mut head = word.chars[..after].to_vec();
                let hyphen_style = head.last().map_or(Style::Roman, |&(_, s)| s);
                head.push(('-', hyphen_style));
                pre.push(Item::Word(Word {
                    chars: head,
                    no_hyphen: true,
                    breaks: Some(Vec::new()),
                }));
                let rest = Word {
                    chars: word.chars[after..].to_vec(),
                    no_hyphen: word.no_hyphen,
                    breaks: word.breaks.as_ref().map(|b| {
                        b.iter()
                            .filter(|&&p| p > after)
                            .map(|&p| p - after)
                            .collect()
                    }),
                };
                post.push(Item::Word(rest));
                post.extend_from_slice(&self.items[bp.index + 1..]);
            }
        }
        (pre, post)
    }

    /// troff's `distribute_space`: spreads `extra` columns over the `spaces`
    /// spaces of a line, starting from the right end or (every other line of
    /// the document) from the left end; each space takes
    /// `remaining / spaces_left`, so the wider spaces end up on the side
    /// processed last.
    fn distribute_space(&mut self, line: &mut [Item], spaces: usize, extra: usize) {
        let mut remaining = extra;
        let mut left = spaces;
        let mut spread = |item: &mut Item| {
            if let Item::Space(n) = item {
                if left == 0 {
                    return;
                }
                let add = if left == 1 {
                    remaining
                } else {
                    remaining / left
                };
                *n += add;
                remaining -= add;
                left -= 1;
            }
        };
        if self.setter.reverse {
            line.iter_mut().for_each(&mut spread);
        } else {
            line.iter_mut().rev().for_each(&mut spread);
        }
        self.setter.reverse = !self.setter.reverse;
    }

    fn output(&mut self, items: &[Item]) {
        let mut line = vec![(' ', Style::Roman); self.indent];
        for item in items {
            match item {
                Item::Word(w) => line.extend_from_slice(&w.chars),
                Item::Space(n) => line.extend(std::iter::repeat_n((' ', Style::Roman), *n)),
            }
        }
        self.setter.push_line(line);
    }

    /// The end of the paragraph (troff's `do_break`): the last line is output
    /// as it is, without adjustment.
    fn finish(&mut self) {
        if self.word.is_some() {
            self.space(true);
        }
        while matches!(self.items.last(), Some(Item::Space(_))) {
            self.items.pop();
        }
        if !self.items.is_empty() {
            let items = std::mem::take(&mut self.items);
            self.output(&items);
        }
    }
}

/// What `groff -T ascii` shows for a character of the page.  The AWS CLI
/// hands groff UTF-8 that groff reads as Latin-1, and the `ascii` device has
/// no glyph for those bytes, so every non-ASCII character vanishes; docutils
/// writes a no-break space as `\ `, an unbreakable one-column space.
fn ascii_glyph(c: char) -> Option<char> {
    match c {
        ' ' | '\u{a0}' => Some(' '),
        c if c.is_ascii_graphic() => Some(c),
        _ => None,
    }
}

/// Whether a word ends a sentence for troff: `.`, `?` or `!`, possibly
/// followed by `)`, `]` or `*` (troff's transparent characters; docutils
/// writes quotes as `\(dq` and `\(aq`, which are not transparent).
fn ends_sentence(chars: &[Cell]) -> bool {
    chars
        .iter()
        .rev()
        .map(|&(c, _)| c)
        .find(|c| !matches!(c, ')' | ']' | '*'))
        .is_some_and(|c| matches!(c, '.' | '?' | '!'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(blocks: &[Block]) -> String {
        let mut blocks = blocks.to_vec();
        blocks.insert(0, Block::Heading("NAME".into()));
        to_plain(&set_page("T", &blocks))
    }

    fn para(text: &str) -> Block {
        Block::Para {
            indent: Indent::SECTION,
            space_before: true,
            runs: vec![Run::roman(text)],
        }
    }

    #[test]
    fn every_broken_line_flips_the_adjustment_side() {
        // The first line fits exactly (no extra space) but still flips the
        // side, so the second line's extra space goes to its right end
        // (checked against groff 1.22.4).
        let text =
            "One two three four five six seven eight nine ten eleven twelve thirteen fourteen \
                    fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two \
                    twenty-three twenty-four twenty-five.";
        let expected = "\
T()                                                                        T()



NAME
       One two three four five six seven eight nine ten eleven twelve thirteen
       fourteen fifteen sixteen seventeen eighteen nineteen twenty  twenty-one
       twenty-two twenty-three twenty-four twenty-five.



                                                                           T()
";
        assert_eq!(page(&[para(text)]), expected);
    }

    #[test]
    fn hyphenates_the_overflowing_word_and_drops_non_ascii() {
        let expected = "\
T()                                                                        T()



NAME
       Customers  hyphenation internationalization administrator responsibili-
       ties

       Ab c d ef gh i  j k



                                                                           T()
";
        let blocks = [
            para("Customers hyphenation internationalization administrator responsibilities"),
            para("A\u{2019}b \u{2018}c\u{2019} \u{201c}d\u{201d} e\u{2013}f g\u{2014}h i\u{2026} \u{e9} j\u{a0}k \u{a9}"),
        ];
        assert_eq!(page(&blocks), expected);
    }

    #[test]
    fn bullets_literals_and_no_space_after_headings() {
        let blocks = [
            Block::Bullet {
                indent: Indent::SECTION,
                runs: vec![Run::roman("first")],
            },
            Block::Bullet {
                indent: Indent::SECTION.quoted(),
                runs: vec![Run::roman("nested")],
            },
            Block::Literal {
                indent: Indent::SECTION.quoted(),
                space_before: true,
                lines: vec!["{".into(), "  \"A\": 1".into(), "}".into()],
            },
        ];
        let expected = "\
T()                                                                        T()



NAME
       o first

          o nested

          {
            \"A\": 1
          }



                                                                           T()
";
        assert_eq!(page(&blocks), expected);
    }
}
