//! Splitting the command line before the cursor into words, as the shell would.
//!
//! Blanks separate words; `'…'` is literal; `"…"` is literal except that `\` escapes `"`, `\`,
//! `$` and `` ` ``; elsewhere `\` makes the next character literal (`\` + newline is a line
//! continuation). Quotes left open at the cursor are fine: the word being typed is simply
//! unfinished. Nothing is expanded (`$VAR`, `~`, globs), as nothing is in bash's `COMP_LINE`.

/// The words of `text`. When `text` ends outside a word (after a blank, or it is empty), the
/// last element is the empty word being started; otherwise it is the unfinished last word.
pub fn split(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    // A word has begun (a quoted empty string `''` is a word too).
    let mut started = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            '\\' => match chars.next() {
                Some('\n') => {}
                Some(next) => {
                    word.push(next);
                    started = true;
                }
                None => started = true,
            },
            '\'' => {
                started = true;
                for q in chars.by_ref() {
                    if q == '\'' {
                        break;
                    }
                    word.push(q);
                }
            }
            '"' => {
                started = true;
                while let Some(q) = chars.next() {
                    match q {
                        '"' => break,
                        '\\' => match chars.peek() {
                            Some(&e @ ('"' | '\\' | '$' | '`')) => {
                                word.push(e);
                                chars.next();
                            }
                            Some('\n') => {
                                chars.next();
                            }
                            _ => word.push('\\'),
                        },
                        other => word.push(other),
                    }
                }
            }
            other => {
                word.push(other);
                started = true;
            }
        }
    }
    // The current word: the unfinished one, or a new empty one after a blank.
    words.push(word);
    words
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn blanks_separate_and_a_trailing_blank_starts_an_empty_word() {
        assert_eq!(split("aws connect"), ["aws", "connect"]);
        assert_eq!(split("aws  connect "), ["aws", "connect", ""]);
        assert_eq!(split("aws\tconnect\t--"), ["aws", "connect", "--"]);
        assert_eq!(split(""), [""]);
    }

    #[test]
    fn quotes_and_escapes() {
        assert_eq!(split(r#"aws --query 'a b' "c \"d\" \x" e\ f"#), ["aws", "--query", "a b", r#"c "d" \x"#, "e f"]);
        assert_eq!(split("aws --query '' "), ["aws", "--query", "", ""]);
        assert_eq!(split("aws --query 'open"), ["aws", "--query", "open"]);
        assert_eq!(split("aws --query \"open "), ["aws", "--query", "open "]);
        assert_eq!(split("aws con\\\nnect"), ["aws", "connect"]);
        assert_eq!(split("aws x\\"), ["aws", "x"]);
    }
}
