//! The decimal separator a language tag writes, from one small table: the live card and
//! pre-rendering read the same answer, and mounting a card never asks `Intl` (whose first call
//! costs tens of milliseconds on a slow phone).
//!
//! The table follows CLDR, as browsers' `Intl.NumberFormat` does: where Chromium has the data,
//! the browser tests compare it tag by tag. A tag is read as language, optional script, optional
//! region (`sr-Latn-RS`); the region's rule wins, then the language's, then the dot. A tag that is
//! not of that shape (`de_DE`, empty) also gets the dot, as `Intl` refuses it.

/// Languages that write a decimal comma, whatever the region (unless [`REGIONS`] says otherwise).
const COMMA: &str = "af az be bg bs ca cs da de el es et eu fi fo fr gl hr hu hy id is it ka kk ky lb lt lv mk nb nl nn no pl pt ro ru sk sl sq sr sv tr uk uz vi";

/// Regions whose separator differs from their language's: language, separator, regions.
const REGIONS: [(&str, char, &str); 11] = [
    ("de", '.', "ch li"),
    ("it", '.', "ch"),
    ("es", '.', "419 br bz cu do gt hn mx ni pa pe pr sv us"),
    ("en", ',', "at be cz de dk ee es fi fr ge hu id it lt lv nl no pl pt ro se si sk ua za"),
    ("ms", ',', "bn id"),
    ("sw", ',', "cd"),
    ("ar", '٫', "bh dj eg er il iq jo km kw lb mr om ps qa sa sd so ss sy td ye"),
    ("ar", ',', "dz ly ma tn"),
    ("pa", '٫', "pk"),
    ("ur", '٫', "in"),
    ("uz", '٫', "af"),
];

/// The decimal separator for `lang`, a BCP 47 language tag such as `de`, `de-CH` or `fa`.
pub fn decimal_separator(lang: &str) -> char {
    let lower = lang.to_ascii_lowercase();
    let mut subtags = lower.split('-');
    let language = subtags.next().unwrap_or("");
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_lowercase()) {
        return '.';
    }
    // The region is the first later subtag of two letters or three digits (after any script).
    let region = subtags.take(2).find(|subtag| {
        (subtag.len() == 2 && subtag.bytes().all(|b| b.is_ascii_lowercase()))
            || (subtag.len() == 3 && subtag.bytes().all(|b| b.is_ascii_digit()))
    });
    if let Some(region) = region {
        for (rule_language, separator, regions) in REGIONS {
            if rule_language == language && regions.split(' ').any(|r| r == region) {
                return separator;
            }
        }
    }
    if language == "fa" {
        '٫'
    } else if COMMA.split(' ').any(|l| l == language) {
        ','
    } else {
        '.'
    }
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
