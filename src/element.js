// The <comparison-card> class. It stays small on purpose: every decision is made by the Rust
// CardController; this file only forwards the custom-element callbacks and the `spec` property,
// and makes sure nothing it forwards can throw into the host page.

function guarded(action) {
  try {
    return action();
  } catch (error) {
    console.error('comparison-card: internal error', error);
    return undefined;
  }
}

// The decimal separator the page's language writes ("," in German), for the card's numbers.
// A malformed language tag makes Intl throw; then the card keeps the dot.
export function decimalSeparator(lang) {
  try {
    return new Intl.NumberFormat(lang).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? null;
  } catch {
    return null;
  }
}

// Fetches a src= spec as text. The answer carries the ticket it was asked with, so the card can
// tell an answer to its latest src from a late one; it always resolves, saying what failed.
export function fetchSpec(url, ticket) {
  const failed = (failure) => ({ ticket, failure });
  return fetch(url).then(
    (response) => (response.ok
      ? response.text().then((text) => ({ ticket, text }), () => failed('the response could not be read'))
      : failed(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`)),
    () => failed("the request failed (offline, blocked by the page's policy, or not allowed cross-origin)"),
  );
}

// Sends one of the card's events from the element: bubbling, and composed so that it leaves
// the shadow root. A page listener that throws is reported by the browser, not to the caller.
// The names come from Rust (src/events.rs) as one array, made once per card.
export function dispatchCardEvent(host, names, event, detail) {
  host.dispatchEvent(new CustomEvent(names[event], { bubbles: true, composed: true, detail }));
}

// Marks our class, so copies of this module loaded from different URLs recognise each other.
const OURS = Symbol.for('comparison-card.element');

export function defineCardElement(tagName, createController) {
  const existing = customElements.get(tagName);
  if (existing) {
    // Another copy of this module got there first: fine. Another library: say so, once.
    if (!existing[OURS]) {
      console.warn(`comparison-card: <${tagName}> is already defined by another script; leaving it alone.`);
    }
    return false;
  }

  class ComparisonCardElement extends HTMLElement {
    static [OURS] = true;
    static observedAttributes = ['src'];

    #controller;

    constructor() {
      super();
      this.#controller = guarded(() => createController(this));
      // A script may have set `spec` before this class was defined; that value sits on the
      // instance and hides the accessor, so move it through the accessor now.
      if (Object.prototype.hasOwnProperty.call(this, 'spec')) {
        const early = this.spec;
        delete this.spec;
        this.spec = early;
      }
    }

    connectedCallback() {
      // One microtask later, so a script that appends the element and then sets `spec`
      // gets a single render and no "missing spec" error in between.
      queueMicrotask(() => {
        if (this.isConnected) guarded(() => this.#controller?.connected(this));
      });
    }

    attributeChangedCallback(name, previous, value) {
      if (previous !== value) guarded(() => this.#controller?.setSource(this, value ?? undefined));
    }

    disconnectedCallback() {
      guarded(() => this.#controller?.disconnected());
    }

    get spec() {
      return guarded(() => this.#controller?.spec()) ?? null;
    }

    set spec(value) {
      guarded(() => {
        if (value === null || typeof value !== 'object') {
          this.#controller?.setSpec(this, value, value);
          return;
        }
        // Rust reads a plain copy: a getter that throws or a Proxy must not run while the card
        // is mid-update, and a copy is taken at once, as the author meant it then.
        let copy;
        try {
          copy = structuredClone(value);
        } catch (error) {
          this.#controller?.setUnreadableSpec(this, value, String(error && error.message));
          return;
        }
        this.#controller?.setSpec(this, value, copy);
      });
    }
  }

  customElements.define(tagName, ComparisonCardElement);
  return true;
}
