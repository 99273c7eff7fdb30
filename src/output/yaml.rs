//! `--output yaml` and `--output yaml-stream`.
//!
//! The AWS CLI v2 dumps YAML with ruamel.yaml's `YAML(typ='safe')` and
//! `default_flow_style = False`. With `ruamel.yaml.clib` installed (as in the
//! official builds) that dumper is ruamel's safe representer and YAML 1.2
//! resolver in front of libyaml's C emitter, and this module reproduces that
//! combination for JSON values:
//!
//! * representer: mapping keys sorted, `null`, `true`/`false`, integers as
//!   written, floats as lowercased Python `repr` (`1e+100`, `1.5`, `-0.0`);
//! * resolver: a string may be written plain only if it would not read back
//!   as something else under the YAML 1.2 implicit rules (bool, int, float,
//!   null, timestamp, merge `<<`, value `=`, and `!`/`&`/`*`); otherwise it is
//!   quoted (`'123'`, `'null'`, `'True'`, `''`, `'2020-01-01'`);
//! * emitter (libyaml): block style with two-space indentation, sequences
//!   directly under a mapping key not indented, `- - 1` for nested
//!   sequences, `[]`/`{}` for empty containers, libyaml's scalar analysis
//!   (indicator characters, leading/trailing spaces, line breaks, characters
//!   outside the printable set, which includes everything above U+FFFF) to
//!   choose plain, single-quoted or double-quoted style, its escapes
//!   (`\t`, `\e`, `\x85`→`\N`, `\U0001F642`, …), its line folding at column
//!   80 (a break replaces the first space after column 80 that is not
//!   followed by another space), and `? ` complex keys for keys longer than
//!   128 bytes or spanning several lines.
//!
//! For `yaml`, a top-level `null`, boolean, number or string is written as
//! one line of JSON instead (`null`, `"str"`, `1`; non-ASCII characters are
//! assumed to be written raw as in the JSON formatter, which no recorded
//! golden confirms); `yaml-stream` wraps each
//! result in a one-element sequence (`- str`). The caller handles the
//! "result `{}` prints nothing" rule. Python object identity (anchors and
//! aliases for a container that appears twice in a JMESPath result) cannot
//! be expressed with `serde_json::Value` and is not reproduced.

use serde_json::Value;

use super::{json, pyfmt};

/// Formats `v` like `aws --output yaml`.
pub fn format_yaml(v: &Value) -> String {
    if pyfmt::is_scalar(v) {
        let mut line = json::format_json_compact(v);
        line.push('\n');
        return line;
    }
    dump(&Node::from_value(v))
}

/// Formats one result like `aws --output yaml-stream`: a one-element
/// sequence holding the value.
pub fn format_yaml_stream(v: &Value) -> String {
    dump(&Node::Seq(vec![Node::from_value(v)]))
}

/// The representation graph handed to the emitter.
enum Node {
    Scalar(Scalar),
    Seq(Vec<Node>),
    /// Entries sorted by key.
    Map(Vec<(Scalar, Node)>),
}

struct Scalar {
    value: String,
    /// Whether the resolver reads the plain text back as the same type.
    /// Strings that look like another type must be quoted; the canonical
    /// text of a null, boolean or number always resolves to its own type,
    /// and is always plain-safe, so such scalars never need a tag.
    plain_implicit: bool,
}

impl Scalar {
    fn string(s: &str) -> Self {
        Scalar {
            value: s.to_string(),
            plain_implicit: !resolves_to_non_string(s),
        }
    }

    fn typed(text: String) -> Self {
        Scalar {
            value: text,
            plain_implicit: true,
        }
    }
}

impl Node {
    fn from_value(v: &Value) -> Node {
        match v {
            Value::Null => Node::Scalar(Scalar::typed("null".to_string())),
            Value::Bool(b) => Node::Scalar(Scalar::typed(b.to_string())),
            Value::Number(n) => Node::Scalar(Scalar::typed(pyfmt::number_str(n).to_lowercase())),
            Value::String(s) => Node::Scalar(Scalar::string(s)),
            Value::Array(items) => Node::Seq(items.iter().map(Node::from_value).collect()),
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                Node::Map(
                    entries
                        .into_iter()
                        .map(|(k, v)| (Scalar::string(k), Node::from_value(v)))
                        .collect(),
                )
            }
        }
    }
}

/// Emits one implicit document holding `root`, a sequence or mapping (a
/// plain scalar at the root would also need libyaml's `...` end marker).
fn dump(root: &Node) -> String {
    let mut e = Emitter::new();
    e.emit_node(root, Context::default());
    // Document end: back to column 0.
    e.write_indent();
    e.out
}

// ---------------------------------------------------------------------------
// Resolver (ruamel.yaml's YAML 1.2 implicit resolvers)
// ---------------------------------------------------------------------------

/// True when ruamel's resolver would read `s`, written plain, as something
/// other than a string.
fn resolves_to_non_string(s: &str) -> bool {
    // Python's `$` also matches just before a trailing newline.
    matches_implicit(s)
        || s.strip_suffix('\n')
            .is_some_and(|t| matches_implicit_with_first(t, s))
}

fn matches_implicit(s: &str) -> bool {
    matches_implicit_with_first(s, s)
}

/// Runs the resolvers selected by the first character of `original` against
/// `candidate`.
fn matches_implicit_with_first(candidate: &str, original: &str) -> bool {
    let chars: Vec<char> = candidate.chars().collect();
    let c = &chars[..];
    match original.chars().next() {
        None => is_null(candidate),
        Some(first) => {
            ("tTfF".contains(first) && is_bool(candidate))
                || ("-+0123456789.".contains(first) && is_float(c))
                || ("-+0123456789".contains(first) && is_int(c))
                || (first.is_ascii_digit() && is_timestamp(c))
                || (first == '<' && candidate == "<<")
                || ("~nN".contains(first) && is_null(candidate))
                || (first == '=' && candidate == "=")
                || ("!&*".contains(first) && matches!(candidate, "!" | "&" | "*"))
        }
    }
}

fn is_bool(s: &str) -> bool {
    matches!(s, "true" | "True" | "TRUE" | "false" | "False" | "FALSE")
}

fn is_null(s: &str) -> bool {
    matches!(s, "~" | "null" | "Null" | "NULL" | "")
}

/// A tiny backtracking-free pattern language: every step maps the set of
/// positions reached so far to the set reached after it.
#[derive(Clone, Copy)]
enum Step<'a> {
    /// One character of the class.
    One(fn(char) -> bool),
    /// Zero or one character of the class.
    Opt(fn(char) -> bool),
    /// Zero or more characters of the class.
    Star(fn(char) -> bool),
    /// One or more characters of the class.
    Plus(fn(char) -> bool),
    /// The literal text.
    Lit(&'a str),
    /// Optionally the whole sub-pattern.
    OptSeq(&'a [Step<'a>]),
    /// Any one of the sub-patterns.
    Alt(&'a [&'a [Step<'a>]]),
}

fn run(steps: &[Step], s: &[char], start: Vec<usize>) -> Vec<usize> {
    let mut positions = start;
    for step in steps {
        let mut next: Vec<usize> = Vec::new();
        let push = |p: usize, next: &mut Vec<usize>| {
            if !next.contains(&p) {
                next.push(p);
            }
        };
        match *step {
            Step::One(f) => {
                for &p in &positions {
                    if s.get(p).is_some_and(|c| f(*c)) {
                        push(p + 1, &mut next);
                    }
                }
            }
            Step::Opt(f) => {
                for &p in &positions {
                    push(p, &mut next);
                    if s.get(p).is_some_and(|c| f(*c)) {
                        push(p + 1, &mut next);
                    }
                }
            }
            Step::Star(f) | Step::Plus(f) => {
                let min = if matches!(step, Step::Plus(_)) { 1 } else { 0 };
                for &p in &positions {
                    let mut q = p;
                    loop {
                        if q - p >= min {
                            push(q, &mut next);
                        }
                        match s.get(q) {
                            Some(c) if f(*c) => q += 1,
                            _ => break,
                        }
                    }
                }
            }
            Step::Lit(text) => {
                for &p in &positions {
                    let lit: Vec<char> = text.chars().collect();
                    if s.len() >= p + lit.len() && s[p..p + lit.len()] == lit[..] {
                        push(p + lit.len(), &mut next);
                    }
                }
            }
            Step::OptSeq(sub) => {
                for p in positions
                    .iter()
                    .copied()
                    .chain(run(sub, s, positions.clone()))
                {
                    push(p, &mut next);
                }
            }
            Step::Alt(options) => {
                for sub in options {
                    for p in run(sub, s, positions.clone()) {
                        push(p, &mut next);
                    }
                }
            }
        }
        positions = next;
        if positions.is_empty() {
            break;
        }
    }
    positions
}

fn full_match(steps: &[Step], s: &[char]) -> bool {
    run(steps, s, vec![0]).contains(&s.len())
}

fn digit(c: char) -> bool {
    c.is_ascii_digit()
}
fn digit_(c: char) -> bool {
    c.is_ascii_digit() || c == '_'
}
fn sign(c: char) -> bool {
    c == '-' || c == '+'
}
fn exp_e(c: char) -> bool {
    c == 'e' || c == 'E'
}
fn dot(c: char) -> bool {
    c == '.'
}
fn bin_(c: char) -> bool {
    c == '0' || c == '1' || c == '_'
}
fn oct_(c: char) -> bool {
    ('0'..='7').contains(&c) || c == '_'
}
fn hex_(c: char) -> bool {
    c.is_ascii_hexdigit() || c == '_'
}
fn blank(c: char) -> bool {
    c == ' ' || c == '\t'
}
fn t_sep(c: char) -> bool {
    c == 'T' || c == 't'
}
fn colon(c: char) -> bool {
    c == ':'
}
fn dash(c: char) -> bool {
    c == '-'
}

/// `tag:yaml.org,2002:float` for YAML 1.2.
fn is_float(s: &[char]) -> bool {
    use Step::*;
    const EXP: &[Step] = &[One(exp_e), Opt(sign), Plus(digit)];
    const EXP_SIGNED: &[Step] = &[One(exp_e), One(sign), Plus(digit)];
    let patterns: &[&[Step]] = &[
        &[
            Opt(sign),
            One(digit),
            Star(digit_),
            One(dot),
            Star(digit_),
            OptSeq(EXP),
        ],
        &[
            Opt(sign),
            One(digit),
            Star(digit_),
            One(exp_e),
            Opt(sign),
            Plus(digit),
        ],
        &[Opt(sign), One(dot), Plus(digit_), OptSeq(EXP_SIGNED)],
        &[
            Opt(sign),
            Lit("."),
            Alt(&[&[Lit("inf")], &[Lit("Inf")], &[Lit("INF")]]),
        ],
        &[
            Lit("."),
            Alt(&[&[Lit("nan")], &[Lit("NaN")], &[Lit("NAN")]]),
        ],
    ];
    patterns.iter().any(|p| full_match(p, s))
}

/// `tag:yaml.org,2002:int` for YAML 1.2.
fn is_int(s: &[char]) -> bool {
    use Step::*;
    let patterns: &[&[Step]] = &[
        &[Opt(sign), Lit("0b"), Plus(bin_)],
        &[Opt(sign), Lit("0"), Opt(|c| c == 'o'), Plus(oct_)],
        &[Opt(sign), Plus(digit_)],
        &[Opt(sign), Lit("0x"), Plus(hex_)],
    ];
    patterns.iter().any(|p| full_match(p, s))
}

/// `tag:yaml.org,2002:timestamp`.
fn is_timestamp(s: &[char]) -> bool {
    use Step::*;
    const ZONE: &[Step] = &[
        Star(blank),
        Alt(&[
            &[Lit("Z")],
            &[
                One(sign),
                One(digit),
                Opt(digit),
                OptSeq(&[One(colon), One(digit), One(digit)]),
            ],
        ]),
    ];
    let date: &[Step] = &[
        One(digit),
        One(digit),
        One(digit),
        One(digit),
        One(dash),
        One(digit),
        One(digit),
        One(dash),
        One(digit),
        One(digit),
    ];
    let datetime: &[Step] = &[
        One(digit),
        One(digit),
        One(digit),
        One(digit),
        One(dash),
        One(digit),
        Opt(digit),
        One(dash),
        One(digit),
        Opt(digit),
        Alt(&[&[One(t_sep)], &[Plus(blank)]]),
        One(digit),
        Opt(digit),
        One(colon),
        One(digit),
        One(digit),
        One(colon),
        One(digit),
        One(digit),
        OptSeq(&[One(dot), Star(digit)]),
        OptSeq(ZONE),
    ];
    full_match(date, s) || full_match(datetime, s)
}

// ---------------------------------------------------------------------------
// Emitter (libyaml's, restricted to what JSON values need)
// ---------------------------------------------------------------------------

const BEST_INDENT: i64 = 2;
const BEST_WIDTH: usize = 80;

/// Where a node is being emitted (libyaml's context flags that matter here).
#[derive(Clone, Copy, Default)]
struct Context {
    /// The node is a mapping key or value.
    mapping: bool,
    /// The node is a simple (single-line, `key: value`) mapping key.
    simple_key: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
}

/// What libyaml's scalar analysis allows. Scalars only ever appear in block
/// context here (flow collections are always empty), so the flow-context
/// verdicts are not kept.
struct Analysis {
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
}

fn is_printable(c: char) -> bool {
    let c = c as u32;
    c == 0x0a
        || (0x20..=0x7e).contains(&c)
        || (0xa0..=0xd7ff).contains(&c)
        || ((0xe000..=0xfffd).contains(&c) && c != 0xfeff)
}

fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Blank, break or end of input (libyaml's `IS_BLANKZ`, where the input is
/// NUL-terminated).
fn is_blankz(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c == ' ' || c == '\t' || c == '\0' || is_break(c),
    }
}

fn analyze(value: &str) -> Analysis {
    let chars: Vec<char> = value.chars().collect();
    if chars.is_empty() {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
        };
    }
    let mut block_indicators = value.starts_with("---") || value.starts_with("...");
    let mut line_breaks = false;
    let mut special_characters = false;
    let (mut leading_space, mut leading_break, mut trailing_space, mut trailing_break) =
        (false, false, false, false);
    let (mut break_space, mut space_break) = (false, false);
    let (mut previous_space, mut previous_break) = (false, false);
    let mut preceded_by_whitespace = true;
    let mut followed_by_whitespace = is_blankz(chars.get(1).copied());
    let last = chars.len() - 1;

    for (i, &c) in chars.iter().enumerate() {
        // Indicator characters that rule out a plain scalar in block context.
        let indicator = if i == 0 {
            "#,[]{}&*!|>'\"%@`".contains(c) || ("?:-".contains(c) && followed_by_whitespace)
        } else {
            (c == ':' && followed_by_whitespace) || (c == '#' && preceded_by_whitespace)
        };
        block_indicators |= indicator;

        // `allow_unicode` is on, so only non-printable characters count.
        if !is_printable(c) {
            special_characters = true;
        }
        if is_break(c) {
            line_breaks = true;
        }

        if c == ' ' {
            leading_space |= i == 0;
            trailing_space |= i == last;
            break_space |= previous_break;
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            leading_break |= i == 0;
            trailing_break |= i == last;
            space_break |= previous_space;
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }

        preceded_by_whitespace = is_blankz(Some(c));
        if i < last {
            followed_by_whitespace = is_blankz(chars.get(i + 2).copied());
        }
    }

    Analysis {
        multiline: line_breaks,
        block_plain_allowed: !(leading_space
            || leading_break
            || trailing_space
            || trailing_break
            || break_space
            || space_break
            || special_characters
            || line_breaks
            || block_indicators),
        single_quoted_allowed: !(break_space || space_break || special_characters),
    }
}

struct Emitter {
    out: String,
    column: usize,
    /// The last character written was whitespace (or nothing yet).
    whitespace: bool,
    /// Only indentation has been written on the current line.
    indention: bool,
    indent: i64,
    indents: Vec<i64>,
    simple_key_context: bool,
}

impl Emitter {
    fn new() -> Self {
        Emitter {
            out: String::new(),
            column: 0,
            whitespace: true,
            indention: true,
            indent: -1,
            indents: Vec::new(),
            simple_key_context: false,
        }
    }

    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    /// Copies a line break character from the scalar.
    fn write_break(&mut self, c: char) {
        if c == '\n' {
            self.put_break();
        } else {
            self.out.push(c);
            self.column = 0;
        }
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    fn write_indent(&mut self) {
        let indent = self.indent.max(0) as usize;
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.put(' ');
        }
        for c in indicator.chars() {
            self.put(c);
        }
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
    }

    fn emit_node(&mut self, node: &Node, ctx: Context) {
        match node {
            Node::Scalar(s) => self.emit_scalar(s, ctx),
            Node::Seq(items) if items.is_empty() => self.emit_empty_flow("[", "]"),
            Node::Map(entries) if entries.is_empty() => self.emit_empty_flow("{", "}"),
            Node::Seq(items) => self.emit_block_sequence(items, ctx.mapping),
            Node::Map(entries) => self.emit_block_mapping(entries),
        }
    }

    /// Block style is requested for every collection, so flow collections
    /// only appear as libyaml's rendering of empty ones.
    fn emit_empty_flow(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn emit_block_sequence(&mut self, items: &[Node], mapping_context: bool) {
        let indentless = mapping_context && !self.indention;
        self.increase_indent(false, indentless);
        for item in items {
            self.write_indent();
            self.write_indicator("-", true, false, true);
            self.emit_node(item, Context::default());
        }
        self.pop_indent();
    }

    fn emit_block_mapping(&mut self, entries: &[(Scalar, Node)]) {
        self.increase_indent(false, false);
        for (key, value) in entries {
            self.write_indent();
            // libyaml's check_simple_key: one line, at most 128 bytes.
            let simple = !analyze(&key.value).multiline && key.value.len() <= 128;
            let in_mapping = Context {
                mapping: true,
                simple_key: false,
            };
            if simple {
                self.emit_scalar(
                    key,
                    Context {
                        mapping: true,
                        simple_key: true,
                    },
                );
                self.write_indicator(":", false, false, false);
            } else {
                self.write_indicator("?", true, false, true);
                self.emit_scalar(key, in_mapping);
                self.write_indent();
                self.write_indicator(":", true, false, true);
            }
            self.emit_node(value, in_mapping);
        }
        self.pop_indent();
    }

    fn select_style(&self, s: &Scalar, a: &Analysis) -> Style {
        let mut style = Style::Plain;
        if self.simple_key_context && a.multiline {
            style = Style::DoubleQuoted;
        }
        if style == Style::Plain
            && (!a.block_plain_allowed
                || (s.value.is_empty() && self.simple_key_context)
                || !s.plain_implicit)
        {
            style = Style::SingleQuoted;
        }
        if style == Style::SingleQuoted && !a.single_quoted_allowed {
            style = Style::DoubleQuoted;
        }
        style
    }

    fn emit_scalar(&mut self, s: &Scalar, ctx: Context) {
        self.simple_key_context = ctx.simple_key;
        let analysis = analyze(&s.value);
        let style = self.select_style(s, &analysis);
        self.increase_indent(true, false);
        let allow_breaks = !self.simple_key_context;
        match style {
            Style::Plain => self.write_plain(&s.value, allow_breaks),
            Style::SingleQuoted => self.write_single_quoted(&s.value, allow_breaks),
            Style::DoubleQuoted => self.write_double_quoted(&s.value, allow_breaks),
        }
        self.pop_indent();
    }

    fn write_plain(&mut self, value: &str, allow_breaks: bool) {
        let chars: Vec<char> = value.chars().collect();
        if !self.whitespace {
            self.put(' ');
        }
        let (mut spaces, mut breaks) = (false, false);
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > BEST_WIDTH
                    && chars.get(i + 1) != Some(&' ')
                {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.whitespace = false;
        self.indention = false;
    }

    fn write_single_quoted(&mut self, value: &str, allow_breaks: bool) {
        let chars: Vec<char> = value.chars().collect();
        self.write_indicator("'", true, false, false);
        let (mut spaces, mut breaks) = (false, false);
        let last = chars.len().saturating_sub(1);
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > BEST_WIDTH
                    && i != 0
                    && i != last
                    && chars.get(i + 1) != Some(&' ')
                {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == '\'' {
                    self.put('\'');
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if breaks {
            self.write_indent();
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_double_quoted(&mut self, value: &str, allow_breaks: bool) {
        let chars: Vec<char> = value.chars().collect();
        self.write_indicator("\"", true, false, false);
        let mut spaces = false;
        let last = chars.len().saturating_sub(1);
        for (i, &c) in chars.iter().enumerate() {
            if !is_printable(c) || c == '\u{feff}' || is_break(c) || c == '"' || c == '\\' {
                self.put('\\');
                let short = match c {
                    '\0' => Some('0'),
                    '\u{7}' => Some('a'),
                    '\u{8}' => Some('b'),
                    '\t' => Some('t'),
                    '\n' => Some('n'),
                    '\u{b}' => Some('v'),
                    '\u{c}' => Some('f'),
                    '\r' => Some('r'),
                    '\u{1b}' => Some('e'),
                    '"' => Some('"'),
                    '\\' => Some('\\'),
                    '\u{85}' => Some('N'),
                    '\u{a0}' => Some('_'),
                    '\u{2028}' => Some('L'),
                    '\u{2029}' => Some('P'),
                    _ => None,
                };
                match short {
                    Some(letter) => self.put(letter),
                    None => {
                        let cp = c as u32;
                        let (letter, digits) = if cp <= 0xff {
                            ('x', 2)
                        } else if cp <= 0xffff {
                            ('u', 4)
                        } else {
                            ('U', 8)
                        };
                        self.put(letter);
                        for ch in format!("{:0width$X}", cp, width = digits).chars() {
                            self.put(ch);
                        }
                    }
                }
                spaces = false;
            } else if c == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && i != 0 && i != last {
                    self.write_indent();
                    if chars.get(i + 1) == Some(&' ') {
                        self.put('\\');
                    }
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).expect("test literal is valid JSON")
    }

    /// Mirrors the CLI: `{}` prints nothing.
    fn cli_yaml(v: &Value) -> String {
        if json::is_empty_object(v) {
            String::new()
        } else {
            format_yaml(v)
        }
    }

    fn cli_stream(v: &Value) -> String {
        if json::is_empty_object(v) {
            String::new()
        } else {
            format_yaml_stream(v)
        }
    }

    fn y(s: &str) -> String {
        format_yaml(&parse(s))
    }

    #[test]
    fn top_level_scalars_are_json() {
        assert_eq!(y("null"), "null\n");
        assert_eq!(y("\"str\""), "\"str\"\n");
        assert_eq!(y("1"), "1\n");
        assert_eq!(y("1e100"), "1e+100\n");
        assert_eq!(y("false"), "false\n");
        assert_eq!(y("[]"), "[]\n");
        assert_eq!(format_yaml_stream(&json!("str")), "- str\n");
        assert_eq!(format_yaml_stream(&json!(null)), "- null\n");
        assert_eq!(format_yaml_stream(&json!([])), "- []\n");
        assert_eq!(format_yaml_stream(&json!({})), "- {}\n");
    }

    #[test]
    fn quoting_rules() {
        let cases: &[(&str, &str)] = &[
            ("null", "'null'"),
            ("Null", "'Null'"),
            ("~", "'~'"),
            ("", "''"),
            ("123", "'123'"),
            ("-1_000", "'-1_000'"),
            ("0x1F", "'0x1F'"),
            ("0o17", "'0o17'"),
            ("0b101", "'0b101'"),
            ("1.5", "'1.5'"),
            ("1e5", "'1e5'"),
            (".5", "'.5'"),
            (".inf", "'.inf'"),
            ("-.INF", "'-.INF'"),
            (".NaN", "'.NaN'"),
            ("true", "'true'"),
            ("FALSE", "'FALSE'"),
            ("2020-01-01", "'2020-01-01'"),
            ("2020-1-1 10:00:00", "'2020-1-1 10:00:00'"),
            (
                "2001-12-14t21:59:43.10-05:00",
                "'2001-12-14t21:59:43.10-05:00'",
            ),
            ("<<", "'<<'"),
            ("=", "'='"),
            ("a: b", "'a: b'"),
            (" lead", "' lead'"),
            ("trail ", "'trail '"),
            ("x #y", "'x #y'"),
            ("#x", "'#x'"),
            ("*x", "'*x'"),
            ("-", "'-'"),
            ("- x", "'- x'"),
            ("---x", "'---x'"),
            ("a:", "'a:'"),
            ("it's", "it's"),
            ("'q'", "'''q'''"),
            ("yes", "yes"),
            ("on", "on"),
            ("-x", "-x"),
            ("a:b", "a:b"),
            ("x#y", "x#y"),
            ("1.2.3", "1.2.3"),
            ("1e", "1e"),
            ("é✓日本", "é✓日本"),
            ("a,b[c]{d}", "a,b[c]{d}"),
            ("tab\there", "\"tab\\there\""),
            ("emoji 🙂", "\"emoji \\U0001F642\""),
            (
                "nul\u{0}bell\u{7}esc\u{1b}del\u{7f}",
                "\"nul\\0bell\\aesc\\edel\\x7F\"",
            ),
            ("nel\u{85}bom\u{feff}", "\"nel\\Nbom\\uFEFF\""),
            ("cr\rlf", "\"cr\\rlf\""),
            ("back\\slash", "back\\slash"),
            ("say \"hi\"", "say \"hi\""),
            ("\"q", "'\"q'"),
        ];
        for (input, want) in cases {
            let got = format_yaml_stream(&json!(input));
            assert_eq!(got, format!("- {want}\n"), "input {input:?}");
        }
    }

    #[test]
    fn multiline_strings() {
        assert_eq!(format_yaml_stream(&json!("a\nb")), "- 'a\n\n  b'\n");
        assert_eq!(format_yaml_stream(&json!("a\n\nb")), "- 'a\n\n\n  b'\n");
        assert_eq!(format_yaml_stream(&json!("a\n")), "- 'a\n\n  '\n");
        assert_eq!(format_yaml_stream(&json!("\nb")), "- '\n\n  b'\n");
        // A space before a line break rules out single quotes.
        assert_eq!(format_yaml_stream(&json!("a \nb")), "- \"a \\nb\"\n");
        assert_eq!(y(r#"{"k": "l1\nl2"}"#), "k: 'l1\n\n  l2'\n");
    }

    #[test]
    fn structure() {
        assert_eq!(
            y(r#"{"b": [1, 2], "a": {"c": null}}"#),
            "a:\n  c: null\nb:\n- 1\n- 2\n"
        );
        assert_eq!(y("[[1, [2, 3]], []]"), "- - 1\n  - - 2\n    - 3\n- []\n");
        assert_eq!(y(r#"[{"a": [{"b": {}}]}]"#), "- a:\n  - b: {}\n");
        assert_eq!(
            y(r#"{"x": [[{"y": 1, "z": [true]}]]}"#),
            "x:\n- - y: 1\n    z:\n    - true\n"
        );
        assert_eq!(
            y(r#"{"n": [1.5, -0.0, 1e-7, 12345678901234567890]}"#),
            "n:\n- 1.5\n- -0.0\n- 1e-07\n- 12345678901234567890\n"
        );
    }

    #[test]
    fn keys() {
        assert_eq!(
            y(r#"{"": 1, "null": 2, "a b": 3}"#),
            "'': 1\na b: 3\n'null': 2\n"
        );
        // A multi-line key cannot be a simple key, so it becomes `? key`.
        assert_eq!(y(r#"{"multi\nline": 1}"#), "? 'multi\n\n  line'\n: 1\n");
        let long = "k".repeat(129);
        assert_eq!(
            y(&format!(r#"{{"{long}": [1]}}"#)),
            format!("? {long}\n: - 1\n")
        );
        let ok = "k".repeat(128);
        assert_eq!(y(&format!(r#"{{"{ok}": 1}}"#)), format!("{ok}: 1\n"));
    }

    #[test]
    fn folding_long_scalars() {
        let words = "word ".repeat(30);
        let v = json!({ "Message": words.trim_end() });
        let want = "Message: word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word word\n";
        assert_eq!(format_yaml(&v), want);
        // No spaces: never folded.
        let x = "x".repeat(150);
        assert_eq!(format_yaml(&json!({ "k": x })), format!("k: {x}\n"));
    }

    // GOLDENS-BEGIN (generated by tools/goldens.py from the conformance goldens)
    /// (case id, value as JSON, expected output)
    const GOLDENS: &[(&str, &str, &str)] = &[
        ("fmt-flat-yaml", "{\"a\": 1, \"b\": \"x\"}", "a: 1\nb: x\n"),
        ("fmt-list-of-lists-yaml", "{\"List\": [[1, 2], [3, 4]]}", "List:\n- - 1\n  - 2\n- - 3\n  - 4\n"),
        ("fmt-empties-yaml", "{\"Empty\": {}, \"EmptyList\": [], \"Null\": null}", "Empty: {}\nEmptyList: []\n'Null': null\n"),
        ("fmt-bools-yaml", "{\"Bool\": true, \"False\": false}", "Bool: true\n'False': false\n"),
        ("fmt-number-yaml", "42", "42\n"),
        ("fmt-true-yaml", "true", "true\n"),
        ("fmt-nested-list-dict-yaml", "[[{\"a\": 1}]]", "- - a: 1\n"),
        ("fmt-yaml-special-yaml", "{\"Yes\": \"yes\", \"Colon\": \"a: b\", \"Hash\": \"#x\", \"Star\": \"*x\", \"Quote\": \"'q'\", \"Num\": \"123\", \"Empty\": \"\", \"Null\": \"null\", \"Multi\": \"a\\nb\"}", "Colon: 'a: b'\nEmpty: ''\nHash: '#x'\nMulti: 'a\n\n  b'\n'Null': 'null'\nNum: '123'\nQuote: '''q'''\nStar: '*x'\nYes: yes\n"),
        ("fmt-key-space-yaml", "{\"Key With Space\": \"v\", \"UPPER\": 1, \"lower\": 2}", "Key With Space: v\nUPPER: 1\nlower: 2\n"),
        ("fmt-empty-dict-yaml", "{}", ""),
        ("fmt-table-nested-yaml", "{\"a\": [{\"x\": 1, \"y\": 2}, {\"x\": 3, \"y\": 4}], \"b\": \"scalar\"}", "a:\n- x: 1\n  y: 2\n- x: 3\n  y: 4\nb: scalar\n"),
        ("errfmt-yaml-no-region", "{\"Code\": \"NoRegion\", \"Message\": \"You must specify a region. You can also configure your region by running \\\"aws configure\\\".\"}", "Code: NoRegion\nMessage: You must specify a region. You can also configure your region by running\n  \"aws configure\".\n"),
    ];
    /// (case id, value as JSON, expected output)
    const STREAM_GOLDENS: &[(&str, &str, &str)] = &[
        ("fmt-key-order-yaml-stream", "{\"b\": 1, \"a\": 2, \"C\": 3}", "- C: 3\n  a: 2\n  b: 1\n"),
        ("fmt-int-list-yaml-stream", "[1, 2, 3]", "- - 1\n  - 2\n  - 3\n"),
        ("fmt-dict-list-yaml-stream", "[{\"Name\": \"n1\", \"Id\": 1}, {\"Name\": \"n2\", \"Id\": 2}]", "- - Id: 1\n    Name: n1\n  - Id: 2\n    Name: n2\n"),
        ("fmt-deep-yaml-stream", "{\"Nested\": {\"Deep\": {\"Deeper\": {\"Deepest\": \"x\"}}}}", "- Nested:\n    Deep:\n      Deeper:\n        Deepest: x\n"),
        ("fmt-empties-yaml-stream", "{\"Empty\": {}, \"EmptyList\": [], \"Null\": null}", "- Empty: {}\n  EmptyList: []\n  'Null': null\n"),
        ("fmt-numbers-yaml-stream", "{\"Float\": 1.5, \"Int\": 10, \"Neg\": -3, \"Big\": 12345678901234567890, \"Small\": 1e-07, \"Zero\": 0.0}", "- Big: 12345678901234567890\n  Float: 1.5\n  Int: 10\n  Neg: -3\n  Small: 1e-07\n  Zero: 0.0\n"),
        ("fmt-string-yaml-stream", "\"plain string\"", "- plain string\n"),
        ("fmt-number-yaml-stream", "42", "- 42\n"),
        ("fmt-true-yaml-stream", "true", "- true\n"),
        ("fmt-unicode-yaml-stream", "{\"Unicode\": \"Zoë Łukasz 日本語\", \"Emoji\": \"🙂\"}", "- Emoji: \"\\U0001F642\"\n  Unicode: Zoë Łukasz 日本語\n"),
        ("fmt-wide-yaml-stream", "{\"Wide\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"Short\": \"y\"}", "- Short: y\n  Wide: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
        ("fmt-yaml-special-yaml-stream", "{\"Yes\": \"yes\", \"Colon\": \"a: b\", \"Hash\": \"#x\", \"Star\": \"*x\", \"Quote\": \"'q'\", \"Num\": \"123\", \"Empty\": \"\", \"Null\": \"null\", \"Multi\": \"a\\nb\"}", "- Colon: 'a: b'\n  Empty: ''\n  Hash: '#x'\n  Multi: 'a\n\n    b'\n  'Null': 'null'\n  Num: '123'\n  Quote: '''q'''\n  Star: '*x'\n  Yes: yes\n"),
        ("fmt-key-space-yaml-stream", "{\"Key With Space\": \"v\", \"UPPER\": 1, \"lower\": 2}", "- Key With Space: v\n  UPPER: 1\n  lower: 2\n"),
        ("fmt-empty-list-yaml-stream", "[]", "- []\n"),
        ("fmt-empty-dict-yaml-stream", "{}", ""),
        ("fmt-null-list-yaml-stream", "[null, null]", "- - null\n  - null\n"),
        ("fmt-table-nested-yaml-stream", "{\"a\": [{\"x\": 1, \"y\": 2}, {\"x\": 3, \"y\": 4}], \"b\": \"scalar\"}", "- a:\n  - x: 1\n    y: 2\n  - x: 3\n    y: 4\n  b: scalar\n"),
        ("fmt-describe-user-yaml-stream", "{\"User\": {\"Id\": \"87654321-2222-1234-1234-111234567891\", \"Arn\": \"arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4/agent/87654321\", \"Username\": \"marym\", \"IdentityInfo\": {\"FirstName\": \"Mary\", \"LastName\": \"Major\", \"Email\": \"marym@example.com\"}, \"PhoneConfig\": {\"PhoneType\": \"SOFT_PHONE\", \"AutoAccept\": false, \"AfterContactWorkTimeLimit\": 0}, \"DirectoryUserId\": \"d-123\", \"SecurityProfileIds\": [\"sp-1\", \"sp-2\"], \"RoutingProfileId\": \"rp-1\", \"Tags\": {\"team\": \"blue\", \"cost-center\": \"42\"}, \"LastModifiedTime\": \"2024-01-01T00:00:00+00:00\", \"LastModifiedRegion\": \"us-east-1\"}}", "- User:\n    Arn: arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4/agent/87654321\n    DirectoryUserId: d-123\n    Id: 87654321-2222-1234-1234-111234567891\n    IdentityInfo:\n      Email: marym@example.com\n      FirstName: Mary\n      LastName: Major\n    LastModifiedRegion: us-east-1\n    LastModifiedTime: '2024-01-01T00:00:00+00:00'\n    PhoneConfig:\n      AfterContactWorkTimeLimit: 0\n      AutoAccept: false\n      PhoneType: SOFT_PHONE\n    RoutingProfileId: rp-1\n    SecurityProfileIds:\n    - sp-1\n    - sp-2\n    Tags:\n      cost-center: '42'\n      team: blue\n    Username: marym\n"),
        ("fmt-user-summaries-yaml-stream", "{\"UserSummaryList\": [{\"Id\": \"u0\", \"Username\": \"user0\", \"Arn\": \"arn:aws:connect:::u0\"}, {\"Id\": \"u1\", \"Username\": \"user1\", \"Arn\": \"arn:aws:connect:::u1\", \"LastModifiedRegion\": \"us-east-1\"}, {\"Id\": \"u2\", \"Username\": \"user2\", \"Arn\": \"arn:aws:connect:::u2\"}, {\"Id\": \"u3\", \"Username\": \"user3\", \"Arn\": \"arn:aws:connect:::u3\", \"LastModifiedRegion\": \"us-east-1\"}, {\"Id\": \"u4\", \"Username\": \"user4\", \"Arn\": \"arn:aws:connect:::u4\"}], \"NextToken\": \"tok\"}", "- NextToken: tok\n  UserSummaryList:\n  - Arn: arn:aws:connect:::u0\n    Id: u0\n    Username: user0\n  - Arn: arn:aws:connect:::u1\n    Id: u1\n    LastModifiedRegion: us-east-1\n    Username: user1\n  - Arn: arn:aws:connect:::u2\n    Id: u2\n    Username: user2\n  - Arn: arn:aws:connect:::u3\n    Id: u3\n    LastModifiedRegion: us-east-1\n    Username: user3\n  - Arn: arn:aws:connect:::u4\n    Id: u4\n    Username: user4\n"),
    ];
    // GOLDENS-END

    #[test]
    fn goldens() {
        for (id, value, want) in GOLDENS {
            assert_eq!(cli_yaml(&parse(value)), *want, "golden {id}");
        }
        for (id, value, want) in STREAM_GOLDENS {
            assert_eq!(cli_stream(&parse(value)), *want, "golden {id}");
        }
    }
}
