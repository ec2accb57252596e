//! The decimal separator a language tag writes, from one small table: the live card and
//! pre-rendering read the same answer, and mounting a card never asks `Intl` (whose first call
//! costs tens of milliseconds on a slow phone).
//!
//! The table follows CLDR, as browsers' `Intl.NumberFormat` does: where Chromium has the data,
//! the browser tests compare it tag by tag. A tag is read as language, optional script, optional
//! region (`sr-Latn-RS`); the region's rule wins, then the language's, then the dot. A tag that is
//! not of that shape (`de_DE`, empty) also gets the dot, as `Intl` refuses it.

/// Languages whose separator is not the dot, whatever the region (unless [`REGIONS`] says
/// otherwise), as two-letter codes one after another: the wasm carries bytes, not a string table
/// to split.
const LANGUAGES: [(char, &[u8]); 2] = [
    (',', b"afazbebgbscacsdadeeleseteufifofrglhrhuhyidisitkakkkylbltlvmknbnlnnnoplptroruskslsqsrsvtrukuzvi"),
    ('٫', b"fa"),
];

/// Regions whose separator differs from their language's: language, separator, regions (two
/// letters each; `19` stands for UN area 419, Latin America, the one numeric region with a rule).
const REGIONS: [(&[u8; 2], char, &[u8]); 11] = [
    (b"de", '.', b"chli"),
    (b"it", '.', b"ch"),
    (b"es", '.', b"19brbzcudogthnmxnipapeprsvus"),
    (b"en", ',', b"atbeczdedkeeesfifrgehuiditltlvnlnoplptrosesiskuaza"),
    (b"ms", ',', b"bnid"),
    (b"sw", ',', b"cd"),
    (b"ar", '٫', b"bhdjegeriliqjokmkwlbmrompsqasasdsosssytdye"),
    (b"ar", ',', b"dzlymatn"),
    (b"pa", '٫', b"pk"),
    (b"ur", '٫', b"in"),
    (b"uz", '٫', b"af"),
];

/// The decimal separator for `lang`, a BCP 47 language tag such as `de`, `de-CH` or `fa`.
pub fn decimal_separator(lang: &str) -> char {
    let mut subtags = lang.split('-');
    // Every language with a rule has a two-letter code; longer ones (`fil`) write the dot.
    let Some(language) = subtags.next().and_then(two_letters) else { return '.' };
    // The region follows the language, or a four-letter script (`sr-Latn-RS`).
    let region = subtags.take(2).find_map(|subtag| if subtag == "419" { Some(*b"19") } else { two_letters(subtag) });
    if let Some(region) = region {
        for (rule_language, separator, regions) in REGIONS {
            if *rule_language == language && listed(regions, region) {
                return separator;
            }
        }
    }
    LANGUAGES.iter().find(|(_, languages)| listed(languages, language)).map_or('.', |(separator, _)| *separator)
}

/// A subtag of two ASCII letters, in lower case.
fn two_letters(subtag: &str) -> Option<[u8; 2]> {
    match subtag.as_bytes() {
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            Some([a.to_ascii_lowercase(), b.to_ascii_lowercase()])
        }
        _ => None,
    }
}

fn listed(codes: &[u8], code: [u8; 2]) -> bool {
    codes.chunks_exact(2).any(|listed| listed == code)
}

#[cfg(test)]
mod tests {
    use super::decimal_separator;

    #[test]
    fn languages_regions_and_scripts() {
        for (tag, expected) in [
            ("de", ','),
            ("DE-de", ','),
            ("de-CH", '.'),
            ("it-CH", '.'),
            ("fr-CH", ','),
            ("es", ','),
            ("es-MX", '.'),
            ("es-419", '.'),
            ("en", '.'),
            ("en-ZA", ','),
            ("sr-Latn-RS", ','),
            ("tr", ','),
            ("ca", ','),
            ("vi", ','),
            ("sl", ','),
            ("fa", '٫'),
            ("ar-EG", '٫'),
            ("ar-MA", ','),
            ("ar", '.'),
            ("is", ','),
            ("ja", '.'),
        ] {
            assert_eq!(decimal_separator(tag), expected, "{tag}");
        }
    }

    #[test]
    fn the_tables_hold_two_lower_case_letters_per_code() {
        let lists = super::LANGUAGES.iter().map(|(_, codes)| *codes).chain(super::REGIONS.iter().map(|r| r.2));
        for codes in lists {
            assert_eq!(codes.len() % 2, 0, "{:?}", std::str::from_utf8(codes));
            assert!(codes.iter().all(|b| b.is_ascii_lowercase() || *b == b'1' || *b == b'9'), "{codes:?}");
        }
    }

    #[test]
    fn unknown_or_malformed_tags_fall_back() {
        // An unknown region falls back to its language, an unknown language to the dot.
        assert_eq!(decimal_separator("de-XX"), ',');
        assert_eq!(decimal_separator("xx-DE"), '.');
        // Not language tags at all: the dot, as `Intl` refuses them.
        for tag in ["", "de_DE", "d", "german", "1de", "-de"] {
            assert_eq!(decimal_separator(tag), '.', "{tag:?}");
        }
    }
}
