//! Hyphenation the way GNU troff 1.22.4 does it for `groff -man -Tascii`.
//!
//! troff uses Liang's algorithm (TeX's) with the patterns of `hyphen.us`
//! (Knuth's Plain TeX patterns) plus the exception words of `hyphen.us` and
//! `hyphenex.us`, both copied verbatim into `data/`.  The man macros select
//! hyphenation mode 4 for nroff output (`.hy 4`), which means:
//!
//! * never break after the first letter of a word (always true in troff);
//! * never break before the last two letters (mode flag 4: at least three
//!   letters must follow the break).
//!
//! groff 1.22.4 applies both limits to exception words as well (checked
//! against the real groff: `method`, listed as `meth-od`, is never broken).
//!
//! A troff "word" for hyphenation is a run of letters (characters with a
//! non-zero hyphenation code: `a`–`z`, `A`–`Z` folded to lower case); digits,
//! hyphens, apostrophes and other punctuation separate such runs and are never
//! broken at.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Words longer than this are not hyphenated (troff's `WORD_MAX`).
const WORD_MAX: usize = 256;

/// Liang patterns and exception words.
pub(crate) struct Hyphenator {
    /// Pattern letters (may contain the word-boundary marker `.`) → the
    /// inter-letter values, one more than the number of letters.
    patterns: HashMap<Vec<u8>, Vec<u8>>,
    /// Longest pattern, in letters.
    max_len: usize,
    /// Exception word (lower case) → break positions, each the number of
    /// letters before the break.
    exceptions: HashMap<Vec<u8>, Vec<usize>>,
}

impl Hyphenator {
    /// The hyphenator loaded from the embedded groff pattern files.
    pub(crate) fn groff() -> &'static Hyphenator {
        static CELL: OnceLock<Hyphenator> = OnceLock::new();
        CELL.get_or_init(|| {
            let mut h = Hyphenator {
                patterns: HashMap::new(),
                max_len: 0,
                exceptions: HashMap::new(),
            };
            h.load(include_str!("data/hyphen.us"));
            h.load(include_str!("data/hyphenex.us"));
            h
        })
    }

    /// Reads a TeX hyphenation file: `%` comments, a `\patterns{…}` group and
    /// a `\hyphenation{…}` group of whitespace-separated entries.
    fn load(&mut self, source: &str) {
        #[derive(PartialEq)]
        enum Group {
            None,
            Patterns,
            Exceptions,
        }
        let mut group = Group::None;
        for line in source.lines() {
            let line = line.split('%').next().unwrap_or("");
            for token in line.split_whitespace() {
                let mut token = token;
                if let Some(rest) = token.strip_prefix("\\patterns{") {
                    group = Group::Patterns;
                    token = rest;
                } else if let Some(rest) = token.strip_prefix("\\hyphenation{") {
                    group = Group::Exceptions;
                    token = rest;
                }
                let closes = token.ends_with('}');
                let token = token.trim_end_matches('}');
                if !token.is_empty() {
                    match group {
                        Group::Patterns => self.add_pattern(token),
                        Group::Exceptions => self.add_exception(token),
                        Group::None => {}
                    }
                }
                if closes {
                    group = Group::None;
                }
            }
        }
    }

    fn add_pattern(&mut self, pattern: &str) {
        let mut letters = Vec::new();
        let mut values = vec![0u8];
        for b in pattern.bytes() {
            if b.is_ascii_digit() {
                *values.last_mut().expect("non-empty") = b - b'0';
            } else {
                letters.push(b.to_ascii_lowercase());
                values.push(0);
            }
        }
        self.max_len = self.max_len.max(letters.len());
        self.patterns.insert(letters, values);
    }

    fn add_exception(&mut self, word: &str) {
        let mut letters = Vec::new();
        let mut breaks = Vec::new();
        for b in word.bytes() {
            if b == b'-' {
                if !letters.is_empty() && breaks.last() != Some(&letters.len()) {
                    breaks.push(letters.len());
                }
            } else {
                letters.push(b.to_ascii_lowercase());
            }
        }
        if !letters.is_empty() {
            // A later file overrides an earlier entry, as troff's dictionary does.
            self.exceptions.insert(letters, breaks);
        }
    }

    /// Break positions inside one run of letters, each the number of letters
    /// before the break, in increasing order.
    pub(crate) fn letter_run_breaks(&self, run: &[u8]) -> Vec<usize> {
        let len = run.len();
        if len <= 2 || len > WORD_MAX {
            return Vec::new();
        }
        // troff never breaks after the first letter, and `.hy 4` keeps three
        // letters after a break; groff 1.22.4 applies both limits to
        // exception words too (`meth-od` is not broken).
        let allowed = 2..len.saturating_sub(2);
        let lower: Vec<u8> = run.iter().map(u8::to_ascii_lowercase).collect();
        if let Some(breaks) = self.exceptions.get(&lower) {
            return breaks
                .iter()
                .copied()
                .filter(|b| allowed.contains(b))
                .collect();
        }
        // ".word." with one value before each of its characters.
        let mut buf = Vec::with_capacity(len + 2);
        buf.push(b'.');
        buf.extend_from_slice(&lower);
        buf.push(b'.');
        let mut values = vec![0u8; buf.len() + 1];
        // troff starts a match at every position but the last.
        for start in 0..buf.len() - 1 {
            let max = self.max_len.min(buf.len() - start);
            for end in start + 1..=start + max {
                if let Some(pattern) = self.patterns.get(&buf[start..end]) {
                    for (k, &v) in pattern.iter().enumerate() {
                        let slot = &mut values[start + k];
                        *slot = (*slot).max(v);
                    }
                }
            }
        }
        // values[k + 1] sits between letters k - 1 and k, i.e. after k letters.
        allowed
            .filter(|&after| values[after + 1] % 2 == 1)
            .collect()
    }

    /// Break positions for a whole troff word (a run of non-space
    /// characters), each the number of characters before the break.
    pub(crate) fn word_breaks(&self, word: &[char]) -> Vec<usize> {
        let mut breaks = Vec::new();
        let mut i = 0;
        while i < word.len() {
            if !word[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            while i < word.len() && word[i].is_ascii_alphabetic() {
                i += 1;
            }
            let run: Vec<u8> = word[start..i].iter().map(|&c| c as u8).collect();
            breaks.extend(self.letter_run_breaks(&run).into_iter().map(|b| start + b));
        }
        breaks
    }
}

#[cfg(test)]
mod tests {
    use super::Hyphenator;

    fn hyphenate(word: &str) -> String {
        let chars: Vec<char> = word.chars().collect();
        let breaks = Hyphenator::groff().word_breaks(&chars);
        let mut out = String::new();
        for (i, c) in chars.iter().enumerate() {
            if breaks.contains(&i) {
                out.push('-');
            }
            out.push(*c);
        }
        out
    }

    #[test]
    fn break_points_agree_with_groff() {
        // Every break point groff 1.22.4 (`.hy 4`) makes in these words, found
        // by setting each of them at decreasing line lengths.
        for expected in [
            "Up-da-teUserI-den-ti-ty-Info",
            "Ad-min-is-tra-tor",
            "hy-phen-a-tion",
            "pre-sen-ta-tion",
            "dec-li-na-tion",
            "as-so-ciate",
            "ta-ble",
            "meth-ods",
            "Cus-tomer",
            "pass-word",
            "com-pat-i-bil-ity",
            "lit-er-ally",
            "di-rectly",
            "Over-rides",
            "Con-nect",
        ] {
            assert_eq!(hyphenate(&expected.replace('-', "")), expected);
        }
    }

    #[test]
    fn exceptions_and_limits() {
        // "project" is an exception without break points.
        assert_eq!(hyphenate("project"), "project");
        // Exceptions obey the limits too: a-peri-odic, meth-od, acad-e-my.
        assert_eq!(hyphenate("aperiodic"), "aperi-odic");
        assert_eq!(hyphenate("method"), "method");
        assert_eq!(hyphenate("academy"), "acad-emy");
        assert_eq!(hyphenate("anomaly"), "anom-aly");
        // Letters are hyphenated per run; punctuation is never a break.
        assert_eq!(hyphenate("a-b"), "a-b");
        // At least three letters after a break (".hy 4").
        assert!(!hyphenate("presentation").ends_with("-on"));
    }
}
