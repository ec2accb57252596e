//! The calls the studio page makes, with wasm-bindgen: text in, text (often JSON) out.

use comparison_card::core::labels::{ENGLISH_LEVELS, LABELS};
use comparison_card::native::render::Attributes;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{paste, snippet, spec_text};

/// The validator's problems for a spec's JSON text: `[{"path", "message"}]`, `[]` when valid.
#[wasm_bindgen]
pub fn problems(spec: &str) -> String {
    spec_text::problems_json(spec)
}

/// `{"html": …}` (the pre-rendered card) or `{"problems": […]}`.
#[wasm_bindgen(js_name = preRendered)]
pub fn pre_rendered(
    spec: &str,
    base: &str,
    id: &str,
    lang: &str,
    share: bool,
    persist: bool,
    no_chart: bool,
) -> String {
    let attributes = attributes(id, lang, share, persist, no_chart);
    snippet_json(snippet::pre_rendered(spec, base, &attributes))
}

/// `{"html": …}` (the embed snippet, files served from `base`) or `{"problems": […]}`.
#[wasm_bindgen]
pub fn embed(spec: &str, base: &str, id: &str, lang: &str, share: bool, persist: bool, no_chart: bool) -> String {
    let attributes = attributes(id, lang, share, persist, no_chart);
    snippet_json(snippet::embed(spec, base, &attributes))
}

/// Pasted cells: `{"table": …}`, `{"block": …}` or `{"error": "…"}` (see `paste::to_json`).
#[wasm_bindgen(js_name = parsePaste)]
pub fn parse_paste(text: &str) -> String {
    paste::to_json(&paste::parse(text))
}

/// Every replaceable label: `{"labels": [{"key", "english", "placeholders"}], "levels": […]}`.
#[wasm_bindgen]
pub fn labels() -> String {
    let labels: Vec<_> = LABELS
        .iter()
        .map(|l| serde_json::json!({ "key": l.key, "english": l.english, "placeholders": l.placeholders }))
        .collect();
    serde_json::json!({ "labels": labels, "levels": ENGLISH_LEVELS }).to_string()
}

fn attributes(id: &str, lang: &str, share: bool, persist: bool, no_chart: bool) -> Attributes {
    let given = |text: &str| (!text.trim().is_empty()).then(|| text.trim().to_string());
    Attributes { id: given(id), lang: given(lang), share, persist, no_chart }
}

fn snippet_json(result: Result<String, Vec<comparison_card::core::spec::Problem>>) -> String {
    match result {
        Ok(html) => serde_json::json!({ "html": html }).to_string(),
        Err(problems) => {
            let list: Vec<_> =
                problems.iter().map(|p| serde_json::json!({ "path": p.path, "message": p.message })).collect();
            serde_json::json!({ "problems": list }).to_string()
        }
    }
}
