//! The WordPress plugin on a real WordPress (Debian's 6.1, Apache, MariaDB): posts published
//! through the REST API as an Author and a Contributor, as the block editor saves them, then
//! opened in headless Chromium.
//!
//! `cargo xtask test` sets the site up and runs these with `--ignored --test-threads=1`; the
//! plugin test deactivates and deletes the plugin and installs it again before it ends.
#![cfg(not(target_arch = "wasm32"))]

mod http;

use std::path::PathBuf;
use std::process::Command;

use http::{send, Auth, Response};
use serde_json::{json, Value};
use webdriver::{Session, CAPTURE_ERRORS};

const IGNORED: &str = "needs the WordPress site; run by `cargo xtask test`";

/// Notes that every content filter would like to touch: blank lines (wpautop), shortcodes,
/// dashes, ellipses and quotes (wptexturize), a smiley, emoji, markup and "Wordpress".
fn tricky_spec() -> Value {
    json!({
        "title": "Tea vs coffee — \"which\" one? ☕",
        "summary": "First line.\n\nAfter a blank line: [gallery ids=\"1,2\"] -- and ... 'quoted' :-) 🍵",
        "options": [
            { "id": "tea", "name": "Tea 🍵", "best_for": ["Afternoons -- slowly..."] },
            { "id": "coffee", "name": "Coffee", "best_for": ["Mornings [embed]https://example.com/[/embed]"] }
        ],
        "criteria": [
            { "id": "taste", "name": "Taste", "scores": { "tea": 7, "coffee": 8 },
              "note": "Paragraph one.\n\nParagraph two -- after a blank line...\n\n\nAnd a third." },
            { "id": "caffeine", "name": "Caffeine & focus", "scores": { "tea": 5, "coffee": 9 },
              "note": "[gallery] [caption]x[/caption] \"double\" 'single' (c) 1--2 ... :) ;-) 😀 <b>not bold</b> a < b && c > d Wordpress" },
            { "id": "price", "name": "Price", "scores": { "tea": 8, "coffee": 6 }, "priority": 1 }
        ]
    })
}

/// The spec file as an author writes it: indented, with blank lines between the parts.
fn spec_file_text(spec: &Value) -> String {
    serde_json::to_string_pretty(spec)
        .unwrap()
        .replace("\n  \"options\"", "\n\n  \"options\"")
        .replace("\n  \"criteria\"", "\n\n  \"criteria\"")
}

struct Site {
    url: String,
    driver: String,
    screenshots: PathBuf,
    credentials: Value,
}

fn site() -> Site {
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set; {IGNORED}"));
    Site {
        url: var("CC_WP_URL"),
        driver: var("CC_WEBDRIVER_URL"),
        screenshots: PathBuf::from(var("CC_SCREENSHOT_DIR")),
        credentials: serde_json::from_str(&var("CC_WP_CREDENTIALS")).unwrap(),
    }
}

impl Site {
    fn auth(&self, who: &str) -> Auth {
        let user = &self.credentials[who];
        Auth::basic(user["user"].as_str().unwrap(), user["application_password"].as_str().unwrap())
    }

    fn rest(&self, method: &str, route: &str, who: &str, body: Option<Value>) -> Response {
        let url = format!("{}/?rest_route={route}", self.url);
        let payload = body.map(|b| b.to_string()).unwrap_or_default();
        send(method, &url, &self.auth(who), &[("Content-Type", "application/json")], payload.as_bytes()).unwrap()
    }

    /// Uploads a file to the media library as `who`, as a form with the file, the way the
    /// editor's upload sends it.
    fn upload(&self, who: &str, name: &str, text: &str) -> Response {
        let url = format!("{}/?rest_route=/wp/v2/media", self.url);
        let boundary = "cc-test-boundary-7d1f0a";
        let body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/json\r\n\r\n{text}\r\n--{boundary}--\r\n"
        );
        let content_type = format!("multipart/form-data; boundary={boundary}");
        send("POST", &url, &self.auth(who), &[("Content-Type", content_type.as_str())], body.as_bytes()).unwrap()
    }

    /// Creates a post as `who`; returns its id and address.
    fn post(&self, who: &str, title: &str, content: &str, status: &str) -> (u64, String) {
        let reply = self.rest(
            "POST",
            "/wp/v2/posts",
            who,
            Some(json!({ "title": title, "content": content, "status": status })),
        );
        assert_eq!(reply.status, 201, "{who} could not save \"{title}\": {}", reply.body);
        let post = reply.json();
        (post["id"].as_u64().unwrap(), post["link"].as_str().unwrap().to_string())
    }

    fn raw_content(&self, id: u64) -> String {
        let reply = self.rest("GET", &format!("/wp/v2/posts/{id}&context=edit"), "admin", None);
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()["content"]["raw"].as_str().unwrap().to_string()
    }

    fn page(&self, url: &str) -> String {
        let reply = send("GET", url, &Auth::default(), &[], b"").unwrap();
        assert_eq!(reply.status, 200, "{url}");
        reply.body
    }

    fn browser(&self) -> Session {
        let session = Session::start(&self.driver).unwrap();
        session.before_each_page(CAPTURE_ERRORS).unwrap();
        session
    }

    /// A browser logged in as `who` through the login form.
    fn logged_in(&self, who: &str) -> Session {
        let session = self.browser();
        session.goto(&format!("{}/wp-login.php", self.url)).unwrap();
        let user = &self.credentials[who];
        session
            .eval(
                "document.querySelector('#user_login').value = arguments[0];
                 document.querySelector('#user_pass').value = arguments[1];
                 document.querySelector('#loginform').submit();",
                json!([user["user"], user["password"]]),
            )
            .unwrap();
        session
            .wait_for("return document.body !== null && document.body.classList.contains('wp-admin');", json!([]))
            .unwrap();
        session
    }

    fn screenshot(&self, session: &Session, name: &str) {
        std::fs::create_dir_all(&self.screenshots).unwrap();
        std::fs::write(self.screenshots.join(name), session.full_page_png().unwrap()).unwrap();
    }
}

/// The block comment the editor saves: attributes as JSON with `--`, `<`, `>`, `&` and quotes
/// inside strings written as \u escapes, as Gutenberg's serializer does.
fn block(name: &str, attributes: &Value) -> String {
    let json = serde_json::to_string(attributes)
        .unwrap()
        .replace("--", "\\u002d\\u002d")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace("\\\"", "\\u0022");
    format!("<!-- wp:{name} {json} /-->")
}

/// What the block's settings store for a pasted spec (editor.js, `ksesProof`).
fn pasted(text: &str) -> String {
    text.replace('&', "\\u0026").replace('<', "\\u003c").replace('>', "\\u003e")
}

/// Waits for the card `selector` to be live, then checks that every text of the spec came
/// through unchanged, that it has a slider per criterion, and that the page logged no error.
fn assert_card_shows_spec(session: &Session, selector: &str, spec: &Value) {
    assert_card_shows_spec_beside(session, selector, spec, false);
}

/// The same; with `refused_beside`, on a page where other cards log that their spec cannot be
/// shown, which are the only errors allowed.
fn assert_card_shows_spec_beside(session: &Session, selector: &str, spec: &Value, refused_beside: bool) {
    session
        .wait_for(
            "const card = document.querySelector(arguments[0]);
             return card !== null && card.matches(':defined') && card.shadowRoot !== null
               && card.shadowRoot.querySelector('.verdict, .error') !== null;",
            json!([selector]),
        )
        .unwrap();
    let seen = session
        .eval(
            "const root = document.querySelector(arguments[0]).shadowRoot;
             const text = (query) => { const node = root.querySelector(query); return node ? node.textContent : null; };
             return {
               error: text('.error'),
               title: text('.title'),
               summary: text('.summary'),
               sliders: root.querySelectorAll('input[type=range]').length,
               notes: arguments[1].map((id) => text(`.row[data-criterion='${id}'] .note`)),
               errors: window.__ccErrors,
             };",
            json!([selector, spec["criteria"].as_array().unwrap().iter().map(|c| c["id"].clone()).collect::<Vec<_>>()]),
        )
        .unwrap();
    assert_eq!(seen["error"], Value::Null, "the card refused the spec");
    assert_eq!(seen["title"], spec["title"]);
    assert_eq!(seen["summary"], spec["summary"]);
    assert_eq!(seen["sliders"], json!(spec["criteria"].as_array().unwrap().len()));
    let notes: Vec<Value> = spec["criteria"].as_array().unwrap().iter().map(|c| c["note"].clone()).collect();
    assert_eq!(seen["notes"], json!(notes));
    let errors: Vec<String> = serde_json::from_value(seen["errors"].clone()).unwrap();
    let unexpected: Vec<&String> = errors
        .iter()
        .filter(|e| !(refused_beside && e.starts_with("comparison-card: this card's spec cannot be shown")))
        .collect();
    assert!(unexpected.is_empty(), "console errors: {unexpected:#?}");
}

/// The module and its wasm were each fetched once: the preloaded wasm response was reused.
fn assert_one_request_each(session: &Session) {
    let names =
        session.eval("return performance.getEntriesByType('resource').map((entry) => entry.name);", json!([])).unwrap();
    let names: Vec<String> = serde_json::from_value(names).unwrap();
    for file in ["comparison-card.js", "comparison-card.wasm"] {
        let count = names.iter().filter(|name| name.split('?').next().is_some_and(|n| n.ends_with(file))).count();
        assert_eq!(count, 1, "{file} requested {count} times: {names:?}");
    }
}

#[test]
#[ignore = "needs the WordPress site; run by `cargo xtask test`"]
fn an_author_publishes_the_block_the_shortcode_and_the_element() {
    let site = site();
    let spec = tricky_spec();
    let upload = site.upload("author", "tea-vs-coffee.json", &spec_file_text(&spec));
    assert_eq!(upload.status, 201, "the author could not upload the spec: {}", upload.body);
    let media = upload.json();
    let attachment = media["id"].as_u64().unwrap();
    let spec_url = media["source_url"].as_str().unwrap().to_string();

    let paragraph = |text: &str| format!("<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->");
    let (_, block_post) = site.post(
        "author",
        "Block",
        &[
            paragraph("Before the card."),
            block(
                "comparison-card/card",
                &json!({ "attachmentId": attachment, "cardId": "block-card", "analytics": "datalayer", "loading": "eager" }),
            ),
            paragraph("After -- it..."),
        ]
        .join("\n\n"),
        "publish",
    );
    // The classic editor: no blocks, so wpautop and wptexturize run over the whole post.
    let (_, shortcode_post) = site.post(
        "author",
        "Shortcode",
        &format!("Before the card -- \"quoted\"...\n\n[comparison_card attachment=\"{attachment}\" id=\"shortcode-card\" share sticky=\"off\" analytics=\"dataLayer\"]\n\nAfter :)"),
        "publish",
    );
    let (html_id, html_post) = site.post(
        "author",
        "Custom HTML",
        &format!(
            "<!-- wp:html -->\n<comparison-card id=\"html-card\" src=\"{spec_url}\" loading=\"eager\" sticky=\"off\" \
             analytics=\"datalayer\"></comparison-card>\n<!-- /wp:html -->"
        ),
        "publish",
    );
    assert!(
        site.raw_content(html_id).contains(&format!(
            "<comparison-card id=\"html-card\" src=\"{spec_url}\" loading=\"eager\" sticky=\"off\" analytics=\"datalayer\">"
        )),
        "kses kept the element and every attribute"
    );
    let (_, plain_post) = site.post("author", "No card", &paragraph("Nothing to compare here."), "publish");

    let session = site.browser();
    for (url, selector) in
        [(&block_post, "#block-card"), (&shortcode_post, "#shortcode-card"), (&html_post, "#html-card")]
    {
        session.goto(url).unwrap();
        assert_card_shows_spec(&session, selector, &spec);
        assert_one_request_each(&session);
        let hints = session
            .eval(
                "return [document.querySelectorAll('head link[rel=modulepreload][href*=\"comparison-card.js\"]').length,
                   document.querySelectorAll('head link[rel=preload][as=fetch][type=\"application/wasm\"][crossorigin]').length,
                   document.querySelectorAll('script[type=module][src*=\"comparison-card.js\"]').length];",
                json!([]),
            )
            .unwrap();
        assert_eq!(hints, json!([1, 1, 1]), "{url}: modulepreload, wasm preload, module");
        // wpautop neither wrapped the card in a paragraph nor split it into two.
        let placement = session
            .eval(
                "return [document.querySelectorAll('comparison-card').length,
                   document.querySelector(arguments[0]).closest('p') === null];",
                json!([selector]),
            )
            .unwrap();
        assert_eq!(placement, json!([1, true]), "{url}: one card, outside any paragraph");
    }
    // The settings reach the element with the one value each that changes the card's default.
    for (url, selector, expected) in [
        (&block_post, "#block-card", json!(["datalayer", null, "eager"])),
        (&shortcode_post, "#shortcode-card", json!(["datalayer", "off", null])),
        (&html_post, "#html-card", json!(["datalayer", "off", "eager"])),
    ] {
        session.goto(url).unwrap();
        let switches = session
            .eval(
                "const card = document.querySelector(arguments[0]);
                 return ['analytics', 'sticky', 'loading'].map((name) => card.getAttribute(name));",
                json!([selector]),
            )
            .unwrap();
        assert_eq!(switches, expected, "{url}");
    }
    // Served as application/wasm, so the browser compiles it while it downloads.
    let wasm = session.eval("return document.querySelector('link[rel=preload][as=fetch]').href;", json!([])).unwrap();
    let reply = send("GET", wasm.as_str().unwrap(), &Auth::default(), &[], b"").unwrap();
    assert!(reply.head.to_ascii_lowercase().contains("content-type: application/wasm"), "{}", reply.head);
    session.goto(&block_post).unwrap();
    assert_card_shows_spec(&session, "#block-card", &spec);
    site.screenshot(&session, "wordpress-block-post.png");
    assert!(!site.page(&plain_post).contains("comparison-card.js"), "a page without a card loads no module");
}

#[test]
#[ignore = "needs the WordPress site; run by `cargo xtask test`"]
fn a_contributor_submits_a_card_for_review_and_previews_it() {
    let site = site();
    let spec = tricky_spec();
    let refused = site.upload("contributor", "spec.json", &spec.to_string());
    assert_eq!(refused.status, 403, "contributors cannot upload files: {}", refused.body);
    let content = block(
        "comparison-card/card",
        &json!({ "spec": pasted(&spec_file_text(&spec)), "cardId": "pasted-card", "theme": "dark" }),
    );
    let (id, _) = site.post("contributor", "For review", &content, "pending");

    let session = site.logged_in("contributor");
    session.goto(&format!("{}/?p={id}&preview=true", site.url)).unwrap();
    assert_card_shows_spec(&session, "#pasted-card", &spec);
    site.screenshot(&session, "wordpress-contributor-preview.png");
}

#[test]
#[ignore = "needs the WordPress site; run by `cargo xtask test`"]
fn the_editor_previews_the_live_card_and_the_problems_of_a_spec() {
    let site = site();
    let spec = tricky_spec();
    let content = [
        block("comparison-card/card", &json!({ "spec": pasted(&spec.to_string()), "cardId": "good" })),
        block(
            "comparison-card/card",
            &json!({ "spec": pasted(r#"{ "title": "No options yet" }"#), "cardId": "refused" }),
        ),
        block("comparison-card/card", &json!({ "spec": "{ not json" })),
    ]
    .join("\n\n");
    let (id, _) = site.post("author", "In the editor", &content, "draft");
    let session = site.logged_in("author");
    session.goto(&format!("{}/wp-admin/post.php?post={id}&action=edit", site.url)).unwrap();
    // The editor's first-visit guide covers the canvas; close it as an author would.
    let _ = session.wait_for(
        "const close = document.querySelector('.components-guide .components-modal__header button');
         if (close) { close.click(); return true; } return false;",
        json!([]),
    );
    // The refused card also logs its problems as a console error, by design.
    assert_card_shows_spec_beside(&session, "#good", &spec, true);
    let problems = session
        .wait_for(
            "const box = document.querySelector('#refused')?.shadowRoot?.querySelector('.error');
             const notice = document.querySelector('.comparison-card-problem');
             return box && notice ? [box.textContent, notice.textContent] : null;",
            json!([]),
        )
        .unwrap();
    // The editor previews with the development build: what is wrong, not only where.
    assert!(
        problems[0].as_str().unwrap().contains("options: missing"),
        "the card lists the spec's problems: {problems}"
    );
    assert!(problems[1].as_str().unwrap().contains("The spec is not valid JSON: Syntax error."), "{problems}");
    site.screenshot(&session, "wordpress-editor.png");

    // The author pastes a new spec into the block's settings and saves, as in the editor; read
    // back from the database after kses, it shows exactly.
    let mut typed = spec.clone();
    typed["title"] = json!("Typed & saved <in the editor> -- \"as is\"");
    session
        .eval(
            "const editor = wp.data.select('core/block-editor');
             const good = editor.getBlocks().find((b) => b.attributes.cardId === 'good');
             wp.data.dispatch('core/block-editor').selectBlock(good.clientId);
             wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');",
            json!([]),
        )
        .unwrap();
    session
        .wait_for("return document.querySelector('.components-textarea-control__input') !== null;", json!([]))
        .unwrap();
    site.screenshot(&session, "wordpress-editor-settings.png");
    session
        .wait_for(
            "const area = document.querySelector('.components-textarea-control__input');
             if (!area) return false;
             // React listens for input events; set the value as typing would.
             Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(area, arguments[0]);
             area.dispatchEvent(new Event('input', { bubbles: true }));
             wp.data.dispatch('core/editor').savePost();
             return true;",
            json!([serde_json::to_string_pretty(&typed).unwrap()]),
        )
        .unwrap();
    session
        .wait_for(
            "const editor = wp.data.select('core/editor');
             return !editor.isSavingPost() && editor.didPostSaveRequestSucceed() && !editor.isEditedPostDirty();",
            json!([]),
        )
        .unwrap();
    session.goto(&format!("{}/wp-admin/post.php?post={id}&action=edit", site.url)).unwrap();
    assert_card_shows_spec_beside(&session, "#good", &typed, true);
}

#[test]
#[ignore = "needs the WordPress site; run by `cargo xtask test`"]
fn a_json_upload_that_is_not_json_is_refused_with_a_message() {
    let site = site();
    let reply = site.upload("author", "not-a-spec.json", "{ \"title\": \"missing the end\"");
    assert!(reply.status >= 400, "accepted: {}", reply.body);
    let message = reply.json()["message"].as_str().unwrap_or_default().to_string();
    assert!(message.contains("not-a-spec.json was not uploaded. The spec is not valid JSON"), "{message}");
}

#[test]
#[ignore = "needs the WordPress site; run by `cargo xtask test`"]
fn deactivating_keeps_everything_and_deleting_removes_only_the_option() {
    let site = site();
    let spec = tricky_spec();
    let media = site.upload("author", "kept.json", &spec.to_string()).json();
    let attachment = media["id"].as_u64().unwrap();
    let content = block("comparison-card/card", &json!({ "attachmentId": attachment }));
    let (id, url) = site.post("author", "Kept", &content, "publish");
    let plugin = "/wp/v2/plugins/comparison-card/comparison-card";
    let set_status = |status: &str| {
        let reply = site.rest("POST", plugin, "admin", Some(json!({ "status": status })));
        assert_eq!(reply.status, 200, "{status}: {}", reply.body);
    };
    let setup = |args: &[&str]| {
        let output = Command::new("runuser")
            .args(["-u", "www-data", "--", "php"])
            .arg(std::env::var("CC_WP_SETUP").unwrap())
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    };

    set_status("inactive");
    assert!(!site.page(&url).contains("<comparison-card"));
    assert_eq!(site.raw_content(id), content, "the post keeps its block");
    assert_eq!(setup(&["option", "comparison_card_version"]), "\"0.1.0\"");
    set_status("active");
    assert!(site.page(&url).contains("<comparison-card"), "the card is back");

    set_status("inactive");
    let deleted = site.rest("DELETE", plugin, "admin", None);
    assert_eq!(deleted.status, 200, "{}", deleted.body);
    assert_eq!(setup(&["option", "comparison_card_version"]), "false", "uninstall removed the option");
    assert_eq!(setup(&["option", "blogname"]), "\"comparison-card test site\"", "and nothing else");
    assert_eq!(site.raw_content(id), content, "the post keeps its block");
    assert_eq!(
        site.rest("GET", &format!("/wp/v2/media/{attachment}"), "author", None).status,
        200,
        "the spec file stays"
    );

    setup(&["plugin", &std::env::var("CC_WP_ZIP").unwrap()]);
    assert!(site.page(&url).contains("<comparison-card"), "installed again, the card is back");
}

#[test]
#[ignore = "needs the WordPress site; run by `cargo xtask test`"]
fn the_php_log_has_nothing_from_the_plugin() {
    // Runs last (libtest orders by name, one thread); the log holds every notice of the run so far.
    let log = std::fs::read_to_string(std::env::var("CC_WP_DEBUG_LOG").unwrap()).unwrap_or_default();
    let ours: Vec<&str> = log.lines().filter(|line| line.contains("comparison-card")).collect();
    assert!(ours.is_empty(), "{ours:#?}");
}
