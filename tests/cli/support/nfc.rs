//! A dependency-free "is this string in Unicode Normalization Form C?" check,
//! standing in for emulator.py's `unicodedata.normalize("NFC", v) != v`.
//!
//! Tables generated from Python 3.11.7's `unicodedata` (Unicode 14.0.0). The check is
//! exact for the cases a CLI test can produce in practice: characters that never
//! survive NFC (singletons such as U+212B ANGSTROM SIGN, U+0340, CJK compatibility
//! ideographs), a character directly followed by a mark it composes with
//! (`"Zoe\u{308}"`), and decomposed Hangul syllables. It does not detect
//! combining marks out of canonical order, nor a mark that would compose with a
//! starter across another, non-blocking mark.

/// Is `s` unchanged by NFC normalisation (see the module doc for the limits)?
pub fn is_nfc(s: &str) -> bool {
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let cp = c as u32;
        if NOT_NFC.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp)) {
            return false;
        }
        if let Some(p) = prev {
            if composes(p, c) {
                return false;
            }
        }
        prev = Some(c);
    }
    true
}

/// Would NFC merge `base` followed directly by `next` into one character?
fn composes(base: char, next: char) -> bool {
    let (b, n) = (base as u32, next as u32);
    // Hangul: leading consonant + vowel, or LV syllable + trailing consonant.
    if (0x1100..=0x1112).contains(&b) && (0x1161..=0x1175).contains(&n) {
        return true;
    }
    if (0xAC00..=0xD7A3).contains(&b) && (b - 0xAC00) % 28 == 0 && (0x11A8..=0x11C2).contains(&n) {
        return true;
    }
    COMPOSE
        .iter()
        .any(|&(mark, bases)| mark == next && bases.contains(base))
}

/// (second character, every first character it composes with).
const COMPOSE: &[(char, &str)] = &[
    ('\u{300}', "AEIOUaeiouÜüNnЕИеиĒēŌōWwÂâĂăÊêÔôƠơƯưYyἀἁἈἉἐἑἘἙἠἡἨἩἰἱἸἹὀὁὈὉὐὑὙὠὡὨὩαεηιουωΑΕΗ᾿ϊΙ῾ϋΥ¨ΟΩ"),
    ('\u{301}', "AEIOUYaeiouyCcLlNnRrSsZzÜüGgÅåÆæØø¨ΑΕΗΙΟΥΩϊαεηιϋουωϒГКгкÇçĒēÏïKkMmÕõŌōPpŨũWwÂâĂăÊêÔôƠơƯưἀἁἈἉἐἑἘἙἠἡἨἩἰἱἸἹὀὁὈὉὐὑὙὠὡὨὩ᾿῾"),
    ('\u{302}', "AEIOUaeiouCcGgHhJjSsWwYyZzẠạẸẹỌọ"),
    ('\u{303}', "ANOanoIiUuVvÂâĂăEeÊêÔôƠơƯưYy"),
    ('\u{304}', "AaEeIiOoUuÜüÄäȦȧÆæǪǫÖöÕõȮȯYyИиУуGgḶḷṚṛαΑιΙυΥ"),
    ('\u{306}', "AaEeGgIiOoUuУИиуЖжАаЕеȨȩẠạαΑιΙυΥ"),
    ('\u{307}', "CcEeGgIZzAaOoBbDdFfHhMmNnPpRrSsŚśŠšṢṣTtWwXxYyſ"),
    ('\u{308}', "AEIOUaeiouyYΙΥιυϒЕІеіАаӘәЖжЗзИиОоӨөЭэУуЧчЫыHhÕõŪūWwXxt"),
    ('\u{309}', "AaÂâĂăEeÊêIiOoÔôƠơUuƯưYy"),
    ('\u{30a}', "AaUuwy"),
    ('\u{30b}', "OoUuУу"),
    ('\u{30c}', "CcDdEeLlNnRrSsTtZzAaIiOoUuÜüGgKkƷʒjHh"),
    ('\u{30f}', "AaEeIiOoRrUuѴѵ"),
    ('\u{311}', "AaEeIiOoRrUu"),
    ('\u{313}', "αΑεΕηΗιΙοΟυωΩρ"),
    ('\u{314}', "αΑεΕηΗιΙοΟυΥωΩρΡ"),
    ('\u{31b}', "OoUu"),
    ('\u{323}', "BbDdHhKkLlMmNnRrSsTtVvWwZzAaEeIiOoƠơUuƯưYy"),
    ('\u{324}', "Uu"),
    ('\u{325}', "Aa"),
    ('\u{326}', "SsTt"),
    ('\u{327}', "CcGgKkLlNnRrSsTtEeDdHh"),
    ('\u{328}', "AaEeIiUuOo"),
    ('\u{32d}', "DdEeLlNnTtUu"),
    ('\u{32e}', "Hh"),
    ('\u{330}', "EeIiUu"),
    ('\u{331}', "BbDdKkLlNnRrTtZzh"),
    ('\u{338}', "←→↔⇐⇔⇒∃∈∋∣∥∼≃≅≈=≡≍<>≤≥≲≳≶≷≺≻⊂⊃⊆⊇⊢⊨⊩⊫≼≽⊑⊒⊲⊳⊴⊵"),
    ('\u{342}', "ἀἁἈἉἠἡἨἩἰἱἸἹὐὑὙὠὡὨὩα¨η᾿ιϊ῾υϋω"),
    ('\u{345}', "ἀἁἂἃἄἅἆἇἈἉἊἋἌἍἎἏἠἡἢἣἤἥἦἧἨἩἪἫἬἭἮἯὠὡὢὣὤὥὦὧὨὩὪὫὬὭὮὯὰαάᾶΑὴηήῆΗὼωώῶΩ"),
    ('\u{653}', "ا"),
    ('\u{654}', "اويەہے"),
    ('\u{655}', "ا"),
    ('\u{93c}', "नरळ"),
    ('\u{9be}', "\u{9c7}"),
    ('\u{9d7}', "\u{9c7}"),
    ('\u{b3e}', "\u{b47}"),
    ('\u{b56}', "\u{b47}"),
    ('\u{b57}', "\u{b47}"),
    ('\u{bbe}', "\u{bc6}\u{bc7}"),
    ('\u{bd7}', "ஒ\u{bc6}"),
    ('\u{c56}', "\u{c46}"),
    ('\u{cc2}', "\u{cc6}"),
    ('\u{cd5}', "\u{cbf}\u{cc6}\u{cca}"),
    ('\u{cd6}', "\u{cc6}"),
    ('\u{d3e}', "\u{d46}\u{d47}"),
    ('\u{d57}', "\u{d46}"),
    ('\u{dca}', "\u{dd9}\u{ddc}"),
    ('\u{dcf}', "\u{dd9}"),
    ('\u{ddf}', "\u{dd9}"),
    ('\u{102e}', "ဥ"),
    ('\u{1b35}', "ᬅᬇᬉᬋᬍᬑ\u{1b3a}\u{1b3c}\u{1b3e}\u{1b3f}\u{1b42}"),
    ('\u{3099}', "\u{304b}\u{304d}\u{304f}\u{3051}\u{3053}\u{3055}\u{3057}\u{3059}\u{305b}\u{305d}\u{305f}\u{3061}\u{3064}\u{3066}\u{3068}\u{306f}\u{3072}\u{3075}\u{3078}\u{307b}\u{3046}\u{309d}\u{30ab}\u{30ad}\u{30af}\u{30b1}\u{30b3}\u{30b5}\u{30b7}\u{30b9}\u{30bb}\u{30bd}\u{30bf}\u{30c1}\u{30c4}\u{30c6}\u{30c8}\u{30cf}\u{30d2}\u{30d5}\u{30d8}\u{30db}\u{30a6}\u{30ef}\u{30f0}\u{30f1}\u{30f2}\u{30fd}"),
    ('\u{309a}', "\u{306f}\u{3072}\u{3075}\u{3078}\u{307b}\u{30cf}\u{30d2}\u{30d5}\u{30d8}\u{30db}"),
    ('\u{110ba}', "\u{11099}\u{1109b}\u{110a5}"),
    ('\u{11127}', "\u{11131}\u{11132}"),
    ('\u{1133e}', "\u{11347}"),
    ('\u{11357}', "\u{11347}"),
    ('\u{114b0}', "\u{114b9}"),
    ('\u{114ba}', "\u{114b9}"),
    ('\u{114bd}', "\u{114b9}"),
    ('\u{115af}', "\u{115b8}\u{115b9}"),
    ('\u{11930}', "\u{11935}"),
];

/// Code point ranges whose characters NFC always replaces.
const NOT_NFC: &[(u32, u32)] = &[
    (0x340, 0x341),
    (0x343, 0x344),
    (0x374, 0x374),
    (0x37E, 0x37E),
    (0x387, 0x387),
    (0x958, 0x95F),
    (0x9DC, 0x9DD),
    (0x9DF, 0x9DF),
    (0xA33, 0xA33),
    (0xA36, 0xA36),
    (0xA59, 0xA5B),
    (0xA5E, 0xA5E),
    (0xB5C, 0xB5D),
    (0xF43, 0xF43),
    (0xF4D, 0xF4D),
    (0xF52, 0xF52),
    (0xF57, 0xF57),
    (0xF5C, 0xF5C),
    (0xF69, 0xF69),
    (0xF73, 0xF73),
    (0xF75, 0xF76),
    (0xF78, 0xF78),
    (0xF81, 0xF81),
    (0xF93, 0xF93),
    (0xF9D, 0xF9D),
    (0xFA2, 0xFA2),
    (0xFA7, 0xFA7),
    (0xFAC, 0xFAC),
    (0xFB9, 0xFB9),
    (0x1F71, 0x1F71),
    (0x1F73, 0x1F73),
    (0x1F75, 0x1F75),
    (0x1F77, 0x1F77),
    (0x1F79, 0x1F79),
    (0x1F7B, 0x1F7B),
    (0x1F7D, 0x1F7D),
    (0x1FBB, 0x1FBB),
    (0x1FBE, 0x1FBE),
    (0x1FC9, 0x1FC9),
    (0x1FCB, 0x1FCB),
    (0x1FD3, 0x1FD3),
    (0x1FDB, 0x1FDB),
    (0x1FE3, 0x1FE3),
    (0x1FEB, 0x1FEB),
    (0x1FEE, 0x1FEF),
    (0x1FF9, 0x1FF9),
    (0x1FFB, 0x1FFB),
    (0x1FFD, 0x1FFD),
    (0x2000, 0x2001),
    (0x2126, 0x2126),
    (0x212A, 0x212B),
    (0x2329, 0x232A),
    (0x2ADC, 0x2ADC),
    (0xF900, 0xFA0D),
    (0xFA10, 0xFA10),
    (0xFA12, 0xFA12),
    (0xFA15, 0xFA1E),
    (0xFA20, 0xFA20),
    (0xFA22, 0xFA22),
    (0xFA25, 0xFA26),
    (0xFA2A, 0xFA6D),
    (0xFA70, 0xFAD9),
    (0xFB1D, 0xFB1D),
    (0xFB1F, 0xFB1F),
    (0xFB2A, 0xFB36),
    (0xFB38, 0xFB3C),
    (0xFB3E, 0xFB3E),
    (0xFB40, 0xFB41),
    (0xFB43, 0xFB44),
    (0xFB46, 0xFB4E),
    (0x1D15E, 0x1D164),
    (0x1D1BB, 0x1D1C0),
    (0x2F800, 0x2FA1D),
];

#[cfg(test)]
mod tests {
    use super::is_nfc;

    #[test]
    fn nfc_check() {
        assert!(is_nfc("Zo\u{eb}"));
        assert!(!is_nfc("Zoe\u{308}"));
        assert!(is_nfc("\u{308}e")); // a leading mark has nothing to compose with
        assert!(!is_nfc("\u{212b}ngstr\u{f6}m"));
        assert!(!is_nfc("\u{1100}\u{1161}"));
        assert!(is_nfc("\u{ac00}"));
        assert!(is_nfc("Mary O'Brien-Smith \u{65e5}\u{672c}"));
    }
}
