//! Native tests of priorities written as text: the URL fragment, stored values, the carried link.
#![cfg(not(target_arch = "wasm32"))]

use comparison_card::core::share::{self, Saved};
use comparison_card::core::spec::{self, Comparison};

fn demo() -> Comparison {
    let text = std::fs::read_to_string("www/specs/node-vs-python.json").unwrap();
    spec::parse(&mut serde_json::Deserializer::from_str(&text)).unwrap()
}

#[test]
fn a_fragment_entry_round_trips_and_keeps_other_cards() {
    let written = share::updated_fragment("#other=p:1,2", "main", &[3, 5, 0]).unwrap();
    assert_eq!(written, "other=p:1,2&main=p:3,5,0");
    assert_eq!(share::read_fragment(&written, "main", 3), Saved::Found(vec![3, 5, 0]));
    assert_eq!(share::read_fragment(&written, "other", 2), Saved::Found(vec![1, 2]));
    // Written again, the entry is replaced in place, and a repeated one is dropped.
    let again = share::updated_fragment("#main=p:0,0,0&other=p:1,2&main=p:1,1,1", "main", &[4, 4, 4]).unwrap();
    assert_eq!(again, "main=p:4,4,4&other=p:1,2");
    assert_eq!(share::updated_fragment("", "main", &[1]).unwrap(), "main=p:1");
}

#[test]
fn malformed_entries_are_reported_and_absent_ones_are_absent() {
    for bad in ["#main=p:9,9,9", "#main=p:1,2", "#main=3,3,3", "#main=p:a,b,c", "#main=p:", "#main=p:1,,2"] {
        assert_eq!(share::read_fragment(bad, "main", 3), Saved::Malformed, "{bad}");
    }
    assert_eq!(share::read_fragment("#other=p:1,2,3", "main", 3), Saved::Absent);
    assert_eq!(share::read_fragment("", "main", 3), Saved::Absent);
}

#[test]
fn ids_that_need_encoding_find_their_own_entry() {
    let written = share::updated_fragment("", "my card&co", &[2, 4]).unwrap();
    assert_eq!(written, "my%20card%26co=p:2,4");
    // The address comes back from the browser as written: the card finds it, and writing again
    // replaces it rather than adding a second entry.
    assert_eq!(share::read_fragment(&written, "my card&co", 2), Saved::Found(vec![2, 4]));
    assert_eq!(share::updated_fragment(&written, "my card&co", &[1, 1]).unwrap(), "my%20card%26co=p:1,1");
}

#[test]
fn a_fragment_the_page_uses_itself_is_left_alone() {
    assert_eq!(share::updated_fragment("#pricing", "main", &[3]), None, "an anchor");
    assert_eq!(share::updated_fragment("#/plans/pro", "main", &[3]), None, "a route");
    assert_eq!(share::updated_fragment("#main=p:1&pricing", "main", &[3]), None);
    assert_eq!(share::read_fragment("#pricing", "main", 1), Saved::Absent);
}

#[test]
fn stored_priorities_are_keyed_by_criterion_and_refused_when_the_spec_moved_on() {
    let comparison = demo();
    let mut stored = String::new();
    share::push_keyed(&mut stored, &comparison, &[0, 5, 3, 3, 1, 2]);
    assert_eq!(stored, "concurrency:0,ai-ml:5,productivity:3,full-stack:3,real-time:1,community:2");
    assert_eq!(share::read_keyed(&stored, &comparison), Some(vec![0, 5, 3, 3, 1, 2]));
    // Order does not matter; every criterion exactly once does.
    let shuffled = "community:2,ai-ml:5,concurrency:0,productivity:3,full-stack:3,real-time:1";
    assert_eq!(share::read_keyed(shuffled, &comparison), Some(vec![0, 5, 3, 3, 1, 2]));
    for bad in [
        "concurrency:0",
        "concurrency:0,ai-ml:5,productivity:3,full-stack:3,real-time:1,community:2,colour:1",
        "concurrency:9,ai-ml:5,productivity:3,full-stack:3,real-time:1,community:2",
        "concurrency:0,concurrency:5,productivity:3,full-stack:3,real-time:1,community:2",
        "",
        "{}",
    ] {
        assert_eq!(share::read_keyed(bad, &comparison), None, "{bad}");
    }
}

#[test]
fn the_carried_link_keeps_the_authors_query_and_fragment() {
    let pairs = "a:3,b:5";
    assert_eq!(
        share::carried_href("https://example.com/contact", Some("node"), pairs),
        "https://example.com/contact?cc_leader=node&cc_priorities=a:3,b:5"
    );
    assert_eq!(
        share::carried_href("https://example.com/contact?ref=card#form", None, pairs),
        "https://example.com/contact?ref=card&cc_priorities=a:3,b:5#form"
    );
    assert!(share::can_carry("HTTPS://example.com"));
    assert!(share::can_carry("http://example.com"));
    assert!(!share::can_carry("mailto:sales@example.com"));
}

#[test]
fn a_shared_address_restores_the_priorities_whatever_fragment_the_page_had() {
    use comparison_card::core::share::shared_address;
    let levels = [3, 5, 0];
    assert_eq!(shared_address("https://x.test/p?q=1", "card", &levels), "https://x.test/p?q=1#card=p:3,5,0");
    // An anchor the visitor followed would land on the anchor and restore nothing: replaced.
    assert_eq!(shared_address("https://x.test/p#pricing", "card", &levels), "https://x.test/p#card=p:3,5,0");
    // Another card's entry is kept, and this card's own is rewritten.
    assert_eq!(
        shared_address("https://x.test/p#other=p:1,1&card=p:0,0,0", "card", &levels),
        "https://x.test/p#other=p:1,1&card=p:3,5,0"
    );
}
