//! analytics="datalayer": the card's events reach a tag manager's `window.dataLayer`.

use serde_json::{json, Value};

use super::{open_demo, page_errors, wait_for_card};

#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn analytics_datalayer_pushes_verdicts_committed_priorities_and_cta_clicks() {
    let (session, _) = open_demo();
    wait_for_card(&session, "#node-vs-python");
    let pushed = session
        .eval(
            "const card = document.querySelector('#node-vs-python');
             const root = card.shadowRoot;
             // Without the attribute, nothing is pushed (and no dataLayer is made).
             const slider = (id) => root.querySelector(`.row[data-criterion='${id}'] input`);
             const drag = (id, levels) => {
               for (const level of levels) {
                 slider(id).value = String(level);
                 slider(id).dispatchEvent(new Event('input', { bubbles: true }));
               }
               slider(id).dispatchEvent(new Event('change', { bubbles: true }));
             };
             drag('community', [4]);
             const before = 'dataLayer' in window;
             card.setAttribute('analytics', 'datalayer');
             // One drag of three steps is one committed change; AI / ML to Critical and the rest
             // to Ignore hands the lead to Python on the way.
             drag('ai-ml', [4, 5, 5]);
             for (const id of ['concurrency', 'productivity', 'full-stack', 'real-time', 'community']) drag(id, [0]);
             root.querySelector('button.preset').click();
             document.addEventListener('click', (event) => event.preventDefault(), { once: true });
             root.querySelector('.cta').click();
             return { before, layer: window.dataLayer };",
            json!([]),
        )
        .unwrap();
    assert_eq!(pushed["before"], json!(false), "no dataLayer without the attribute");
    let layer = pushed["layer"].as_array().unwrap();
    let events: Vec<&str> = layer.iter().map(|entry| entry["event"].as_str().unwrap()).collect();
    let priorities = events.iter().filter(|e| **e == "comparison_card_prioritychange").count();
    assert_eq!(priorities, 7, "one per drag (6) and one for the preset, not one per step: {events:?}");
    assert!(events.contains(&"comparison_card_verdictchange"), "{events:?}");
    assert_eq!(events.last(), Some(&"comparison_card_ctaclick"), "{events:?}");
    // Python takes the lead while AI / ML is raised (a tie comes first, with no leader).
    let verdict = layer
        .iter()
        .find(|entry| entry["event"] == json!("comparison_card_verdictchange") && entry["leader"] == json!("python"))
        .unwrap_or_else(|| panic!("{layer:?}"));
    assert_eq!(verdict["card"], json!("node-vs-python"));
    assert_eq!(verdict["preset"], Value::Null);
    let keys: Vec<&String> = verdict.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["card", "event", "leader", "preset", "priorities"], "the documented payload, no more");
    assert_eq!(layer.last().unwrap()["preset"], json!("chat-app"), "{layer:?}");
    assert_eq!(page_errors(&session), Vec::<String>::new());
}
