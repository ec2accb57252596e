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
// Our class's way of receiving the controller factory once the wasm has arrived.
const ATTACH = Symbol.for('comparison-card.attach');
const SLIDER = 'input[type=range]';

// How near the visible area a card must come before it asks for the wasm: about one viewport.
const NEAR = '100% 0px';

// A plain copy of a spec the page set. structuredClone first (exact, and fast); a Proxy (Vue's
// reactive() and ref(), Svelte's $state) makes it throw, so then a bounded walk reads it through
// its traps as plain data. A trap or getter that throws, a function, a cycle, or a spec too large
// or too deep still fails, with the reason; Rust reads only the copy, never the page's object.
const COPY_DEPTH = 64;
const COPY_ENTRIES = 200000;
export function plainCopy(value) {
  try {
    return { copy: structuredClone(value) };
  } catch (cloneError) {
    let budget = COPY_ENTRIES;
    const seen = new Set();
    const walk = (item, depth) => {
      if (item === null || typeof item !== 'object') {
        if (typeof item === 'function' || typeof item === 'symbol' || typeof item === 'bigint') {
          throw new TypeError(`a ${typeof item} is not JSON data`);
        }
        return item;
      }
      if (depth > COPY_DEPTH) throw new TypeError(`nested more than ${COPY_DEPTH} levels deep`);
      if (seen.has(item)) throw new TypeError('it refers to itself');
      seen.add(item);
      const keys = Object.keys(item);
      budget -= keys.length;
      if (budget < 0) throw new TypeError(`more than ${COPY_ENTRIES} entries`);
      let out;
      if (Array.isArray(item)) {
        out = keys.map((_, index) => walk(item[index], depth + 1));
      } else {
        out = {};
        for (const key of keys) out[key] = walk(item[key], depth + 1);
      }
      seen.delete(item);
      return out;
    };
    try {
      return { copy: walk(value, 0) };
    } catch (error) {
      const reason = String((error && error.message) || error || (cloneError && cloneError.message));
      return {
        reason: `${reason}. Pass plain data: a JSON-like object (Vue: toRaw(spec) or a plain copy; `
          + 'Svelte: $state.snapshot(spec)) or the spec as JSON text',
      };
    }
  }
}

// analytics="datalayer": the card's own events, handed to a tag manager's `window.dataLayer`,
// as the card sends them: verdict changes and call-to-action clicks as they happen, priority
// changes once committed (the card sends `prioritychange` when a slider is let go, at each
// keyboard step, and for a preset or Reset; not at every step of a drag).
function pushToDataLayer(card, name, detail) {
  if (card.getAttribute('analytics') !== 'datalayer' || !detail) return;
  const layer = (window.dataLayer = Array.isArray(window.dataLayer) ? window.dataLayer : []);
  layer.push({
    event: `comparison_card_${name}`,
    card: card.id || 'card',
    leader: detail.leader,
    preset: detail.preset,
    priorities: detail.priorities,
  });
}

function watchForAnalytics(card) {
  for (const name of ['prioritychange', 'verdictchange', 'ctaclick']) {
    card.addEventListener(name, (event) => pushToDataLayer(card, name, event.detail));
  }
}

// Defines the <comparison-card> class. The entry module calls it first, with no controllers yet
// and `loadCore` to ask for the wasm; the wasm calls it again with `createController` when it
// is ready, and every card on the page comes alive. The wasm-bindgen tests call it once, with
// the controllers. Returns whether the class was defined (or given its controllers) here.
export function defineCardElement(tagName, createController, loadCore) {
  const existing = customElements.get(tagName);
  if (existing) {
    // Another copy of this module got there first: fine. Another library: say so, once.
    if (!existing[OURS]) {
      console.warn(`comparison-card: <${tagName}> is already defined by another script; leaving it alone.`);
      return false;
    }
    return createController ? existing[ATTACH](createController) : false;
  }

  let create = createController ?? null;
  // Cards in the page that wait for the wasm (connected ones only, so a removed card can go).
  const waiting = new Set();
  // One observer for every waiting card; the first to come near asks for the wasm for all.
  let watcher = null;
  const ask = () => {
    watcher?.disconnect();
    watcher = null;
    loadCore?.();
  };
  const watch = (card) => {
    if (typeof IntersectionObserver !== 'function' || card.getAttribute('loading') === 'eager') {
      ask();
      return;
    }
    watcher ??= new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) ask();
    }, { rootMargin: NEAR });
    watcher.observe(card);
  };

  class ComparisonCardElement extends HTMLElement {
    static [OURS] = true;
    static observedAttributes = ['src', 'loading'];

    static [ATTACH](factory) {
      if (create) return false;
      create = factory;
      watcher?.disconnect();
      watcher = null;
      for (const card of [...waiting]) card.#attach();
      waiting.clear();
      return true;
    }

    #controller;
    // A spec set before the wasm arrived: `{ original, copy }` or `{ original, reason }`.
    #early;
    // A pre-rendered card's sliders move before the card is live, and change nothing then: where
    // each one is (`[label, value]`, or `false` where the page drew it), read before the live
    // card replaces them, and replayed on the live slider of the same label as a visitor's step
    // and release, so an early drag on a slow connection is answered instead of lost.
    #moved;

    constructor() {
      super();
      // A script may have set `spec` before this class was defined; that value sits on the
      // instance and hides the accessor, so move it through the accessor now.
      if (Object.prototype.hasOwnProperty.call(this, 'spec')) {
        const early = this.spec;
        delete this.spec;
        this.spec = early;
      }
    }

    // Gives this card its Rust controller and everything the page set while it waited.
    #attach() {
      if (this.#controller || !create) return;
      this.#moved = [...(this.shadowRoot?.querySelectorAll(SLIDER) ?? [])].map(
        (s) => s.value !== s.defaultValue && [s.getAttribute('aria-label'), s.value],
      );
      this.#controller = guarded(() => create(this));
      guarded(() => watchForAnalytics(this));
      const early = this.#early;
      this.#early = undefined;
      if (early) this.#deliver(early);
      const source = this.getAttribute('src');
      if (source !== null) guarded(() => this.#controller?.setSource(this, source));
      if (this.isConnected) this.#connectSoon();
    }

    #deliver(spec) {
      guarded(() => {
        if ('reason' in spec) this.#controller?.setUnreadableSpec(this, spec.original, spec.reason);
        else this.#controller?.setSpec(this, spec.original, spec.copy);
      });
    }

    // One microtask later, so a script that appends the element and then sets `spec` gets a
    // single render and no "missing spec" error in between.
    #connectSoon() {
      queueMicrotask(() => {
        if (!this.isConnected) return;
        guarded(() => this.#controller?.connected(this));
        const moved = this.#moved;
        this.#moved = undefined;
        const live = this.shadowRoot?.querySelectorAll(SLIDER) ?? [];
        if (moved?.length !== live.length) return;
        live.forEach((slider, i) => {
          const [label, value] = moved[i] || [];
          if (label !== slider.getAttribute('aria-label') || slider.value === value) return;
          slider.value = value;
          for (const type of ['input', 'change']) slider.dispatchEvent(new Event(type, { bubbles: true }));
        });
      });
    }

    connectedCallback() {
      if (this.#controller) {
        this.#connectSoon();
      } else if (create) {
        this.#attach();
      } else {
        waiting.add(this);
        watch(this);
      }
    }

    attributeChangedCallback(name, previous, value) {
      if (previous === value) return;
      if (name === 'loading') {
        if (value === 'eager' && !this.#controller && this.isConnected) ask();
      } else if (this.#controller) {
        guarded(() => this.#controller.setSource(this, value ?? undefined));
      }
    }

    disconnectedCallback() {
      waiting.delete(this);
      watcher?.unobserve(this);
      guarded(() => this.#controller?.disconnected());
    }

    get spec() {
      if (!this.#controller) return this.#early ? this.#early.original : null;
      return guarded(() => this.#controller.spec()) ?? null;
    }

    set spec(value) {
      guarded(() => {
        // Rust reads a plain copy: a getter that throws or a Proxy must not run while the card
        // is mid-update, and a copy is taken at once, as the author meant it then.
        const spec = value === null || typeof value !== 'object'
          ? { original: value, copy: value }
          : { original: value, ...plainCopy(value) };
        if (this.#controller) this.#deliver(spec);
        else this.#early = spec;
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
