//! A JSON Schema of the spec, for editors and build checks (`comparison-card schema`).
//!
//! The types below exist only to describe the spec to `schemars`; the card never reads them.
//! [`crate::core::spec`] stays the authority: it also checks what a schema cannot say (unique ids, a
//! score for every option, scores within the spec's own scale). The limits here are spec.rs's,
//! and `tests/schema.rs` checks both sides agree at every limit.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::core::spec::{MAX_CRITERIA, MAX_OPTIONS, MAX_PRIORITY, MIN_CRITERIA, MIN_OPTIONS};

// spec.rs keeps these private; the same numbers, checked by tests/schema.rs.
const MAX_ID_CHARS: u32 = 40;
const MAX_TITLE_CHARS: u32 = 200;
const MAX_NAME_CHARS: u32 = 100;
const MAX_PROSE_CHARS: u32 = 1000;
const MAX_BEST_FOR_LINES: u32 = 8;
const MAX_LINK_CHARS: u32 = 2000;
const MAX_SCALE_MAGNITUDE: i64 = 1_000_000;
const MAX_PRESETS: u32 = 8;
const MAX_LABEL_CHARS: u32 = 200;

/// Ids: 1 to 40 ASCII letters, digits, `-` or `_`.
const ID_PATTERN: &str = "^[A-Za-z0-9_-]{1,40}$";
/// Required text must hold something other than white space.
const NOT_BLANK: &str = "\\S";
/// An absolute https, http or mailto link, with no white space or control characters.
const LINK_PATTERN: &str =
    "^([Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:)[^\\s/\\x00-\\x1f\\x7f-\\x9f][^\\s\\x00-\\x1f\\x7f-\\x9f]*$";

const SPEC_DESCRIPTION: &str = "A comparison card's spec: the JSON inside the element's \
    <script type=\"application/json\">, or the object set as its spec property. Unknown fields are \
    errors; absent and null optional fields count as absent. `comparison-card validate` checks \
    what a schema cannot: unique ids, one score per option within the scale, scale min below max.";

#[derive(JsonSchema)]
#[schemars(title = "comparison-card spec", description = SPEC_DESCRIPTION, deny_unknown_fields)]
#[allow(dead_code)]
struct Spec {
    /// The address of this schema, for editors; the card ignores it.
    #[serde(rename = "$schema")]
    schema: Option<String>,
    /// The card's heading.
    #[schemars(length(min = 1, max = MAX_TITLE_CHARS), regex(pattern = NOT_BLANK))]
    title: String,
    /// Optional short text under the title.
    #[schemars(length(max = MAX_PROSE_CHARS))]
    summary: Option<String>,
    /// The score scale; 0 to 10 when absent.
    scale: Option<Scale>,
    /// The things compared, in the order shown.
    #[schemars(length(min = MIN_OPTIONS, max = MAX_OPTIONS))]
    options: Vec<Choice>,
    /// What the options are compared on, in the order shown.
    #[schemars(length(min = MIN_CRITERIA, max = MAX_CRITERIA))]
    criteria: Vec<Criterion>,
    /// Named sets of starting priorities a visitor can pick.
    #[schemars(length(max = MAX_PRESETS))]
    presets: Option<Vec<Preset>>,
    /// The call to action under the card.
    cta: Option<Cta>,
    /// The card's fixed strings, for another language or other words.
    #[serde(default)]
    #[schemars(schema_with = "labels")]
    labels: (),
}

/// The score scale. `min` must be below `max`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Scale {
    /// The lowest score.
    #[schemars(schema_with = "scale_end")]
    min: f64,
    /// The highest score.
    #[schemars(schema_with = "scale_end")]
    max: f64,
}

/// One option compared. Its id is unique among the options.
#[derive(JsonSchema)]
#[schemars(rename = "Option", deny_unknown_fields)]
#[allow(dead_code)]
struct Choice {
    /// Names the option in `scores` and in the card's events.
    #[schemars(length(min = 1, max = MAX_ID_CHARS), regex(pattern = ID_PATTERN))]
    id: String,
    /// The name shown.
    #[schemars(length(min = 1, max = MAX_NAME_CHARS), regex(pattern = NOT_BLANK))]
    name: String,
    /// Who this option suits best, one line each.
    #[schemars(
        length(max = MAX_BEST_FOR_LINES),
        inner(length(min = 1, max = MAX_PROSE_CHARS), regex(pattern = NOT_BLANK))
    )]
    best_for: Option<Vec<String>>,
}

/// One criterion. Its id is unique among the criteria.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Criterion {
    /// Names the criterion in the card's events and in presets.
    #[schemars(length(min = 1, max = MAX_ID_CHARS), regex(pattern = ID_PATTERN))]
    id: String,
    /// The name shown.
    #[schemars(length(min = 1, max = MAX_NAME_CHARS), regex(pattern = NOT_BLANK))]
    name: String,
    #[schemars(schema_with = "scores")]
    scores: (),
    /// One line of rationale shown under the scores.
    #[schemars(length(max = MAX_PROSE_CHARS))]
    note: Option<String>,
    /// How much the criterion counts at first; 3 (Important) when absent.
    priority: Option<Priority>,
}

/// A named set of starting priorities.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Preset {
    /// Unique among the presets.
    #[schemars(length(min = 1, max = MAX_ID_CHARS), regex(pattern = ID_PATTERN))]
    id: String,
    /// The name shown.
    #[schemars(length(min = 1, max = MAX_NAME_CHARS), regex(pattern = NOT_BLANK))]
    name: String,
    #[schemars(schema_with = "preset_priorities")]
    priorities: (),
}

/// The call to action: a link under the card.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct Cta {
    /// The link's text.
    #[schemars(length(min = 1, max = MAX_NAME_CHARS), regex(pattern = NOT_BLANK))]
    label: String,
    /// An absolute `https:`, `http:` or `mailto:` link.
    #[schemars(length(min = 1, max = MAX_LINK_CHARS), regex(pattern = LINK_PATTERN))]
    href: String,
    /// Whether the link carries the visitor's priorities along.
    carry: Option<bool>,
}

fn scale_end(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "number", "minimum": -MAX_SCALE_MAGNITUDE, "maximum": MAX_SCALE_MAGNITUDE })
}

fn scores(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "One score per option, keyed by option id: every option, and nothing else. \
                        Each is a number within the scale.",
        "type": "object",
        "propertyNames": { "pattern": ID_PATTERN },
        "additionalProperties": { "type": "number" },
        "minProperties": MIN_OPTIONS,
        "maxProperties": MAX_OPTIONS,
    })
}

/// A slider position: 0 Ignore, 1 Minor, 2 Moderate, 3 Important, 4 High, 5 Critical.
struct Priority;

impl JsonSchema for Priority {
    fn schema_name() -> Cow<'static, str> {
        "Priority".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A priority: 0 Ignore, 1 Minor, 2 Moderate, 3 Important, 4 High, 5 Critical.",
            "type": "integer",
            "minimum": 0,
            "maximum": MAX_PRIORITY,
        })
    }
}

/// Every label, its English text as the description, and the six level names.
fn labels(_: &mut SchemaGenerator) -> Schema {
    let mut properties = serde_json::Map::new();
    for label in crate::core::labels::LABELS {
        let mut description = String::from("Default: ");
        description.push_str(label.english);
        if !label.placeholders.is_empty() {
            description.push_str(" Placeholders: ");
            let names: Vec<String> = label.placeholders.iter().map(|name| format!("{{{name}}}")).collect();
            description.push_str(&names.join(", "));
        }
        properties.insert(
            label.key.to_string(),
            serde_json::json!({
                "description": description,
                "type": "string",
                "minLength": 1,
                "maxLength": MAX_LABEL_CHARS,
                "pattern": NOT_BLANK,
            }),
        );
    }
    properties.insert(
        crate::core::labels::LEVELS_KEY.to_string(),
        serde_json::json!({
            "description": "The six priority level names, from Ignore to Critical.",
            "type": "array",
            "items": { "type": "string", "minLength": 1, "maxLength": MAX_NAME_CHARS, "pattern": NOT_BLANK },
            "minItems": 6,
            "maxItems": 6,
        }),
    );
    json_schema!({
        "description": "The card's fixed strings, replaced: for another language, or other words. A label may \
                        use only its own placeholders.",
        "type": ["object", "null"],
        "properties": properties,
        "additionalProperties": false,
    })
}

fn preset_priorities(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "Priorities keyed by criterion id.",
        "type": "object",
        "propertyNames": { "pattern": ID_PATTERN },
        "additionalProperties": generator.subschema_for::<Priority>(),
        "maxProperties": MAX_CRITERIA,
    })
}

/// The spec's JSON Schema (draft 2020-12).
pub fn spec_schema() -> Schema {
    schemars::schema_for!(Spec)
}

/// The schema as pretty-printed JSON text, ending in a newline: what `comparison-card schema`
/// prints and `www/specs/comparison-card.schema.json` holds.
pub fn spec_schema_text() -> String {
    // A schema is a JSON value, which always prints; an empty text would still fail its test.
    let mut text = serde_json::to_string_pretty(&spec_schema()).unwrap_or_default();
    text.push('\n');
    text
}
