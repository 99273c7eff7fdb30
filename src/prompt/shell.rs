//! Shell-syntax helpers for the prompt's line: quoting the pre-filled arguments, escaping an
//! inserted completion, finding where the word under the cursor starts, and the checks Python's
//! `shlex.split` makes before the accepted line is split.

/// Python's `shlex.quote`: the argument as is when it is made only of `[A-Za-z0-9_@%+=:,./-]`
/// (and not empty), else in single quotes (a `'` inside becomes `'"'"'`).
pub fn quote(arg: &str) -> String {
    if !arg.is_empty() && arg.bytes().all(|b| b.is_ascii_alphanumeric() || b"_@%+=:,./-".contains(&b)) {
        return arg.to_string();
    }
    format!("'{}'", arg.replace('\'', "'\"'\"'"))
}

/// The characters a backslash is put before when a completion is inserted into the line.
const SPECIAL: &[char] = &[
    ' ', '\t', '\n', '\'', '"', '\\', '$', '`', '!', ';', '&', '|', '<', '>', '(', ')', '*', '?', '[', ']', '{', '}',
    '#',
];

/// `word` as it is typed into the line: a backslash before every character the shell (and
/// `shlex.split`) would treat specially. Unlike [`quote`], a prefix of the result is the escaped
/// form of a prefix of `word`, so a common prefix can be inserted and typed on.
pub fn escape(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The byte offset in `text` where the word that ends at `cursor` starts: `cursor` itself after
/// a blank (an empty word), else the start of the unfinished word, quotes and backslashes
/// included (blanks inside quotes or after a backslash do not end a word).
pub fn word_start(text: &str, cursor: usize) -> usize {
    let before = &text[..cursor.min(text.len())];
    let mut start = None;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in before.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match quote {
            Some('\'') => {
                if c == '\'' {
                    quote = None;
                }
            }
            Some(_) => match c {
                '"' => quote = None,
                '\\' => escaped = true,
                _ => {}
            },
            None => match c {
                ' ' | '\t' | '\n' => start = None,
                _ => {
                    start.get_or_insert(i);
                    match c {
                        '\'' | '"' => quote = Some(c),
                        '\\' => escaped = true,
                        _ => {}
                    }
                }
            },
        }
    }
    start.unwrap_or(before.len())
}

/// What `shlex.split` (POSIX mode) says of `line` before splitting it: an unterminated quote is
/// `No closing quotation`, a backslash ending the line outside quotes `No escaped character`.
pub fn split_error(line: &str) -> Option<&'static str> {
    let mut quote: Option<char> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match quote {
            Some('\'') => {
                if c == '\'' {
                    quote = None;
                }
            }
            Some(_) => match c {
                '"' => quote = None,
                '\\' if chars.next().is_none() => return Some("No closing quotation"),
                _ => {}
            },
            None => match c {
                '\'' | '"' => quote = Some(c),
                '\\' if chars.next().is_none() => return Some("No escaped character"),
                _ => {}
            },
        }
    }
    quote.map(|_| "No closing quotation")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_is_shlex_quote() {
        assert_eq!(quote("connect"), "connect");
        assert_eq!(quote("FirstName=a,LastName=b"), "FirstName=a,LastName=b");
        assert_eq!(quote("http://127.0.0.1:80/x"), "http://127.0.0.1:80/x");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote("it's"), "'it'\"'\"'s'");
        assert_eq!(quote("~"), "'~'");
        assert_eq!(quote("é"), "'é'");
    }

    #[test]
    fn escape_round_trips_through_shell_split() {
        for w in ["plain", "a b", "x'y\"z", "back\\slash", "$HOME", "[1]"] {
            let line = format!("aws {}", escape(w));
            assert_eq!(crate::output::sink::shell_split(&line), ["aws", w], "{line}");
        }
    }

    #[test]
    fn word_start_finds_the_unfinished_word() {
        assert_eq!(word_start("connect --reg", 13), 8);
        assert_eq!(word_start("connect ", 8), 8);
        assert_eq!(word_start("", 0), 0);
        assert_eq!(word_start("--query 'a b", 12), 8);
        assert_eq!(word_start("--query a\\ b", 12), 8);
        assert_eq!(word_start("--query \"a \\\" b", 15), 8);
        assert_eq!(word_start("connect --reg", 7), 0);
    }

    #[test]
    fn split_errors_are_shlex_messages() {
        assert_eq!(split_error("a 'b"), Some("No closing quotation"));
        assert_eq!(split_error("a \"b\\\""), Some("No closing quotation"));
        assert_eq!(split_error("a b\\"), Some("No escaped character"));
        assert_eq!(split_error("a 'b' \"c\" d\\ e"), None);
    }
}
