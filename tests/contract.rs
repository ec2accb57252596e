//! The public contract is written once, in `src/core/contract.rs`; the README's tables and what
//! the card really draws and styles must say exactly the same.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use comparison_card::core::contract::{self, Entry};
use comparison_card::core::labels::Labels;
use comparison_card::core::spec::{self, Problem};
use comparison_card::native::render;
use comparison_card::view::html::HtmlFactory;
use comparison_card::view::{self, Features};

mod common;
use common::DEMO;

const README: &str = include_str!("../README.md");
const STYLE: &str = include_str!("../src/view/style.css");

/// The table as the README must write it.
fn table(header: &str, entries: &[Entry]) -> String {
    let mut out = format!("| {header} | |\n|---|---|\n");
    for entry in entries {
        out.push_str(&format!("| `{}` | {} |\n", entry.name, entry.description));
    }
    out
}

/// The first table after `heading` in the README.
fn readme_table(heading: &str) -> String {
    let start = README.find(&format!("\n{heading}\n")).unwrap_or_else(|| panic!("README has no `{heading}`"));
    README[start..]
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .map(|line| format!("{line}\n"))
        .collect()
}

fn check(heading: &str, header: &str, entries: &[Entry]) {
    let expected = table(header, entries);
    assert_eq!(readme_table(heading), expected, "README's `{heading}` table must be, from contract.rs:\n{expected}");
}

#[test]
fn the_readme_lists_exactly_the_attributes() {
    check("### Attributes", "attribute", contract::ATTRIBUTES);
}

#[test]
fn the_readme_lists_exactly_the_properties() {
    check("### Properties", "property", contract::PROPERTIES);
}

#[test]
fn the_readme_lists_exactly_the_events() {
    check("### Events", "event", contract::EVENTS);
}

#[test]
fn the_readme_lists_exactly_the_css_custom_properties() {
    check("### CSS custom properties", "custom property", contract::CSS_PROPERTIES);
}

#[test]
fn the_readme_lists_exactly_the_parts() {
    check("### Parts", "part", contract::PARTS);
}

#[test]
fn every_heading_of_the_element_api_appears_once() {
    for heading in ["### Attributes", "### Properties", "### Events", "### CSS custom properties", "### Parts"] {
        assert_eq!(README.matches(&format!("\n{heading}\n")).count(), 1, "{heading}");
    }
}

/// Every `part="…"` value in some HTML.
fn parts_in(html: &str, out: &mut BTreeSet<String>) {
    for piece in html.split(" part=\"").skip(1) {
        out.insert(piece.split('"').next().unwrap_or_default().to_string());
    }
}

#[test]
fn the_card_draws_exactly_the_parts_of_the_contract() {
    let comparison = spec::parse(serde_json::from_str::<serde_json::Value>(DEMO).unwrap()).unwrap();
    let mut drawn = BTreeSet::new();
    parts_in(&render::render_shadow(&comparison, Features { chart: true, share: true }), &mut drawn);
    parts_in(&view::build_loading(&HtmlFactory, "spec.json").to_html(), &mut drawn);
    let problems = [Problem::new("title", "missing")];
    parts_in(&view::build_error(&HtmlFactory, &Labels::default(), &problems).to_html(), &mut drawn);
    let promised: BTreeSet<String> = contract::names(contract::PARTS).map(String::from).collect();
    assert_eq!(drawn, promised);
}

#[test]
fn the_stylesheet_reads_exactly_the_custom_properties_of_the_contract() {
    let read: BTreeSet<String> = STYLE
        .split("var(")
        .skip(1)
        .filter_map(|rest| rest.split([',', ')']).next())
        .map(str::trim)
        .filter(|name| name.starts_with("--cc-"))
        .map(String::from)
        .collect();
    let promised: BTreeSet<String> = contract::names(contract::CSS_PROPERTIES).map(String::from).collect();
    assert_eq!(read, promised);
}

/// The WordPress plugin lets every role that writes posts keep `<comparison-card>` in a Custom
/// HTML block; kses drops any attribute it does not list, so an Author's `loading="eager"` or
/// `sticky="off"` would vanish on saving without a word. Its list must hold every attribute of
/// the contract (plus `class` and `style`, which any element may carry).
#[test]
fn the_wordpress_plugin_keeps_every_attribute_of_the_contract() {
    let kses = include_str!("../wordpress/comparison-card/includes/kses.php");
    let list = kses
        .split("$tags['comparison-card'] = array_fill_keys( array(")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .expect("kses.php lists the element's attributes in one array_fill_keys( array( … ) )");
    let kept: BTreeSet<String> =
        list.split(',').map(|name| name.trim().trim_matches('\'').to_string()).filter(|n| !n.is_empty()).collect();
    let mut expected: BTreeSet<String> = contract::names(contract::ATTRIBUTES).map(String::from).collect();
    expected.extend(["class".to_string(), "style".to_string()]);
    assert_eq!(kept, expected);
}
