//! The npm package's generated descriptions match the contract (the README's tables are checked
//! against it in `contract.rs`).
#![cfg(not(target_arch = "wasm32"))]

use comparison_card::core::contract;
use comparison_card::native::manifest;

#[test]
fn every_attribute_has_a_type() {
    for entry in contract::ATTRIBUTES {
        assert!(manifest::attribute_type(entry.name).is_some(), "attribute {} has no type in manifest.rs", entry.name);
    }
}

#[test]
fn the_manifest_lists_every_public_name() {
    let manifest: serde_json::Value = serde_json::from_str(&manifest::custom_elements_json()).unwrap();
    let element = &manifest["modules"][0]["declarations"][0];
    assert_eq!(element["tagName"], contract::TAG_NAME);
    assert_eq!(element["customElement"], true);
    let names = |key: &str| -> Vec<String> {
        element[key].as_array().unwrap().iter().map(|item| item["name"].as_str().unwrap().to_string()).collect()
    };
    let expected =
        |entries: &[contract::Entry]| -> Vec<String> { contract::names(entries).map(String::from).collect() };
    assert_eq!(names("attributes"), expected(contract::ATTRIBUTES));
    assert_eq!(names("members"), expected(contract::PROPERTIES));
    assert_eq!(names("events"), expected(contract::EVENTS));
    assert_eq!(names("cssProperties"), expected(contract::CSS_PROPERTIES));
    assert_eq!(names("cssParts"), expected(contract::PARTS));
    assert_eq!(element["events"][0]["type"]["text"], "CustomEvent<ComparisonCardDetail>");
    let definition = &manifest["modules"][0]["exports"][0];
    assert_eq!(definition["kind"], "custom-element-definition");
    assert_eq!(definition["name"], contract::TAG_NAME);
}

#[test]
fn the_declarations_type_every_event_and_the_detail_once() {
    let declarations = manifest::declarations();
    assert_eq!(declarations.matches("export interface ComparisonCardDetail").count(), 1);
    assert!(declarations.contains("\"comparison-card\": ComparisonCardElement;"), "HTMLElementTagNameMap");
    for event in contract::names(contract::EVENTS) {
        assert!(declarations.contains(&format!("  {event}: ComparisonCardEvent;")), "{event} in the event map");
        assert!(declarations.contains(&format!("  on{event}?: (event: ComparisonCardEvent) => void;")), "on{event}");
    }
    assert!(manifest::react_declarations().contains("interface IntrinsicElements"));
    assert!(manifest::vue_declarations().contains("interface GlobalComponents"));
    assert!(manifest::vue_declarations().contains("onPrioritychange?:"), "Vue's handler names");
}
