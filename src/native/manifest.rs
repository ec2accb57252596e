//! The npm package's descriptions of the element, generated from [`crate::core::contract`]:
//! `custom-elements.json` (the Custom Elements Manifest, read by editors, Storybook and linters)
//! and the TypeScript declarations. The event detail and the spec are described once, here, in
//! TypeScript; the manifest refers to them by name.

use serde_json::{json, Value};

use crate::core::contract::{self, Entry};

/// The module the package's `exports["."]` points to.
pub const MODULE: &str = "comparison-card.js";
/// The element class's name in the declarations and the manifest.
pub const CLASS: &str = "ComparisonCardElement";

/// The type of every event's `detail`, as the README documents it.
const DETAIL: &str = "export interface ComparisonCardDetail {
  /** Each criterion's priority, 0 (Ignore) to 5 (Critical), by criterion id. */
  priorities: Record<string, number>;
  /** Each option's weighted score, two decimals, by option id; null while every priority is 0. */
  totals: Record<string, number | null>;
  /** The leading option's id; null when tied, and while every priority is 0. */
  leader: string | null;
  /** The chosen preset's id, until a slider moves. */
  preset: string | null;
  /** One per criterion that has a tipping point. */
  tipping: { criterion: string; at: number; leader: string }[];
  /** Each criterion's share of the leader's margin over the runner-up, two decimals, by criterion
   * id (they add up to the margin within rounding); null when no option leads. */
  contributions: Record<string, number> | null;
}";

/// The spec, as `src/core/spec.rs` reads it (limits are checked by the card, not the type).
const SPEC: &str = "export interface ComparisonCardOption {
  id: string;
  name: string;
  best_for?: string[] | null;
}

export interface ComparisonCardCriterion {
  id: string;
  name: string;
  /** A score within the scale for every option id. */
  scores: Record<string, number>;
  note?: string | null;
  /** 0 to 5; default 3. */
  priority?: number | null;
}

export interface ComparisonCardPreset {
  id: string;
  name: string;
  priorities: Record<string, number>;
}

export interface ComparisonCardSpec {
  $schema?: string | null;
  title: string;
  summary?: string | null;
  scale?: { min: number; max: number } | null;
  options: ComparisonCardOption[];
  criteria: ComparisonCardCriterion[];
  presets?: ComparisonCardPreset[] | null;
  /** The card's fixed strings, replaced: label name to template (`levels`: six names). */
  labels?: Record<string, string | string[]> | null;
  cta?: { label: string; href: string; carry?: boolean | null } | null;
}";

/// Each attribute's values, as TypeScript. Every attribute in the contract must be here (a test
/// says so), so a new attribute cannot ship untyped.
pub fn attribute_type(name: &str) -> Option<&'static str> {
    Some(match name {
        "share" | "persist" => "boolean",
        "chart" => "\"none\"",
        "src" | "id" | "lang" => "string",
        "theme" => "\"light\" | \"dark\" | \"auto\"",
        "dir" => "\"ltr\" | \"rtl\" | \"auto\"",
        "loading" => "\"lazy\" | \"eager\"",
        "analytics" => "\"datalayer\"",
        "sticky" => "\"off\"",
        _ => return None,
    })
}

/// The type of a property, by name.
fn property_type(name: &str) -> &'static str {
    match name {
        "spec" => "ComparisonCardSpec | string | null",
        _ => "unknown",
    }
}

/// A JSDoc comment from a contract sentence.
fn doc(entry: &Entry, indent: &str) -> String {
    format!("{indent}/** {} */\n", entry.description.replace("*/", "* /"))
}

fn described(entries: &[Entry], extra: impl Fn(&Entry) -> Value) -> Vec<Value> {
    entries
        .iter()
        .map(|entry| {
            let mut item = json!({ "name": entry.name, "description": entry.description });
            if let (Value::Object(item), Value::Object(more)) = (&mut item, extra(entry)) {
                item.extend(more);
            }
            item
        })
        .collect()
}

/// `custom-elements.json`, in the Custom Elements Manifest schema 2.1.
pub fn custom_elements_json() -> String {
    let typed = |text: &str| json!({ "type": { "text": text } });
    let declaration = json!({
        "kind": "class",
        "name": CLASS,
        "tagName": contract::TAG_NAME,
        "customElement": true,
        "description": "A side-by-side comparison card with a priority slider per criterion; weighted totals, leader and verdict follow the sliders.",
        "superclass": { "name": "HTMLElement", "package": "global:" },
        "attributes": described(contract::ATTRIBUTES, |e| typed(attribute_type(e.name).unwrap_or("string"))),
        "members": described(contract::PROPERTIES, |e| {
            json!({ "kind": "field", "type": { "text": property_type(e.name) } })
        }),
        "events": described(contract::EVENTS, |_| typed("CustomEvent<ComparisonCardDetail>")),
        "cssProperties": described(contract::CSS_PROPERTIES, |_| json!({})),
        "cssParts": described(contract::PARTS, |_| json!({})),
    });
    let function =
        |name: &str, description: &str| json!({ "kind": "function", "name": name, "description": description });
    let manifest = json!({
        "schemaVersion": "2.1.0",
        "readme": "README.md",
        "modules": [{
            "kind": "javascript-module",
            "path": MODULE,
            "declarations": [
                declaration,
                function("setWasmUrl", "Where the card's wasm is, for a bundler or host that moves it; counts until the wasm is first requested."),
                function("load", "Fetches and starts the wasm now instead of when a card comes near; resolves to false when it cannot load."),
            ],
            "exports": [
                { "kind": "custom-element-definition", "name": contract::TAG_NAME,
                  "declaration": { "name": CLASS, "module": MODULE } },
                { "kind": "js", "name": "setWasmUrl", "declaration": { "name": "setWasmUrl", "module": MODULE } },
                { "kind": "js", "name": "load", "declaration": { "name": "load", "module": MODULE } },
            ],
        }],
    });
    let mut text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    text.push('\n');
    text
}

/// The props a framework passes to the element: attributes, properties and events.
fn props(event_prop: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    for entry in contract::ATTRIBUTES {
        if entry.name == "id" || entry.name == "lang" || entry.name == "dir" {
            continue; // every element has these already
        }
        out.push_str(&doc(entry, "  "));
        out.push_str(&format!("  {}?: {};\n", entry.name, attribute_type(entry.name).unwrap_or("string")));
    }
    for entry in contract::PROPERTIES {
        out.push_str(&doc(entry, "  "));
        out.push_str(&format!("  {}?: {};\n", entry.name, property_type(entry.name)));
    }
    for entry in contract::EVENTS {
        out.push_str(&doc(entry, "  "));
        out.push_str(&format!("  {}?: (event: ComparisonCardEvent) => void;\n", event_prop(entry.name)));
    }
    out
}

/// `comparison-card.d.ts`: the module's exports, the element class with its `spec` and typed
/// listeners, and `HTMLElementTagNameMap`.
pub fn declarations() -> String {
    let mut out = String::from("// Generated from the card's contract (src/core/contract.rs); do not edit.\n\n");
    out.push_str(SPEC);
    out.push_str("\n\n");
    out.push_str(DETAIL);
    out.push_str("\n\n/** The card's events: `detail` is the same for all. */\n");
    out.push_str("export type ComparisonCardEvent = CustomEvent<ComparisonCardDetail>;\n\n");
    out.push_str("export interface ComparisonCardEventMap extends HTMLElementEventMap {\n");
    for entry in contract::EVENTS {
        out.push_str(&doc(entry, "  "));
        out.push_str(&format!("  {}: ComparisonCardEvent;\n", entry.name));
    }
    out.push_str("}\n\n/** The attributes, properties and events a framework template may set. */\n");
    out.push_str("export interface ComparisonCardProps {\n");
    out.push_str(&props(|name| format!("on{name}")));
    out.push_str("}\n\n");
    out.push_str(&format!("export declare class {CLASS} extends HTMLElement {{\n"));
    for entry in contract::PROPERTIES {
        out.push_str(&doc(entry, "  "));
        out.push_str(&format!("  {}: {};\n", entry.name, property_type(entry.name)));
    }
    for method in ["addEventListener", "removeEventListener"] {
        let options = if method == "addEventListener" { "AddEventListenerOptions" } else { "EventListenerOptions" };
        out.push_str(&format!(
            "  {method}<K extends keyof ComparisonCardEventMap>(type: K, listener: (this: {CLASS}, event: ComparisonCardEventMap[K]) => unknown, options?: boolean | {options}): void;\n"
        ));
        out.push_str(&format!(
            "  {method}(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | {options}): void;\n"
        ));
    }
    out.push_str("}\n\n");
    out.push_str(
        "/** Where the card's wasm is, for a bundler or host that moves it (Vite: `import url from 'comparison-card/comparison-card.wasm?url'`). Counts until the wasm is first requested. */\n\
         export declare function setWasmUrl(url: string | URL): void;\n\
         /** Fetches and starts the wasm now instead of when a card comes near; resolves to false when it cannot load. */\n\
         export declare function load(): Promise<boolean>;\n\
         /** Whether this module defined the element (false when the tag was already taken). */\n\
         export declare const defined: boolean;\n\n",
    );
    out.push_str(&format!(
        "declare global {{\n  interface HTMLElementTagNameMap {{\n    \"{}\": {CLASS};\n  }}\n}}\n",
        contract::TAG_NAME
    ));
    out
}

/// `react.d.ts`: `<comparison-card>` in React 19's JSX, with `spec` and `onprioritychange`, ….
/// A file of its own, so projects without React's types are not asked for them.
pub fn react_declarations() -> String {
    format!(
        "// Generated from the card's contract (src/core/contract.rs); do not edit.\n\
         // React 19 sets `spec` as a property and listens to `on<event name>`, as written.\n\
         import type {{ DetailedHTMLProps, HTMLAttributes }} from \"react\";\n\
         import type {{ {CLASS}, ComparisonCardProps }} from \"./comparison-card.js\";\n\n\
         declare module \"react\" {{\n  namespace JSX {{\n    interface IntrinsicElements {{\n      \"{}\": DetailedHTMLProps<HTMLAttributes<{CLASS}>, {CLASS}> & ComparisonCardProps;\n    }}\n  }}\n}}\n",
        contract::TAG_NAME
    )
}

/// `vue.d.ts`: `<comparison-card>` among Vue's global components, `@prioritychange` and all.
pub fn vue_declarations() -> String {
    let mut props = String::new();
    props.push_str(&self::props(|name| {
        let mut chars = name.chars();
        let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or_default();
        format!("on{first}{}", chars.as_str())
    }));
    format!(
        "// Generated from the card's contract (src/core/contract.rs); do not edit.\n\
         import type {{ DefineComponent }} from \"vue\";\n\
         import type {{ ComparisonCardSpec, ComparisonCardEvent }} from \"./comparison-card.js\";\n\n\
         export interface ComparisonCardVueProps {{\n{props}}}\n\n\
         declare module \"vue\" {{\n  interface GlobalComponents {{\n    \"{}\": DefineComponent<ComparisonCardVueProps>;\n  }}\n}}\n",
        contract::TAG_NAME
    )
}

/// Every generated file of the package: name and text.
pub fn files() -> Vec<(&'static str, String)> {
    vec![
        ("custom-elements.json", custom_elements_json()),
        ("comparison-card.d.ts", declarations()),
        ("react.d.ts", react_declarations()),
        ("vue.d.ts", vue_declarations()),
    ]
}
