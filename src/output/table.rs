//! `--output table`: the AWS CLI's `TableFormatter` together with the
//! `MultiTable`/`Section` renderer of `awscli/table.py`.
//!
//! Build phase (what goes into which section):
//!
//! * a falsy value (`null`, `false`, `0`, `""`, `[]`, `{}`) produces nothing;
//! * otherwise a section titled `title` is opened at the current indent;
//! * a dict adds its scalar keys (sorted): one key gives a two-column row
//!   `[key, value]` without header, several give a header row plus one value
//!   row; every list/dict value (sorted keys) becomes a sub-section one indent
//!   level deeper, titled with its key;
//! * a list whose first element is a dict gets the sorted union of scalar keys
//!   as header and one row per element (`""` for missing keys); when the
//!   elements have container values, every element after the first reopens a
//!   section with the same title and header, and its containers are recursed;
//! * any other list adds one row per element: `[scalar]`, the elements of an
//!   all-scalar list, the keys of a dict, or (for lists holding containers) a
//!   recursion into the current section; rows of one section must all have
//!   the same length (`Row should have N elements, instead it has M`).
//!
//! Render phase: column widths are display widths (East Asian Wide,
//! Fullwidth and Ambiguous characters count 2); the table is as wide as its
//! widest section; when that exceeds the terminal width, single-row sections
//! with headers are turned vertical; columns are scaled to the section width
//! with Python's banker's rounding and then nudged one column at a time;
//! titles and headers are centred, cells left-aligned with two spaces of
//! padding, nested sections framed by `|` bars per indent level.
//!
//! [`TableStyle`] selects plain output, colorama colours, or colours plus the
//! extra reset that colorama's autoreset wrapper appends after every write
//! when stdout is not a terminal.
//!
//! Where the reference raises during the build, the error carries Python's
//! message; nothing is printed in that case.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::pyfmt;

/// How table output is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableStyle {
    /// No escape sequences (`--color off`, or `auto` when not on a terminal).
    Plain,
    /// Cells wrapped in bright blue, indentation bars in dim yellow.
    Color,
    /// [`TableStyle::Color`] written through colorama's autoreset wrapper, as
    /// `--color on` does when stdout is not a terminal: `ESC[0m` follows every
    /// underlying write (the top rule is one write, every other line four).
    ColorAutoreset,
}

const CELL_START: &str = "\x1b[1m\x1b[34m";
const RESET: &str = "\x1b[0m";
const BAR_COLORED: &str = "\x1b[2m\x1b[33m|\x1b[0m";

/// Renders `v` like `aws --output table` with `title` as the outer section
/// title (the operation name, or `error` for `--cli-error-format table`).
///
/// A falsy value renders as the empty string. `Err` holds the message of the
/// exception the reference raises while building the table.
pub fn format_table(
    title: &str,
    v: &Value,
    terminal_width: usize,
    style: TableStyle,
) -> Result<String, String> {
    let mut builder = Builder {
        sections: Vec::new(),
    };
    if !builder.build(Some(title), v, 0)? {
        return Ok(String::new());
    }
    Ok(render(builder.sections, terminal_width, style))
}

/// A dict key as the reference sees it; lists inside a list of dicts are
/// indexed by integer "keys".
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    /// An integer index and the Python type it came from (`int` or `bool`).
    Int(i64, &'static str),
    Str(String),
}

#[derive(Debug, Default)]
struct Section {
    /// `None` for sections opened by a recursion without title.
    title: Option<String>,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent: usize,
    num_cols: Option<usize>,
    max_widths: Vec<usize>,
}

impl Section {
    fn new(title: Option<String>, indent: usize) -> Self {
        Section {
            title,
            indent,
            ..Section::default()
        }
    }

    fn add_header(&mut self, headers: Vec<String>) -> Result<(), String> {
        self.update_max_widths(&headers)?;
        if self.num_cols.is_none() {
            self.num_cols = Some(headers.len());
        }
        self.headers = headers;
        Ok(())
    }

    fn add_row(&mut self, row: Vec<String>) -> Result<(), String> {
        let expected = *self.num_cols.get_or_insert(row.len());
        if row.len() != expected {
            return Err(format!(
                "Row should have {} elements, instead it has {}",
                expected,
                row.len()
            ));
        }
        self.update_max_widths(&row)?;
        self.rows.push(row);
        Ok(())
    }

    fn update_max_widths(&mut self, row: &[String]) -> Result<(), String> {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|el| pyfmt::display_width(el)).collect();
            return Ok(());
        }
        for (i, el) in row.iter().enumerate() {
            let slot = self
                .max_widths
                .get_mut(i)
                .ok_or_else(|| "list index out of range".to_string())?;
            *slot = (*slot).max(pyfmt::display_width(el));
        }
        Ok(())
    }

    /// Width of the title as the reference measures it (`str(None)` is 4).
    fn title_width(&self) -> usize {
        self.title.as_deref().map_or(4, pyfmt::display_width)
    }

    fn total_width(&self) -> usize {
        let columns: usize = self.max_widths.iter().map(|w| w + 4).sum();
        let total = columns + 2 + 2 * self.indent;
        total.max(self.title_width() + 2 + 2 * self.indent)
    }

    /// Column widths scaled to `max_width`; they always add up to it.
    fn column_widths(&self, max_width: i64) -> Vec<i64> {
        let unscaled: Vec<i64> = self.max_widths.iter().map(|w| *w as i64 + 4).collect();
        if unscaled.is_empty() {
            return unscaled;
        }
        let scale = max_width as f64 / unscaled.iter().sum::<i64>() as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|w| (scale * *w as f64).round_ties_even() as i64)
            .collect();
        let mut off_by = scaled.iter().sum::<i64>() - max_width;
        while off_by != 0 {
            let order: Vec<usize> = if off_by < 0 {
                (0..scaled.len()).rev().collect()
            } else {
                (0..scaled.len()).collect()
            };
            for i in order {
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled
    }
}

struct Builder {
    sections: Vec<Section>,
}

impl Builder {
    fn new_section(&mut self, title: Option<&str>, indent: usize) {
        self.sections
            .push(Section::new(title.map(str::to_string), indent));
    }

    fn current(&mut self) -> Result<&mut Section, String> {
        self.sections
            .last_mut()
            .ok_or_else(|| "'NoneType' object has no attribute 'add_row'".to_string())
    }

    fn add_row(&mut self, row: Vec<String>) -> Result<(), String> {
        self.current()?.add_row(row)
    }

    fn add_header(&mut self, headers: Vec<String>) -> Result<(), String> {
        self.current()?.add_header(headers)
    }

    /// The reference's `_build_table`; returns whether anything was added.
    fn build(
        &mut self,
        title: Option<&str>,
        current: &Value,
        indent: usize,
    ) -> Result<bool, String> {
        if !pyfmt::is_truthy(current) {
            return Ok(false);
        }
        if title.is_some() {
            self.new_section(title, indent);
        }
        match current {
            Value::Array(items) => {
                if items[0].is_object() {
                    self.sub_table_from_list(items, indent, title)?;
                } else {
                    for item in items {
                        match item {
                            Value::Object(map) => self.add_row(map.keys().cloned().collect())?,
                            Value::Array(inner) if inner.iter().all(pyfmt::is_scalar) => {
                                self.add_row(inner.iter().map(pyfmt::str_of).collect())?
                            }
                            Value::Array(_) => {
                                self.build(None, item, 0)?;
                            }
                            scalar => self.add_row(vec![pyfmt::str_of(scalar)])?,
                        }
                    }
                }
            }
            Value::Object(map) => self.sub_table_from_dict(map, indent)?,
            _ => {}
        }
        Ok(true)
    }

    fn sub_table_from_dict(
        &mut self,
        map: &Map<String, Value>,
        indent: usize,
    ) -> Result<(), String> {
        let (headers, more) = group_scalar_keys_of_dict(map);
        if headers.len() == 1 {
            let value = pyfmt::str_of(&map[headers[0].as_str()]);
            self.add_row(vec![headers[0].clone(), value])?;
        } else if !headers.is_empty() {
            let values = headers
                .iter()
                .map(|k| pyfmt::str_of(&map[k.as_str()]))
                .collect();
            self.add_header(headers)?;
            self.add_row(values)?;
        }
        for key in more {
            self.build(Some(&key), &map[key.as_str()], indent + 1)?;
        }
        Ok(())
    }

    fn sub_table_from_list(
        &mut self,
        items: &[Value],
        indent: usize,
        title: Option<&str>,
    ) -> Result<(), String> {
        let (headers, more) = group_scalar_keys_of_list(items)?;
        self.add_header(headers.clone())?;
        for (i, element) in items.iter().enumerate() {
            if i > 0 && !more.is_empty() {
                self.new_section(title, indent);
                self.add_header(headers.clone())?;
            }
            match element {
                Value::Object(map) => {
                    let row = headers
                        .iter()
                        .map(|h| map.get(h).map(pyfmt::str_of).unwrap_or_default())
                        .collect();
                    self.add_row(row)?;
                    for key in &more {
                        if let Some(value) = map.get(key) {
                            self.build(Some(key), value, indent + 1)?;
                        }
                    }
                }
                other => {
                    if !headers.is_empty() {
                        return Err(format!(
                            "'{}' object has no attribute 'get'",
                            pyfmt::type_name(other)
                        ));
                    }
                    self.add_row(Vec::new())?;
                    for key in &more {
                        match other {
                            Value::String(s) if s.contains(key.as_str()) => {
                                return Err("string indices must be integers, not 'str'".to_string())
                            }
                            Value::Array(list) if list.iter().any(|x| x.as_str() == Some(key)) => {
                                return Err(
                                    "list indices must be integers or slices, not str".to_string()
                                )
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// Sorted scalar keys and sorted container keys of a dict.
fn group_scalar_keys_of_dict(map: &Map<String, Value>) -> (Vec<String>, Vec<String>) {
    let mut headers: Vec<String> = Vec::new();
    let mut more: Vec<String> = Vec::new();
    for (key, value) in map {
        if pyfmt::is_scalar(value) {
            headers.push(key.clone());
        } else {
            more.push(key.clone());
        }
    }
    headers.sort();
    more.sort();
    (headers, more)
}

/// Union of [`group_scalar_keys_of_dict`] over a list, failing like the
/// reference on elements that are not dicts.
fn group_scalar_keys_of_list(items: &[Value]) -> Result<(Vec<String>, Vec<String>), String> {
    let mut headers: BTreeSet<Key> = BTreeSet::new();
    let mut more: BTreeSet<Key> = BTreeSet::new();
    for item in items {
        match item {
            Value::Object(map) => {
                for (key, value) in map {
                    let set = if pyfmt::is_scalar(value) {
                        &mut headers
                    } else {
                        &mut more
                    };
                    set.insert(Key::Str(key.clone()));
                }
            }
            // Iterating a list yields its elements, which are then used as
            // indices into the same list.
            Value::Array(list) => {
                for index in list {
                    let i = match index {
                        Value::Bool(b) => i64::from(*b),
                        Value::Number(n) if !pyfmt::is_float(n) => n.as_i64().ok_or_else(|| {
                            "cannot fit 'int' into an index-sized integer".to_string()
                        })?,
                        other => {
                            return Err(format!(
                                "list indices must be integers or slices, not {}",
                                pyfmt::type_name(other)
                            ))
                        }
                    };
                    let len = list.len() as i64;
                    let at = if i < 0 { i + len } else { i };
                    let value = usize::try_from(at)
                        .ok()
                        .and_then(|at| list.get(at))
                        .ok_or_else(|| "list index out of range".to_string())?;
                    let set = if pyfmt::is_scalar(value) {
                        &mut headers
                    } else {
                        &mut more
                    };
                    set.insert(Key::Int(i, pyfmt::type_name(index)));
                }
            }
            Value::String(s) if s.is_empty() => {}
            Value::String(_) => {
                return Err("string indices must be integers, not 'str'".to_string())
            }
            other => {
                return Err(format!(
                    "'{}' object is not iterable",
                    pyfmt::type_name(other)
                ))
            }
        }
    }
    Ok((keys_to_strings(headers)?, keys_to_strings(more)?))
}

/// The reference sorts the keys; integer keys coming from lists either fail
/// that sort (mixed with strings) or fail later when used as text.
///
/// Python compares the keys in set iteration order, which depends on string
/// hashing; the message assumes the string is compared with the first
/// integer key.
fn keys_to_strings(keys: BTreeSet<Key>) -> Result<Vec<String>, String> {
    let int_type = keys.iter().find_map(|k| match k {
        Key::Int(_, type_name) => Some(*type_name),
        Key::Str(_) => None,
    });
    let has_str = keys.iter().any(|k| matches!(k, Key::Str(_)));
    match (int_type, has_str) {
        (Some(t), true) => Err(format!(
            "'<' not supported between instances of 'str' and '{t}'"
        )),
        (Some(_), false) => Err("'list' object has no attribute 'get'".to_string()),
        (None, _) => Ok(keys
            .into_iter()
            .filter_map(|k| match k {
                Key::Str(s) => Some(s),
                Key::Int(..) => None,
            })
            .collect()),
    }
}

/// Any section with headers and exactly one row becomes a two-column
/// `[header, value]` section.
fn convert_to_vertical(sections: &mut [Section]) {
    for section in sections.iter_mut() {
        if section.rows.len() == 1 && !section.headers.is_empty() {
            let mut vertical = Section::new(section.title.take(), section.indent);
            for (header, element) in section.headers.iter().zip(&section.rows[0]) {
                // Two-column rows of strings cannot fail.
                let _ = vertical.add_row(vec![header.clone(), element.clone()]);
            }
            *section = vertical;
        }
    }
}

/// Output sink that mimics the stream the reference writes to.
struct Out {
    text: String,
    style: TableStyle,
}

impl Out {
    fn write(&mut self, s: &str) {
        self.text.push_str(s);
        if self.style == TableStyle::ColorAutoreset {
            self.text.push_str(RESET);
        }
    }

    /// One line through the reference's indenting stream: left bars, the
    /// text, right bars, newline (four writes).
    fn line(&mut self, indent: usize, text: &str) {
        let bar = if self.style == TableStyle::Plain {
            "|"
        } else {
            BAR_COLORED
        };
        let bars = bar.repeat(indent);
        self.write(&bars);
        self.write(text);
        self.write(&bars);
        self.write("\n");
    }

    fn cell(&self, text: &str) -> String {
        if self.style == TableStyle::Plain {
            text.to_string()
        } else {
            format!("{CELL_START}{text}{RESET}")
        }
    }
}

fn render(mut sections: Vec<Section>, terminal_width: usize, style: TableStyle) -> String {
    let max_width =
        |sections: &[Section]| sections.iter().map(Section::total_width).max().unwrap_or(0);
    let mut width = max_width(&sections);
    if width > terminal_width {
        convert_to_vertical(&mut sections);
        width = max_width(&sections);
    }
    let mut out = Out {
        text: String::new(),
        style,
    };
    out.write(&format!("{}\n", "-".repeat(width)));
    for section in &sections {
        render_section(section, width as i64, &mut out);
    }
    out.text
}

fn render_section(section: &Section, max_width: i64, out: &mut Out) {
    let indent = section.indent;
    let width = max_width - 2 * indent as i64;

    if let Some(title) = section.title.as_deref().filter(|t| !t.is_empty()) {
        out.line(
            indent,
            &center(title, pyfmt::display_width(title), width, "|", "|"),
        );
        if section.headers.is_empty() && section.rows.is_empty() {
            out.line(indent, &format!("+{}+", dashes(width - 2)));
        }
    }

    if !section.headers.is_empty() {
        let widths = section.column_widths(width);
        out.line(indent, &line_break(&widths));
        let mut text = String::new();
        for (i, (w, header)) in widths.iter().zip(&section.headers).enumerate() {
            let left = if i == 0 { "|" } else { "" };
            text.push_str(&center(header, pyfmt::display_width(header), *w, left, "|"));
        }
        out.line(indent, &text);
    }

    if !section.rows.is_empty() {
        let widths = section.column_widths(width);
        if widths.is_empty() {
            return;
        }
        out.line(indent, &line_break(&widths));
        for row in &section.rows {
            let mut text = String::new();
            for (i, (w, element)) in widths.iter().zip(row).enumerate() {
                let left = if i == 0 { "|" } else { "" };
                text.push_str(&align_left(
                    &out.cell(element),
                    pyfmt::display_width(element),
                    *w,
                    left,
                ));
            }
            out.line(indent, &text);
        }
        out.line(indent, &line_break(&widths));
    }
}

fn spaces(n: i64) -> String {
    " ".repeat(n.max(0) as usize)
}

fn dashes(n: i64) -> String {
    "-".repeat(n.max(0) as usize)
}

/// `+-----+------+` for the given column widths.
fn line_break(widths: &[i64]) -> String {
    let mut s = String::new();
    for (i, w) in widths.iter().enumerate() {
        if i == 0 {
            s.push('+');
            s.push_str(&dashes(w - 2));
        } else {
            s.push_str(&dashes(w - 1));
        }
        s.push('+');
    }
    s
}

/// The reference's `center_text` (`text_len` is the unstyled display width).
fn center(text: &str, text_len: usize, length: i64, left: &str, right: &str) -> String {
    let text_len = text_len as i64;
    let start = length.div_euclid(2) - text_len.div_euclid(2) - 1;
    let so_far = left.len() as i64 + start + text_len;
    let right_spaces = length - right.len() as i64 - so_far;
    format!(
        "{left}{}{text}{}{right}",
        spaces(start),
        spaces(right_spaces)
    )
}

/// The reference's `align_left` with two spaces of padding and `|` on the
/// right (`text_len` is the unstyled display width).
fn align_left(text: &str, text_len: usize, length: i64, left: &str) -> String {
    let text_len = text_len as i64;
    let left_len = left.len() as i64;
    let padding = if length - (text_len + 2 + left_len + 1) >= 0 {
        2
    } else {
        0
    };
    let fill = length - (left_len + padding + text_len) - 1;
    format!("{left}{}{text}{}|", spaces(padding), spaces(fill))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OP: &str = "UpdateUserIdentityInfo";

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).expect("test literal is valid JSON")
    }

    fn plain(s: &str) -> String {
        format_table(OP, &parse(s), 80, TableStyle::Plain).expect("renders")
    }

    #[test]
    fn falsy_values_render_nothing() {
        for v in ["null", "false", "0", "0.0", "\"\"", "[]", "{}"] {
            assert_eq!(plain(v), "", "{v}");
        }
    }

    #[test]
    fn scalar_renders_title_only() {
        let want = "------------------------\n|UpdateUserIdentityInfo|\n+----------------------+\n";
        assert_eq!(plain("\"str\""), want);
        assert_eq!(plain("true"), want);
    }

    #[test]
    fn behaviour_doc_example() {
        let want = "\
------------------------
|UpdateUserIdentityInfo|
+-------------+--------+
|  Name       |  n     |
+-------------+--------+
||        Tags        ||
|+--------+-----------+|
||   Key  |   Value   ||
|+--------+-----------+|
||  k1    |  v1       ||
||  k2    |  v2       ||
|+--------+-----------+|
";
        let v = r#"{"Tags":[{"Key":"k1","Value":"v1"},{"Key":"k2","Value":"v2"}],"Name":"n"}"#;
        assert_eq!(plain(v), want);
    }

    #[test]
    fn vertical_fallback_when_too_wide() {
        let v = r#"{"Code": "SomeCode", "Message": "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"}"#;
        let got = format_table("error", &parse(v), 80, TableStyle::Plain).unwrap();
        let want = "\
---------------------------------------------------------------------------------------
|                                        error                                        |
+---------+---------------------------------------------------------------------------+
|  Code   |  SomeCode                                                                 |
|  Message|  yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy   |
+---------+---------------------------------------------------------------------------+
";
        assert_eq!(got, want);
    }

    #[test]
    fn narrow_terminal_converts_only_single_row_sections() {
        let v = r#"{"a": "1", "b": "2", "L": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]}"#;
        let got = format_table("T", &parse(v), 10, TableStyle::Plain).unwrap();
        let want = "\
--------------
|      T     |
+-----+------+
|  a  |  1   |
|  b  |  2   |
+-----+------+
||     L    ||
|+----+-----+|
||  x |  y  ||
|+----+-----+|
||  1 |  2  ||
||  3 |  4  ||
|+----+-----+|
";
        assert_eq!(got, want);
    }

    #[test]
    fn row_length_mismatch_is_an_error() {
        let err = format_table(OP, &parse("[[1, 2], [3]]"), 80, TableStyle::Plain).unwrap_err();
        assert_eq!(err, "Row should have 2 elements, instead it has 1");
        let err = format_table(
            OP,
            &parse(r#"[1, {"a": 1, "b": 2}]"#),
            80,
            TableStyle::Plain,
        )
        .unwrap_err();
        assert_eq!(err, "Row should have 1 elements, instead it has 2");
    }

    #[test]
    fn mixed_lists_fail_like_python() {
        let cases = [
            (r#"[{"a": 1}, 2]"#, "'int' object is not iterable"),
            (r#"[{"a": 1}, null]"#, "'NoneType' object is not iterable"),
            (r#"[{"a": 1}, 2.5]"#, "'float' object is not iterable"),
            (
                r#"[{"a": 1}, "s"]"#,
                "string indices must be integers, not 'str'",
            ),
            (r#"[{"a": 1}, ""]"#, "'str' object has no attribute 'get'"),
            (
                r#"[{"a": 1}, ["x"]]"#,
                "list indices must be integers or slices, not str",
            ),
            (r#"[{"a": 1}, [5]]"#, "list index out of range"),
            (r#"[{"a": 1}, []]"#, "'list' object has no attribute 'get'"),
        ];
        for (input, message) in cases {
            let got = format_table(OP, &parse(input), 80, TableStyle::Plain);
            assert_eq!(got, Err(message.to_string()), "{input}");
        }
    }

    #[test]
    fn list_items_of_other_shapes() {
        // A dict inside a list of scalars contributes its keys as a row.
        let want = "\
------------------------
|UpdateUserIdentityInfo|
+----------------------+
|  a                   |
|  k                   |
+----------------------+
";
        assert_eq!(plain(r#"["a", {"k": 1}]"#), want);
        // Nested lists holding containers recurse into the same section.
        let want = "\
------------------------
|UpdateUserIdentityInfo|
+----------+-----------+
|  1       |  2        |
|  3       |  4        |
+----------+-----------+
";
        assert_eq!(plain("[[1, 2], [[3, 4]]]"), want);
    }

    #[test]
    fn banker_rounding_in_column_scaling() {
        // Unscaled widths 5 and 7 scaled to 18: 7.5 rounds to 8, 10.5 to 10.
        let mut s = Section::new(Some("t".into()), 0);
        s.add_row(vec!["a".into(), "bbb".into()]).unwrap();
        assert_eq!(s.column_widths(18), vec![8, 10]);
        // Scaled sum too large: columns shrink left to right.
        let mut s = Section::new(Some("t".into()), 0);
        s.add_row(vec!["a".into(), "b".into(), "c".into()]).unwrap();
        assert_eq!(s.column_widths(16), vec![5, 5, 6]);
    }

    #[test]
    fn color_styles() {
        let v = parse(r#"{"a": {"b": "c"}}"#);
        let got = format_table("T", &v, 80, TableStyle::Color).unwrap();
        let bar = BAR_COLORED;
        let want = format!(
            "--------------\n|      T     |\n+------------+\n{bar}|     a    |{bar}\n{bar}+----+-----+{bar}\n{bar}|  {c}b{r} |  {c}c{r}  |{bar}\n{bar}+----+-----+{bar}\n",
            c = CELL_START,
            r = RESET
        );
        assert_eq!(got, want);
    }

    // GOLDENS-BEGIN (generated by tools/goldens.py from the conformance goldens)
    /// (case id, value as JSON, style, expected output)
    const GOLDENS: &[(&str, &str, &str, &str)] = &[
        ("fmt-flat-table", "{\"a\": 1, \"b\": \"x\"}", "plain", "------------------------\n|UpdateUserIdentityInfo|\n+----------+-----------+\n|     a    |     b     |\n+----------+-----------+\n|  1       |  x        |\n+----------+-----------+\n"),
        ("fmt-key-order-table", "{\"b\": 1, \"a\": 2, \"C\": 3}", "plain", "------------------------\n|UpdateUserIdentityInfo|\n+------+-------+-------+\n|   C  |   a   |   b   |\n+------+-------+-------+\n|  3   |  2    |  1    |\n+------+-------+-------+\n"),
        ("fmt-int-list-table", "[1, 2, 3]", "plain", "------------------------\n|UpdateUserIdentityInfo|\n+----------------------+\n|  1                   |\n|  2                   |\n|  3                   |\n+----------------------+\n"),
        ("fmt-dict-list-hetero-table", "[{\"Name\": \"n1\", \"Id\": 1}, {\"Name\": \"n2\", \"Extra\": true}]", "plain", "-------------------------\n|UpdateUserIdentityInfo |\n+-------+------+--------+\n| Extra | Id   | Name   |\n+-------+------+--------+\n|       |  1   |  n1    |\n|  True |      |  n2    |\n+-------+------+--------+\n"),
        ("fmt-deep-table", "{\"Nested\": {\"Deep\": {\"Deeper\": {\"Deepest\": \"x\"}}}}", "plain", "------------------------\n|UpdateUserIdentityInfo|\n+----------------------+\n||       Nested       ||\n|+--------------------+|\n|||       Deep       |||\n||+------------------+||\n||||     Deeper     ||||\n|||+----------+-----+|||\n||||  Deepest |  x  ||||\n|||+----------+-----+|||\n"),
        ("fmt-list-of-lists-table", "{\"List\": [[1, 2], [3, 4]]}", "plain", "------------------------\n|UpdateUserIdentityInfo|\n+----------------------+\n||        List        ||\n|+---------+----------+|\n||  1      |  2       ||\n||  3      |  4       ||\n|+---------+----------+|\n"),
        ("fmt-bools-table", "{\"Bool\": true, \"False\": false}", "plain", "------------------------\n|UpdateUserIdentityInfo|\n+---------+------------+\n|  Bool   |   False    |\n+---------+------------+\n|  True   |  False     |\n+---------+------------+\n"),
        ("fmt-number-table", "42", "plain", "------------------------\n|UpdateUserIdentityInfo|\n+----------------------+\n"),
        ("fmt-unicode-table", "{\"Unicode\": \"Zoë Łukasz 日本語\", \"Emoji\": \"🙂\"}", "plain", "---------------------------------\n|    UpdateUserIdentityInfo     |\n+--------+----------------------+\n|  Emoji |       Unicode        |\n+--------+----------------------+\n|  🙂    |  Zoë Łukasz 日本語  |\n+--------+----------------------+\n"),
        ("fmt-wide-table", "{\"Wide\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"Short\": \"y\"}", "plain", "---------------------------------------------------------------------------------------------------------------------------------------------------------------------\n|                                                                      UpdateUserIdentityInfo                                                                       |\n+-------+-----------------------------------------------------------------------------------------------------------------------------------------------------------+\n|  Short|  y                                                                                                                                                        |\n|  Wide |  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx   |\n+-------+-----------------------------------------------------------------------------------------------------------------------------------------------------------+\n"),
        ("fmt-yaml-special-table", "{\"Yes\": \"yes\", \"Colon\": \"a: b\", \"Hash\": \"#x\", \"Star\": \"*x\", \"Quote\": \"'q'\", \"Num\": \"123\", \"Empty\": \"\", \"Null\": \"null\", \"Multi\": \"a\\nb\"}", "plain", "----------------------------------------------------------------------------\n|                          UpdateUserIdentityInfo                          |\n+-------+--------+-------+--------+-------+------+--------+--------+-------+\n| Colon | Empty  | Hash  | Multi  | Null  | Num  | Quote  | Star   |  Yes  |\n+-------+--------+-------+--------+-------+------+--------+--------+-------+\n|  a: b |        |  #x   |  a\nb   |  null |  123 |  'q'   |  *x    |  yes  |\n+-------+--------+-------+--------+-------+------+--------+--------+-------+\n"),
        ("fmt-null-list-table", "[null, null]", "plain", "------------------------\n|UpdateUserIdentityInfo|\n+----------------------+\n|  None                |\n|  None                |\n+----------------------+\n"),
        ("fmt-table-nested-table", "{\"a\": [{\"x\": 1, \"y\": 2}, {\"x\": 3, \"y\": 4}], \"b\": \"scalar\"}", "plain", "------------------------\n|UpdateUserIdentityInfo|\n+------+---------------+\n|  b   |  scalar       |\n+------+---------------+\n||          a         ||\n|+---------+----------+|\n||    x    |    y     ||\n|+---------+----------+|\n||  1      |  2       ||\n||  3      |  4       ||\n|+---------+----------+|\n"),
        ("fmt-user-summaries-table", "{\"UserSummaryList\": [{\"Id\": \"u0\", \"Username\": \"user0\", \"Arn\": \"arn:aws:connect:::u0\"}, {\"Id\": \"u1\", \"Username\": \"user1\", \"Arn\": \"arn:aws:connect:::u1\", \"LastModifiedRegion\": \"us-east-1\"}, {\"Id\": \"u2\", \"Username\": \"user2\", \"Arn\": \"arn:aws:connect:::u2\"}, {\"Id\": \"u3\", \"Username\": \"user3\", \"Arn\": \"arn:aws:connect:::u3\", \"LastModifiedRegion\": \"us-east-1\"}, {\"Id\": \"u4\", \"Username\": \"user4\", \"Arn\": \"arn:aws:connect:::u4\"}], \"NextToken\": \"tok\"}", "plain", "--------------------------------------------------------------------\n|                      UpdateUserIdentityInfo                      |\n+------------------------------------------+-----------------------+\n|  NextToken                               |  tok                  |\n+------------------------------------------+-----------------------+\n||                         UserSummaryList                        ||\n|+-----------------------+-----+----------------------+-----------+|\n||          Arn          | Id  | LastModifiedRegion   | Username  ||\n|+-----------------------+-----+----------------------+-----------+|\n||  arn:aws:connect:::u0 |  u0 |                      |  user0    ||\n||  arn:aws:connect:::u1 |  u1 |  us-east-1           |  user1    ||\n||  arn:aws:connect:::u2 |  u2 |                      |  user2    ||\n||  arn:aws:connect:::u3 |  u3 |  us-east-1           |  user3    ||\n||  arn:aws:connect:::u4 |  u4 |                      |  user4    ||\n|+-----------------------+-----+----------------------+-----------+|\n"),
        ("fmt-users-table-color", "{\"Users\": [{\"Id\": \"u1\", \"Identity\": {\"FirstName\": \"Mary\", \"LastName\": \"Major\"}}, {\"Id\": \"u2\", \"Identity\": {\"FirstName\": \"John\"}}]}", "color-autoreset", "-------------------------------\n\u{1b}[0m\u{1b}[0m|   UpdateUserIdentityInfo    |\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[0m+-----------------------------+\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|           Users           |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+---------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|            Id             |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+---------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mu1\u{1b}[0m                       |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+---------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|        Identity         |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+------------+------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  FirstName | LastName   |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+------------+------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mMary\u{1b}[0m      |  \u{1b}[1m\u{1b}[34mMajor\u{1b}[0m     |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+------------+------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|           Users           |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+---------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|            Id             |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+---------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mu2\u{1b}[0m                       |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+---------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|        Identity         |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+---------------+---------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mFirstName\u{1b}[0m    |  \u{1b}[1m\u{1b}[34mJohn\u{1b}[0m   |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+---------------+---------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m"),
        ("fmt-describe-user-table-color", "{\"User\": {\"Id\": \"87654321-2222-1234-1234-111234567891\", \"Arn\": \"arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4/agent/87654321\", \"Username\": \"marym\", \"IdentityInfo\": {\"FirstName\": \"Mary\", \"LastName\": \"Major\", \"Email\": \"marym@example.com\"}, \"PhoneConfig\": {\"PhoneType\": \"SOFT_PHONE\", \"AutoAccept\": false, \"AfterContactWorkTimeLimit\": 0}, \"DirectoryUserId\": \"d-123\", \"SecurityProfileIds\": [\"sp-1\", \"sp-2\"], \"RoutingProfileId\": \"rp-1\", \"Tags\": {\"team\": \"blue\", \"cost-center\": \"42\"}, \"LastModifiedTime\": \"2024-01-01T00:00:00+00:00\", \"LastModifiedRegion\": \"us-east-1\"}}", "color-autoreset", "-----------------------------------------------------------------------------------------------------\n\u{1b}[0m\u{1b}[0m|                                      UpdateUserIdentityInfo                                       |\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[0m+---------------------------------------------------------------------------------------------------+\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|                                              User                                               |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+--------------------+----------------------------------------------------------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mArn\u{1b}[0m               |  \u{1b}[1m\u{1b}[34marn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4/agent/87654321\u{1b}[0m   |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mDirectoryUserId\u{1b}[0m   |  \u{1b}[1m\u{1b}[34md-123\u{1b}[0m                                                                     |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mId\u{1b}[0m                |  \u{1b}[1m\u{1b}[34m87654321-2222-1234-1234-111234567891\u{1b}[0m                                      |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mLastModifiedRegion\u{1b}[0m|  \u{1b}[1m\u{1b}[34mus-east-1\u{1b}[0m                                                                 |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mLastModifiedTime\u{1b}[0m  |  \u{1b}[1m\u{1b}[34m2024-01-01T00:00:00+00:00\u{1b}[0m                                                 |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mRoutingProfileId\u{1b}[0m  |  \u{1b}[1m\u{1b}[34mrp-1\u{1b}[0m                                                                      |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mUsername\u{1b}[0m          |  \u{1b}[1m\u{1b}[34mmarym\u{1b}[0m                                                                     |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+--------------------+----------------------------------------------------------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|                                         IdentityInfo                                          |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+-----------------------------------+-----------------------------------------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mEmail\u{1b}[0m                            |  \u{1b}[1m\u{1b}[34mmarym@example.com\u{1b}[0m                                        |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mFirstName\u{1b}[0m                        |  \u{1b}[1m\u{1b}[34mMary\u{1b}[0m                                                     |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mLastName\u{1b}[0m                         |  \u{1b}[1m\u{1b}[34mMajor\u{1b}[0m                                                    |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+-----------------------------------+-----------------------------------------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|                                          PhoneConfig                                          |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+---------------------------------------------------------------+-------------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mAfterContactWorkTimeLimit\u{1b}[0m                                    |  \u{1b}[1m\u{1b}[34m0\u{1b}[0m                            |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mAutoAccept\u{1b}[0m                                                   |  \u{1b}[1m\u{1b}[34mFalse\u{1b}[0m                        |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mPhoneType\u{1b}[0m                                                    |  \u{1b}[1m\u{1b}[34mSOFT_PHONE\u{1b}[0m                   |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+---------------------------------------------------------------+-------------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|                                      SecurityProfileIds                                       |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+-----------------------------------------------------------------------------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34msp-1\u{1b}[0m                                                                                         |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34msp-2\u{1b}[0m                                                                                         |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+-----------------------------------------------------------------------------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|                                             Tags                                              |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+-------------------------------------------------------------+---------------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mcost-center\u{1b}[0m                                                |  \u{1b}[1m\u{1b}[34m42\u{1b}[0m                             |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34mteam\u{1b}[0m                                                       |  \u{1b}[1m\u{1b}[34mblue\u{1b}[0m                           |\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m+-------------------------------------------------------------+---------------------------------+\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[2m\u{1b}[33m|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m"),
        ("output-table-literal", "{\"Name\": \"x\", \"List\": [1, 2], \"Nested\": {\"A\": true, \"B\": null}}", "plain", "------------------------\n|UpdateUserIdentityInfo|\n+-------------+--------+\n|  Name       |  x     |\n+-------------+--------+\n||        List        ||\n|+--------------------+|\n||  1                 ||\n||  2                 ||\n|+--------------------+|\n||       Nested       ||\n|+---------+----------+|\n||    A    |    B     ||\n|+---------+----------+|\n||  True   |  None    ||\n|+---------+----------+|\n"),
        ("color-on", "{\"a\": \"b\"}", "color-autoreset", "------------------------\n\u{1b}[0m\u{1b}[0m|UpdateUserIdentityInfo|\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[0m+----------+-----------+\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[0m|  \u{1b}[1m\u{1b}[34ma\u{1b}[0m       |  \u{1b}[1m\u{1b}[34mb\u{1b}[0m        |\u{1b}[0m\u{1b}[0m\n\u{1b}[0m\u{1b}[0m+----------+-----------+\u{1b}[0m\u{1b}[0m\n\u{1b}[0m"),
        ("errfmt-table-service", "{\"Message\": \"The request is not valid.\", \"Code\": \"InvalidRequestException\", \"Reason\": {\"AttachedFileInvalidRequestExceptionReason\": \"INVALID_FILE_SIZE\"}}", "plain", "----------------------------------------------------------------------\n|                                error                               |\n+--------------------------------+-----------------------------------+\n|              Code              |              Message              |\n+--------------------------------+-----------------------------------+\n|  InvalidRequestException       |  The request is not valid.        |\n+--------------------------------+-----------------------------------+\n||                              Reason                              ||\n|+--------------------------------------------+---------------------+|\n||  AttachedFileInvalidRequestExceptionReason |  INVALID_FILE_SIZE  ||\n|+--------------------------------------------+---------------------+|\n"),
        ("errfmt-table-color-on", "{\"Message\": \"User not found: nouser\", \"Code\": \"ResourceNotFoundException\"}", "color", "---------------------------------------------------------\n|                         error                         |\n+----------------------------+--------------------------+\n|            Code            |         Message          |\n+----------------------------+--------------------------+\n|  \u{1b}[1m\u{1b}[34mResourceNotFoundException\u{1b}[0m |  \u{1b}[1m\u{1b}[34mUser not found: nouser\u{1b}[0m  |\n+----------------------------+--------------------------+\n"),
    ];
    // GOLDENS-END

    #[test]
    fn goldens() {
        for (id, value, style, want) in GOLDENS {
            let (title, style) = match *style {
                "plain" if id.starts_with("errfmt") => ("error", TableStyle::Plain),
                "plain" => (OP, TableStyle::Plain),
                "color" => ("error", TableStyle::Color),
                _ => (OP, TableStyle::ColorAutoreset),
            };
            let got = format_table(title, &parse(value), 80, style);
            assert_eq!(got.as_deref(), Ok(*want), "golden {id}");
        }
    }
}
