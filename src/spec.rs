//! The spec a page author writes, and its validation into a [`Comparison`] the card renders.
//!
//! Validation runs in two steps. Serde reads the structure (types, required and unknown fields)
//! and stops at the first mismatch, which is reported with its path. Then the checks of meaning
//! run over the whole spec and report every problem they find, each with its path, so an author
//! can fix a spec in one pass.

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

use crate::text::{push_trimmed, push_uint};

pub const MIN_OPTIONS: usize = 2;
pub const MAX_OPTIONS: usize = 6;
pub const MIN_CRITERIA: usize = 1;
pub const MAX_CRITERIA: usize = 30;
/// Slider positions run from 0 (ignore) to this.
pub const MAX_PRIORITY: u8 = 5;
pub const DEFAULT_PRIORITY: u8 = 3;

// Length limits, in characters. They keep a card readable; with the count limits, which stop the
// checks early, they bound the work a hostile spec causes.
const MAX_ID_CHARS: usize = 40;
const MAX_TITLE_CHARS: usize = 200;
const MAX_NAME_CHARS: usize = 100;
const MAX_PROSE_CHARS: usize = 1000;
const MAX_BEST_FOR_LINES: usize = 8;
const MAX_LINK_CHARS: usize = 2000;
/// Author text quoted back in a message is cut to this many characters.
const QUOTE_CHARS: usize = 60;
/// Scale ends beyond this are surely mistakes, and would overflow the integer comparisons.
const MAX_SCALE_MAGNITUDE: f64 = 1e6;
/// A scores object with more keys than this is rejected while it is read, bounding the work.
const MAX_SCORE_KEYS: usize = 64;
/// At most this many problems are listed; the rest are counted.
const MAX_PROBLEMS: usize = 50;

/// A spec that passed validation: options and criteria in author order, every score present.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub title: String,
    pub summary: Option<String>,
    pub scale: Scale,
    pub options: Vec<Choice>,
    pub criteria: Vec<Criterion>,
    pub cta: Option<Cta>,
}

/// One of the things being compared ("option" in the spec; `Option` is taken in Rust).
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: String,
    pub name: String,
    pub best_for: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    pub note: Option<String>,
    /// The author's priority, 0..=MAX_PRIORITY.
    pub priority: u8,
    /// One score per option, in the order of [`Comparison::options`].
    pub scores: Vec<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
}

impl Default for Scale {
    fn default() -> Self {
        Scale { min: 0.0, max: 10.0 }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cta {
    pub label: String,
    pub href: String,
}

/// One thing wrong with a spec: where (`criteria[2].scores.python`) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        f.write_str(": ")?;
        f.write_str(&self.message)
    }
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { path: path.into(), message: message.into() }
    }
}

/// Reads and validates a spec from any serde deserializer: `serde-wasm-bindgen` in the browser,
/// `serde_json` in native tests and tools.
pub fn parse<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Comparison, Vec<Problem>> {
    let raw: MapOnly<RawSpec> = serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        // serde_path_to_error writes the root as ".".
        let path = if path == "." { "spec".to_string() } else { path };
        let message = error.into_inner().to_string();
        // serde-wasm-bindgen's errors are JavaScript `Error`s and print with this prefix.
        let message = message.strip_prefix("Error: ").map(str::to_string).unwrap_or(message);
        vec![Problem::new(path, message)]
    })?;
    raw.0.check()
}

// ---- The structure, as serde reads it ----

/// Reads `T` from an object only. Derived structs also accept arrays (fields by position),
/// which would turn `[1, 2]` into a confusing message about a title.
#[derive(Debug)]
struct MapOnly<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for MapOnly<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = MapOnly<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(MapOnly)
            }
        }
        // `deserialize_any`, not `deserialize_map`: serde-wasm-bindgen would read an array as
        // a list of map entries. Let the value's own type decide, and reject all but objects.
        deserializer.deserialize_any(ObjectVisitor(PhantomData))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpec {
    title: String,
    summary: Option<String>,
    scale: Option<MapOnly<Scale>>,
    options: Vec<MapOnly<RawChoice>>,
    criteria: Vec<MapOnly<RawCriterion>>,
    cta: Option<MapOnly<Cta>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    id: String,
    name: String,
    #[serde(default)]
    best_for: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    id: String,
    name: String,
    scores: RawScores,
    note: Option<String>,
    priority: Option<f64>,
}

/// Scores keyed by option id, in the author's order. Read by hand so a key given twice is an
/// error instead of a silent overwrite.
#[derive(Debug)]
struct RawScores(Vec<(String, f64)>);

impl<'de> Deserialize<'de> for RawScores {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScoresVisitor;
        impl<'de> Visitor<'de> for ScoresVisitor {
            type Value = RawScores;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of scores keyed by option id")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawScores, A::Error> {
                let mut scores: Vec<(String, f64)> = Vec::new();
                while let Some(id) = map.next_key::<String>()? {
                    if scores.len() == MAX_SCORE_KEYS {
                        return Err(serde::de::Error::custom(format!("more than {MAX_SCORE_KEYS} scores")));
                    }
                    if scores.iter().any(|(seen, _)| *seen == id) {
                        return Err(serde::de::Error::custom(format!("`{id}` is given twice")));
                    }
                    let score = map.next_value::<f64>()?;
                    scores.push((id, score));
                }
                Ok(RawScores(scores))
            }
        }
        deserializer.deserialize_any(ScoresVisitor)
    }
}

// ---- The checks of meaning ----

/// Collects problems while the checks walk the spec.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: String, message: String) {
        self.0.push(Problem { path, message });
    }

    /// The first `MAX_PROBLEMS`, and a last line counting the others.
    fn into_capped(mut self) -> Vec<Problem> {
        if self.0.len() > MAX_PROBLEMS {
            let more = self.0.len() - MAX_PROBLEMS;
            self.0.truncate(MAX_PROBLEMS);
            self.0.push(Problem::new("spec", format!("{more} more problems not listed")));
        }
        self.0
    }
}

fn indexed(field: &str, index: usize) -> String {
    let mut path = String::with_capacity(field.len() + 4);
    path.push_str(field);
    path.push('[');
    push_uint(&mut path, index as u64);
    path.push(']');
    path
}

fn joined(parent: &str, field: &str) -> String {
    let mut path = String::with_capacity(parent.len() + 1 + field.len());
    path.push_str(parent);
    path.push('.');
    path.push_str(field);
    path
}

/// Author text quoted in a message: backticks around it, cut when long.
fn quoted(text: &str) -> String {
    let mut out = String::from("`");
    let mut chars = text.chars();
    out.extend(chars.by_ref().take(QUOTE_CHARS));
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('`');
    out
}

fn number(value: f64) -> String {
    let mut out = String::new();
    if value.is_infinite() {
        out.push_str(if value > 0.0 { "Infinity" } else { "-Infinity" });
    } else {
        push_trimmed(&mut out, value, 2);
    }
    out
}

/// A required piece of text: present, not blank, not too long.
fn check_text(problems: &mut Problems, path: String, text: &str, max_chars: usize) {
    if text.trim().is_empty() {
        problems.add(path, "must not be empty".into());
    } else if text.chars().count() > max_chars {
        problems.add(path, format!("must be at most {max_chars} characters long"));
    }
}

/// Optional prose: blank counts as absent.
fn optional_text(problems: &mut Problems, path: String, text: Option<String>) -> Option<String> {
    let text = text.filter(|t| !t.trim().is_empty())?;
    check_text(problems, path, &text, MAX_PROSE_CHARS);
    Some(text)
}

/// Ids end up in events, URLs and query strings, so they keep to a safe alphabet.
fn check_id(problems: &mut Problems, path: String, id: &str) {
    let valid = !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !valid {
        problems.add(path, format!("expected 1 to {MAX_ID_CHARS} letters, digits, '-' or '_', got {}", quoted(id)));
    }
}

/// Reports every id used before, naming where it first appeared.
fn check_unique_ids<'a>(problems: &mut Problems, field: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen: Vec<&str> = Vec::new();
    for (index, id) in ids.enumerate() {
        if let Some(first) = seen.iter().position(|s| *s == id) {
            problems.add(
                joined(&indexed(field, index), "id"),
                format!("duplicate id {} (also used by {})", quoted(id), indexed(field, first)),
            );
        }
        seen.push(id);
    }
}

/// Only links a visitor can safely follow: absolute https or http, or mailto.
pub fn is_allowed_link(href: &str) -> bool {
    if href.len() > MAX_LINK_CHARS || href.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let lower = href.to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"].iter().find_map(|scheme| lower.strip_prefix(scheme));
    matches!(rest, Some(rest) if !rest.is_empty() && !rest.starts_with('/'))
}

fn count_message(what: &str, min: usize, max: usize, got: usize) -> String {
    format!("expected {min} to {max} {what}, got {got}")
}

impl RawSpec {
    fn check(self) -> Result<Comparison, Vec<Problem>> {
        let mut problems = Problems::default();

        check_text(&mut problems, "title".into(), &self.title, MAX_TITLE_CHARS);
        let summary = optional_text(&mut problems, "summary".into(), self.summary);

        let scale = self.scale.map_or_else(Scale::default, |s| s.0);
        let in_range = |x: f64| x.is_finite() && x.abs() <= MAX_SCALE_MAGNITUDE;
        if !in_range(scale.min) || !in_range(scale.max) || scale.min >= scale.max {
            problems.add(
                "scale".into(),
                format!(
                    "expected min below max, both from -1000000 to 1000000, got {} to {}",
                    number(scale.min),
                    number(scale.max)
                ),
            );
        }

        // A list over its limit is reported once and its items are not checked: the work stays
        // bounded however large a hostile spec is.
        let options_fit = (MIN_OPTIONS..=MAX_OPTIONS).contains(&self.options.len());
        if !options_fit {
            problems.add("options".into(), count_message("options", MIN_OPTIONS, MAX_OPTIONS, self.options.len()));
        }
        let criteria_fit = (MIN_CRITERIA..=MAX_CRITERIA).contains(&self.criteria.len());
        if !criteria_fit {
            problems.add("criteria".into(), count_message("criteria", MIN_CRITERIA, MAX_CRITERIA, self.criteria.len()));
        }
        if !(options_fit && criteria_fit) {
            return Err(problems.0);
        }

        let mut options = Vec::with_capacity(self.options.len());
        for (index, MapOnly(raw)) in self.options.into_iter().enumerate() {
            let path = indexed("options", index);
            check_id(&mut problems, joined(&path, "id"), &raw.id);
            check_text(&mut problems, joined(&path, "name"), &raw.name, MAX_NAME_CHARS);
            let best_for_path = joined(&path, "best_for");
            if raw.best_for.len() > MAX_BEST_FOR_LINES {
                problems.add(best_for_path.clone(), format!("expected at most {MAX_BEST_FOR_LINES} lines"));
            }
            for (line_index, line) in raw.best_for.iter().enumerate() {
                check_text(&mut problems, indexed(&best_for_path, line_index), line, MAX_PROSE_CHARS);
            }
            options.push(Choice { id: raw.id, name: raw.name, best_for: raw.best_for });
        }
        check_unique_ids(&mut problems, "options", options.iter().map(|o| o.id.as_str()));

        let mut criteria = Vec::with_capacity(self.criteria.len());
        for (index, MapOnly(raw)) in self.criteria.into_iter().enumerate() {
            let path = indexed("criteria", index);
            check_id(&mut problems, joined(&path, "id"), &raw.id);
            check_text(&mut problems, joined(&path, "name"), &raw.name, MAX_NAME_CHARS);
            let scores = check_scores(&mut problems, &joined(&path, "scores"), raw.scores, &options, scale);
            let note = optional_text(&mut problems, joined(&path, "note"), raw.note);
            let priority = match raw.priority {
                None => DEFAULT_PRIORITY,
                Some(p) if p.fract() == 0.0 && (0.0..=f64::from(MAX_PRIORITY)).contains(&p) => p as u8,
                Some(p) => {
                    problems.add(
                        joined(&path, "priority"),
                        format!("expected a whole number from 0 to {MAX_PRIORITY}, got {}", number(p)),
                    );
                    DEFAULT_PRIORITY
                }
            };
            criteria.push(Criterion { id: raw.id, name: raw.name, note, priority, scores });
        }
        check_unique_ids(&mut problems, "criteria", criteria.iter().map(|c| c.id.as_str()));

        let cta = self.cta.map(|c| c.0);
        if let Some(cta) = &cta {
            check_text(&mut problems, "cta.label".into(), &cta.label, MAX_NAME_CHARS);
            if !is_allowed_link(&cta.href) {
                problems.add(
                    "cta.href".into(),
                    format!("expected an absolute https, http or mailto link, got {}", quoted(&cta.href)),
                );
            }
        }

        if problems.0.is_empty() {
            Ok(Comparison { title: self.title, summary, scale, options, criteria, cta })
        } else {
            Err(problems.into_capped())
        }
    }
}

/// Lines the scores up with the options; reports missing, unknown and out-of-scale scores.
fn check_scores(problems: &mut Problems, path: &str, raw: RawScores, options: &[Choice], scale: Scale) -> Vec<f64> {
    for (id, _) in &raw.0 {
        if !options.iter().any(|o| o.id == *id) {
            problems.add(joined(path, id), format!("no option has the id {}", quoted(id)));
        }
    }
    let mut scores = Vec::with_capacity(options.len());
    for option in options {
        match raw.0.iter().find(|(id, _)| *id == option.id) {
            None => {
                problems.add(joined(path, &option.id), "missing: every option needs a score".into());
                scores.push(scale.min);
            }
            Some(&(_, score)) => {
                if !(score.is_finite() && score >= scale.min && score <= scale.max) {
                    problems.add(
                        joined(path, &option.id),
                        format!(
                            "expected a number from {} to {}, got {}",
                            number(scale.min),
                            number(scale.max),
                            number(score)
                        ),
                    );
                }
                scores.push(score);
            }
        }
    }
    scores
}
