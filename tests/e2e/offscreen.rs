//! Rows off screen are skipped by the browser (`content-visibility: auto`), and a visitor must
//! not notice: a link to a heading below a tall card lands on it, and find-in-page reaches a
//! word in a row far down and shows it.

use serde_json::json;

use super::{open_page, page_errors, wait_for_card};

#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn a_link_to_a_heading_below_a_tall_card_lands_on_it() {
    let (session, _setup) = open_page("tall-card.html#after");
    wait_for_card(&session, "#tall");
    // Once the card has drawn its 30 rows, most of them skipped, the heading is at the top of
    // the window, not somewhere above or below it.
    let top = session
        .wait_for(
            "const top = document.getElementById('after').getBoundingClientRect().top;
             return scrollY > 0 && Math.abs(top) < 2 ? top : null;",
            json!([]),
        )
        .unwrap();
    assert!(top.as_f64().is_some_and(|t| t.abs() < 2.0), "{top}");
    let rows = session
        .eval("return document.getElementById('tall').shadowRoot.querySelectorAll('.row').length;", json!([]))
        .unwrap();
    assert_eq!(rows, json!(30));
    assert!(page_errors(&session).is_empty(), "{:?}", page_errors(&session));
}

#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn find_in_page_reaches_a_row_far_down_and_shows_it() {
    let (session, _setup) = open_page("tall-card.html");
    wait_for_card(&session, "#tall");
    // The row is far below the window, so the browser has not drawn it yet.
    let skipped = session
        .eval(
            "const root = document.getElementById('tall').shadowRoot;
             const row = [...root.querySelectorAll('.row')][27];
             return row.getBoundingClientRect().top > 2 * innerHeight;",
            json!([]),
        )
        .unwrap();
    assert_eq!(skipped, json!(true), "the row starts off screen");
    let found = session.eval("return window.find('zebra crossing');", json!([])).unwrap();
    assert_eq!(found, json!(true), "find-in-page reaches text in a skipped row");
    // The match is in that row's note, and the page scrolled to show it.
    let shown = session
        .wait_for(
            "const root = document.getElementById('tall').shadowRoot;
             const selection = root.getSelection ? root.getSelection() : getSelection();
             const node = selection.anchorNode;
             const element = node && (node.nodeType === 1 ? node : node.parentElement);
             if (!element) return null;
             const box = element.getBoundingClientRect();
             return box.top >= 0 && box.bottom <= innerHeight
               ? [selection.toString(), element.closest('.row') === [...root.querySelectorAll('.row')][27]]
               : null;",
            json!([]),
        )
        .unwrap();
    assert_eq!(shown, json!(["zebra crossing", true]));
}
