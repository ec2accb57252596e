//! The spec a page author writes, and its validation into a [`Comparison`] the card renders.
//!
//! Serde reads the spec into a plain [`Value`] tree; then one walk over the tree checks structure
//! (types, required and unknown fields) and meaning (ids, counts, scales, links) together, and
//! reports every problem it finds with its path, so an author can fix a spec in one pass.

use serde::de::Deserializer;

use super::labels::{self, Labels, LABELS, LEVELS_KEY};
use super::number::{push_trimmed, push_uint};
pub use super::problems::Problem;
use super::problems::{Path, Problems, SPEC};
use super::value::Value;

/// The fewest options a spec may have.
pub const MIN_OPTIONS: usize = 2;
/// The most options a spec may have.
pub const MAX_OPTIONS: usize = 6;
/// How many items of the options or criteria list are checked when the list is outside its
/// limits: enough for an author who went a little over, few enough to bound a hostile spec.
const CHECKED_ITEMS: usize = 64;
/// The fewest criteria a spec may have.
pub const MIN_CRITERIA: usize = 1;
/// The most criteria a spec may have.
pub const MAX_CRITERIA: usize = 30;
/// Slider positions run from 0 (ignore) to this.
pub const MAX_PRIORITY: u8 = 5;
/// A criterion's priority when the spec gives none.
pub const DEFAULT_PRIORITY: u8 = 3;

// Length limits, in characters. They keep a card readable; with the count limits, which stop the
// checks early, they bound the work a hostile spec causes.
const MAX_ID_CHARS: usize = 40;
const MAX_TITLE_CHARS: usize = 200;
const MAX_NAME_CHARS: usize = 100;
const MAX_PROSE_CHARS: usize = 1000;
const MAX_BEST_FOR_LINES: usize = 8;
/// Presets are a row of buttons; more than this would not fit on a phone.
pub const MAX_PRESETS: usize = 8;
const MAX_LINK_CHARS: usize = 2000;
/// A label is one sentence at most.
const MAX_LABEL_CHARS: usize = 200;
/// Author text quoted back in a message is cut to this many characters.
const QUOTE_CHARS: usize = 60;
/// Scale ends beyond this are surely mistakes, and would overflow the integer comparisons.
const MAX_SCALE_MAGNITUDE: f64 = 1e6;
/// A scores object with more keys than this is reported as a whole, bounding the work.
const MAX_SCORE_KEYS: usize = 64;

/// A spec that passed validation: options and criteria in author order, every score present.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The card's title.
    pub title: String,
    /// The author's short text under the title.
    pub summary: Option<String>,
    /// The range scores are given on.
    pub scale: Scale,
    /// The options compared, in order.
    pub options: Vec<Choice>,
    /// The criteria they are compared on, in order.
    pub criteria: Vec<Criterion>,
    /// Named sets of priorities a visitor can pick with one click.
    pub presets: Vec<Preset>,
    /// The call to action, if any.
    pub cta: Option<Cta>,
    /// The card's fixed strings, the author's where given.
    pub labels: Labels,
}

/// A named set of priorities. Criteria the author left out of it keep their own priority.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// The preset's id, unique among presets.
    pub id: String,
    /// The button's label.
    pub name: String,
    /// One level per criterion, in the order of [`Comparison::criteria`].
    pub priorities: Vec<u8>,
}

/// One of the things being compared ("option" in the spec; `Option` is taken in Rust).
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The option's id, unique among options.
    pub id: String,
    /// The option's name as shown.
    pub name: String,
    /// The "best for" lines, in order.
    pub best_for: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
/// One criterion: its scores for every option, in option order.
pub struct Criterion {
    /// The criterion's id, unique among criteria.
    pub id: String,
    /// The criterion's name as shown.
    pub name: String,
    /// One line of rationale.
    pub note: Option<String>,
    /// The author's priority, 0..=MAX_PRIORITY.
    pub priority: u8,
    /// One score per option, in the order of [`Comparison::options`].
    pub scores: Vec<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
/// The range scores are given on.
pub struct Scale {
    /// The lowest score.
    pub min: f64,
    /// The highest score.
    pub max: f64,
}

impl Default for Scale {
    fn default() -> Self {
        Scale { min: 0.0, max: 10.0 }
    }
}

#[derive(Debug, Clone, PartialEq)]
/// The call to action at the foot of the card.
pub struct Cta {
    /// The link's text.
    pub label: String,
    /// The checked absolute link (`https:`, `http:` or `mailto:`).
    pub href: String,
    /// Append the visitor's leader and priorities to the link's query string.
    pub carry: bool,
}

/// Reads and validates a spec from any serde deserializer: serde-wasm-bindgen in the browser,
/// serde_json in native tests and tools. Every problem with its path and message.
pub fn parse<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Comparison, Vec<Problem>> {
    let value = Value::read(deserializer).map_err(|error| {
        let message = error.to_string();
        // serde-wasm-bindgen's errors are JavaScript `Error`s and print with this prefix.
        let message = message.strip_prefix("Error: ").map(str::to_string).unwrap_or(message);
        vec![Problem::new("spec", message)]
    })?;
    from_value(&value)
}

/// Validates a spec already read into a [`Value`]: every problem with its path and message.
pub fn from_value(value: &Value) -> Result<Comparison, Vec<Problem>> {
    validate::<true>(value)
}

/// Validates a spec as [`from_value`] does, refusing exactly the same specs, but lists only
/// where the problems are (empty messages): the shipped card, whose wasm then carries no
/// message text. Authors get the words from the development build, the studio or the CLI.
pub fn from_value_paths_only(value: &Value) -> Result<Comparison, Vec<Problem>> {
    validate::<false>(value)
}

fn validate<const MESSAGES: bool>(value: &Value) -> Result<Comparison, Vec<Problem>> {
    let mut problems = Problems::<MESSAGES>::default();
    let comparison = read_spec(&mut problems, value);
    match comparison {
        Some(comparison) if problems.is_empty() => Ok(comparison),
        _ => Err(problems.into_list()),
    }
}

// ---- Paths and messages ----

/// `message` and then author text quoted: backticks around it, cut when long.
fn quoted(message: &str, text: &str) -> String {
    let mut out = String::from(message);
    out.push('`');
    let mut chars = text.chars();
    out.extend(chars.by_ref().take(QUOTE_CHARS));
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('`');
    out
}

/// `message` and then numbers, each after its own separator.
fn with_numbers(message: &str, numbers: &[(&str, f64)]) -> String {
    let mut out = String::from(message);
    for &(separator, value) in numbers {
        out.push_str(separator);
        if value.is_infinite() {
            out.push_str(if value > 0.0 { "Infinity" } else { "-Infinity" });
        } else {
            push_trimmed(&mut out, value, 2);
        }
    }
    out
}

fn expected(what: &str, got: &Value) -> String {
    let mut message = String::from("expected ");
    message.push_str(what);
    message.push_str(", got ");
    message.push_str(got.kind());
    message
}

fn count_message(what: &str, min: usize, max: usize, got: usize) -> String {
    let mut message = String::from("expected ");
    push_uint(&mut message, min as u64);
    message.push_str(" to ");
    push_uint(&mut message, max as u64);
    message.push(' ');
    message.push_str(what);
    message.push_str(", got ");
    push_uint(&mut message, got as u64);
    message
}

/// Empty or only white space. (`trim().is_empty()` says the same, with 350 more bytes of wasm.)
pub fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
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

// ---- The walk ----
//
// Every message is given as a closure (or a constant), so that the paths-only list drops it
// unread and the shipped wasm carries none of them; what the walk accepts does not depend on
// `MESSAGES` anywhere.

impl<const MESSAGES: bool> Problems<MESSAGES> {
    /// The fields of an object, after reporting fields not in `allowed` and fields given twice.
    fn object<'v>(&mut self, value: &'v Value, path: &Path, allowed: &[&str]) -> Option<Fields<'v>> {
        let Value::Object(entries) = value else {
            self.add(path, || expected("an object", value));
            return None;
        };
        let mut seen = 0u32;
        for (key, _) in entries {
            match allowed.iter().position(|name| name == key) {
                None => self.add(&path.field(key), || {
                    let mut message = String::from("unknown field; expected one of ");
                    for (i, name) in allowed.iter().enumerate() {
                        if i > 0 {
                            message.push_str(", ");
                        }
                        message.push_str(name);
                    }
                    message
                }),
                Some(index) if seen & (1 << index) != 0 => self.add(&path.field(key), "given twice"),
                Some(index) => seen |= 1 << index,
            }
        }
        Some(Fields { entries })
    }

    /// Required text: present, text, not blank, not too long.
    fn text(&mut self, value: Option<&Value>, path: &Path, max_chars: usize) -> Option<String> {
        match value {
            None => self.add(path, "missing"),
            Some(Value::Text(text)) if is_blank(text) => self.add(path, "must not be empty"),
            Some(Value::Text(text)) => return self.length(text, path, max_chars),
            Some(other) => self.add(path, || expected("text", other)),
        }
        None
    }

    /// Optional prose: absent, null or blank counts as absent.
    fn optional_text(&mut self, value: Option<&Value>, path: &Path, max_chars: usize) -> Option<String> {
        match value {
            None | Some(Value::Null) => None,
            Some(Value::Text(text)) if is_blank(text) => None,
            Some(Value::Text(text)) => self.length(text, path, max_chars),
            Some(other) => {
                self.add(path, || expected("text", other));
                None
            }
        }
    }

    fn length(&mut self, text: &str, path: &Path, max_chars: usize) -> Option<String> {
        // Counted by hand: `chars().count()` brings in core's vectorised counter, 900 bytes of wasm.
        let chars = text.bytes().filter(|byte| byte & 0xC0 != 0x80).count();
        if chars > max_chars {
            self.add(path, || {
                let mut message = String::from("must be at most ");
                push_uint(&mut message, max_chars as u64);
                message.push_str(" characters long");
                message
            });
            return None;
        }
        Some(text.to_string())
    }

    /// Ids end up in events, URLs and query strings, so they keep to a safe alphabet.
    fn id(&mut self, value: Option<&Value>, path: &Path) -> Option<String> {
        let id = match value {
            None => {
                self.add(path, "missing");
                return None;
            }
            Some(Value::Text(id)) => id,
            Some(other) => {
                self.add(path, || expected("an id", other));
                return None;
            }
        };
        let valid = !id.is_empty()
            && id.len() <= MAX_ID_CHARS
            && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !valid {
            self.add(path, || quoted("expected 1 to 40 letters, digits, '-' or '_', got ", id));
            return None;
        }
        Some(id.clone())
    }

    fn list<'v>(&mut self, value: Option<&'v Value>, path: &Path) -> Option<&'v [Value]> {
        match value {
            None => self.add(path, "missing"),
            Some(Value::List(items)) => return Some(items),
            Some(other) => self.add(path, || expected("a list", other)),
        }
        None
    }

    /// Reports every id used before, naming where it first appeared.
    fn unique_ids(&mut self, list: &Path, ids: &[Option<String>]) {
        for (index, id) in ids.iter().enumerate() {
            let Some(id) = id else { continue };
            if let Some(first) = ids[..index].iter().position(|earlier| earlier.as_ref() == Some(id)) {
                self.add(&list.index(index).field("id"), || {
                    quoted("duplicate id ", id) + " (also used by " + &list.index(first).render() + ")"
                });
            }
        }
    }

    /// Reads each item of a list with `read`, then checks that their ids are unique. Returns
    /// the ids that could be read, in order, and the items when every one of them is valid.
    fn items<T>(
        &mut self,
        path: &Path,
        list: &[Value],
        mut read: impl FnMut(&mut Self, &Value, &Path) -> (Option<String>, Option<T>),
    ) -> (Vec<Option<String>>, Option<Vec<T>>) {
        let mut ids = Vec::with_capacity(list.len());
        let mut items = Vec::with_capacity(list.len());
        let mut valid = true;
        for (index, value) in list.iter().enumerate() {
            let (id, item) = read(self, value, &path.index(index));
            ids.push(id);
            match item {
                Some(item) => items.push(item),
                None => valid = false,
            }
        }
        self.unique_ids(path, &ids);
        (ids, valid.then_some(items))
    }
}

/// An object's entries, looked up by name.
struct Fields<'v> {
    entries: &'v [(String, Value)],
}

impl<'v> Fields<'v> {
    fn get(&self, name: &str) -> Option<&'v Value> {
        self.entries.iter().find(|(key, _)| key == name).map(|(_, value)| value)
    }
}

const SPEC_FIELDS: &[&str] =
    &["title", "summary", "scale", "options", "criteria", "presets", "cta", "labels", "$schema"];
const OPTION_FIELDS: &[&str] = &["id", "name", "best_for"];
const CRITERION_FIELDS: &[&str] = &["id", "name", "scores", "note", "priority"];
const SCALE_FIELDS: &[&str] = &["min", "max"];
const CTA_FIELDS: &[&str] = &["label", "href", "carry"];
const PRESET_FIELDS: &[&str] = &["id", "name", "priorities"];

fn read_spec<const M: bool>(problems: &mut Problems<M>, value: &Value) -> Option<Comparison> {
    let fields = problems.object(value, &SPEC, SPEC_FIELDS)?;
    // `$schema` points an editor at the spec's JSON Schema: any text, which the card ignores.
    problems.optional_text(fields.get("$schema"), &SPEC.field("$schema"), usize::MAX);
    let title = problems.text(fields.get("title"), &SPEC.field("title"), MAX_TITLE_CHARS);
    let summary = problems.optional_text(fields.get("summary"), &SPEC.field("summary"), MAX_PROSE_CHARS);
    let scale = read_scale(problems, fields.get("scale"));

    // A list outside its limits is reported once. Over its limit, its items are still checked
    // while there are at most `CHECKED_ITEMS` of them, so an author with a seventh option also
    // sees what else is wrong; beyond that they are not, and the work stays bounded however large
    // a hostile spec is.
    let options_path = SPEC.field("options");
    let criteria_path = SPEC.field("criteria");
    let options = problems.list(fields.get("options"), &options_path);
    let criteria = problems.list(fields.get("criteria"), &criteria_path);
    let options_fit = options.is_some_and(|list| {
        let fits = (MIN_OPTIONS..=MAX_OPTIONS).contains(&list.len());
        if !fits {
            problems.add(&options_path, || count_message("options", MIN_OPTIONS, MAX_OPTIONS, list.len()));
        }
        fits
    });
    let criteria_fit = criteria.is_some_and(|list| {
        let fits = (MIN_CRITERIA..=MAX_CRITERIA).contains(&list.len());
        if !fits {
            problems.add(&criteria_path, || count_message("criteria", MIN_CRITERIA, MAX_CRITERIA, list.len()));
        }
        fits
    });
    // Under the minimum (no options, one option, no criteria) the items are not checked either:
    // with the options missing, every score would be "no option has the id" noise. Criteria name
    // options in their scores, so they are checked only when the options were.
    let Some(options) = options.filter(|list| (MIN_OPTIONS..=CHECKED_ITEMS).contains(&list.len())) else {
        let _ = read_cta(problems, fields.get("cta"));
        read_labels(problems, fields.get("labels"));
        return None;
    };
    let (ids, options) = problems.items(&options_path, options, read_option);
    // Criteria are checked against the ids that could be read, so their problems are reported
    // even when an option has its own. A repeated id is left out: it is already reported.
    let mut option_ids: Vec<Option<&str>> = Vec::with_capacity(ids.len());
    for id in &ids {
        let id = id.as_deref().filter(|id| !option_ids.contains(&Some(*id)));
        option_ids.push(id);
    }
    let criteria = match criteria.filter(|list| !list.is_empty() && list.len() <= CHECKED_ITEMS) {
        Some(list) => {
            problems
                .items(&criteria_path, list, |problems, value, path| {
                    read_criterion(problems, value, path, &option_ids, scale)
                })
                .1
        }
        None => None,
    };

    let cta = read_cta(problems, fields.get("cta"));
    let labels = read_labels(problems, fields.get("labels"));

    // Presets name criteria, so they are checked only against a valid list of them.
    let presets = match &criteria {
        Some(criteria) => read_presets(problems, fields.get("presets"), criteria),
        None => None,
    };
    Some(Comparison {
        title: title?,
        summary,
        scale: scale?,
        options: options.filter(|_| options_fit)?,
        criteria: criteria.filter(|_| criteria_fit)?,
        presets: presets?,
        cta: cta.ok()?,
        labels: labels?,
    })
}

/// The labels of a spec that failed validation, if its `labels` field alone is sound: the error
/// box then speaks the card's language. English otherwise.
pub fn labels_only(value: &Value) -> Labels {
    let Value::Object(entries) = value else { return Labels::default() };
    let field = entries.iter().find(|(key, _)| key == "labels").map(|(_, value)| value);
    read_labels(&mut Problems::<false>::default(), field).unwrap_or_default()
}

/// Reads `labels`: known keys only, text within bounds, and only the placeholders each label
/// offers; `levels` is a list of six names.
fn read_labels<const M: bool>(problems: &mut Problems<M>, value: Option<&Value>) -> Option<Labels> {
    let Some(value) = value.filter(|v| **v != Value::Null) else { return Some(Labels::default()) };
    let labels_path = SPEC.field("labels");
    let Value::Object(entries) = value else {
        problems.add(&labels_path, || expected("an object of texts keyed by label name", value));
        return None;
    };
    let mut given: Vec<Option<String>> = vec![None; LABELS.len()];
    let mut levels = None;
    let mut valid = true;
    for (key, value) in entries {
        let path = labels_path.field(key);
        if key == LEVELS_KEY {
            match value {
                Value::List(names) if names.len() == 6 => {
                    let read: Vec<Option<String>> = names
                        .iter()
                        .enumerate()
                        .map(|(i, name)| problems.text(Some(name), &path.index(i), MAX_NAME_CHARS))
                        .collect();
                    levels = read.into_iter().collect();
                    valid &= levels.is_some();
                }
                _ => {
                    problems.add(&path, "expected a list of 6 level names, from Ignore to Critical");
                    valid = false;
                }
            }
            continue;
        }
        let Some(index) = LABELS.iter().position(|label| label.key == key) else {
            problems.add(&path, "unknown label; see the README for the list");
            valid = false;
            continue;
        };
        let Some(text) = problems.text(Some(value), &path, MAX_LABEL_CHARS) else {
            valid = false;
            continue;
        };
        if let Some(first) = labels::unknown_placeholders(&LABELS[index], &text).first() {
            problems.add(&path, || {
                let mut message = String::from("unknown placeholder {");
                message.push_str(first);
                message.push_str("}; the README lists each label's placeholders");
                message
            });
            valid = false;
            continue;
        }
        given[index] = Some(text);
    }
    valid.then(|| Labels::new(given, levels))
}

fn read_scale<const M: bool>(problems: &mut Problems<M>, value: Option<&Value>) -> Option<Scale> {
    // Absent and null alike mean the default, as for every optional field.
    let Some(value) = value.filter(|v| **v != Value::Null) else { return Some(Scale::default()) };
    let path = SPEC.field("scale");
    let fields = problems.object(value, &path, SCALE_FIELDS)?;
    let min = fields.get("min");
    let max = fields.get("max");
    let (Some(Value::Number(min)), Some(Value::Number(max))) = (min, max) else {
        for (name, got) in [("min", min), ("max", max)] {
            match got {
                None => problems.add(&path.field(name), "missing"),
                Some(Value::Number(_)) => {}
                Some(other) => problems.add(&path.field(name), || expected("a number", other)),
            }
        }
        return None;
    };
    let in_range = |x: f64| x.is_finite() && x.abs() <= MAX_SCALE_MAGNITUDE;
    if !in_range(*min) || !in_range(*max) || min >= max {
        problems.add(&path, || {
            with_numbers("expected min below max, both from -1000000 to 1000000, got ", &[("", *min), (" to ", *max)])
        });
        return None;
    }
    Some(Scale { min: *min, max: *max })
}

/// `Ok(None)` when there is no call to action, `Err` when there is a wrong one.
fn read_cta<const M: bool>(problems: &mut Problems<M>, value: Option<&Value>) -> Result<Option<Cta>, ()> {
    let Some(value) = value.filter(|v| **v != Value::Null) else { return Ok(None) };
    let path = SPEC.field("cta");
    let fields = problems.object(value, &path, CTA_FIELDS).ok_or(())?;
    let label = problems.text(fields.get("label"), &path.field("label"), MAX_NAME_CHARS);
    let href_path = path.field("href");
    let href = match fields.get("href") {
        None => {
            problems.add(&href_path, "missing");
            None
        }
        Some(Value::Text(href)) if is_allowed_link(href) => Some(href.clone()),
        Some(Value::Text(href)) => {
            problems.add(&href_path, || quoted("expected an absolute https, http or mailto link, got ", href));
            None
        }
        Some(other) => {
            problems.add(&href_path, || expected("a link", other));
            None
        }
    };
    let carry = match fields.get("carry") {
        None | Some(Value::Null) => Some(false),
        Some(Value::Bool(carry)) => Some(*carry),
        Some(other) => {
            problems.add(&path.field("carry"), || expected("true or false", other));
            None
        }
    };
    match (label, href, carry) {
        (Some(label), Some(href), Some(carry)) => Ok(Some(Cta { label, href, carry })),
        _ => Err(()),
    }
}

/// Reads `presets`; `None` when any of them is wrong (each problem is reported).
fn read_presets<const M: bool>(
    problems: &mut Problems<M>,
    value: Option<&Value>,
    criteria: &[Criterion],
) -> Option<Vec<Preset>> {
    let path = SPEC.field("presets");
    let list = match value {
        None | Some(Value::Null) => return Some(Vec::new()),
        Some(value) => problems.list(Some(value), &path)?,
    };
    if list.len() > MAX_PRESETS {
        problems.add(&path, || count_message("presets", 0, MAX_PRESETS, list.len()));
        return None;
    }
    problems.items(&path, list, |problems, value, path| read_preset(problems, value, path, criteria)).1
}

fn read_preset<const M: bool>(
    problems: &mut Problems<M>,
    value: &Value,
    path: &Path,
    criteria: &[Criterion],
) -> (Option<String>, Option<Preset>) {
    let Some(fields) = problems.object(value, path, PRESET_FIELDS) else { return (None, None) };
    let id = problems.id(fields.get("id"), &path.field("id"));
    let name = problems.text(fields.get("name"), &path.field("name"), MAX_NAME_CHARS);
    let path = path.field("priorities");
    let mut priorities: Vec<u8> = criteria.iter().map(|c| c.priority).collect();
    let mut given = vec![false; criteria.len()];
    let mut valid = true;
    match fields.get("priorities") {
        None => {
            problems.add(&path, "missing");
            valid = false;
        }
        Some(Value::Object(entries)) if entries.len() > MAX_SCORE_KEYS => {
            problems.add(&path, "expected one level per criterion, got more than 64");
            valid = false;
        }
        Some(Value::Object(entries)) => {
            for (key, value) in entries {
                let entry_path = path.field(key);
                let Some(criterion) = criteria.iter().position(|c| c.id == *key) else {
                    problems.add(&entry_path, || quoted("no criterion has the id ", key));
                    valid = false;
                    continue;
                };
                if given[criterion] {
                    problems.add(&entry_path, "given twice");
                    valid = false;
                    continue;
                }
                given[criterion] = true;
                match priority_level(problems, value, &entry_path) {
                    Some(level) => priorities[criterion] = level,
                    None => valid = false,
                }
            }
        }
        Some(other) => {
            problems.add(&path, || expected("an object of levels keyed by criterion id", other));
            valid = false;
        }
    }
    let preset = match (&id, name, valid) {
        (Some(id), Some(name), true) => Some(Preset { id: id.clone(), name, priorities }),
        _ => None,
    };
    (id, preset)
}

/// A priority level: a whole number from 0 to [`MAX_PRIORITY`].
fn priority_level<const M: bool>(problems: &mut Problems<M>, value: &Value, path: &Path) -> Option<u8> {
    match value {
        Value::Number(p) if p.fract() == 0.0 && (0.0..=f64::from(MAX_PRIORITY)).contains(p) => Some(*p as u8),
        Value::Number(p) => {
            problems.add(path, || with_numbers("expected a whole number from 0 to 5, got ", &[("", *p)]));
            None
        }
        other => {
            problems.add(path, || expected("a whole number from 0 to 5", other));
            None
        }
    }
}

/// The option's id when it is valid (for the duplicate check and the scores), and the whole
/// option when everything is.
fn read_option<const M: bool>(
    problems: &mut Problems<M>,
    value: &Value,
    path: &Path,
) -> (Option<String>, Option<Choice>) {
    let Some(fields) = problems.object(value, path, OPTION_FIELDS) else { return (None, None) };
    let id = problems.id(fields.get("id"), &path.field("id"));
    let name = problems.text(fields.get("name"), &path.field("name"), MAX_NAME_CHARS);
    let best_for_path = path.field("best_for");
    let mut best_for = Vec::new();
    match fields.get("best_for") {
        None | Some(Value::Null) => {}
        Some(Value::List(lines)) if lines.len() > MAX_BEST_FOR_LINES => {
            problems.add(&best_for_path, "expected at most 8 lines");
        }
        Some(Value::List(lines)) => {
            for (line_index, line) in lines.iter().enumerate() {
                let line = problems.text(Some(line), &best_for_path.index(line_index), MAX_PROSE_CHARS);
                best_for.extend(line);
            }
        }
        Some(other) => problems.add(&best_for_path, || expected("a list of text", other)),
    }
    let choice = match (&id, name) {
        (Some(id), Some(name)) => Some(Choice { id: id.clone(), name, best_for }),
        _ => None,
    };
    (id, choice)
}

fn read_criterion<const M: bool>(
    problems: &mut Problems<M>,
    value: &Value,
    path: &Path,
    option_ids: &[Option<&str>],
    scale: Option<Scale>,
) -> (Option<String>, Option<Criterion>) {
    let Some(fields) = problems.object(value, path, CRITERION_FIELDS) else { return (None, None) };
    let id = problems.id(fields.get("id"), &path.field("id"));
    let name = problems.text(fields.get("name"), &path.field("name"), MAX_NAME_CHARS);
    let scores = read_scores(problems, fields.get("scores"), &path.field("scores"), option_ids, scale);
    let note = problems.optional_text(fields.get("note"), &path.field("note"), MAX_PROSE_CHARS);
    let priority = match fields.get("priority") {
        None | Some(Value::Null) => Some(DEFAULT_PRIORITY),
        Some(value) => priority_level(problems, value, &path.field("priority")),
    };
    let criterion = match (&id, name, priority, scores) {
        (Some(id), Some(name), Some(priority), Some(scores)) => {
            Some(Criterion { id: id.clone(), name, note, priority, scores })
        }
        _ => None,
    };
    (id, criterion)
}

/// Lines the scores up with the options; reports missing, unknown, repeated and out-of-scale
/// scores. Options whose id is wrong, and a scale that is wrong, are reported elsewhere and skipped.
fn read_scores<const M: bool>(
    problems: &mut Problems<M>,
    value: Option<&Value>,
    path: &Path,
    option_ids: &[Option<&str>],
    scale: Option<Scale>,
) -> Option<Vec<f64>> {
    let entries = match value {
        None => {
            problems.add(path, "missing");
            return None;
        }
        Some(Value::Object(entries)) => entries,
        Some(other) => {
            problems.add(path, || expected("an object of scores keyed by option id", other));
            return None;
        }
    };
    if entries.len() > MAX_SCORE_KEYS {
        problems.add(path, "expected one score per option, got more than 64");
        return None;
    }
    let every_id_known = option_ids.iter().all(Option::is_some);
    let mut scores: Vec<Option<f64>> = vec![None; option_ids.len()];
    let mut valid = true;
    for (key, value) in entries {
        let entry_path = path.field(key);
        let Some(option) = option_ids.iter().position(|id| *id == Some(key.as_str())) else {
            if every_id_known {
                problems.add(&entry_path, || quoted("no option has the id ", key));
            }
            valid = false;
            continue;
        };
        if scores[option].is_some() {
            problems.add(&entry_path, "given twice");
            valid = false;
            continue;
        }
        let Value::Number(score) = value else {
            problems.add(&entry_path, || expected("a number", value));
            valid = false;
            scores[option] = Some(f64::NAN);
            continue;
        };
        scores[option] = Some(*score);
        let Some(scale) = scale else { continue };
        if !(score.is_finite() && *score >= scale.min && *score <= scale.max) {
            problems.add(&entry_path, || {
                with_numbers("expected a number from ", &[("", scale.min), (" to ", scale.max), (", got ", *score)])
            });
            valid = false;
        }
    }
    for (id, score) in option_ids.iter().zip(&scores) {
        if let (Some(id), None) = (id, score) {
            problems.add(&path.field(id), "missing: every option needs a score");
            valid = false;
        }
    }
    if !valid {
        return None;
    }
    scores.into_iter().collect()
}
