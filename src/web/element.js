// The <comparison-card> class. It stays small on purpose: every decision is made by the Rust
// CardController; this file only forwards the custom-element callbacks and the `spec` property,
// and makes sure nothing it forwards can throw into the host page.

// Each distinct failure is reported once: a card that fails on every slider step must not
// flood the console.
const reported = new Set();

function guarded(action) {
  try {
    return action();
  } catch (error) {
    const key = String(error && error.message);
    if (!reported.has(key)) {
      reported.add(key);
      console.error('comparison-card: internal error', error);
    }
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

// Puts text on the clipboard; resolves to whether it worked. The Clipboard API is missing
// outside secure contexts, and a visitor may refuse it.
export function copyText(text) {
  const clipboard = globalThis.navigator?.clipboard;
  if (!clipboard?.writeText) return Promise.resolve(false);
  return clipboard.writeText(text).then(() => true, () => false);
}

// Sends one of the card's events from the element: bubbling, and composed so that it leaves
// the shadow root. A page listener that throws is reported by the browser, not to the caller.
// The names come from Rust (src/events.rs) as one array, made once per card.
export function dispatchCardEvent(host, names, event, detail) {
  host.dispatchEvent(new CustomEvent(names[event], { bubbles: true, composed: true, detail }));
}

// Reads an `input` event in one call: the slider it came from (its data-index, written by
// src/view/card.rs) and where it stands, as index * 8 + level; undefined for anything else.
export function sliderStep(event) {
  const slider = event.target;
  const index = slider?.localName === 'input' ? slider.getAttribute('data-index') : null;
  const level = index === null ? NaN : slider.valueAsNumber;
  // At most 30 criteria: an index of more than three digits is not the card's own.
  return level >= 0 && level <= 5 && /^\d{1,3}$/.test(index) ? Number(index) * 8 + level : undefined;
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

// The batch's ops, by name; src/web/dom.rs sends the names in the order of its codes once
// (configureBatch), so the codes are written down only on the Rust side.
const OPS = ['element', 'svg', 'text', 'set', 'toggle', 'append', 'setText', 'style', 'number', 'data', 'replace'];
let opFromCode = [];

export function configureBatch(names) {
  const decoded = names.split(' ').map((name) => OPS.indexOf(name));
  if (decoded.includes(-1)) throw new Error(`comparison-card: unknown batch op in "${names}"`);
  opFromCode = decoded;
}

// Does one batch of the card's DOM work, written by src/web/dom.rs: `nodes` is the card's node
// list (its shadow root first, then every node its batches create, in order), `codes` the
// instructions, `text` every string they use, one after another, sliced by length. Strings
// only ever become text nodes, text content or attribute values, never markup.
export function applyBatch(nodes, wasmCodes, text) {
  // A copy: `wasmCodes` views the wasm's memory, which a page listener run by this very work
  // (a `focusout` from a removed slider) could grow, emptying the view.
  const codes = wasmCodes.slice();
  const doc = nodes[0].ownerDocument;
  let at = 0;
  const take = (length) => text.slice(at, (at += length));
  for (let i = 0; i < codes.length; ) {
    const code = codes[i++];
    const op = opFromCode[code];
    if (op === 0) {
      nodes.push(doc.createElement(take(codes[i++])));
    } else if (op === 1) {
      nodes.push(doc.createElementNS('http://www.w3.org/2000/svg', take(codes[i++])));
    } else {
      const node = nodes[codes[i++]];
      switch (op) {
        case 2: nodes.push(node.appendChild(doc.createTextNode(take(codes[i++])))); break;
        case 3: node.setAttribute(take(codes[i++]), take(codes[i++])); break;
        case 4: node.toggleAttribute(take(codes[i++]), codes[i++] === 1); break;
        case 5: node.appendChild(nodes[codes[i++]]); break;
        case 6: node.textContent = take(codes[i++]); break;
        case 7: node.style.setProperty(take(codes[i++]), take(codes[i++])); break;
        case 8: node.valueAsNumber = codes[i++]; break;
        case 9: node.data = take(codes[i++]); break;
        case 10: node.replaceChildren(nodes[codes[i++]]); break;
        default: throw new Error(`comparison-card: unknown batch op code ${code}`);
      }
    }
  }
}
