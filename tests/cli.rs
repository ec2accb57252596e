//! The authoring CLI, run as a program on spec files: exit statuses, problem lists, the rendered
//! element read back with an HTML parser, and the printed JSON Schema.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};

use comparison_card::core::spec;
use comparison_card::core::state::CardState;
use comparison_card::core::text;
use scraper::{ElementRef, Html, Selector};
use serde_json::{json, Value};

const DEMO: &str = "www/specs/node-vs-python.json";
const HOSTING: &str = "www/specs/hosting.json";
const SCHEMA_FILE: &str = "www/specs/comparison-card.schema.json";

/// A file in the system's temporary folder, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(contents: &str) -> TempFile {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let name = format!("cc-cli-{}-{}.json", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    fn json(value: &Value) -> TempFile {
        TempFile::new(&serde_json::to_string_pretty(value).unwrap())
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_comparison-card")).args(args).output().unwrap()
}

fn run_with_input(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_comparison-card"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn status(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn read_json(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

// ---- validate ----

#[test]
fn validate_accepts_the_demo_specs() {
    for (file, line) in [(DEMO, "valid, 2 options, 6 criteria"), (HOSTING, "valid, 3 options, 4 criteria")] {
        let output = run(&["validate", file]);
        assert_eq!(status(&output), 0, "{}", stderr(&output));
        assert_eq!(stdout(&output), format!("{file}: {line}\n"));
        assert_eq!(stderr(&output), "");
    }
}

#[test]
fn validate_lists_every_problem_with_its_path() {
    let broken = TempFile::new(
        r#"{
            "title": "",
            "colour": "red",
            "options": [{ "id": "a", "name": "A" }, { "id": "a b", "name": "B" }],
            "criteria": [{ "id": "speed", "name": "Speed", "scores": { "a": 11 }, "priority": 7 }],
            "cta": { "label": "Go", "href": "javascript:alert(1)" }
        }"#,
    );
    let output = run(&["validate", broken.path()]);
    assert_eq!(status(&output), 1);
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output).lines().collect::<Vec<_>>(),
        [
            "colour: unknown field; expected one of title, summary, scale, options, criteria, presets, cta, labels, $schema",
            "title: must not be empty",
            "options[1].id: expected 1 to 40 letters, digits, '-' or '_', got `a b`",
            "criteria[0].scores.a: expected a number from 0 to 10, got 11",
            "criteria[0].priority: expected a whole number from 0 to 5, got 7",
            "cta.href: expected an absolute https, http or mailto link, got `javascript:alert(1)`",
        ]
    );
}

#[test]
fn validate_says_when_the_file_is_not_json() {
    for (text, expected) in [
        ("{ \"title\": ", "spec: not valid JSON: EOF while parsing a value at line 1 column 11\n"),
        ("{} {}", "spec: not valid JSON: trailing characters at line 1 column 4\n"),
        ("[1, 2]", "spec: expected an object, got a list\n"),
    ] {
        let file = TempFile::new(text);
        let output = run(&["validate", file.path()]);
        assert_eq!((status(&output), stderr(&output).as_str()), (1, expected), "{text}");
    }
    let file = TempFile::new(&format!("{}{}", "[".repeat(40), "]".repeat(40)));
    assert!(stderr(&run(&["validate", file.path()])).starts_with("spec: nested more than 32 levels deep"));
}

#[test]
fn validate_reads_standard_input_for_a_dash() {
    let output = run_with_input(&["validate", "-"], &std::fs::read_to_string(HOSTING).unwrap());
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert_eq!(stdout(&output), "standard input: valid, 3 options, 4 criteria\n");
}

#[test]
fn a_file_that_cannot_be_read_is_a_usage_error_naming_it() {
    let missing = std::env::temp_dir().join("cc-cli-no-such-spec.json");
    let missing = missing.to_str().unwrap();
    for command in ["validate", "render"] {
        let output = run(&[command, missing]);
        assert_eq!(status(&output), 2);
        let message = stderr(&output);
        assert!(message.starts_with(&format!("comparison-card: cannot read {missing}: ")), "{message}");
        assert!(message.contains("os error"), "{message}");
        assert_eq!(stdout(&output), "");
    }
    let folder = run(&["validate", std::env::temp_dir().to_str().unwrap()]);
    assert_eq!(status(&folder), 2, "{}", stderr(&folder));
}

#[test]
fn wrong_arguments_are_usage_errors() {
    for args in [&[][..], &["check", DEMO], &["validate"], &["validate", DEMO, HOSTING], &["render"], &["schema", "x"]]
    {
        let output = run(args);
        assert_eq!(status(&output), 2, "{args:?}");
        assert!(stderr(&output).contains("usage: comparison-card validate SPEC.json"), "{args:?}");
        assert_eq!(stdout(&output), "", "{args:?}");
    }
    let help = run(&["--help"]);
    assert_eq!(status(&help), 0);
    assert!(stdout(&help).starts_with("usage: comparison-card validate SPEC.json"));
}

// ---- render ----

fn select<'a>(html: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(selector).unwrap()).collect()
}

fn texts(html: &Html, selector: &str) -> Vec<String> {
    select(html, selector).iter().map(|e| e.text().collect::<String>()).collect()
}

fn render(file: &str) -> (String, Html) {
    let output = run(&["render", file]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let markup = stdout(&output);
    let html = Html::parse_document(&markup);
    (markup, html)
}

/// The declarative shadow root's content, parsed on its own: HTML parsers keep a template's
/// content apart from the document.
fn shadow_root(markup: &str) -> Html {
    let open = "<template shadowrootmode=\"open\">";
    let start = markup.find(open).expect("a declarative shadow root") + open.len();
    let end = markup[start..].find("</template>").expect("the template closes") + start;
    Html::parse_fragment(&markup[start..end])
}

/// The verdict and tally sentences the live card starts with.
fn sentences(file: &str) -> (String, String) {
    let text_in = std::fs::read_to_string(file).unwrap();
    let comparison = spec::parse(&mut serde_json::Deserializer::from_str(&text_in)).unwrap();
    let state = CardState::new(comparison);
    let (mut verdict, mut tally) = (String::new(), String::new());
    text::push_verdict(&mut verdict, state.comparison(), state.standing());
    text::push_tally_sentence(&mut tally, state.comparison(), state.tally());
    (verdict, tally)
}

#[test]
fn render_prints_the_element_with_the_spec_and_a_static_card() {
    let (markup, html) = render(DEMO);
    assert!(
        markup.starts_with(&format!(
            "{DEFAULT_LOADING}<comparison-card>\n<template shadowrootmode=\"open\"><style>:host{{"
        )),
        "{}",
        &markup[..80]
    );
    assert!(markup.contains("</template>\n<script type=\"application/json\">{\"$schema\":"));
    assert!(markup.ends_with("</comparison-card>\n"));

    // The declarative shadow root: the live card's own markup at the author's priorities.
    let shadow = shadow_root(&markup);
    assert_eq!(select(&shadow, "style").len(), 1, "with its stylesheet");
    assert_eq!(texts(&shadow, "article.card h2.title"), ["Node.js vs Python for backend development"]);
    assert_eq!(select(&shadow, ".row").len(), 6);
    assert_eq!(select(&shadow, "input.slider[type=range][value=\"3\"]").len(), 6);
    assert_eq!(select(&shadow, "polygon.shape").len(), 2);
    assert_eq!(texts(&shadow, ".verdict"), ["Node.js leads by 1.2 points at your priorities."]);
    assert_eq!(texts(&shadow, ".total-value"), ["8.5", "7.3"]);
    assert_eq!(texts(&shadow, ".preset"), ["Real-time chat app", "ML pipeline", "Full-stack startup"]);

    let scripts = texts(&html, "comparison-card > script[type=\"application/json\"]");
    assert_eq!(scripts.len(), 1);
    assert_eq!(serde_json::from_str::<Value>(&scripts[0]).unwrap(), read_json(DEMO), "the same spec, compact");
    assert!(!scripts[0].contains('\n'));
    assert_eq!(select(&html, "comparison-card > div.cc-fallback[data-cc-fallback]").len(), 1);

    let spec = read_json(DEMO);
    let fallback = "div.cc-fallback";
    assert_eq!(texts(&html, &format!("{fallback} table > caption")), [spec["title"].as_str().unwrap()]);
    assert_eq!(
        texts(&html, &format!("{fallback} thead th[scope=col]")),
        ["Criterion", "Node.js", "Python", "Priority", "Note"]
    );
    let criteria = spec["criteria"].as_array().unwrap();
    let rows = select(&html, &format!("{fallback} tbody > tr"));
    assert_eq!(rows.len(), criteria.len(), "one row per criterion");
    let row_names = texts(&html, &format!("{fallback} tbody > tr > th[scope=row]"));
    let names: Vec<&str> = criteria.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(row_names, names);
    let row = |index: usize| rows[index].text().collect::<Vec<_>>().join("|");
    assert_eq!(
        row(0),
        format!("Performance & concurrency|10| (best)|7|Important|{}", criteria[0]["note"].as_str().unwrap())
    );
    assert!(row(5).starts_with("Community & hiring|9| (tied)|9| (tied)|Important|"), "{}", row(5));
    assert_eq!(texts(&html, &format!("{fallback} tfoot td")), ["8.5 (leader)", "7.3", "", ""]);
    assert_eq!(texts(&html, &format!("{fallback} tfoot th[scope=row]")), ["Weighted score out of 10"]);

    let (verdict, tally) = sentences(DEMO);
    assert_eq!(verdict, "Node.js leads by 1.2 points at your priorities.");
    assert_eq!(texts(&html, &format!("{fallback} p.verdict")), [verdict]);
    assert_eq!(texts(&html, &format!("{fallback} p.tally")), [tally]);
    assert_eq!(texts(&html, &format!("{fallback} p.summary")), [spec["summary"].as_str().unwrap()]);
    assert_eq!(texts(&html, &format!("{fallback} .best-title")), ["Best for Node.js", "Best for Python"]);
    let lines: Vec<&str> = spec["options"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["best_for"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()))
        .collect();
    assert_eq!(texts(&html, &format!("{fallback} .best-list > li")), lines);

    let links = select(&html, &format!("{fallback} a.cta"));
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].value().attr("href"), Some("https://example.com/consultation"));
    assert_eq!(links[0].text().collect::<String>(), "Book a free stack consultation");
}

/// What `render` writes before the element by default: the module beside the page.
const DEFAULT_LOADING: &str = "<link rel=\"modulepreload\" href=\"comparison-card.js\">
<link rel=\"preload\" href=\"comparison-card.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>
<script type=\"module\" src=\"comparison-card.js\"></script>
";

#[test]
fn render_writes_the_lines_that_load_the_module_and_preload_its_wasm() {
    let (markup, _) = render(DEMO);
    assert!(markup.starts_with(DEFAULT_LOADING), "{}", &markup[..200]);

    // From another folder: the wasm is preloaded from beside the module, without its query.
    let url = "https://cdn.example.com/cc/v1/comparison-card.js?v=2&x=\"y\"";
    let output = run(&["render", DEMO, "--module", url]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let html = Html::parse_document(&stdout(&output));
    let attr = |selector: &str, name: &str| {
        let found = select(&html, selector);
        assert_eq!(found.len(), 1, "{selector}");
        found[0].value().attr(name).map(str::to_string)
    };
    assert_eq!(attr("link[rel=modulepreload]", "href").as_deref(), Some(url), "escaped, read back whole");
    assert_eq!(attr("script[type=module]", "src").as_deref(), Some(url));
    let wasm = "link[rel=preload][as=fetch][type=\"application/wasm\"]";
    assert_eq!(attr(wasm, "href").as_deref(), Some("https://cdn.example.com/cc/v1/comparison-card.wasm"));
    assert_eq!(attr(wasm, "crossorigin").as_deref(), Some(""), "anonymous, as the module's fetch asks");

    let output = run(&["render", DEMO, "--module", "none"]);
    assert!(stdout(&output).starts_with("<comparison-card>\n"), "none leaves the lines out");
    for wrong in [&["render", DEMO, "--module"][..], &["render", DEMO, "--module", ""]] {
        assert_eq!(status(&run(wrong)), 2, "{wrong:?}");
    }
}

#[test]
fn render_writes_the_attributes_it_is_given() {
    let output = run(&["render", DEMO, "--id", "pick", "--share", "--persist", "--no-chart", "--module", "none"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let markup = stdout(&output);
    assert!(markup.starts_with("<comparison-card id=\"pick\" share persist chart=\"none\">\n"), "{}", &markup[..60]);
    let shadow = shadow_root(&markup);
    assert!(select(&shadow, ".chart").is_empty(), "no chart with --no-chart");
    assert_eq!(texts(&shadow, "[data-action]"), ["Reset", "Copy link"], "Copy link with --share");
    for wrong in [&["render", DEMO, "--colour"][..], &["render", DEMO, "--id"]] {
        assert_eq!(status(&run(wrong)), 2, "{wrong:?}");
    }
}

#[test]
fn render_leaves_out_what_the_spec_does_not_have() {
    let (_, html) = render(HOSTING);
    let (verdict, tally) = sentences(HOSTING);
    assert_eq!(texts(&html, ".cc-fallback p.verdict"), [verdict]);
    assert_eq!(texts(&html, ".cc-fallback p.tally"), [tally]);
    assert_eq!(texts(&html, "tbody > tr > td.priority-level"), ["Important", "Important", "Moderate", "Moderate"]);

    let bare = TempFile::json(&json!({
        "title": "Bare",
        "options": [{ "id": "a", "name": "A" }, { "id": "b", "name": "B" }],
        "criteria": [{ "id": "c", "name": "C", "scores": { "a": 1, "b": 2 }, "priority": 0 }]
    }));
    let (_, html) = render(bare.path());
    assert_eq!(texts(&html, "thead th"), ["Criterion", "A", "B", "Priority"], "no note column without notes");
    for absent in ["p.summary", ".best", "a", "footer"] {
        assert!(select(&html, &format!(".cc-fallback {absent}")).is_empty(), "{absent}");
    }
    assert_eq!(select(&html, "tbody > tr[data-ignored]").len(), 1);
    assert_eq!(
        texts(&html, ".cc-fallback p.verdict"),
        ["Every criterion is set to Ignore. Raise at least one priority to get a verdict."]
    );
    assert_eq!(texts(&html, "tfoot td"), ["–", "–", ""]);
}

#[test]
fn render_escapes_hostile_author_text() {
    let spec = json!({
        "$schema": "</script><script>alert(0)</script>",
        "title": "<img src=x onerror=alert(1)>",
        "summary": "Fish & chips <!-- not a comment",
        "options": [
            { "id": "a", "name": "</script><script>alert(2)</script>", "best_for": ["<li>x</li>"] },
            { "id": "b", "name": "\"quoted\" & 'single'" }
        ],
        "criteria": [
            { "id": "c", "name": "<b>bold</b>", "scores": { "a": 1, "b": 2 }, "note": "</td></tr></table><p>" }
        ],
        "cta": { "label": "<svg onload=alert(3)>", "href": "https://example.com/?a=1&b=\"<x>\"" }
    });
    let file = TempFile::json(&spec);
    let (markup, html) = render(file.path());
    let markup = markup.strip_prefix(DEFAULT_LOADING).expect("the loading lines first");

    assert_eq!(markup.matches("</script>").count(), 1, "only the script's own end tag");
    assert!(!markup.contains("<img") && !markup.contains("<svg onload") && !markup.contains("<b>"));
    assert_eq!(select(&html, "script:not([type=module])").len(), 1);
    for element in ["img", "svg:not(.chart-svg)", "b", "p > li", "table table"] {
        assert!(select(&html, element).is_empty(), "{element} in the output");
    }
    // The pre-rendered card holds the same text, as text.
    let shadow = shadow_root(markup);
    assert_eq!(texts(&shadow, ".title"), ["<img src=x onerror=alert(1)>"]);
    assert_eq!(texts(&shadow, ".row-name"), ["<b>bold</b>"]);
    assert_eq!(texts(&shadow, ".cta"), ["<svg onload=alert(3)>"]);
    for element in ["img", "svg:not(.chart-svg)", "b", "script"] {
        assert!(select(&shadow, element).is_empty(), "{element} in the pre-rendered card");
    }
    let script = texts(&html, "script:not([type=module])");
    assert!(script[0].contains("\\u003c/script>\\u003cscript>alert(0)"), "{}", script[0]);
    assert_eq!(serde_json::from_str::<Value>(&script[0]).unwrap(), spec);

    // Read back as text, every string is exactly what the author wrote.
    assert_eq!(texts(&html, ".cc-fallback caption"), ["<img src=x onerror=alert(1)>"]);
    assert_eq!(
        texts(&html, ".cc-fallback thead th"),
        ["Criterion", "</script><script>alert(2)</script>", "\"quoted\" & 'single'", "Priority", "Note"]
    );
    assert_eq!(texts(&html, ".cc-fallback tbody th"), ["<b>bold</b>"]);
    assert_eq!(texts(&html, ".cc-fallback td.note"), ["</td></tr></table><p>"]);
    assert_eq!(texts(&html, ".cc-fallback p.summary"), ["Fish & chips <!-- not a comment"]);
    assert_eq!(texts(&html, ".cc-fallback .best-list > li"), ["<li>x</li>"]);
    assert_eq!(texts(&html, ".cc-fallback a.cta"), ["<svg onload=alert(3)>"]);
    let link = select(&html, ".cc-fallback a.cta")[0].value().attr("href").map(str::to_string);
    assert_eq!(link.as_deref(), Some("https://example.com/?a=1&b=\"<x>\""));
    let (verdict, _) = sentences(file.path());
    assert_eq!(texts(&html, ".cc-fallback p.verdict"), [verdict]);
}

#[test]
fn render_refuses_an_invalid_spec_and_lists_its_problems() {
    let mut spec = read_json(DEMO);
    spec["criteria"][1]["scores"]["python"] = json!(11);
    spec["cta"]["href"] = json!("javascript:alert(1)");
    let file = TempFile::json(&spec);
    let output = run(&["render", file.path()]);
    assert_eq!(status(&output), 1);
    assert_eq!(stdout(&output), "", "no half card");
    assert_eq!(
        stderr(&output).lines().collect::<Vec<_>>(),
        [
            "criteria[1].scores.python: expected a number from 0 to 10, got 11",
            "cta.href: expected an absolute https, http or mailto link, got `javascript:alert(1)`",
        ]
    );
}

// ---- schema ----

fn printed_schema() -> Value {
    let output = run(&["schema"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("the schema is JSON")
}

#[test]
fn the_committed_schema_is_what_the_cli_prints() {
    let output = run(&["schema"]);
    let committed = std::fs::read_to_string(SCHEMA_FILE).unwrap();
    assert!(
        stdout(&output) == committed,
        "{SCHEMA_FILE} is out of date: run `cargo run --bin comparison-card -- schema > {SCHEMA_FILE}`"
    );
}

#[test]
fn the_demo_specs_validate_against_the_printed_schema() {
    let schema = printed_schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let validator = jsonschema::validator_for(&schema).unwrap();
    for file in [DEMO, HOSTING, "www/specs/hosting-de.json"] {
        let spec = read_json(file);
        let errors: Vec<String> = validator.iter_errors(&spec).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
        assert_eq!(spec.as_object().unwrap().keys().next().map(String::as_str), Some("$schema"));
        assert_eq!(spec["$schema"], "comparison-card.schema.json");
    }
    let mut broken = read_json(DEMO);
    broken["criteria"][0]["priority"] = json!(6);
    broken["options"][0]["id"] = json!("no spaces");
    assert_eq!(validator.iter_errors(&broken).count(), 2);
}

#[test]
fn the_schema_describes_the_fields_to_come() {
    let schema = printed_schema();
    let defs = &schema["$defs"];
    assert_eq!(schema["properties"]["presets"]["maxItems"], 8);
    assert_eq!(defs["Preset"]["required"], json!(["id", "name", "priorities"]));
    assert_eq!(defs["Preset"]["properties"]["priorities"]["additionalProperties"]["$ref"], "#/$defs/Priority");
    assert_eq!(defs["Priority"]["maximum"], 5);
    assert_eq!(defs["Cta"]["properties"]["carry"]["type"], json!(["boolean", "null"]));
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut spec = read_json(DEMO);
    spec["presets"] = json!([{ "id": "data", "name": "Data team", "priorities": { "ai-ml": 5, "full-stack": 0 } }]);
    spec["cta"]["carry"] = json!(true);
    assert!(validator.is_valid(&spec));
    spec["presets"][0]["priorities"]["ai-ml"] = json!(9);
    assert!(!validator.is_valid(&spec));
}

#[test]
fn render_speaks_the_specs_language_in_both_parts() {
    let output = run(&["render", "www/specs/hosting-de.json", "--module", "none", "--lang", "de"]);
    assert_eq!(status(&output), 0, "{}", stderr(&output));
    let markup = stdout(&output);
    assert!(markup.starts_with("<comparison-card lang=\"de\">"));
    let html = Html::parse_document(&markup);
    assert_eq!(
        texts(&html, ".cc-fallback thead th[scope=col]"),
        ["Kriterium", "Eigener VPS", "Verwaltete PaaS", "Serverless", "Priorität", "Notiz"]
    );
    assert_eq!(texts(&html, ".cc-fallback tfoot th"), ["Gewichtete Punkte von 10"]);
    assert!(texts(&html, ".cc-fallback p.verdict")[0].starts_with("Serverless liegt bei Ihren Prioritäten mit 0,9"));
    let shadow = shadow_root(&markup);
    assert_eq!(texts(&shadow, ".total-value"), ["6,1", "6,8", "7,7"]);
    assert_eq!(texts(&shadow, ".section-title"), ["Ihre Prioritäten"]);
}
