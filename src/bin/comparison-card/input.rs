//! Reading a spec file and validating it with the card's own reader.

use std::ffi::OsStr;
use std::io::Read;

use comparison_card::core::spec::{self, Comparison, Problem};
use comparison_card::core::value;

use crate::failure::Failure;

/// A spec file as read: its text, and the comparison or what is wrong with it.
pub struct SpecFile {
    /// How messages name the file: the path as given, or `standard input` for `-`.
    pub name: String,
    pub text: String,
    pub parsed: Result<Comparison, Vec<Problem>>,
}

/// Reads `path` (`-` for standard input). Only a file that cannot be read is an `Err`; a file
/// that is not UTF-8 or not JSON is a spec with problems, like any other mistake in it.
pub fn read(path: &OsStr) -> Result<SpecFile, Failure> {
    let (name, bytes) = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|error| Failure::Usage(format!("cannot read standard input: {error}")))?;
        ("standard input".to_string(), bytes)
    } else {
        let name = path.to_string_lossy().into_owned();
        match std::fs::read(path) {
            Ok(bytes) => (name, bytes),
            Err(error) => return Err(Failure::Usage(format!("cannot read {name}: {error}"))),
        }
    };
    let (text, parsed) = match String::from_utf8(bytes) {
        Ok(text) => {
            let parsed = parse(&text);
            (text, parsed)
        }
        Err(error) => {
            let message = format!("not UTF-8 text: {}", error.utf8_error());
            (String::new(), Err(vec![Problem::new("spec", message)]))
        }
    };
    Ok(SpecFile { name, text, parsed })
}

/// `spec::parse` through serde_json. A file that is not one JSON value, trailing text included,
/// gets that one problem, in the words the card uses in the browser.
fn parse(text: &str) -> Result<Comparison, Vec<Problem>> {
    let parsed = spec::parse(&mut serde_json::Deserializer::from_str(text));
    match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Ok(_) => parsed,
        // Nesting past the spec reader's limit can reach serde_json's own (128); the reader's
        // message says more.
        Err(_)
            if parsed
                .as_ref()
                .is_err_and(|problems| problems.first().is_some_and(|p| p.message.starts_with(value::TOO_DEEP))) =>
        {
            parsed
        }
        Err(error) => Err(vec![Problem::new("spec", format!("not valid JSON: {error}"))]),
    }
}
