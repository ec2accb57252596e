//! The spec's JSON Schema against the card's own validator: `$schema` in a spec, and the two
//! agreeing at every limit a schema can express.
#![cfg(not(target_arch = "wasm32"))]

use comparison_card::core::spec::{self, Comparison, Problem};
use comparison_card::native::schema;
use serde_json::{json, Value};

fn parse(value: &Value) -> Result<Comparison, Vec<Problem>> {
    spec::parse(value.clone())
}

/// A valid spec that uses every field the validator knows.
fn full() -> Value {
    json!({
        "$schema": "comparison-card.schema.json",
        "title": "A vs B",
        "summary": "Short.",
        "scale": { "min": 0, "max": 10 },
        "options": [
            { "id": "a", "name": "A", "best_for": ["Teams in a hurry."] },
            { "id": "b", "name": "B" }
        ],
        "criteria": [
            { "id": "speed", "name": "Speed", "scores": { "a": 9, "b": 6 }, "note": "Measured.", "priority": 4 },
            { "id": "cost", "name": "Cost", "scores": { "a": 4, "b": 8 } }
        ],
        "cta": { "label": "Talk to us", "href": "https://example.com/contact" }
    })
}

#[test]
fn a_spec_may_name_its_schema() {
    let mut without = full();
    without.as_object_mut().unwrap().remove("$schema");
    let expected = parse(&without).unwrap();
    for schema in [json!("comparison-card.schema.json"), json!("https://example.com/x.json"), json!(""), Value::Null] {
        let mut spec = full();
        spec["$schema"] = schema;
        assert_eq!(parse(&spec).unwrap(), expected, "ignored");
    }
}

#[test]
fn a_schema_that_is_not_text_is_reported() {
    let mut spec = full();
    spec["$schema"] = json!(7);
    assert_eq!(parse(&spec).unwrap_err(), vec![Problem::new("$schema", "expected text, got a number")]);
}

/// `count` options `o1`, `o2`…, each scored in every criterion.
fn with_options(count: usize) -> Value {
    let mut spec = full();
    let ids: Vec<String> = (1..=count).map(|i| format!("o{i}")).collect();
    spec["options"] = ids.iter().map(|id| json!({ "id": id, "name": id })).collect();
    let scores: serde_json::Map<String, Value> = ids.iter().map(|id| (id.clone(), json!(5))).collect();
    for criterion in spec["criteria"].as_array_mut().unwrap() {
        criterion["scores"] = Value::Object(scores.clone());
    }
    spec
}

fn with_criteria(count: usize) -> Value {
    let mut spec = full();
    spec["criteria"] =
        (0..count).map(|i| json!({ "id": format!("c{i}"), "name": "C", "scores": { "a": 1, "b": 2 } })).collect();
    spec
}

fn with(path: &[&str], value: Value) -> Value {
    let mut spec = full();
    let mut target = &mut spec;
    for key in path {
        target = match key.parse::<usize>() {
            Ok(index) => &mut target[index],
            Err(_) => &mut target[*key],
        };
    }
    *target = value;
    spec
}

fn chars(count: usize) -> Value {
    Value::String("x".repeat(count))
}

/// `count` presets with distinct ids (uniqueness is the validator's job, not the schema's).
fn presets(count: usize) -> Value {
    (0..count).map(|i| json!({ "id": format!("p{i}"), "name": "P", "priorities": {} })).collect()
}

#[test]
fn the_schema_and_the_validator_agree_at_every_limit_the_schema_expresses() {
    let schema = serde_json::to_value(schema::spec_schema()).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let long_link = format!("https://example.com/{}", "x".repeat(2000 - 20));
    let cases: Vec<(&str, Value, bool)> = vec![
        ("the full spec", full(), true),
        ("title of 200", with(&["title"], chars(200)), true),
        ("title of 201", with(&["title"], chars(201)), false),
        ("title of 200 non-ASCII characters", with(&["title"], Value::String("é".repeat(200))), true),
        ("blank title", with(&["title"], json!("  ")), false),
        ("null title", with(&["title"], Value::Null), false),
        ("summary of 1000", with(&["summary"], chars(1000)), true),
        ("summary of 1001", with(&["summary"], chars(1001)), false),
        ("blank summary", with(&["summary"], json!(" ")), true),
        ("null summary", with(&["summary"], Value::Null), true),
        ("one option", with_options(1), false),
        ("six options", with_options(6), true),
        ("seven options", with_options(7), false),
        ("no criteria", with_criteria(0), false),
        ("thirty criteria", with_criteria(30), true),
        ("thirty-one criteria", with_criteria(31), false),
        ("id of 40", with(&["criteria", "0", "id"], chars(40)), true),
        ("id of 41", with(&["criteria", "0", "id"], chars(41)), false),
        ("id with a space", with(&["criteria", "0", "id"], json!("a b")), false),
        ("id with an accent", with(&["criteria", "0", "id"], json!("é")), false),
        ("empty id", with(&["criteria", "0", "id"], json!("")), false),
        ("name of 100", with(&["options", "0", "name"], chars(100)), true),
        ("name of 101", with(&["options", "0", "name"], chars(101)), false),
        ("eight best-for lines", with(&["options", "0", "best_for"], json!(vec!["x"; 8])), true),
        ("nine best-for lines", with(&["options", "0", "best_for"], json!(vec!["x"; 9])), false),
        ("blank best-for line", with(&["options", "0", "best_for"], json!([" "])), false),
        ("best-for line of 1001", with(&["options", "0", "best_for", "0"], chars(1001)), false),
        ("null best_for", with(&["options", "0", "best_for"], Value::Null), true),
        ("note of 1000", with(&["criteria", "0", "note"], chars(1000)), true),
        ("note of 1001", with(&["criteria", "0", "note"], chars(1001)), false),
        ("priority 0", with(&["criteria", "0", "priority"], json!(0)), true),
        ("priority 5", with(&["criteria", "0", "priority"], json!(5)), true),
        ("priority 6", with(&["criteria", "0", "priority"], json!(6)), false),
        ("priority -1", with(&["criteria", "0", "priority"], json!(-1)), false),
        ("priority 2.5", with(&["criteria", "0", "priority"], json!(2.5)), false),
        ("priority 3.0", with(&["criteria", "0", "priority"], json!(3.0)), true),
        ("priority as text", with(&["criteria", "0", "priority"], json!("3")), false),
        ("null priority", with(&["criteria", "0", "priority"], Value::Null), true),
        ("score as text", with(&["criteria", "0", "scores", "a"], json!("9")), false),
        ("scores not an object", with(&["criteria", "0", "scores"], json!([9, 6])), false),
        ("scale of a million each way", with(&["scale"], json!({ "min": -1e6, "max": 1e6 })), true),
        ("scale past a million", with(&["scale"], json!({ "min": 0, "max": 1_000_001 })), false),
        ("scale without max", with(&["scale"], json!({ "min": 0 })), false),
        ("null scale", with(&["scale"], Value::Null), true),
        ("mailto link", with(&["cta", "href"], json!("MAILTO:sales@example.com")), true),
        ("http link", with(&["cta", "href"], json!("http://example.com")), true),
        ("javascript link", with(&["cta", "href"], json!("javascript:alert(1)")), false),
        ("relative link", with(&["cta", "href"], json!("/contact")), false),
        ("scheme-relative link", with(&["cta", "href"], json!("//example.com")), false),
        ("link with nothing after the scheme", with(&["cta", "href"], json!("https://")), false),
        ("link with a third slash", with(&["cta", "href"], json!("https:///x")), false),
        ("link with a space", with(&["cta", "href"], json!("https://a b")), false),
        ("link with a tab", with(&["cta", "href"], json!("https://a\tb")), false),
        ("link with a control character", with(&["cta", "href"], json!("https://a\u{85}b")), false),
        ("link of 2000", with(&["cta", "href"], json!(long_link)), true),
        ("link of 2001", with(&["cta", "href"], json!(format!("{long_link}x"))), false),
        ("blank label", with(&["cta", "label"], json!(" ")), false),
        ("label of 101", with(&["cta", "label"], chars(101)), false),
        ("unknown top-level field", with(&["subtitle"], json!("x")), false),
        ("unknown option field", with(&["options", "1", "colour"], json!("red")), false),
        ("unknown cta field", with(&["cta", "target"], json!("_blank")), false),
        ("$schema as a number", with(&["$schema"], json!(1)), false),
        ("carry true", with(&["cta", "carry"], json!(true)), true),
        ("carry as text", with(&["cta", "carry"], json!("yes")), false),
        ("a preset", with(&["presets"], json!([{ "id": "p", "name": "P", "priorities": { "speed": 5 } }])), true),
        (
            "a preset with no priorities",
            with(&["presets"], json!([{ "id": "p", "name": "P", "priorities": {} }])),
            true,
        ),
        (
            "a preset level of 6",
            with(&["presets"], json!([{ "id": "p", "name": "P", "priorities": { "speed": 6 } }])),
            false,
        ),
        ("a preset without a name", with(&["presets"], json!([{ "id": "p", "priorities": {} }])), false),
        ("a preset with a bad id", with(&["presets"], json!([{ "id": "a b", "name": "P", "priorities": {} }])), false),
        ("eight presets", with(&["presets"], presets(8)), true),
        ("nine presets", with(&["presets"], presets(9)), false),
        ("null presets", with(&["presets"], Value::Null), true),
    ];
    for (name, spec, valid) in cases {
        let by_validator = parse(&spec).is_ok();
        let by_schema = validator.is_valid(&spec);
        assert_eq!((by_validator, by_schema), (valid, valid), "{name}: (validator, schema)");
    }
}
