//! The result strip on a phone: it stays in view while the visitor moves the sliders far below
//! the header, shows the header's totals, moves nothing, takes no focus and passes axe.

use super::*;

/// The phone of the issue: 390 × 844.
fn phone(session: &Session) {
    session
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true }),
        )
        .unwrap();
}

/// For one card: the header's totals, the strip's, and where the strip, the header's totals and
/// one slider are in the viewport (the strip's box, whether it is the topmost thing at its centre).
const STRIP_FACTS: &str = "
    const [host, criterion] = arguments;
    const root = document.querySelector(host).shadowRoot;
    const text = (nodes) => [...nodes].map((node) => node.textContent);
    const box = (node) => { const r = node.getBoundingClientRect(); return [r.top, r.bottom]; };
    const strip = root.querySelector('.strip');
    const r = strip.getBoundingClientRect();
    const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const slider = criterion === null ? null : root.querySelector(`.row[data-criterion='${criterion}'] input`);
    return {
      header: text(root.querySelectorAll('.total-value')),
      strip: text(root.querySelectorAll('.strip-value')),
      badges: text(root.querySelectorAll('.strip-badge')),
      stripBox: box(strip),
      onTop: hit !== null && strip.contains(hit),
      totalsBox: box(root.querySelector('.totals')),
      sliderBox: slider === null ? null : box(slider),
      viewport: innerHeight,
      ariaHidden: strip.getAttribute('aria-hidden'),
      role: strip.getAttribute('role'),
      focusable: strip.querySelectorAll('a, button, input, [tabindex]').length,
    };";

/// Scrolls `criterion`'s slider to the middle of the viewport and moves it to the end of its track (or back to the start) by keyboard;
/// returns the facts before and after the step.
fn move_slider(session: &Session, host: &str, criterion: &str) -> (Value, Value) {
    session
        .eval(
            "document.querySelector(arguments[0]).shadowRoot
               .querySelector(`.row[data-criterion='${arguments[1]}'] input`).scrollIntoView({ block: 'center' });",
            json!([host, criterion]),
        )
        .unwrap();
    let before = session.eval(STRIP_FACTS, json!([host, criterion])).unwrap();
    let slider = session.shadow_element(host, &format!(".row[data-criterion='{criterion}'] input")).unwrap();
    let level = session
        .eval(
            "return Number(document.querySelector(arguments[0]).shadowRoot
               .querySelector(`.row[data-criterion='${arguments[1]}'] input`).value);",
            json!([host, criterion]),
        )
        .unwrap();
    session.send_keys(&slider, if level.as_u64() == Some(5) { KEY_HOME } else { KEY_END }).unwrap();
    (before, session.eval(STRIP_FACTS, json!([host, criterion])).unwrap())
}

fn top(facts: &Value, key: &str) -> f64 {
    facts[key][0].as_f64().unwrap()
}

fn bottom(facts: &Value, key: &str) -> f64 {
    facts[key][1].as_f64().unwrap()
}

/// Every slider in turn, at 390 × 844: the strip is in the viewport, on top, clear of the slider,
/// and shows the header's new totals; from the rows below the header's reach it is the only
/// place the visitor can read them.
#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn on_a_phone_the_strip_shows_every_new_total_while_each_slider_moves() {
    let (session, setup) = open_demo_after(RECORD_SHIFTS);
    wait_for_card(&session, "#node-vs-python");
    phone(&session);
    let mut stuck = 0;
    for criterion in DEMO_CRITERIA {
        let (before, after) = move_slider(&session, "#node-vs-python", criterion);
        assert_ne!(before["header"], after["header"], "{criterion}: the step changed the totals");
        assert_eq!(after["strip"], after["header"], "{criterion}: the strip shows the header's totals");
        let viewport = after["viewport"].as_f64().unwrap();
        assert!(top(&after, "stripBox") >= -0.5 && bottom(&after, "stripBox") <= viewport, "{criterion}: {after}");
        assert_eq!(after["onTop"], json!(true), "{criterion}: nothing covers the strip");
        assert!(
            bottom(&after, "stripBox") <= top(&after, "sliderBox")
                || top(&after, "stripBox") >= bottom(&after, "sliderBox"),
            "{criterion}: the strip leaves the slider free: {after}"
        );
        if bottom(&after, "totalsBox") < 0.0 && top(&after, "stripBox").abs() < 0.5 {
            stuck += 1;
        }
    }
    assert!(stuck >= 4, "with the header out of view, the strip stuck at the top for most sliders: {stuck}");
    let last = session.eval(STRIP_FACTS, json!(["#node-vs-python", null])).unwrap();
    assert_eq!((&last["ariaHidden"], &last["role"], &last["focusable"]), (&json!("true"), &Value::Null, &json!(0)));
    std::fs::create_dir_all(&setup.screenshots).unwrap();
    std::fs::write(setup.screenshots.join("strip-phone-390-light.png"), session.viewport_png().unwrap()).unwrap();

    // Sticking is scrolling, not layout: from the top of the page to the end of the card and
    // back, in steps a script makes (no input), nothing shifts, and no step above moved the strip.
    let (_, shifts) = layout_shifts(&session);
    let strip_moved = shifts.as_array().unwrap().iter().any(|s| s["sources"].to_string().contains("strip"));
    assert!(!strip_moved, "the strip shifted: {shifts}");
    session.eval("window.__shifts = []; window.scrollTo(0, 0);", json!([])).unwrap();
    session
        .eval(
            "const end = document.querySelector('#node-vs-python').getBoundingClientRect().bottom + scrollY;
             return new Promise((resolve) => {
               const step = () => {
                 if (scrollY + innerHeight >= end) { window.scrollTo(0, 0); requestAnimationFrame(() => resolve()); return; }
                 window.scrollBy(0, 120);
                 requestAnimationFrame(step);
               };
               step();
             });",
            json!([]),
        )
        .unwrap();
    let (total, shifts) = layout_shifts(&session);
    assert_eq!(total, 0.0, "layout shifts while scrolling past the strip: {shifts}");
    assert_eq!(page_errors(&session), Vec::<String>::new());
}

/// `--cc-sticky-top` lowers the strip under a page's fixed header; `sticky="off"` leaves it out.
#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn the_page_can_lower_the_strip_or_turn_it_off() {
    let (session, _) = open_demo();
    wait_for_card(&session, "#node-vs-python");
    phone(&session);
    session
        .eval("document.querySelector('#node-vs-python').style.setProperty('--cc-sticky-top', '56px');", json!([]))
        .unwrap();
    let (_, after) = move_slider(&session, "#node-vs-python", "real-time");
    assert!((top(&after, "stripBox") - 56.0).abs() < 0.5, "{after}");
    session.eval("document.querySelector('#node-vs-python').setAttribute('sticky', 'off');", json!([])).unwrap();
    let (_, after) = move_slider(&session, "#node-vs-python", "community");
    assert!(top(&after, "stripBox") == 0.0 && bottom(&after, "stripBox") == 0.0, "no strip: {after}");
}

/// axe-core over the page with the strip stuck, light and dark; screenshots of the strip while
/// the last slider moves, dark, right to left, the German card, and a desktop window.
#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn with_the_strip_stuck_axe_finds_nothing_and_the_screenshots_are_taken() {
    let (session, setup) = open_demo();
    for card in ["#node-vs-python", "#hosting", "#hosting-de"] {
        wait_for_card(&session, card);
    }
    std::fs::create_dir_all(&setup.screenshots).unwrap();
    let save = |name: &str| std::fs::write(setup.screenshots.join(name), session.viewport_png().unwrap()).unwrap();
    phone(&session);
    let (_, stuck) = move_slider(&session, "#node-vs-python", "community");
    assert!(top(&stuck, "stripBox").abs() < 0.5 && bottom(&stuck, "totalsBox") < 0.0, "stuck: {stuck}");
    assert_eq!(axe_violations(&session), Vec::<String>::new(), "light, 390 px, strip stuck");

    session
        .cdp("Emulation.setEmulatedMedia", json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }))
        .unwrap();
    move_slider(&session, "#node-vs-python", "community");
    assert_eq!(axe_violations(&session), Vec::<String>::new(), "dark, 390 px, strip stuck");
    save("strip-phone-390-dark.png");
    session
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": "light" }] }),
        )
        .unwrap();

    // 320 px in forced colours (Windows high contrast), reduced motion: still one strip, on top.
    session
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 320, "height": 700, "deviceScaleFactor": 1, "mobile": true }),
        )
        .unwrap();
    session
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "forced-colors", "value": "active" }, { "name": "prefers-reduced-motion", "value": "reduce" }] }),
        )
        .unwrap();
    let (_, forced) = move_slider(&session, "#node-vs-python", "community");
    assert!(top(&forced, "stripBox").abs() < 0.5 && forced["onTop"] == json!(true), "forced colours: {forced}");
    save("strip-phone-320-forced-colors.png");
    session.cdp("Emulation.setEmulatedMedia", json!({ "features": [] })).unwrap();
    phone(&session);
    session.eval("document.querySelector('#node-vs-python').scrollIntoView({ block: 'start' });", json!([])).unwrap();
    save("card-top-phone-390.png");

    session.eval("document.querySelector('#node-vs-python').dir = 'rtl';", json!([])).unwrap();
    let (_, rtl) = move_slider(&session, "#node-vs-python", "community");
    assert!(top(&rtl, "stripBox").abs() < 0.5, "right to left, stuck: {rtl}");
    save("strip-phone-390-rtl.png");

    let (_, german) = move_slider(&session, "#hosting-de", "control");
    assert_eq!(german["strip"], german["header"]);
    assert!(german["strip"].as_array().unwrap().iter().all(|t| t.as_str().unwrap().contains(',')), "{german}");
    save("strip-phone-390-german.png");

    session
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 1200, "height": 1000, "deviceScaleFactor": 1, "mobile": false }),
        )
        .unwrap();
    session.eval("document.querySelector('#node-vs-python').dir = '';", json!([])).unwrap();
    let (_, desktop) = move_slider(&session, "#node-vs-python", "community");
    assert!(top(&desktop, "stripBox").abs() < 0.5 && bottom(&desktop, "totalsBox") < 0.0, "desktop: {desktop}");
    save("strip-desktop-1200.png");
    assert_eq!(page_errors(&session), Vec::<String>::new());
}

/// The chart's labels: at 320 px numbered axes of at least 11 px and a key naming every criterion
/// in full; at 1200 px the names themselves, long ones on two lines, none cut.
#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn the_chart_labels_are_legible_on_a_phone_and_whole_on_a_desktop() {
    let (session, setup) = open_demo();
    wait_for_card(&session, "#node-vs-python");
    const LABELS: &str = "
        const root = document.querySelector('#node-vs-python').shadowRoot;
        root.querySelector('.chart').scrollIntoView({ block: 'start' });
        const shown = (node) => node.getBoundingClientRect().width > 0;
        // Font size on screen: the size in the SVG's units times their scale there.
        const pixels = (text) => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
        const texts = (selector) => [...root.querySelectorAll(selector)];
        return {
          numbers: texts('.axis-number').filter(shown).map((t) => [t.textContent, Math.round(pixels(t) * 10) / 10]),
          names: texts('.axis-name').filter(shown).map((t) => [[...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') || t.textContent, Math.round(pixels(t) * 10) / 10]),
          key: texts('.axis-key li').filter(shown).map((li) => li.textContent),
        };";
    let full_names = [
        "Performance & concurrency",
        "AI / ML ecosystem",
        "Developer productivity",
        "Full-stack JavaScript",
        "Real-time features",
        "Community & hiring",
    ];
    session
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 320, "height": 700, "deviceScaleFactor": 1, "mobile": true }),
        )
        .unwrap();
    let phone = session.eval(LABELS, json!([])).unwrap();
    std::fs::create_dir_all(&setup.screenshots).unwrap();
    std::fs::write(setup.screenshots.join("chart-phone-320.png"), session.viewport_png().unwrap()).unwrap();
    assert_eq!(phone["names"], json!([]), "no names in the chart at 320 px: {phone}");
    assert_eq!(phone["key"], json!(full_names), "{phone}");
    let numbers = phone["numbers"].as_array().unwrap();
    assert_eq!(numbers.len(), 6, "{phone}");
    for (index, number) in numbers.iter().enumerate() {
        assert_eq!(number[0], json!((index + 1).to_string()));
        assert!(number[1].as_f64().unwrap() >= 11.0, "axis {} at {} px", index + 1, number[1]);
    }

    session
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 1200, "height": 1000, "deviceScaleFactor": 1, "mobile": false }),
        )
        .unwrap();
    let desktop = session.eval(LABELS, json!([])).unwrap();
    std::fs::write(setup.screenshots.join("chart-desktop-1200.png"), session.viewport_png().unwrap()).unwrap();
    assert_eq!((&desktop["numbers"], &desktop["key"]), (&json!([]), &json!([])), "{desktop}");
    let names: Vec<&str> = desktop["names"].as_array().unwrap().iter().map(|n| n[0].as_str().unwrap()).collect();
    assert_eq!(names, full_names, "whole names at 1200 px");
    assert!(desktop["names"].as_array().unwrap().iter().all(|n| n[1].as_f64().unwrap() >= 11.0), "{desktop}");
}

/// A call to action long enough to wrap keeps its lines centred in its pill.
#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn a_wrapping_call_to_action_is_centred() {
    let (session, _) = open_demo();
    wait_for_card(&session, "#node-vs-python");
    phone(&session);
    let facts = session
        .eval(
            "const cta = document.querySelector('#node-vs-python').shadowRoot.querySelector('.cta');
             cta.textContent = 'Book a free stack consultation with our senior backend engineers';
             const range = document.createRange();
             range.selectNodeContents(cta);
             const lines = [...range.getClientRects()];
             const box = cta.getBoundingClientRect();
             const style = getComputedStyle(cta);
             const inner = [box.left + parseFloat(style.paddingLeft), box.right - parseFloat(style.paddingRight)];
             return { lines: lines.length, gaps: lines.map((l) => Math.round((l.left - inner[0]) - (inner[1] - l.right))) };",
            json!([]),
        )
        .unwrap();
    assert!(facts["lines"].as_u64().unwrap() >= 2, "{facts}");
    assert!(facts["gaps"].as_array().unwrap().iter().all(|g| g.as_i64().unwrap().abs() <= 1), "centred: {facts}");
}

/// A keyboard user going back up through the sliders (Shift+Tab) never lands on one hidden under
/// the stuck strip: the browser scrolls the focused slider clear of it (WCAG 2.4.11, focus not
/// obscured), on a phone and on a desktop, with the strip lowered under a page's header too.
#[test]
#[ignore = "end to end: needs dist/ served and chromedriver; run by `cargo xtask test`"]
fn a_slider_reached_by_keyboard_is_never_under_the_strip() {
    let (session, _) = open_demo();
    wait_for_card(&session, "#node-vs-python");
    for (width, height, sticky_top) in [(390, 844, "0px"), (1280, 900, "0px"), (1280, 900, "56px")] {
        session
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
            )
            .unwrap();
        session
            .eval(
                "document.querySelector('#node-vs-python').style.setProperty('--cc-sticky-top', arguments[0]);",
                json!([sticky_top]),
            )
            .unwrap();
        for index in 1..DEMO_CRITERIA.len() {
            // The slider sits just below the top of the window, where the stuck strip covers it,
            // and the focus is on the next one down: Shift+Tab goes back to it.
            let placed = session
                .eval(
                    "const root = document.querySelector('#node-vs-python').shadowRoot;
                     const sliders = root.querySelectorAll('input[type=range]');
                     const target = sliders[arguments[0]];
                     window.scrollBy(0, target.getBoundingClientRect().top - 10 - parseFloat(arguments[1]));
                     sliders[arguments[0] + 1].focus({ preventScroll: true });
                     // Rows just drawn may settle their size in the next frame: measure after it.
                     return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
                       const strip = root.querySelector('.strip').getBoundingClientRect();
                       resolve([target.getBoundingClientRect().top < strip.bottom, target.getAttribute('aria-label')]);
                     })));",
                    json!([index - 1, sticky_top]),
                )
                .unwrap();
            assert_eq!(placed[0], json!(true), "{width} px, slider {index}: set up under the strip");
            session.chord(&[KEY_SHIFT, KEY_TAB]).unwrap();
            let seen = session
                .eval(
                    "const root = document.querySelector('#node-vs-python').shadowRoot;
                     return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
                       const focused = root.activeElement;
                       const strip = root.querySelector('.strip').getBoundingClientRect();
                       const box = focused.getBoundingClientRect();
                       // The focus ring is drawn 6 px outside the slider.
                       resolve([focused.getAttribute('aria-label'), box.top - 6 >= strip.bottom, box.bottom <= innerHeight]);
                     })));",
                    json!([]),
                )
                .unwrap();
            assert_eq!(seen[0], placed[1], "Shift+Tab went back to the slider set up: {seen}");
            assert_eq!(
                (&seen[1], &seen[2]),
                (&json!(true), &json!(true)),
                "{width} px, top {sticky_top}, slider {index}: {seen}"
            );
        }
    }
}
