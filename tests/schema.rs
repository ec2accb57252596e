//! `$schema` in a spec: the address of the spec's JSON Schema, for editors.
#![cfg(not(target_arch = "wasm32"))]

use comparison_card::spec::{self, Comparison, Problem};
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
