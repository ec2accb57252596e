//! The demo in WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver, Debian packages): the
//! card renders, the result strip sticks while each slider moves and shows the header's totals,
//! and a narrow chart numbers its axes. Firefox is not here: Debian packages no geckodriver.

use super::*;

fn webkit() -> (Session, Setup) {
    let setup = setup();
    let driver = std::env::var("CC_WEBKIT_WEBDRIVER_URL")
        .expect("CC_WEBKIT_WEBDRIVER_URL is not set; run these through `cargo xtask test`");
    (Session::start_webkit(&driver).unwrap(), setup)
}

#[test]
#[ignore = "end to end: needs dist/ served and WebKitWebDriver; run by `cargo xtask test`"]
fn in_webkit_the_strip_sticks_and_follows_every_slider() {
    let (session, setup) = webkit();
    // GTK keeps the window at least about 450 px wide: the narrow layout all the same.
    session.set_window(390, 844).unwrap();
    session.goto(&format!("{}/", setup.base)).unwrap();
    wait_for_card(&session, "#node-vs-python");
    let mut stuck = 0;
    for criterion in DEMO_CRITERIA {
        let facts = session
            .eval(
                "const root = document.querySelector('#node-vs-python').shadowRoot;
                 const slider = root.querySelector(`.row[data-criterion='${arguments[0]}'] input`);
                 slider.scrollIntoView({ block: 'center' });
                 slider.value = slider.value === '5' ? '0' : '5';
                 slider.dispatchEvent(new Event('input', { bubbles: true }));
                 const text = (selector) => [...root.querySelectorAll(selector)].map((node) => node.textContent);
                 const strip = root.querySelector('.strip').getBoundingClientRect();
                 return { header: text('.total-value'), strip: text('.strip-value'), top: strip.top,
                          bottom: strip.bottom, viewport: innerHeight,
                          headerGone: root.querySelector('.totals').getBoundingClientRect().bottom < 0 };",
                json!([criterion]),
            )
            .unwrap();
        assert_eq!(facts["strip"], facts["header"], "{criterion}: {facts}");
        let (top, bottom) = (facts["top"].as_f64().unwrap(), facts["bottom"].as_f64().unwrap());
        assert!(top >= -0.5 && bottom <= facts["viewport"].as_f64().unwrap(), "{criterion}: {facts}");
        if facts["headerGone"] == json!(true) && top.abs() < 0.5 {
            stuck += 1;
        }
    }
    assert!(stuck >= 4, "stuck at the top for most sliders: {stuck}");
    std::fs::create_dir_all(&setup.screenshots).unwrap();
    std::fs::write(setup.screenshots.join("webkit-strip-narrow.png"), session.screenshot_png().unwrap()).unwrap();

    let chart = session
        .eval(
            "const root = document.querySelector('#node-vs-python').shadowRoot;
             const shown = (selector) => [...root.querySelectorAll(selector)].filter((n) => n.getBoundingClientRect().width > 0);
             return { numbers: shown('.axis-number').length, names: shown('.axis-name').length, key: shown('.axis-key li').length };",
            json!([]),
        )
        .unwrap();
    assert_eq!(chart, json!({ "numbers": 6, "names": 0, "key": 6 }));
}
