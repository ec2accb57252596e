//! Native tests of spec validation: every rule, with the exact path in the message.
#![cfg(not(target_arch = "wasm32"))]

use comparison_card::core::spec::{self, Comparison, Problem};
use serde_json::{json, Value};

fn parse(value: Value) -> Result<Comparison, Vec<Problem>> {
    spec::parse(value)
}

fn problems(value: Value) -> Vec<String> {
    match parse(value) {
        Ok(_) => panic!("expected the spec to be rejected"),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

fn valid() -> Value {
    json!({
        "title": "A vs B",
        "options": [{ "id": "a", "name": "A" }, { "id": "b", "name": "B" }],
        "criteria": [
            { "id": "speed", "name": "Speed", "scores": { "a": 9, "b": 6 } },
            { "id": "cost", "name": "Cost", "scores": { "a": 4, "b": 8 }, "priority": 5 },
            { "id": "docs", "name": "Docs", "scores": { "a": 7, "b": 10 } }
        ],
        "cta": { "label": "Talk to us", "href": "https://example.com/contact" }
    })
}

#[test]
fn demo_specs_are_valid() {
    for file in ["www/specs/node-vs-python.json", "www/specs/hosting.json", "www/specs/hosting-de.json"] {
        let text = std::fs::read_to_string(file).unwrap();
        let mut deserializer = serde_json::Deserializer::from_str(&text);
        if let Err(problems) = spec::parse(&mut deserializer) {
            panic!("{file}: {problems:?}");
        }
    }
}

#[test]
fn a_valid_spec_gets_defaults() {
    let comparison = parse(valid()).unwrap();
    assert_eq!(comparison.scale.min, 0.0);
    assert_eq!(comparison.scale.max, 10.0);
    assert_eq!(comparison.criteria[0].priority, 3, "priority defaults to 3");
    assert_eq!(comparison.criteria[1].priority, 5);
    assert_eq!(comparison.criteria[0].scores, vec![9.0, 6.0]);
    assert!(comparison.summary.is_none());
    assert!(comparison.options[0].best_for.is_empty());
}

#[test]
fn scores_follow_option_order_whatever_the_key_order() {
    let mut value = valid();
    value["criteria"][0]["scores"] = json!({ "b": 1, "a": 2 });
    assert_eq!(parse(value).unwrap().criteria[0].scores, vec![2.0, 1.0]);
}

#[test]
fn a_score_above_the_scale_names_its_path_and_value() {
    let mut value = valid();
    value["criteria"][2]["scores"]["b"] = json!(11);
    assert_eq!(problems(value), vec!["criteria[2].scores.b: expected a number from 0 to 10, got 11"]);
}

#[test]
fn scores_are_checked_against_a_custom_scale() {
    let mut value = valid();
    value["scale"] = json!({ "min": 1, "max": 5 });
    value["criteria"][0]["scores"] = json!({ "a": 5, "b": 0.5 });
    value["criteria"][1]["scores"] = json!({ "a": 1, "b": 5 });
    value["criteria"][2]["scores"] = json!({ "a": 2.5, "b": 3 });
    assert_eq!(problems(value), vec!["criteria[0].scores.b: expected a number from 1 to 5, got 0.5"]);
}

#[test]
fn an_inverted_scale_is_rejected() {
    let mut value = valid();
    value["scale"] = json!({ "min": 10, "max": 0 });
    let found = problems(value);
    assert_eq!(found[0], "scale: expected min below max, both from -1000000 to 1000000, got 10 to 0");
    let mut value = valid();
    value["scale"] = json!({ "min": -1e300, "max": 1e300 });
    assert!(problems(value)[0].starts_with("scale: expected min below max"));
}

#[test]
fn huge_lists_are_reported_once_without_checking_every_item() {
    let mut value = valid();
    let options: Vec<Value> = (0..20_000).map(|_| json!({ "id": "", "name": "" })).collect();
    value["options"] = Value::Array(options);
    assert_eq!(problems(value), vec!["options: expected 2 to 6 options, got 20000"]);

    let mut value = valid();
    let criteria: Vec<Value> = (0..10_000).map(|_| json!({ "id": "x", "name": "", "scores": {} })).collect();
    value["criteria"] = Value::Array(criteria);
    assert_eq!(problems(value), vec!["criteria: expected 1 to 30 criteria, got 10000"]);
}

#[test]
fn a_scores_object_with_too_many_keys_stops_early() {
    let mut value = valid();
    let scores: serde_json::Map<String, Value> = (0..100).map(|i| (format!("k{i}"), json!(1))).collect();
    value["criteria"][0]["scores"] = Value::Object(scores);
    assert_eq!(problems(value), vec!["criteria[0].scores: expected one score per option, got more than 64"]);
}

#[test]
fn at_most_fifty_problems_are_listed() {
    let mut value = valid();
    let criteria: Vec<Value> =
        (0..30).map(|i| json!({ "id": format!("c{i}"), "name": "", "scores": { "a": 11, "b": 12 } })).collect();
    value["criteria"] = Value::Array(criteria);
    let found = problems(value);
    assert_eq!(found.len(), 51);
    assert_eq!(found[50], "spec: 40 more problems not listed");
}

#[test]
fn negative_scores_are_outside_the_default_scale() {
    let mut value = valid();
    value["criteria"][0]["scores"]["a"] = json!(-1);
    assert_eq!(problems(value), vec!["criteria[0].scores.a: expected a number from 0 to 10, got -1"]);
}

#[test]
fn a_missing_score_is_reported_for_that_option() {
    let mut value = valid();
    value["criteria"][1]["scores"] = json!({ "a": 4 });
    assert_eq!(problems(value), vec!["criteria[1].scores.b: missing: every option needs a score"]);
}

#[test]
fn a_score_for_an_unknown_option_is_reported() {
    let mut value = valid();
    value["criteria"][0]["scores"]["c"] = json!(5);
    assert_eq!(problems(value), vec!["criteria[0].scores.c: no option has the id `c`"]);
}

#[test]
fn a_score_given_as_a_string_is_a_type_error_at_its_path() {
    let mut value = valid();
    value["criteria"][0]["scores"]["b"] = json!("7");
    assert_eq!(problems(value), vec!["criteria[0].scores.b: expected a number, got text"]);
}

#[test]
fn every_problem_of_meaning_is_reported_at_once() {
    let mut value = valid();
    value["title"] = json!("  ");
    value["options"][1]["name"] = json!("");
    value["criteria"][0]["scores"]["a"] = json!(12);
    value["criteria"][1]["priority"] = json!(7);
    value["cta"]["href"] = json!("javascript:alert(1)");
    assert_eq!(
        problems(value),
        vec![
            "title: must not be empty",
            "options[1].name: must not be empty",
            "criteria[0].scores.a: expected a number from 0 to 10, got 12",
            "criteria[1].priority: expected a whole number from 0 to 5, got 7",
            "cta.href: expected an absolute https, http or mailto link, got `javascript:alert(1)`",
        ]
    );
}

#[test]
fn unknown_fields_are_rejected_with_their_place() {
    let mut value = valid();
    value["options"][1]["colour"] = json!("red");
    assert_eq!(problems(value), vec!["options[1].colour: unknown field; expected one of id, name, best_for"]);

    let mut value = valid();
    value["subtitle"] = json!("x");
    assert_eq!(
        problems(value),
        vec![
            "subtitle: unknown field; expected one of title, summary, scale, options, criteria, presets, cta, labels, $schema"
        ]
    );
}

#[test]
fn missing_required_fields_are_named() {
    let mut value = valid();
    value["options"][0].as_object_mut().unwrap().remove("id");
    assert_eq!(problems(value), vec!["options[0].id: missing"]);

    let mut value = valid();
    value.as_object_mut().unwrap().remove("title");
    value["criteria"][0].as_object_mut().unwrap().remove("scores");
    assert_eq!(problems(value), vec!["title: missing", "criteria[0].scores: missing"]);
}

#[test]
fn duplicate_ids_name_both_places() {
    let mut value = valid();
    value["options"][1]["id"] = json!("a");
    value["criteria"][2]["id"] = json!("speed");
    assert_eq!(
        problems(value),
        vec![
            "options[1].id: duplicate id `a` (also used by options[0])",
            "criteria[2].id: duplicate id `speed` (also used by criteria[0])",
        ]
    );
}

#[test]
fn empty_and_unsafe_ids_are_rejected() {
    let mut value = valid();
    value["criteria"][0]["id"] = json!("");
    value["criteria"][1]["id"] = json!("has space");
    let found = problems(value);
    assert_eq!(found[0], "criteria[0].id: expected 1 to 40 letters, digits, '-' or '_', got ``");
    assert_eq!(found[1], "criteria[1].id: expected 1 to 40 letters, digits, '-' or '_', got `has space`");
}

#[test]
fn option_and_criteria_counts_are_bounded() {
    let mut value = valid();
    value["options"] = json!([{ "id": "a", "name": "A" }]);
    value["criteria"] = json!([{ "id": "x", "name": "X", "scores": { "a": 1 } }]);
    assert_eq!(problems(value), vec!["options: expected 2 to 6 options, got 1"]);

    let mut value = valid();
    let options: Vec<Value> = (0..7).map(|i| json!({ "id": format!("o{i}"), "name": format!("O{i}") })).collect();
    let scores: serde_json::Map<String, Value> = (0..7).map(|i| (format!("o{i}"), json!(5))).collect();
    value["options"] = Value::Array(options);
    value["criteria"] = json!([{ "id": "x", "name": "X", "scores": scores }]);
    assert_eq!(problems(value), vec!["options: expected 2 to 6 options, got 7"]);

    let mut value = valid();
    value["criteria"] = json!([]);
    assert_eq!(problems(value), vec!["criteria: expected 1 to 30 criteria, got 0"]);

    let mut value = valid();
    let criteria: Vec<Value> =
        (0..31).map(|i| json!({ "id": format!("c{i}"), "name": "C", "scores": { "a": 1, "b": 2 } })).collect();
    value["criteria"] = Value::Array(criteria);
    assert_eq!(problems(value), vec!["criteria: expected 1 to 30 criteria, got 31"]);
}

#[test]
fn fractional_and_negative_priorities_are_rejected() {
    let mut value = valid();
    value["criteria"][0]["priority"] = json!(2.5);
    value["criteria"][1]["priority"] = json!(-1);
    assert_eq!(
        problems(value),
        vec![
            "criteria[0].priority: expected a whole number from 0 to 5, got 2.5",
            "criteria[1].priority: expected a whole number from 0 to 5, got -1",
        ]
    );
}

#[test]
fn only_https_http_and_mailto_links_are_allowed() {
    for good in ["https://example.com/x?y=1", "http://example.com", "mailto:sales@example.com", "HTTPS://EXAMPLE.COM"] {
        assert!(spec::is_allowed_link(good), "{good}");
    }
    for bad in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example",
        "https:///evil.example",
        "",
        "/contact",
        "https://exa mple.com",
        "vbscript:x",
        "https://",
    ] {
        assert!(!spec::is_allowed_link(bad), "{bad:?}");
    }
}

#[test]
fn long_text_is_bounded_and_quoted_text_is_cut() {
    let mut value = valid();
    value["options"][0]["name"] = json!("x".repeat(101));
    value["cta"]["href"] = json!(format!("javascript:{}", "a".repeat(100)));
    let found = problems(value);
    assert_eq!(found[0], "options[0].name: must be at most 100 characters long");
    assert!(found[1].ends_with("…`"), "{found:?}");
    assert!(found[1].chars().count() < 140, "{found:?}");
}

#[test]
fn blank_optional_text_counts_as_absent() {
    let mut value = valid();
    value["summary"] = json!("   ");
    value["criteria"][0]["note"] = json!("");
    let comparison = parse(value).unwrap();
    assert!(comparison.summary.is_none());
    assert!(comparison.criteria[0].note.is_none());
}

#[test]
fn a_spec_that_is_not_an_object_is_rejected_at_the_root() {
    for (value, kind) in
        [(json!(null), "null"), (json!([1, 2]), "a list"), (json!("spec"), "text"), (json!(42), "a number")]
    {
        assert_eq!(problems(value), vec![format!("spec: expected an object, got {kind}")]);
    }
}

#[test]
fn nested_arrays_where_objects_belong_are_rejected() {
    let mut value = valid();
    value["options"][0] = json!(["a", "A"]);
    assert_eq!(problems(value), vec!["options[0]: expected an object, got a list"]);
    let mut value = valid();
    value["criteria"][0]["scores"] = json!([9, 6]);
    assert_eq!(
        problems(value),
        vec!["criteria[0].scores: expected an object of scores keyed by option id, got a list"]
    );
}

#[test]
fn a_score_key_given_twice_is_an_error() {
    let text = r#"{"title":"T","options":[{"id":"a","name":"A"},{"id":"b","name":"B"}],
        "criteria":[{"id":"x","name":"X","scores":{"a":1,"b":2,"a":3}}]}"#;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let found: Vec<String> = spec::parse(&mut deserializer).unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(found, vec!["criteria[0].scores.a: given twice"]);
}

#[test]
fn structural_and_meaning_problems_are_reported_together() {
    let mut value = valid();
    value["options"][0]["colour"] = json!("red");
    value["options"][1].as_object_mut().unwrap().remove("name");
    value["criteria"][1]["scores"]["b"] = json!("8");
    value["criteria"][2]["scores"]["a"] = json!(-3);
    value["criteria"][2]["note"] = json!(42);
    assert_eq!(
        problems(value),
        vec![
            "options[0].colour: unknown field; expected one of id, name, best_for",
            "options[1].name: missing",
            "criteria[1].scores.b: expected a number, got text",
            "criteria[2].scores.a: expected a number from 0 to 10, got -3",
            "criteria[2].note: expected text, got a number",
        ]
    );
}

#[test]
fn a_field_given_twice_is_reported() {
    let text = r#"{"title":"T","title":"U","options":[{"id":"a","name":"A"},{"id":"b","name":"B"}],
        "criteria":[{"id":"x","name":"X","scores":{"a":1,"b":2}}]}"#;
    let found: Vec<String> = spec::parse(&mut serde_json::Deserializer::from_str(text))
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found, vec!["title: given twice"]);
}

#[test]
fn deep_nesting_is_refused_while_reading() {
    let text = format!(r#"{{"title": {}1{}}}"#, "[".repeat(100), "]".repeat(100));
    let found: Vec<String> = spec::parse(&mut serde_json::Deserializer::from_str(&text))
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("spec: nested more than 32 levels deep"), "{found:?}");
}

#[test]
fn an_empty_key_is_named_in_the_path() {
    let mut value = valid();
    value[""] = json!(6);
    value["criteria"][0]["scores"][""] = json!(1);
    assert_eq!(
        problems(value),
        vec![
            "\"\": unknown field; expected one of title, summary, scale, options, criteria, presets, cta, labels, $schema",
            "criteria[0].scores.\"\": no option has the id ``",
        ]
    );
}

#[test]
fn null_counts_as_absent_for_every_optional_field() {
    let mut value = valid();
    value["scale"] = json!(null);
    value["cta"] = json!(null);
    value["summary"] = json!(null);
    value["options"][0]["best_for"] = json!(null);
    value["criteria"][0]["note"] = json!(null);
    value["criteria"][0]["priority"] = json!(null);
    let comparison = parse(value).unwrap();
    assert_eq!((comparison.scale.min, comparison.scale.max), (0.0, 10.0));
    assert!(comparison.cta.is_none());
    assert_eq!(comparison.criteria[0].priority, 3);
}

#[test]
fn presets_fill_unlisted_criteria_with_the_authors_priorities() {
    let mut value = valid();
    value["presets"] = json!([
        { "id": "fast", "name": "Speed first", "priorities": { "speed": 5, "cost": 0 } },
        { "id": "cheap", "name": "On a budget", "priorities": {} }
    ]);
    let comparison = parse(value).unwrap();
    assert_eq!(comparison.presets.len(), 2);
    assert_eq!(comparison.presets[0].id, "fast");
    assert_eq!(comparison.presets[0].name, "Speed first");
    // docs was left out: it keeps its author priority, the default 3.
    assert_eq!(comparison.presets[0].priorities, vec![5, 0, 3]);
    assert_eq!(comparison.presets[1].priorities, vec![3, 5, 3]);
    assert!(parse(valid()).unwrap().presets.is_empty(), "presets are optional");
}

#[test]
fn preset_problems_are_reported_with_their_paths() {
    let mut value = valid();
    value["presets"] = json!([
        { "id": "fast", "name": "Speed", "priorities": { "speed": 6, "colour": 2, "cost": "high" } },
        { "id": "fast", "name": "", "priorities": [1, 2] },
        { "id": "x", "name": "X" }
    ]);
    assert_eq!(
        problems(value),
        vec![
            // serde_json's map sorts the keys.
            "presets[0].priorities.colour: no criterion has the id `colour`",
            "presets[0].priorities.cost: expected a whole number from 0 to 5, got text",
            "presets[0].priorities.speed: expected a whole number from 0 to 5, got 6",
            "presets[1].name: must not be empty",
            "presets[1].priorities: expected an object of levels keyed by criterion id, got a list",
            "presets[2].priorities: missing",
            "presets[1].id: duplicate id `fast` (also used by presets[0])",
        ]
    );
}

#[test]
fn preset_count_is_bounded_and_type_checked() {
    let mut value = valid();
    let preset = json!({ "id": "p", "name": "P", "priorities": {} });
    value["presets"] = Value::Array(vec![preset; 9]);
    assert_eq!(problems(value), vec!["presets: expected 0 to 8 presets, got 9"]);
    let mut value = valid();
    value["presets"] = json!({ "fast": {} });
    assert_eq!(problems(value), vec!["presets: expected a list, got an object"]);
}

#[test]
fn the_cta_can_carry_the_visitors_choice() {
    let mut value = valid();
    assert!(!parse(value.clone()).unwrap().cta.unwrap().carry, "carry is off unless asked for");
    value["cta"]["carry"] = json!(true);
    assert!(parse(value.clone()).unwrap().cta.unwrap().carry);
    value["cta"]["carry"] = json!("yes");
    assert_eq!(problems(value), vec!["cta.carry: expected true or false, got text"]);
}

#[test]
fn labels_replace_the_cards_words_and_numbers_follow_the_decimal_separator() {
    use comparison_card::core::scoring::Standing;
    use comparison_card::core::text;
    let mut value = valid();
    value["labels"] = json!({
        "leads": "{leader} liegt mit {margin} Punkten vorn.",
        "and": " und ",
        "tied": "{options} liegen gleichauf.",
        "levels": ["Egal", "Wenig", "Mittel", "Wichtig", "Hoch", "Kritisch"]
    });
    let mut comparison = parse(value).unwrap();
    comparison.labels.decimal = Some(',');
    let mut verdict = String::new();
    text::push_verdict(&mut verdict, &comparison, Standing::Leader { option: 1, margin: 1.25 });
    assert_eq!(verdict, "B liegt mit 1,3 Punkten vorn.");
    let mut tie = String::new();
    text::push_verdict(&mut tie, &comparison, Standing::Tie(comparison_card::core::scoring::top_options(&[1.0, 1.0])));
    assert_eq!(tie, "A und B liegen gleichauf.");
    assert_eq!(comparison.labels.level(5), "Kritisch");
    // Labels the author left out stay English.
    let mut none = String::new();
    text::push_verdict(&mut none, &comparison, Standing::NoPriorities);
    assert!(none.starts_with("Every criterion is set to Ignore."));
}

#[test]
fn label_problems_name_the_label() {
    let mut value = valid();
    value["labels"] = json!({
        "leads": "{leader} wins by {points}",
        "colour": "red",
        "reset": "",
        "levels": ["a", "b"]
    });
    assert_eq!(
        problems(value),
        vec![
            "labels.colour: unknown label; see the README for the list",
            "labels.leads: unknown placeholder {points}; the README lists each label's placeholders",
            "labels.levels: expected a list of 6 level names, from Ignore to Critical",
            "labels.reset: must not be empty",
        ]
    );
    let mut value = valid();
    value["labels"] = json!(["Reset"]);
    assert_eq!(problems(value), vec!["labels: expected an object of texts keyed by label name, got a list"]);
}

#[test]
fn a_refused_spec_still_offers_its_labels_for_the_error_box() {
    use comparison_card::core::labels::Key;
    let mut value = valid();
    value["title"] = json!("");
    value["labels"] = json!({ "error_title": "Dieser Vergleich kann nicht angezeigt werden" });
    let read = comparison_card::core::value::Value::read(value).unwrap();
    assert!(spec::from_value(&read).is_err());
    assert_eq!(spec::labels_only(&read).get(Key::ErrorTitle), "Dieser Vergleich kann nicht angezeigt werden");
}

#[test]
fn a_list_a_little_over_its_limit_still_shows_every_other_problem() {
    // Seven options, a link the card refuses and a criterion without scores: the author sees all
    // three at once, not the count alone and the rest one fix later.
    let mut value = valid();
    value["options"] =
        Value::Array((0..7).map(|i| json!({ "id": format!("o{i}"), "name": format!("O{i}") })).collect());
    value["criteria"][0] = json!({ "id": "speed", "name": "Speed" });
    value["cta"]["href"] = json!("javascript:alert(1)");
    let found = problems(value);
    assert_eq!(found[0], "options: expected 2 to 6 options, got 7");
    assert!(found.iter().any(|p| p.starts_with("criteria[0].scores: missing")), "{found:#?}");
    assert!(
        found.iter().any(|p| p == "criteria[1].scores.a: no option has the id `a`"),
        "the other criteria are checked against the seven options: {found:#?}"
    );
    assert!(found.iter().any(|p| p.starts_with("cta.href: ")), "{found:#?}");

    // Far over the limit the items are not read, and the rest of the spec still is.
    let mut value = valid();
    value["options"] = Value::Array((0..65).map(|_| json!({})).collect());
    value["cta"]["href"] = json!("javascript:alert(1)");
    let found = problems(value);
    assert_eq!(found[0], "options: expected 2 to 6 options, got 65");
    assert!(found[1].starts_with("cta.href: "), "{found:#?}");
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn an_empty_list_is_one_problem_not_one_per_score() {
    let mut value = valid();
    value["options"] = json!([]);
    value["cta"]["href"] = json!("javascript:alert(1)");
    let found = problems(value);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0], "options: expected 2 to 6 options, got 0");
    assert!(found[1].starts_with("cta.href: "), "{found:#?}");

    let mut value = valid();
    value["criteria"] = json!([]);
    value["presets"] = json!([{ "id": "p", "name": "P", "priorities": { "speed": 5 } }]);
    assert_eq!(problems(value), vec!["criteria: expected 1 to 30 criteria, got 0"]);
}
