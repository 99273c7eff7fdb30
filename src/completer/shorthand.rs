//! Key completion inside a shorthand value (`--identity-info FirstName=a,La`).
//!
//! The value is cut at its top-level commas (not inside quotes or brackets). When the last piece
//! has no `=` yet it is a key being typed: the completions are the structure's members that start
//! with it and are not already given, each as `Key=` after the text already typed. As in the
//! CLI's auto-prompt, `FirstName=a,La` counts `La` as the next key (shorthand would read `a,La`
//! as a list only if `La` never became a key).

/// Completions of `value` for a structure with `members` (in model order).
pub fn complete_keys(value: &str, members: &[&str]) -> Vec<String> {
    let Some(pieces) = top_level_pieces(value) else { return Vec::new() };
    let (last_start, last) = *pieces.last().expect("at least one piece");
    if last.contains('=') {
        // A value is being typed.
        return Vec::new();
    }
    let given: Vec<&str> = pieces[..pieces.len() - 1]
        .iter()
        .filter_map(|(_, piece)| piece.split_once('='))
        .map(|(key, _)| key.trim().trim_end_matches('@').trim())
        .collect();
    members
        .iter()
        .filter(|m| m.starts_with(last) && !given.contains(m))
        .map(|m| format!("{}{m}=", &value[..last_start]))
        .collect()
}

/// The pieces of `value` between top-level commas, with their byte offsets; `None` while a quote
/// or a bracket is still open at the end (the cursor is inside a value).
fn top_level_pieces(value: &str) -> Option<Vec<(usize, &str)>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut prev: Option<char> = None;
    let mut chars = value.char_indices();
    while let Some((i, c)) = chars.next() {
        if let Some(q) = quote {
            if c == '\\' {
                chars.next();
            } else if c == q {
                quote = None;
            }
            prev = Some(c);
            continue;
        }
        match c {
            '\\' => {
                chars.next();
            }
            // A quote opens a quoted value only where a value starts.
            '\'' | '"' if matches!(prev, Some('=' | ',' | '[')) => quote = Some(c),
            '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                pieces.push((start, &value[start..i]));
                start = i + 1;
            }
            _ => {}
        }
        prev = Some(c);
    }
    if quote.is_some() || depth > 0 {
        return None;
    }
    pieces.push((start, &value[start..]));
    Some(pieces)
}

#[cfg(test)]
mod tests {
    use super::complete_keys;

    const KEYS: &[&str] = &["FirstName", "LastName", "Email", "SecondaryEmail", "Mobile"];

    #[test]
    fn keys_after_commas_keep_the_typed_text() {
        assert_eq!(complete_keys("", KEYS), ["FirstName=", "LastName=", "Email=", "SecondaryEmail=", "Mobile="]);
        assert_eq!(complete_keys("FirstName=a,La", KEYS), ["FirstName=a,LastName="]);
        assert_eq!(
            complete_keys("FirstName=a,", KEYS),
            ["FirstName=a,LastName=", "FirstName=a,Email=", "FirstName=a,SecondaryEmail=", "FirstName=a,Mobile="]
        );
        assert_eq!(
            complete_keys("Email=x@y.z,FirstName=b,", KEYS),
            [
                "Email=x@y.z,FirstName=b,LastName=",
                "Email=x@y.z,FirstName=b,SecondaryEmail=",
                "Email=x@y.z,FirstName=b,Mobile=",
            ]
        );
        assert_eq!(complete_keys("FirstName@=file://n,Las", KEYS), ["FirstName@=file://n,LastName="]);
    }

    #[test]
    fn quoted_and_escaped_commas_do_not_split() {
        assert_eq!(complete_keys("FirstName='a,b',L", KEYS), ["FirstName='a,b',LastName="]);
        assert_eq!(complete_keys("FirstName=\"a,b\",L", KEYS), ["FirstName=\"a,b\",LastName="]);
        assert_eq!(complete_keys(r"FirstName=a\,b,L", KEYS), [r"FirstName=a\,b,LastName="]);
        assert_eq!(complete_keys("LastName=O'Brien,F", KEYS), ["LastName=O'Brien,FirstName="]);
    }

    #[test]
    fn nothing_inside_a_value() {
        assert!(complete_keys("FirstName=", KEYS).is_empty());
        assert!(complete_keys("FirstName=Jo", KEYS).is_empty());
        assert!(complete_keys("FirstName='a,", KEYS).is_empty());
        assert!(complete_keys("{\"FirstName\": ", KEYS).is_empty());
        assert!(complete_keys("Nick", KEYS).is_empty());
    }
}
