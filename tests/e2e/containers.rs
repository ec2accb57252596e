//! The card in layouts that size a box by its content (shrink-to-fit): it must take a sensible
//! width of its own there, from 280 px up to 1,100 px, never 0 px wide and 30,000 px tall.

use serde_json::json;

use super::{open_page, page_errors, wait_for_card};

/// The cards of `containers.html`, one per layout.
const CARDS: [&str; 8] =
    ["flex-sidebar", "grid-center", "flex-column", "table-cell", "inline-block", "float", "popover", "modal"];

#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn the_card_has_a_sensible_width_in_every_shrink_to_fit_container() {
    let (session, setup) = open_page("containers.html");
    session.eval("document.querySelector('#dialog').showModal();", json!([])).unwrap();
    for id in CARDS {
        wait_for_card(&session, &format!("#{id}"));
    }
    std::fs::create_dir_all(&setup.screenshots).unwrap();
    for width in [320, 768, 1200] {
        session
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": false }),
            )
            .unwrap();
        let boxes = session
            .eval(
                "return Object.fromEntries(arguments[0].map((id) => {
                   const host = document.getElementById(id).getBoundingClientRect();
                   const card = document.getElementById(id).shadowRoot.querySelector('.card').getBoundingClientRect();
                   return [id, { width: Math.round(host.width), height: Math.round(host.height),
                                 card: Math.round(card.width) }];
                 }));",
                json!([CARDS]),
            )
            .unwrap();
        for id in CARDS {
            let (w, h, card) = (
                boxes[id]["width"].as_f64().unwrap(),
                boxes[id]["height"].as_f64().unwrap(),
                boxes[id]["card"].as_f64().unwrap(),
            );
            // The room a layout leaves: the viewport, less the sidebar beside the flex card, and
            // less the dialog's own margins and padding (about 50 px).
            let room = f64::from(width) - if id == "flex-sidebar" { 200.0 } else { 0.0 };
            let narrowest = room.min(280.0) - if id == "modal" { 50.0 } else { 0.0 };
            assert!(w >= narrowest && w <= 1100.0, "{id} at {width} px: host {w} px wide, room {room}: {boxes}");
            assert!(w >= (room - 60.0).min(1100.0) || w >= 280.0, "{id} at {width} px takes the room it has: {boxes}");
            assert_eq!(card, w, "{id} at {width} px: the card fills its host: {boxes}");
            assert!(h > 300.0 && h < 4000.0, "{id} at {width} px: {h} px tall: {boxes}");
        }
        let png = session.full_page_png().unwrap();
        std::fs::write(setup.screenshots.join(format!("containers-{width}.png")), png).unwrap();
    }
    assert_eq!(page_errors(&session), Vec::<String>::new());
}
