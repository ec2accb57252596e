//! The element's attributes that change how a card behaves, read when it is drawn.

use web_sys::HtmlElement;

use crate::view::Features;

/// What the element's attributes ask of a card.
#[derive(Default)]
pub struct Options {
    /// `chart` and `share`: what the view draws.
    pub features: Features,
    /// `persist`: priorities kept in localStorage.
    pub persist: bool,
    /// Names the card in the URL fragment and in storage: the element's id, or `card`.
    pub id: String,
}

impl Options {
    /// Reads the attributes. This may run page code (a page can override `id`), so it is never
    /// called while a batch of DOM work is being written.
    pub fn read(host: &HtmlElement) -> Self {
        let id = host.id();
        Options {
            features: Features {
                chart: host.get_attribute("chart").is_none_or(|value| value != "none"),
                share: host.has_attribute("share"),
            },
            persist: host.has_attribute("persist"),
            id: if id.is_empty() { String::from("card") } else { id },
        }
    }

    /// The `localStorage` key of this card's priorities.
    pub fn storage_key(&self) -> String {
        String::from("comparison-card:") + &self.id
    }
}
