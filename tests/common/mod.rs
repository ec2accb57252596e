//! Helpers shared by the native test files (each `tests/*.rs` includes this with `mod common;`).
#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::json;

/// The demo spec, read from where the demo page reads it, never copied into a test.
pub const DEMO: &str = include_str!("../../www/specs/node-vs-python.json");

/// A valid spec: 2–6 options, 1–30 criteria, scores within a scale, priorities 0–5.
pub fn valid_spec() -> impl Strategy<Value = serde_json::Value> {
    (2usize..=6, 1usize..=30, -50i32..50, 1i32..100).prop_flat_map(|(options, criteria, min, span)| {
        let (min, max) = (f64::from(min), f64::from(min + span));
        let scores = prop::collection::vec(prop::collection::vec(min..=max, options), criteria);
        let priorities = prop::collection::vec(prop::option::of(0u8..=5), criteria);
        (scores, priorities).prop_map(move |(scores, priorities)| {
            let option_list: Vec<_> =
                (0..options).map(|i| json!({ "id": format!("o{i}"), "name": format!("Option {i}") })).collect();
            let criterion_list: Vec<_> = scores
                .iter()
                .zip(&priorities)
                .enumerate()
                .map(|(c, (row, priority))| {
                    let scores: serde_json::Map<_, _> =
                        row.iter().enumerate().map(|(i, s)| (format!("o{i}"), json!(s))).collect();
                    let mut criterion = json!({ "id": format!("c{c}"), "name": format!("Criterion {c}"), "scores": scores });
                    if let Some(p) = priority {
                        criterion["priority"] = json!(p);
                    }
                    criterion
                })
                .collect();
            json!({ "title": "T", "scale": { "min": min, "max": max }, "options": option_list, "criteria": criterion_list })
        })
    })
}
