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
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Words longer than this are not hyphenated (troff's `WORD_MAX`).
const WORD_MAX: usize = 256;

/// Patterns have at most 8 letters (`hyphen.us`), so a pattern's letters pack into a `u64` key
/// and its values (one more than the letters, each 0–9) into the nibbles of a `u64`. Loading
/// then allocates nothing per pattern, which keeps `help` fast.
const MAX_PATTERN_LETTERS: usize = 8;

/// A hasher for keys that are already well-mixed `u64`s after one multiplication.
#[derive(Default)]
struct PackedKeyHasher(u64);

impl Hasher for PackedKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, k: u64) {
        self.0 = k.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

fn pack_letters(letters: &[u8]) -> u64 {
    letters.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
}

/// Liang patterns and exception words.
pub(crate) struct Hyphenator {
    /// Packed pattern letters (may contain the word-boundary marker `.`) → packed inter-letter
    /// values (nibble `k` is the value before letter `k`).
    patterns: HashMap<u64, u64, BuildHasherDefault<PackedKeyHasher>>,
    /// Longest pattern, in letters.
    max_len: usize,
    /// Exception words as written (`hy-phen-ation`), in file order; a later entry wins.
    exceptions: Vec<&'static str>,
}

impl Hyphenator {
    /// The hyphenator loaded from the embedded groff pattern files.
    pub(crate) fn groff() -> &'static Hyphenator {
        static CELL: OnceLock<Hyphenator> = OnceLock::new();
        CELL.get_or_init(|| {
            let mut h = Hyphenator {
                patterns: HashMap::with_capacity_and_hasher(4608, Default::default()),
                max_len: 0,
                exceptions: Vec::new(),
            };
            h.load(include_str!("data/hyphen.us"));
            h.load(include_str!("data/hyphenex.us"));
            h
        })
    }

    /// Reads a TeX hyphenation file: `%` comments, a `\patterns{…}` group and
    /// a `\hyphenation{…}` group of whitespace-separated entries.
    fn load(&mut self, source: &'static str) {
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
                        Group::Exceptions => self.exceptions.push(token),
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
        let mut letters = [0u8; MAX_PATTERN_LETTERS];
        let mut n = 0;
        let mut values = 0u64;
        for b in pattern.bytes() {
            if b.is_ascii_digit() {
                values |= u64::from(b - b'0') << (4 * n);
            } else if n < MAX_PATTERN_LETTERS {
                letters[n] = b.to_ascii_lowercase();
                n += 1;
            } else {
                // Longer than any pattern troff's files have: ignore rather than mis-key it.
                return;
            }
        }
        self.max_len = self.max_len.max(n);
        self.patterns.insert(pack_letters(&letters[..n]), values);
    }

    /// The break positions of an exception word (`lower` is the word in lower case), each the
    /// number of letters before the break; `None` if the word is not an exception.
    fn exception_breaks(&self, lower: &[u8]) -> Option<Vec<usize>> {
        self.exceptions.iter().rev().find_map(|entry| {
            let mut letters = 0;
            let mut breaks = Vec::new();
            for b in entry.bytes() {
                if b == b'-' {
                    if letters > 0 && breaks.last() != Some(&letters) {
                        breaks.push(letters);
                    }
                } else {
                    if lower.get(letters) != Some(&b.to_ascii_lowercase()) {
                        return None;
                    }
                    letters += 1;
                }
            }
            (letters == lower.len()).then_some(breaks)
        })
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
        if let Some(breaks) = self.exception_breaks(&lower) {
            return breaks.into_iter().filter(|b| allowed.contains(b)).collect();
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
                if let Some(&packed) = self.patterns.get(&pack_letters(&buf[start..end])) {
                    for k in 0..=(end - start) {
                        let v = ((packed >> (4 * k)) & 0xf) as u8;
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
