//! The line being built, its completion menu and how they are drawn: no I/O here, so all of it
//! is tested without a terminal.

use super::docs::Entry;
use super::shell;
use super::term::Key;

/// What the prompt shows before the line (the line itself holds no `aws`).
pub const PROMPT: &str = "> aws ";

/// How many menu entries are visible at once.
pub const MENU_ROWS: usize = 10;

/// The key bindings, shown under the line.
const TOOLBAR: &str = "[Tab] complete  [Up/Down] choose  [Enter] run  [Esc] close menu  [Ctrl-C] quit";

/// The completion menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Menu {
    pub entries: Vec<Entry>,
    /// The highlighted entry, if any.
    pub selected: Option<usize>,
    /// The first visible entry.
    pub top: usize,
}

/// What a key did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Keep editing (redraw).
    Continue,
    /// Run the line.
    Accept,
    /// Ctrl-C or Ctrl-D (or the end of input).
    Cancel,
}

/// The completions of the word ending at the cursor: given the line before the cursor (starting
/// with `aws `), the menu entries.
pub type Completer<'a> = dyn Fn(&str) -> Vec<Entry> + 'a;

/// The line, the cursor (a byte offset on a character boundary) and the menu.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Editor {
    pub text: String,
    pub cursor: usize,
    pub menu: Option<Menu>,
}

impl Editor {
    /// A line with the cursor at its end.
    pub fn new(text: String) -> Editor {
        let cursor = text.len();
        Editor { text, cursor, menu: None }
    }

    /// The line as the completer sees it, up to the cursor.
    fn line_before_cursor(&self) -> String {
        format!("aws {}", &self.text[..self.cursor])
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor].char_indices().next_back().map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..].chars().next().map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }

    /// Handles one key.
    pub fn handle(&mut self, key: Key, complete: &Completer<'_>) -> Action {
        match key {
            Key::Enter => {
                if let Some(menu) = self.menu.take() {
                    // As the CLI's prompt: Enter in the menu takes the highlighted entry, or just
                    // closes the menu; it runs the line only when no menu is open.
                    if let Some(i) = menu.selected {
                        self.insert_completion(&menu.entries[i].text);
                    }
                    return Action::Continue;
                }
                return Action::Accept;
            }
            Key::CtrlC | Key::CtrlD => return Action::Cancel,
            Key::Tab => self.tab(complete),
            Key::Down => self.move_selection(1),
            Key::Up | Key::BackTab => self.move_selection(-1),
            Key::Escape => self.menu = None,
            Key::Char(c) => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                self.refresh_menu(complete);
            }
            Key::Backspace => {
                if self.cursor > 0 {
                    let start = self.prev_boundary();
                    self.text.replace_range(start..self.cursor, "");
                    self.cursor = start;
                }
                self.refresh_menu(complete);
            }
            Key::Delete => {
                let end = self.next_boundary();
                self.text.replace_range(self.cursor..end, "");
                self.menu = None;
            }
            Key::Left => {
                self.cursor = self.prev_boundary();
                self.menu = None;
            }
            Key::Right => {
                self.cursor = self.next_boundary();
                self.menu = None;
            }
            Key::Home => {
                self.cursor = 0;
                self.menu = None;
            }
            Key::End => {
                self.cursor = self.text.len();
                self.menu = None;
            }
            Key::KillToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
                self.menu = None;
            }
            Key::KillToEnd => {
                self.text.truncate(self.cursor);
                self.menu = None;
            }
            Key::KillWord => {
                let before = &self.text[..self.cursor];
                let start = before.trim_end_matches([' ', '\t']).rfind([' ', '\t']).map_or(0, |i| i + 1);
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
                self.menu = None;
            }
            Key::Other => {}
        }
        Action::Continue
    }

    /// Tab: with a highlighted menu entry, takes it; with a menu and none highlighted,
    /// highlights the first; else completes the word under the cursor: one completion is
    /// inserted (with a blank after it unless it ends in `/` or `=`), several insert their common
    /// prefix and open the menu.
    fn tab(&mut self, complete: &Completer<'_>) {
        if let Some(menu) = &mut self.menu {
            match menu.selected {
                Some(i) => {
                    let text = menu.entries[i].text.clone();
                    self.menu = None;
                    self.insert_completion(&text);
                }
                None => {
                    menu.selected = Some(0);
                    menu.top = 0;
                }
            }
            return;
        }
        let entries = complete(&self.line_before_cursor());
        match entries.len() {
            0 => {}
            1 => self.insert_completion(&entries[0].text),
            _ => {
                let prefix = common_prefix(entries.iter().map(|e| e.text.as_str()));
                let start = shell::word_start(&self.text, self.cursor);
                let current = crate::completer::words::split(&self.text[start..self.cursor]).pop().unwrap_or_default();
                if prefix.len() > current.len() && prefix.starts_with(&current) {
                    self.replace_word(start, &shell::escape(&prefix));
                }
                self.menu = Some(Menu { entries, selected: None, top: 0 });
            }
        }
    }

    /// While the menu is open, typing narrows it to the completions of the word as it now is.
    fn refresh_menu(&mut self, complete: &Completer<'_>) {
        if self.menu.is_none() {
            return;
        }
        let entries = complete(&self.line_before_cursor());
        self.menu = (!entries.is_empty()).then_some(Menu { entries, selected: None, top: 0 });
    }

    fn move_selection(&mut self, delta: isize) {
        let Some(menu) = &mut self.menu else { return };
        let n = menu.entries.len();
        if n == 0 {
            return;
        }
        let next = match (menu.selected, delta > 0) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        menu.selected = Some(next);
        if next < menu.top {
            menu.top = next;
        } else if next >= menu.top + MENU_ROWS {
            menu.top = next + 1 - MENU_ROWS;
        }
    }

    /// Replaces the word under the cursor (from its start to the cursor) with `completion`.
    pub fn insert_completion(&mut self, completion: &str) {
        let start = shell::word_start(&self.text, self.cursor);
        let mut replacement = shell::escape(completion);
        let next_is_blank = self.text[self.cursor..].starts_with([' ', '\t']);
        if !completion.ends_with(['/', '=']) && !next_is_blank {
            replacement.push(' ');
        }
        self.replace_word(start, &replacement);
        self.menu = None;
    }

    fn replace_word(&mut self, start: usize, replacement: &str) {
        self.text.replace_range(start..self.cursor, replacement);
        self.cursor = start + replacement.len();
    }

    /// The escape sequences that redraw the prompt in `cols` columns, given the row of the
    /// previous drawing the cursor is on (0 for the first drawing), and the row the cursor is left
    /// on. The drawing starts where the previous one did: the line (wrapped), the menu entries
    /// (one row each, cut to the width), then the toolbar; the cursor is put back in the line.
    pub fn render(&self, cols: usize, prev_row: usize) -> (String, usize) {
        let cols = cols.max(10);
        let mut s = String::new();
        if prev_row > 0 {
            s.push_str(&format!("\x1b[{prev_row}A"));
        }
        s.push_str("\r\x1b[J");
        s.push_str(PROMPT);
        s.push_str(&self.text);
        let width = PROMPT.chars().count() + self.text.chars().count();
        // The row the terminal's cursor is on after the line (a full last row leaves it pending
        // at the right margin: move to a fresh row so both cases end alike).
        let mut row = (width - 1) / cols;
        if width.is_multiple_of(cols) {
            s.push_str("\r\n");
            row += 1;
        }
        for line in self.lines_below(cols) {
            s.push_str("\r\n");
            s.push_str(&line);
            row += 1;
        }
        let at = PROMPT.chars().count() + self.text[..self.cursor].chars().count();
        let (target_row, target_col) = (at / cols, at % cols);
        if row > target_row {
            s.push_str(&format!("\x1b[{}A", row - target_row));
        }
        s.push('\r');
        if target_col > 0 {
            s.push_str(&format!("\x1b[{target_col}C"));
        }
        (s, target_row)
    }

    /// The escape sequences that erase the drawing (the cursor on `row` of it).
    pub fn erase(row: usize) -> String {
        let up = if row > 0 { format!("\x1b[{row}A") } else { String::new() };
        format!("{up}\r\x1b[J")
    }

    /// The menu rows and the toolbar, each at most `cols - 1` columns (so none wraps).
    fn lines_below(&self, cols: usize) -> Vec<String> {
        let max = cols - 1;
        let mut lines = Vec::new();
        if let Some(menu) = &self.menu {
            let visible = &menu.entries[menu.top..(menu.top + MENU_ROWS).min(menu.entries.len())];
            let name_width = visible.iter().map(|e| e.display.chars().count()).max().unwrap_or(0).min(max / 2);
            for (i, e) in visible.iter().enumerate() {
                let mut line = format!(" {:<name_width$}  {}", e.display, e.meta);
                line = cut(&line, max);
                if menu.selected == Some(menu.top + i) {
                    let pad = max.saturating_sub(line.chars().count());
                    line = format!("\x1b[7m{line}{}\x1b[0m", " ".repeat(pad));
                }
                lines.push(line);
            }
            if menu.entries.len() > MENU_ROWS {
                let shown = format!(" ({}-{} of {})", menu.top + 1, menu.top + visible.len(), menu.entries.len());
                lines.push(format!("\x1b[2m{}\x1b[0m", cut(&shown, max)));
            }
        }
        lines.push(format!("\x1b[2m{}\x1b[0m", cut(TOOLBAR, max)));
        lines
    }
}

/// `s` cut to `max` characters.
fn cut(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// The longest common prefix (on character boundaries).
fn common_prefix<'a>(mut words: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = words.next() else { return String::new() };
    let mut len = first.len();
    for w in words {
        len = first[..len]
            .char_indices()
            .zip(w.chars())
            .find(|((_, a), b)| a != b)
            .map_or(len.min(w.len()), |((i, _), _)| i);
        while !first.is_char_boundary(len) {
            len -= 1;
        }
    }
    first[..len].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(t: &str) -> Entry {
        Entry { text: t.into(), display: t.into(), meta: format!("doc of {t}") }
    }

    /// A completer over a fixed word list: the words that start with the current word.
    fn fixed(words: &'static [&'static str]) -> impl Fn(&str) -> Vec<Entry> {
        move |line: &str| {
            let current = crate::completer::words::split(line).pop().unwrap_or_default();
            words.iter().filter(|w| w.starts_with(&current)).map(|w| entry(w)).collect()
        }
    }

    fn typed(ed: &mut Editor, s: &str, c: &Completer<'_>) {
        for ch in s.chars() {
            ed.handle(Key::Char(ch), c);
        }
    }

    #[test]
    fn prompt_editing_keys() {
        let c = fixed(&[]);
        let mut ed = Editor::new("connect x".into());
        typed(&mut ed, "yz", &c);
        assert_eq!((ed.text.as_str(), ed.cursor), ("connect xyz", 11));
        ed.handle(Key::Backspace, &c);
        ed.handle(Key::Left, &c);
        ed.handle(Key::Left, &c);
        typed(&mut ed, "é", &c);
        assert_eq!(ed.text, "connect éxy");
        ed.handle(Key::Left, &c);
        ed.handle(Key::Delete, &c);
        assert_eq!(ed.text, "connect xy");
        ed.handle(Key::Home, &c);
        ed.handle(Key::Right, &c);
        ed.handle(Key::KillToStart, &c);
        assert_eq!((ed.text.as_str(), ed.cursor), ("onnect xy", 0));
        ed.handle(Key::End, &c);
        ed.handle(Key::KillWord, &c);
        assert_eq!(ed.text, "onnect ");
        ed.handle(Key::Home, &c);
        ed.handle(Key::KillToEnd, &c);
        assert_eq!(ed.text, "");
        assert_eq!(ed.handle(Key::Enter, &c), Action::Accept);
        assert_eq!(ed.handle(Key::CtrlC, &c), Action::Cancel);
        assert_eq!(ed.handle(Key::CtrlD, &c), Action::Cancel);
    }

    #[test]
    fn prompt_tab_with_one_completion_inserts_it_and_a_blank() {
        let c = fixed(&["--region", "--output"]);
        let mut ed = Editor::new("connect --reg".into());
        ed.handle(Key::Tab, &c);
        assert_eq!(ed.text, "connect --region ");
        assert_eq!(ed.menu, None);
        // No blank after `=` or `/`, nor before one already there.
        let c = fixed(&["FirstName="]);
        let mut ed = Editor::new("--identity-info Fi".into());
        ed.handle(Key::Tab, &c);
        assert_eq!(ed.text, "--identity-info FirstName=");
        let c = fixed(&["--region"]);
        let mut ed = Editor::new("--reg x".into());
        ed.cursor = 5;
        ed.handle(Key::Tab, &c);
        assert_eq!((ed.text.as_str(), ed.cursor), ("--region x", 8));
    }

    #[test]
    fn prompt_tab_with_several_opens_the_menu_and_takes_the_common_prefix() {
        let c = fixed(&["--cli-read-timeout", "--cli-connect-timeout", "--no-paginate"]);
        let mut ed = Editor::new("connect --c".into());
        ed.handle(Key::Tab, &c);
        assert_eq!(ed.text, "connect --cli-");
        let menu = ed.menu.clone().unwrap();
        assert_eq!(menu.entries.len(), 2);
        assert_eq!(menu.selected, None);
        // Enter with nothing highlighted closes the menu; Tab highlights, Tab takes.
        ed.handle(Key::Enter, &c);
        assert_eq!(ed.menu, None);
        ed.handle(Key::Tab, &c);
        ed.handle(Key::Tab, &c);
        assert_eq!(ed.menu.as_ref().unwrap().selected, Some(0));
        ed.handle(Key::Down, &c);
        assert_eq!(ed.menu.as_ref().unwrap().selected, Some(1));
        ed.handle(Key::Down, &c);
        assert_eq!(ed.menu.as_ref().unwrap().selected, Some(0));
        ed.handle(Key::Up, &c);
        ed.handle(Key::Enter, &c);
        assert_eq!(ed.text, "connect --cli-connect-timeout ");
        assert_eq!(ed.menu, None);
        // Typing narrows an open menu; Escape closes it.
        let mut ed = Editor::new("connect --c".into());
        ed.handle(Key::Tab, &c);
        typed(&mut ed, "r", &c);
        assert_eq!(ed.menu.as_ref().unwrap().entries.len(), 1);
        ed.handle(Key::Escape, &c);
        assert_eq!(ed.menu, None);
    }

    #[test]
    fn prompt_completion_is_escaped() {
        let c = fixed(&["a b", "a c"]);
        let mut ed = Editor::new("--query a".into());
        ed.handle(Key::Tab, &c);
        assert_eq!(ed.text, "--query a\\ ");
        ed.handle(Key::Down, &c);
        ed.handle(Key::Enter, &c);
        assert_eq!(ed.text, "--query a\\ b ");
    }

    #[test]
    fn prompt_render_places_the_cursor() {
        let ed = Editor::new("connect".into());
        let (s, row) = ed.render(80, 0);
        assert!(s.starts_with("\r\x1b[J> aws connect\r\n\x1b[2m[Tab] complete"), "{s:?}");
        assert!(s.ends_with("\x1b[1A\r\x1b[13C"), "{s:?}");
        assert_eq!(row, 0);
        // Wrapped: 6 + 14 = 20 columns in 10: the cursor at the end is on a fresh third row.
        let ed = Editor::new("connect abcdef".into());
        let (s, row) = ed.render(10, 2);
        assert!(s.starts_with("\x1b[2A\r\x1b[J> aws connect abcdef\r\n\r\n"), "{s:?}");
        assert_eq!(row, 2);
        assert!(s.ends_with("\x1b[1A\r"), "{s:?}");
        assert_eq!(Editor::erase(2), "\x1b[2A\r\x1b[J");
    }

    #[test]
    fn prompt_render_shows_the_menu_with_docs() {
        let c = fixed(&["--cli-a", "--cli-b"]);
        let mut ed = Editor::new("x --cli-".into());
        ed.handle(Key::Tab, &c);
        ed.handle(Key::Down, &c);
        let (s, _) = ed.render(40, 0);
        assert!(s.contains("\r\n\x1b[7m --cli-a  doc of --cli-a"), "{s:?}");
        assert!(s.contains("\r\n --cli-b  doc of --cli-b"), "{s:?}");
    }

    #[test]
    fn prompt_menu_scrolls() {
        let words: Vec<String> = (0..15).map(|i| format!("w{i:02}")).collect();
        let entries: Vec<Entry> = words.iter().map(|w| entry(w)).collect();
        let c = move |_: &str| entries.clone();
        let mut ed = Editor::new("w".into());
        ed.handle(Key::Tab, &c);
        ed.handle(Key::Up, &c);
        let menu = ed.menu.as_ref().unwrap();
        assert_eq!((menu.selected, menu.top), (Some(14), 5));
        let (s, _) = ed.render(80, 0);
        assert!(s.contains("(6-15 of 15)") && !s.contains(" w04 "), "{s:?}");
    }

    #[test]
    fn prompt_common_prefix() {
        assert_eq!(common_prefix(["--cli-a", "--cli-b"].into_iter()), "--cli-");
        assert_eq!(common_prefix(["ab", "a"].into_iter()), "a");
        assert_eq!(common_prefix(["é1", "é2"].into_iter()), "é");
        assert_eq!(common_prefix(["x"].into_iter()), "x");
    }
}
