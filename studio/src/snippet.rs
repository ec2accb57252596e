//! The two snippets the studio copies: the embed (module, preload hints, element, compact spec)
//! and the pre-rendered card with the same loading lines, the latter byte for byte what
//! `comparison-card render --module FOLDER/comparison-card.js` prints. Each is whole on its own:
//! an author who pastes one of them gets a card that comes alive.

use comparison_card::core::spec::Problem;
use comparison_card::native::render::{self, Attributes};

use crate::spec_text;

/// The module the embed snippet loads; the wasm beside it is named by `render::loading_hints`.
pub const MODULE_FILE: &str = "comparison-card.js";

/// The loading lines and the pre-rendered element for the spec `text`, files served from `base`,
/// as `comparison-card render --module BASE/comparison-card.js` prints them for a file holding
/// that text and the same flags: the same reader and the same renderer. Without the loading
/// lines a pasted card would look finished and never come alive.
pub fn pre_rendered(text: &str, base: &str, attributes: &Attributes) -> Result<String, Vec<Problem>> {
    let comparison = spec_text::parse(text)?;
    Ok(render::render_snippet(&comparison, text, attributes, Some(&module_url(base))))
}

/// The module's address in the folder `base` (`""`, or a folder with or without its final `/`).
fn module_url(base: &str) -> String {
    let slash = if base.is_empty() || base.ends_with('/') { "" } else { "/" };
    format!("{base}{slash}{MODULE_FILE}")
}

/// What an author pastes into a page: preload hints for both files, the module, and the element
/// with its spec as compact JSON. `base` is the folder the two files are served from (`""`, or
/// ending in `/`). The JSON is written for CMS filters that rewrite text: no blank lines (or any
/// line break inside it), and inside strings `<`, `[` and `]` written as `\u003c`, `\u005b` and
/// `\u005d`, so no author text closes the script or looks like a shortcode.
pub fn embed(text: &str, base: &str, attributes: &Attributes) -> Result<String, Vec<Problem>> {
    spec_text::parse(text)?;
    // The same loading lines as `comparison-card render` writes: one place decides them.
    let mut out = render::loading_hints(&module_url(base));
    out.push_str(&render::element_tag(attributes));
    out.push_str("<script type=\"application/json\">");
    push_compact_json(&mut out, text);
    out.push_str("</script>\n</comparison-card>\n");
    Ok(out)
}

/// `json` (valid JSON text) without white space outside strings, with `<`, `[` and `]` inside
/// strings escaped. Structural brackets cannot be escaped in JSON and are left as they are.
pub fn push_compact_json(out: &mut String, json: &str) {
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            if escaped {
                escaped = false;
                out.push(c);
                continue;
            }
            match c {
                '\\' => {
                    escaped = true;
                    out.push(c);
                }
                '"' => {
                    in_string = false;
                    out.push(c);
                }
                '<' => out.push_str("\\u003c"),
                '[' => out.push_str("\\u005b"),
                ']' => out.push_str("\\u005d"),
                _ => out.push(c),
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = r#"{
  "title": "A [b] <c>",
  "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B \"q\" \\"}],
  "criteria": [{"id": "c", "name": "C", "scores": {"a": 1, "b": 2}, "note": "x\n\ny"}]
}"#;

    #[test]
    fn compact_json_escapes_brackets_and_less_than_inside_strings_only() {
        let mut out = String::new();
        push_compact_json(&mut out, SPEC);
        assert_eq!(
            out,
            r#"{"title":"A \u005bb\u005d \u003cc>","options":[{"id":"a","name":"A"},{"id":"b","name":"B \"q\" \\"}],"criteria":[{"id":"c","name":"C","scores":{"a":1,"b":2},"note":"x\n\ny"}]}"#
        );
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, serde_json::from_str::<serde_json::Value>(SPEC).unwrap(), "the same spec");
    }

    #[test]
    fn the_embed_has_hints_module_and_element_and_no_blank_line() {
        let attributes = Attributes { id: Some("x\"y".into()), share: true, ..Attributes::default() };
        let embed = embed(SPEC, "/assets/cc/", &attributes).unwrap();
        let lines: Vec<&str> = embed.lines().collect();
        assert_eq!(lines[0], "<link rel=\"modulepreload\" href=\"/assets/cc/comparison-card.js\">");
        assert_eq!(
            lines[1],
            "<link rel=\"preload\" href=\"/assets/cc/comparison-card.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>"
        );
        assert_eq!(lines[2], "<script type=\"module\" src=\"/assets/cc/comparison-card.js\"></script>");
        assert_eq!(lines[3], "<comparison-card id=\"x&quot;y\" share>");
        assert!(lines[4].starts_with("<script type=\"application/json\">{\"title\":\"A \\u005bb\\u005d \\u003cc>\""));
        assert!(lines[4].ends_with("}</script>"));
        assert_eq!(lines[5], "</comparison-card>");
        assert_eq!(lines.len(), 6);
        assert!(!embed.contains("\n\n") && !embed.contains('\r'));
        let without_slash = super::embed(SPEC, "https://cdn.example/cc", &Attributes::default()).unwrap();
        assert!(without_slash
            .starts_with("<link rel=\"modulepreload\" href=\"https://cdn.example/cc/comparison-card.js\">"));
        let here = super::embed(SPEC, "", &Attributes::default()).unwrap();
        assert!(here.contains("<script type=\"module\" src=\"comparison-card.js\"></script>"));
    }

    #[test]
    fn a_spec_with_problems_gets_no_snippet() {
        let problems = embed("{\"title\": \"\"}", "", &Attributes::default()).unwrap_err();
        assert_eq!(problems[0].path, "title");
        assert!(pre_rendered("[", "", &Attributes::default()).is_err());
    }

    /// The studio and `comparison-card render` give the same bytes for the same file and flags:
    /// the CLI is run as a program, through cargo, on the demo's spec.
    #[test]
    fn pre_rendered_equals_the_cli_byte_for_byte() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let file = root.join("www/specs/hosting-de.json");
        let text = std::fs::read_to_string(&file).unwrap();
        let output = std::process::Command::new(env!("CARGO"))
            .current_dir(&root)
            .args(["run", "--quiet", "--package", "comparison-card", "--bin", "comparison-card", "--", "render"])
            .arg(&file)
            .args(["--id", "hosting", "--lang", "de", "--share", "--no-chart"])
            .args(["--module", "/assets/cards/comparison-card.js"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let attributes = Attributes {
            id: Some("hosting".into()),
            lang: Some("de".into()),
            share: true,
            no_chart: true,
            ..Attributes::default()
        };
        let studio = pre_rendered(&text, "/assets/cards", &attributes).unwrap();
        assert!(
            studio.starts_with("<link rel=\"modulepreload\" href=\"/assets/cards/comparison-card.js\">\n"),
            "{studio}"
        );
        assert_eq!(studio.as_bytes(), output.stdout.as_slice());
    }
}
