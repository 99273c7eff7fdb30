//! Python `difflib.get_close_matches` and the parts of `SequenceMatcher` it
//! uses.
//!
//! Reproduces CPython's `Lib/difflib.py` on sequences of code points
//! (`isjunk=None`, `autojunk=True`): `real_quick_ratio`, `quick_ratio` and
//! `ratio` (from `get_matching_blocks` / `find_longest_match`, including the
//! "popular element" heuristic for sequences of 200+ items), and the result
//! order of `heapq.nlargest(n, [(score, x), …])`, i.e. descending by score,
//! then descending by the candidate string (code point order). The AWS CLI
//! uses it with `n=3, cutoff=0.8` for `Maybe you meant:` suggestions.

use std::collections::{HashMap, HashSet};

/// A `SequenceMatcher(None, a, b)` over code points; `b` is fixed at
/// construction (Python's `set_seq2`), `a` can be swapped (`set_seq1`).
#[derive(Debug, Clone)]
pub struct SequenceMatcher {
    a: Vec<char>,
    b: Vec<char>,
    /// `b2j`: for each element of `b` (minus popular ones), its indices.
    b2j: HashMap<char, Vec<usize>>,
    /// `bjunk`: always empty without an `isjunk` function.
    bjunk: HashSet<char>,
    /// `fullbcount` for `quick_ratio`.
    fullbcount: HashMap<char, usize>,
    matching_blocks: Option<Vec<(usize, usize, usize)>>,
}

impl SequenceMatcher {
    /// `SequenceMatcher(None, a, b)`.
    pub fn new(a: &str, b: &str) -> SequenceMatcher {
        let b: Vec<char> = b.chars().collect();
        let mut b2j: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, &elt) in b.iter().enumerate() {
            b2j.entry(elt).or_default().push(i);
        }
        // Purge popular elements (autojunk).
        let n = b.len();
        if n >= 200 {
            let ntest = n / 100 + 1;
            b2j.retain(|_, idxs| idxs.len() <= ntest);
        }
        let mut fullbcount = HashMap::new();
        for &elt in &b {
            *fullbcount.entry(elt).or_insert(0) += 1;
        }
        SequenceMatcher {
            a: a.chars().collect(),
            b,
            b2j,
            bjunk: HashSet::new(),
            fullbcount,
            matching_blocks: None,
        }
    }

    /// `set_seq1(a)`.
    pub fn set_seq1(&mut self, a: &str) {
        self.a = a.chars().collect();
        self.matching_blocks = None;
    }

    /// `find_longest_match(alo, ahi, blo, bhi)` → `(i, j, size)`.
    pub fn find_longest_match(
        &self,
        alo: usize,
        ahi: usize,
        blo: usize,
        bhi: usize,
    ) -> (usize, usize, usize) {
        let (a, b) = (&self.a, &self.b);
        let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0usize);
        let mut j2len: HashMap<usize, usize> = HashMap::new();
        for (i, elt) in a.iter().enumerate().take(ahi).skip(alo) {
            let mut newj2len: HashMap<usize, usize> = HashMap::new();
            if let Some(js) = self.b2j.get(elt) {
                for &j in js {
                    if j < blo {
                        continue;
                    }
                    if j >= bhi {
                        break;
                    }
                    let k = j
                        .checked_sub(1)
                        .and_then(|p| j2len.get(&p))
                        .copied()
                        .unwrap_or(0)
                        + 1;
                    newj2len.insert(j, k);
                    if k > bestsize {
                        besti = i + 1 - k;
                        bestj = j + 1 - k;
                        bestsize = k;
                    }
                }
            }
            j2len = newj2len;
        }
        let isbjunk = |c: char| self.bjunk.contains(&c);
        while besti > alo && bestj > blo && !isbjunk(b[bestj - 1]) && a[besti - 1] == b[bestj - 1] {
            besti -= 1;
            bestj -= 1;
            bestsize += 1;
        }
        while besti + bestsize < ahi
            && bestj + bestsize < bhi
            && !isbjunk(b[bestj + bestsize])
            && a[besti + bestsize] == b[bestj + bestsize]
        {
            bestsize += 1;
        }
        while besti > alo && bestj > blo && isbjunk(b[bestj - 1]) && a[besti - 1] == b[bestj - 1] {
            besti -= 1;
            bestj -= 1;
            bestsize += 1;
        }
        while besti + bestsize < ahi
            && bestj + bestsize < bhi
            && isbjunk(b[bestj + bestsize])
            && a[besti + bestsize] == b[bestj + bestsize]
        {
            bestsize += 1;
        }
        (besti, bestj, bestsize)
    }

    /// `get_matching_blocks()`, including the final `(len(a), len(b), 0)`.
    pub fn get_matching_blocks(&mut self) -> Vec<(usize, usize, usize)> {
        if let Some(blocks) = &self.matching_blocks {
            return blocks.clone();
        }
        let (la, lb) = (self.a.len(), self.b.len());
        let mut queue = vec![(0, la, 0, lb)];
        let mut blocks = Vec::new();
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let (i, j, k) = self.find_longest_match(alo, ahi, blo, bhi);
            if k > 0 {
                blocks.push((i, j, k));
                if alo < i && blo < j {
                    queue.push((alo, i, blo, j));
                }
                if i + k < ahi && j + k < bhi {
                    queue.push((i + k, ahi, j + k, bhi));
                }
            }
        }
        blocks.sort_unstable();
        // Collapse adjacent blocks.
        let (mut i1, mut j1, mut k1) = (0, 0, 0);
        let mut non_adjacent = Vec::new();
        for (i2, j2, k2) in blocks {
            if i1 + k1 == i2 && j1 + k1 == j2 {
                k1 += k2;
            } else {
                if k1 > 0 {
                    non_adjacent.push((i1, j1, k1));
                }
                (i1, j1, k1) = (i2, j2, k2);
            }
        }
        if k1 > 0 {
            non_adjacent.push((i1, j1, k1));
        }
        non_adjacent.push((la, lb, 0));
        self.matching_blocks = Some(non_adjacent.clone());
        non_adjacent
    }

    fn total_len(&self) -> usize {
        self.a.len() + self.b.len()
    }

    /// `ratio()`: `2.0 * M / T`.
    pub fn ratio(&mut self) -> f64 {
        let matches: usize = self.get_matching_blocks().iter().map(|&(_, _, k)| k).sum();
        calculate_ratio(matches, self.total_len())
    }

    /// `quick_ratio()`: an upper bound on `ratio()` from element counts.
    pub fn quick_ratio(&self) -> f64 {
        let mut avail: HashMap<char, isize> = HashMap::new();
        let mut matches = 0;
        for &elt in &self.a {
            let numb = match avail.get(&elt) {
                Some(&n) => n,
                None => self.fullbcount.get(&elt).copied().unwrap_or(0) as isize,
            };
            avail.insert(elt, numb - 1);
            if numb > 0 {
                matches += 1;
            }
        }
        calculate_ratio(matches, self.total_len())
    }

    /// `real_quick_ratio()`: an upper bound on `ratio()` from lengths.
    pub fn real_quick_ratio(&self) -> f64 {
        let (la, lb) = (self.a.len(), self.b.len());
        calculate_ratio(la.min(lb), la + lb)
    }
}

fn calculate_ratio(matches: usize, length: usize) -> f64 {
    if length > 0 {
        2.0 * matches as f64 / length as f64
    } else {
        1.0
    }
}

/// `difflib.get_close_matches(word, possibilities, n, cutoff)`: the best
/// (at most `n`) candidates whose similarity ratio to `word` is at least
/// `cutoff`, best first (ties: the larger string first). Python raises
/// `ValueError` for `n <= 0` or a cutoff outside `[0, 1]`; this returns an
/// empty list instead.
pub fn get_close_matches(word: &str, possibilities: &[&str], n: usize, cutoff: f64) -> Vec<String> {
    if n == 0 || !(0.0..=1.0).contains(&cutoff) {
        return Vec::new();
    }
    let mut s = SequenceMatcher::new("", word);
    let mut result: Vec<(f64, &str)> = Vec::new();
    for &x in possibilities {
        s.set_seq1(x);
        if s.real_quick_ratio() >= cutoff && s.quick_ratio() >= cutoff {
            let r = s.ratio();
            if r >= cutoff {
                result.push((r, x));
            }
        }
    }
    // heapq.nlargest(n, result) == sorted(result, reverse=True)[:n]
    result.sort_by(|x, y| {
        y.0.partial_cmp(&x.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| y.1.cmp(x.1))
    });
    result
        .into_iter()
        .take(n)
        .map(|(_, x)| x.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTPUTS: [&str; 6] = ["json", "text", "table", "yaml", "yaml-stream", "off"];

    #[test]
    fn output_choices() {
        assert_eq!(get_close_matches("jsn", &OUTPUTS, 3, 0.8), vec!["json"]);
        assert_eq!(
            get_close_matches("yaml-strem", &OUTPUTS, 3, 0.8),
            vec!["yaml-stream"]
        );
        assert_eq!(get_close_matches("tabel", &OUTPUTS, 3, 0.6), vec!["table"]);
        assert!(get_close_matches("bogus", &OUTPUTS, 3, 0.8).is_empty());
    }

    #[test]
    fn commands() {
        let commands = [
            "codeconnections",
            "connect",
            "connect-contact-lens",
            "connectcampaigns",
            "qconnect",
            "ec2",
            "ecr",
            "ecs",
            "es",
        ];
        assert_eq!(
            get_close_matches("connectt", &commands, 3, 0.8),
            vec!["connect", "qconnect"]
        );
        // ties are broken by the larger string first (heapq.nlargest on tuples)
        assert_eq!(
            get_close_matches("ec", &commands, 3, 0.6),
            vec!["ecs", "ecr", "ec2"]
        );
        let ops = [
            "update-user-identity-info",
            "update-user-hierarchy",
            "update-user-phone-config",
            "describe-user",
        ];
        assert_eq!(
            get_close_matches("update-user-identity-inf", &ops, 3, 0.8),
            vec!["update-user-identity-info"]
        );
    }

    #[test]
    fn ratios() {
        let mut m = SequenceMatcher::new("abcd", "bcde");
        assert_eq!(
            (m.real_quick_ratio(), m.quick_ratio(), m.ratio()),
            (1.0, 0.75, 0.75)
        );
        assert_eq!(m.get_matching_blocks(), vec![(1, 0, 3), (4, 4, 0)]);
        // autojunk: popular characters of a 200+ long `b` are ignored
        let a = "ab".repeat(150);
        let b = format!("{}{}", "a".repeat(150), "b".repeat(150));
        let mut m = SequenceMatcher::new(&a, &b);
        assert_eq!(m.ratio(), 0.0033333333333333335);
        assert_eq!(SequenceMatcher::new("", "").ratio(), 1.0);
    }

    #[test]
    fn invalid_arguments_give_nothing() {
        assert!(get_close_matches("json", &OUTPUTS, 0, 0.8).is_empty());
        assert!(get_close_matches("json", &OUTPUTS, 3, 1.5).is_empty());
    }
}
