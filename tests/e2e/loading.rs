//! How the card arrives: the element is defined as soon as the module runs, keeps what the page
//! sets until the wasm is there, and fetches the wasm only when a card comes near the screen.

use serde_json::json;

use super::{open_demo_after, open_page, page_errors, shadow_text, wait_for_card, KEY_END, KEY_HOME};

/// Holds back every `.wasm` response until the page calls `__releaseWasm()`: a slow link.
const HOLD_WASM: &str = "
    window.__wasmRequests = 0;
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    window.__releaseWasm = () => release();
    const fetchFirst = window.fetch;
    window.fetch = function (input, ...rest) {
      const answer = fetchFirst.call(this, input, ...rest);
      if (!String(input && (input.url || input)).endsWith('.wasm')) return answer;
      window.__wasmRequests += 1;
      return released.then(() => answer);
    };
    window.__definedEarly = null;
    customElements.whenDefined('comparison-card').then(() => { window.__definedEarly = window.__wasmRequests; });";

/// How many `.wasm` files the page has fetched.
const WASM_FETCHED: &str =
    "return performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.wasm')).length;";

#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn the_element_is_defined_before_the_wasm_and_keeps_what_the_page_sets_meanwhile() {
    let (session, _) = open_demo_after(HOLD_WASM);
    session.wait_for("return window.__wasmRequests > 0 && window.__definedEarly !== null;", json!([])).unwrap();
    let early = session
        .eval(
            "const card = document.querySelector('#hosting');
             card.spec = { title: 'Set while the wasm was on its way',
                           options: [{ id: 'a', name: 'Alpha' }, { id: 'b', name: 'Beta' }],
                           criteria: [{ id: 'x', name: 'Only one', scores: { a: 3, b: 8 } }] };
             card.setAttribute('theme', 'dark');
             return { defined: card.matches(':defined'), property: 'spec' in card,
                      readBack: card.spec.title,
                      preRendered: [...card.shadowRoot.children].some((child) => child.tagName === 'STYLE'),
                      verdict: card.shadowRoot.querySelector('.verdict').textContent };",
            json!([]),
        )
        .unwrap();
    assert_eq!(
        early,
        json!({
            "defined": true, "property": true, "readBack": "Set while the wasm was on its way", "preRendered": true,
            "verdict": "Serverless leads by 0.9 points at your priorities."
        }),
        "defined, with a `spec` property, and the pre-rendered card still there"
    );
    session.eval("window.__releaseWasm();", json!([])).unwrap();
    wait_for_card(&session, "#hosting");
    assert_eq!(shadow_text(&session, "#hosting", ".title"), "Set while the wasm was on its way");
    assert_eq!(shadow_text(&session, "#hosting", ".verdict"), "Beta leads by 5.0 points at your priorities.");
    wait_for_card(&session, "#node-vs-python");
    assert_eq!(page_errors(&session), Vec::<String>::new());
}

#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn a_card_far_below_fetches_the_wasm_only_when_it_comes_near() {
    let (session, _) = open_page("far-below.html");
    session.wait_for("return document.readyState === 'complete';", json!([])).unwrap();
    // Frames for the observer to report, and time for a fetch that should not happen.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let waiting = session
        .eval(
            "const card = document.querySelector('#far');
             return { defined: card.matches(':defined'), shadow: card.shadowRoot !== null,
                      text: card.querySelector('.author-text') !== null };",
            json!([]),
        )
        .unwrap();
    assert_eq!(waiting, json!({ "defined": true, "shadow": false, "text": true }), "the author's light DOM stays");
    assert_eq!(session.eval(WASM_FETCHED, json!([])).unwrap(), json!(0), "no wasm for a card four screens down");
    session.eval("document.querySelector('#far').scrollIntoView();", json!([])).unwrap();
    wait_for_card(&session, "#far");
    assert_eq!(shadow_text(&session, "#far", ".title"), "Far below");
    assert_eq!(session.eval(WASM_FETCHED, json!([])).unwrap(), json!(1));
    assert_eq!(page_errors(&session), Vec::<String>::new());

    // loading="eager" asks at once, wherever the card is.
    let (eager, _) = open_page("far-below.html");
    eager.wait_for("return document.readyState === 'complete';", json!([])).unwrap();
    eager.eval("document.querySelector('#far').setAttribute('loading', 'eager');", json!([])).unwrap();
    wait_for_card(&eager, "#far");
    assert_eq!(eager.eval("return scrollY;", json!([])).unwrap(), json!(0), "drawn without scrolling to it");
}

/// A visitor on a slow connection moves a slider of the pre-rendered card before the wasm has
/// arrived: nothing can answer yet, but the move is not lost. The live card starts from it, and
/// sends it as a committed change.
#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn a_slider_moved_before_the_card_is_live_is_answered_when_it_is() {
    let (session, _) = open_demo_after(HOLD_WASM);
    session.wait_for("return window.__wasmRequests > 0 && window.__definedEarly !== null;", json!([])).unwrap();
    let before = session
        .eval(
            "const root = document.querySelector('#hosting').shadowRoot;
             window.__changes = [];
             document.querySelector('#hosting').addEventListener('prioritychange', (e) => window.__changes.push(e.detail.priorities));
             return { preRendered: [...root.children].some((child) => child.tagName === 'STYLE'),
                      totals: [...root.querySelectorAll('.total-value')].map((n) => n.textContent),
                      level: root.querySelector('input[type=range]').value };",
            json!([]),
        )
        .unwrap();
    assert_eq!(before["preRendered"], json!(true), "{before}");
    // The visitor's own keys on the pre-rendered slider: the browser moves it, nothing else.
    let slider = session.shadow_element("#hosting", "input[type=range]").unwrap();
    let key = if before["level"] == json!("5") { KEY_HOME } else { KEY_END };
    session.send_keys(&slider, key).unwrap();
    let moved = session
        .eval(
            "return document.querySelector('#hosting').shadowRoot.querySelector('input[type=range]').value;",
            json!([]),
        )
        .unwrap();
    assert_ne!(moved, before["level"], "the pre-rendered slider moved");

    session.eval("window.__releaseWasm();", json!([])).unwrap();
    wait_for_card(&session, "#hosting");
    let after = session
        .wait_for(
            "const root = document.querySelector('#hosting').shadowRoot;
             const slider = root.querySelector('input[type=range]');
             return window.__changes.length > 0
               ? { level: slider.value, totals: [...root.querySelectorAll('.total-value')].map((n) => n.textContent),
                   changes: window.__changes.length }
               : null;",
            json!([]),
        )
        .unwrap();
    assert_eq!(after["level"], moved, "the live slider starts where the visitor left it: {after}");
    assert_ne!(after["totals"], before["totals"], "and the totals answer it: {after}");
    assert_eq!(after["changes"], json!(1), "one committed change: {after}");
    assert_eq!(page_errors(&session), Vec::<String>::new());
}
