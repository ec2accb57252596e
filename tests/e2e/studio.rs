//! The studio (`dist/studio/`): a card built from an empty studio with the keyboard and one paste,
//! its exports, the draft, undo, malformed pastes, axe and 360 px.

use serde_json::{json, Value};

use super::{axe_violations, page_errors, setup, wait_for_card, Setup, CAPTURE_ERRORS};
use webdriver::{Session, KEY_BACKSPACE, KEY_CONTROL, KEY_DOWN, KEY_ENTER, KEY_NULL, KEY_RIGHT, KEY_UP};

const DRAFT_KEY: &str = "comparison-card-studio:draft";
const VERDICT: &str = "Node.js leads by 1.2 points at your priorities.";

fn seed() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/specs/node-vs-python.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The element id the studio gives the field that edits a validator path (`fieldId` in dom.js).
fn field(path: &str) -> String {
    let mut id = String::from("#f-");
    let mut gap = false;
    for c in path.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            if gap {
                id.push('-');
                gap = false;
            }
            id.push(c);
        } else {
            gap = true;
        }
    }
    if gap {
        id.push('-');
    }
    id
}

fn open_studio(query: &str) -> (Session, Setup) {
    let setup = setup();
    let session = Session::start(&setup.driver).unwrap();
    session.before_each_page(CAPTURE_ERRORS).unwrap();
    session.goto(&format!("{}/studio/{query}", setup.base)).unwrap();
    wait_until_ready(&session);
    (session, setup)
}

fn wait_until_ready(session: &Session) {
    session.wait_for("return document.body.dataset.ready === 'true';", json!([])).unwrap();
}

/// Types into the field for `path`, after what is there.
fn type_into(session: &Session, path: &str, text: &str) {
    let element = session.find(&field(path)).unwrap();
    session.send_keys(&element, text).unwrap();
}

/// Replaces the text of the field for `path`: Ctrl+A, Backspace, then the new text.
fn retype(session: &Session, path: &str, text: &str) {
    let element = session.find(&field(path)).unwrap();
    session.send_keys(&element, &format!("{KEY_CONTROL}a{KEY_NULL}{KEY_BACKSPACE}{text}")).unwrap();
}

/// Console errors but the card's own report of a spec with problems, which the preview shows
/// on purpose while the author is still typing.
fn studio_errors(session: &Session) -> Vec<String> {
    page_errors(session)
        .into_iter()
        .filter(|e| !e.starts_with("comparison-card: this card's spec cannot be shown"))
        .collect()
}

fn press_button(session: &Session, selector: &str) {
    let button = session.find(selector).unwrap();
    session.send_keys(&button, KEY_ENTER).unwrap();
}

fn value_of(session: &Session, selector: &str) -> String {
    let value = session.eval("return document.querySelector(arguments[0]).value;", json!([selector])).unwrap();
    value.as_str().unwrap_or_default().to_string()
}

fn text_of(session: &Session, selector: &str) -> String {
    let value = session.eval("return document.querySelector(arguments[0]).textContent;", json!([selector])).unwrap();
    value.as_str().unwrap_or_default().to_string()
}

/// A paste of `text` into the field for `path`, as the browser delivers Ctrl+V from a spreadsheet.
fn paste(session: &Session, path: &str, text: &str) {
    session
        .eval(
            "const cell = document.querySelector(arguments[0]);
             cell.focus();
             const data = new DataTransfer();
             data.setData('text/plain', arguments[1]);
             cell.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));",
            json!([field(path), text]),
        )
        .unwrap();
}

fn preview_verdict(session: &Session) -> String {
    session
        .wait_for(
            "const root = document.querySelector('#preview-card').shadowRoot;
             const verdict = root && root.querySelector('.verdict');
             return verdict ? verdict.textContent : null;",
            json!([]),
        )
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn draft(session: &Session) -> Value {
    session.eval("return localStorage.getItem(arguments[0]);", json!([DRAFT_KEY])).unwrap()
}

/// The seed's score table as a spreadsheet copies it: tab-separated, CRLF line ends.
fn score_table(seed: &Value) -> String {
    let options = seed["options"].as_array().unwrap();
    let mut table = String::new();
    for option in options {
        table.push('\t');
        table.push_str(option["name"].as_str().unwrap());
    }
    table.push_str("\r\n");
    for criterion in seed["criteria"].as_array().unwrap() {
        table.push_str(criterion["name"].as_str().unwrap());
        for option in options {
            table.push('\t');
            table.push_str(&criterion["scores"][option["id"].as_str().unwrap()].to_string());
        }
        table.push_str("\r\n");
    }
    table
}

#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn an_empty_studio_builds_the_node_vs_python_card_by_keyboard_and_one_paste() {
    let seed = seed();
    let (session, setup) = open_studio("");
    assert_eq!(value_of(&session, &field("title")), "", "the studio starts empty");

    type_into(&session, "title", seed["title"].as_str().unwrap());
    type_into(&session, "summary", seed["summary"].as_str().unwrap());
    type_into(&session, "scale.min", "0");
    type_into(&session, "scale.max", "10");
    // One paste of the score table creates the options and the criteria.
    paste(&session, "criteria[0].name", &score_table(&seed));
    assert_eq!(text_of(&session, "#grid-message"), "", "the paste was taken");
    for (index, option) in seed["options"].as_array().unwrap().iter().enumerate() {
        retype(&session, &format!("options[{index}].id"), option["id"].as_str().unwrap());
        let lines: Vec<&str> = option["best_for"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
        type_into(&session, &format!("options[{index}].best_for"), &lines.join("\n"));
    }
    for (index, criterion) in seed["criteria"].as_array().unwrap().iter().enumerate() {
        retype(&session, &format!("criteria[{index}].id"), criterion["id"].as_str().unwrap());
        type_into(&session, &format!("criteria[{index}].note"), criterion["note"].as_str().unwrap());
    }
    for (index, preset) in seed["presets"].as_array().unwrap().iter().enumerate() {
        press_button(&session, "#add-preset");
        type_into(&session, &format!("presets[{index}].name"), preset["name"].as_str().unwrap());
        retype(&session, &format!("presets[{index}].id"), preset["id"].as_str().unwrap());
        for (criterion, level) in preset["priorities"].as_object().unwrap() {
            // A select takes the option whose text starts with the key typed: "5 Critical".
            type_into(&session, &format!("presets[{index}].priorities.{criterion}"), &level.to_string());
        }
    }
    let cta = &seed["cta"];
    type_into(&session, "cta.label", cta["label"].as_str().unwrap());
    type_into(&session, "cta.href", cta["href"].as_str().unwrap());
    type_into(&session, "cta.carry", " ");

    assert_eq!(preview_verdict(&session), VERDICT);
    assert_eq!(text_of(&session, "#problems-heading"), "No problems");

    // The downloaded JSON is the seed, field for field.
    press_button(&session, "#download-json");
    let exported = value_of(&session, "#snippet-output");
    let mut expected = seed.clone();
    expected["$schema"] = json!("comparison-card.schema.json");
    assert_eq!(serde_json::from_str::<Value>(&exported).unwrap(), expected);

    // The pre-rendered snippet is what `comparison-card render` prints for that file with the
    // module in the folder the studio was given: the loading lines, then the finished card.
    press_button(&session, "#copy-prerendered");
    let snippet = value_of(&session, "#snippet-output");
    let file = std::env::temp_dir().join(format!("studio-export-{}.json", std::process::id()));
    std::fs::write(&file, &exported).unwrap();
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_comparison-card"))
        .arg("render")
        .arg(&file)
        .args(["--module", "/assets/comparison-card/comparison-card.js"])
        .output()
        .unwrap();
    std::fs::remove_file(&file).unwrap();
    assert!(cli.status.success(), "{}", String::from_utf8_lossy(&cli.stderr));
    assert_eq!(snippet, String::from_utf8(cli.stdout).unwrap(), "byte for byte");

    // The embed snippet names both files under the folder given, with the spec compact.
    press_button(&session, "#copy-embed");
    let embed = value_of(&session, "#snippet-output");
    assert!(embed.starts_with("<link rel=\"modulepreload\" href=\"/assets/comparison-card/comparison-card.js\">\n"));
    assert!(!embed.contains("\n\n"));

    // Reload: the draft is back, and so is the card.
    session.goto(&format!("{}/studio/", setup.base)).unwrap();
    wait_until_ready(&session);
    assert_eq!(value_of(&session, &field("title")), seed["title"].as_str().unwrap());
    assert_eq!(value_of(&session, &field("criteria[5].note")), seed["criteria"][5]["note"].as_str().unwrap());
    assert_eq!(preview_verdict(&session), VERDICT);

    // Undo restores what was there before the last edit.
    type_into(&session, "criteria[1].scores.python", "0");
    assert_eq!(value_of(&session, &field("criteria[1].scores.python")), "100");
    let undo = session.find(&field("criteria[1].scores.python")).unwrap();
    session.send_keys(&undo, &format!("{KEY_CONTROL}z{KEY_NULL}")).unwrap();
    assert_eq!(value_of(&session, &field("criteria[1].scores.python")), "10");
    assert_eq!(preview_verdict(&session), VERDICT);
    assert_eq!(text_of(&session, "#problems-heading"), "No problems");

    // The pre-rendered snippet alone, on a page of its own, shows the same verdict before the
    // module loads, and then loads it by itself and comes alive: here the files are served from
    // the site's root, so that is the folder in the snippet. Scripts inserted as markup do not
    // run, so each is made again, as a browser parsing the page would run it.
    let pasted = snippet.replace("/assets/comparison-card/", "/");
    assert_eq!(pasted.matches("\"/comparison-card.").count(), 3, "two hints and the module: {pasted}");
    session.goto(&format!("{}/snippet.html", setup.base)).unwrap();
    let before = session
        .eval(
            "const host = document.querySelector('#host');
             host.setHTMLUnsafe(arguments[0]);
             const verdict = host.querySelector('comparison-card').shadowRoot.querySelector('.verdict').textContent;
             for (const inert of host.querySelectorAll('script[src]')) {
               const script = document.createElement('script');
               for (const { name, value } of inert.attributes) script.setAttribute(name, value);
               inert.replaceWith(script);
             }
             return verdict;",
            json!([pasted]),
        )
        .unwrap();
    assert_eq!(before, json!(VERDICT), "pre-rendered");
    wait_for_card(&session, "#host comparison-card");
    assert_eq!(super::shadow_text(&session, "#host comparison-card", ".verdict"), VERDICT, "live");
    assert_eq!(page_errors(&session), Vec::<String>::new(), "the snippet's page");
}

#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn malformed_pastes_change_nothing_and_say_what_was_wrong() {
    let (session, _) = open_studio("?src=../specs/node-vs-python.json");
    assert_eq!(preview_verdict(&session), VERDICT);
    let before = draft(&session);
    let mut too_many = String::from("\tNode.js\tPython\n");
    for index in 0..31 {
        too_many.push_str(&format!("Criterion {index}\t5\t6\n"));
    }
    for (text, message) in [
        (
            "\tNode.js\tPython\nSpeed\t1\t2\nCost\t3\n",
            "Nothing was pasted: row 3 has 2 cells where row 1 has 3: every row needs the same number of cells.",
        ),
        (
            "\tNode.js\tPython\nSpeed\t1\tten\n",
            "Nothing was pasted: row 2 (Speed), column 3 (Python): `ten` is not a number.",
        ),
        (too_many.as_str(), "Nothing was pasted: 31 criteria pasted (rows 2 to 32); a card takes at most 30."),
        ("7\t8\t9\n", "Nothing was pasted: the block is 1 × 3 cells, and from this cell there is room for 6 × 2."),
    ] {
        paste(&session, "criteria[0].scores.node", text);
        assert_eq!(text_of(&session, "#grid-message"), message);
        assert_eq!(draft(&session), before, "nothing changed after: {message}");
        assert_eq!(value_of(&session, &field("criteria[0].scores.node")), "10");
    }
    // A block that fits is taken, and clears the message.
    paste(&session, "criteria[0].scores.node", "9\t8\n");
    assert_eq!(text_of(&session, "#grid-message"), "");
    assert_eq!(value_of(&session, &field("criteria[0].scores.python")), "8");
    assert_eq!(studio_errors(&session), Vec::<String>::new());
}

#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn a_draft_with_problems_opens_with_them_shown_and_exports_say_why_they_are_off() {
    let (session, _setup) = open_studio("?src=../specs/node-vs-python.json");
    assert_eq!(preview_verdict(&session), VERDICT);
    retype(&session, "criteria[2].scores.python", "11");
    retype(&session, "title", "");
    // Reloading the page the link opened brings back the edits, not the file again.
    let address = session.eval("return [location.search, location.href];", json!([])).unwrap();
    assert_eq!(address[0], json!(""), "the address forgot the file once it was opened");
    session.goto(address[1].as_str().unwrap()).unwrap();
    wait_until_ready(&session);
    assert_eq!(text_of(&session, "#problems-heading"), "2 problems");
    let beside = session
        .eval("return [...document.querySelectorAll('#form .problem')].map((p) => p.textContent);", json!([]))
        .unwrap();
    assert_eq!(
        beside,
        json!(["title: must not be empty", "criteria[2].scores.python: expected a number from 0 to 10, got 11"])
    );
    let described = session
        .eval(
            "const field = document.querySelector(arguments[0]);
             return [field.getAttribute('aria-invalid'), document.getElementById(field.getAttribute('aria-describedby')).textContent];",
            json!([field("criteria[2].scores.python")]),
        )
        .unwrap();
    assert_eq!(described[0], json!("true"));
    assert_eq!(value_of(&session, &field("criteria[2].scores.python")), "11", "the draft as it was");
    let disabled = session
        .eval("return ['copy-embed', 'copy-prerendered', 'download-json'].map((id) => document.getElementById(id).disabled);", json!([]))
        .unwrap();
    assert_eq!(disabled, json!([true, true, true]));
    assert!(text_of(&session, "#export-reason").starts_with("Export is off until the 2 problems"));
    assert_eq!(studio_errors(&session), Vec::<String>::new());
}

#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn the_studio_passes_axe_light_dark_and_at_360_pixels() {
    let (session, setup) = open_studio("");
    assert_eq!(axe_violations(&session), Vec::<String>::new(), "empty, with problems shown");
    session.goto(&format!("{}/studio/?src=../specs/node-vs-python.json", setup.base)).unwrap();
    wait_until_ready(&session);
    assert_eq!(preview_verdict(&session), VERDICT);
    std::fs::create_dir_all(&setup.screenshots).unwrap();
    let save = |name: &str| std::fs::write(setup.screenshots.join(name), session.full_page_png().unwrap()).unwrap();
    assert_eq!(axe_violations(&session), Vec::<String>::new(), "light");
    save("studio-light-1200.png");

    session
        .cdp("Emulation.setEmulatedMedia", json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }))
        .unwrap();
    press_button(&session, "[data-theme='dark']");
    assert_eq!(axe_violations(&session), Vec::<String>::new(), "dark");
    save("studio-dark-1200.png");

    session
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 360, "height": 780, "deviceScaleFactor": 1, "mobile": true }),
        )
        .unwrap();
    press_button(&session, "[data-width='360px']");
    assert_eq!(axe_violations(&session), Vec::<String>::new(), "dark, 360 px");
    let wide = session.eval("return document.documentElement.scrollWidth > innerWidth;", json!([])).unwrap();
    assert_eq!(wide, json!(false), "nothing but the score grid scrolls sideways at 360 px");
    save("studio-dark-360.png");
    assert_eq!(studio_errors(&session), Vec::<String>::new());
}

/// The id of the element that has the focus.
fn focused(session: &Session) -> String {
    session.eval("return document.activeElement.id;", json!([])).unwrap().as_str().unwrap_or_default().to_string()
}

#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn the_grid_moves_like_a_spreadsheet_and_undo_goes_back_sixty_steps() {
    let (session, _) = open_studio("?src=../specs/node-vs-python.json");
    assert_eq!(preview_verdict(&session), VERDICT);
    let start = session.find(&field("criteria[0].scores.node")).unwrap();
    session.send_keys(&start, "").unwrap();
    session.press(&[KEY_DOWN]).unwrap();
    assert_eq!(focused(&session), field("criteria[1].scores.node")[1..]);
    // The whole cell is selected on arrival, so the caret is not at the end: the first Right
    // collapses the selection, the second moves on.
    session.press(&[KEY_RIGHT, KEY_RIGHT]).unwrap();
    assert_eq!(focused(&session), field("criteria[1].scores.python")[1..]);
    session.press(&[KEY_ENTER, KEY_ENTER]).unwrap();
    assert_eq!(focused(&session), field("criteria[3].scores.python")[1..]);
    session.press(&[KEY_UP]).unwrap();
    assert_eq!(focused(&session), field("criteria[2].scores.python")[1..]);
    // Enter on the last row adds a criterion.
    let last = session.find(&field("criteria[5].name")).unwrap();
    session.send_keys(&last, KEY_ENTER).unwrap();
    assert_eq!(focused(&session), field("criteria[6].name")[1..]);
    session.press(&["x"]).unwrap();

    // Sixty edits in two fields, each a step of its own, and sixty undos.
    let before = value_of(&session, &field("title"));
    for step in 0..60 {
        let path = if step % 2 == 0 { "title" } else { "summary" };
        type_into(&session, path, "!");
    }
    assert!(value_of(&session, &field("title")).ends_with(&"!".repeat(30)));
    for _ in 0..60 {
        session.chord(&[KEY_CONTROL, "z"]).unwrap();
    }
    assert_eq!(value_of(&session, &field("title")), before);
    assert_eq!(value_of(&session, &field("criteria[6].name")), "x", "the step before the sixty is kept");
    assert_eq!(studio_errors(&session), Vec::<String>::new());
}

/// Puts `text` in the import box and presses "Import pasted text"; returns the message shown.
fn import_pasted(session: &Session, text: &str) -> String {
    session
        .eval(
            "const box = document.querySelector('#import-text');
             box.value = arguments[0];
             box.dispatchEvent(new Event('input', { bubbles: true }));",
            json!([text]),
        )
        .unwrap();
    press_button(session, "#import-button");
    text_of(session, "#import-message")
}

#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn pasted_json_and_csv_import_and_what_cannot_be_read_changes_nothing() {
    let (session, _) = open_studio("");
    let empty = draft(&session);
    let message = import_pasted(&session, "{\"title\": \"x\",");
    assert!(message.starts_with("Nothing was imported: the pasted text is not valid JSON"), "{message}");
    assert_eq!(
        import_pasted(&session, "{\"title\": \"x\", \"colour\": 1}"),
        "Nothing was imported: the spec has a field the card does not know: colour."
    );
    assert_eq!(
        import_pasted(&session, "a,b\n1\n"),
        "Nothing was imported: row 2 has 1 cell where row 1 has 2: every row needs the same number of cells."
    );
    assert_eq!(draft(&session), empty, "nothing changed");

    assert_eq!(import_pasted(&session, "Criterion,\"Plan A\",\"Plan B\"\r\nPrice,8,\"6.5\"\r\n"), "");
    assert_eq!(value_of(&session, &field("options[1].name")), "Plan B");
    assert_eq!(value_of(&session, &field("options[1].id")), "plan-b");
    assert_eq!(value_of(&session, &field("criteria[0].scores.plan-b")), "6.5");

    // Excel's CSV where the decimal mark is a comma: semicolons between cells; and a Note and a
    // Priority column, as the studio's own grid has them, fill the criterion, not an option.
    assert_eq!(import_pasted(&session, "Kriterium;Plan A;Plan B;Priority;Note\r\nPreis;8,5;6;4;Am billigsten\r\n"), "");
    assert_eq!(value_of(&session, &field("criteria[0].scores.plan-a")), "8.5");
    assert_eq!(value_of(&session, &field("criteria[0].note")), "Am billigsten");
    assert_eq!(value_of(&session, &field("criteria[0].priority")), "4");
    assert_eq!(
        session
            .eval(
                "return document.querySelectorAll('#form [data-path$=\".name\"][data-path^=\"options\"]').length;",
                json!([])
            )
            .unwrap(),
        json!(2)
    );
    let status = text_of(&session, "#status");
    assert!(status.starts_with("Imported 2 options and 1 criterion (with notes and priorities) from"), "{status}");

    let seed = seed().to_string();
    assert_eq!(import_pasted(&session, &seed), "");
    assert_eq!(preview_verdict(&session), VERDICT);
    assert_eq!(text_of(&session, "#problems-heading"), "No problems");
    assert_eq!(studio_errors(&session), Vec::<String>::new());
}
