// comparison-card: the one module a page includes.
//
//   <script type="module" src="comparison-card.js"></script>
//
// Evaluating it defines <comparison-card> at once, before any WebAssembly: frameworks see a
// defined element with a `spec` property from their first render, and what they set is kept.
// The wasm (from beside this file, so the folder can live on any static host or CDN path) is
// fetched when the first card comes within about a viewport of the visible area, or at once for
// a card with loading="eager"; until then each card keeps what the page put inside it.
//
// No top-level await, and real exports: bundlers (Vite 7 among them) read a module with neither
// imports nor exports as CommonJS.
import init, { define } from './comparison-card-core.js';
import { defineCardElement } from './comparison-card-element.js';

const TAG_NAME = 'comparison-card';

// Where the wasm is, unless the page says otherwise. Vite's development server runs packages
// from a pre-bundled copy in node_modules/.vite/deps/, beside which there is no wasm: there the
// package's own folder is the place. A build (Vite's included) sees the literal URL below and
// ships the wasm with the app.
function defaultWasmUrl() {
  const beside = new URL('comparison-card.wasm', import.meta.url);
  const prebundled = /\/\.vite\/deps(?:_[^/]*)?\/[^/]*$/;
  if (prebundled.test(beside.pathname)) {
    beside.pathname = beside.pathname.replace(prebundled, `/${TAG_NAME}/comparison-card.wasm`);
    beside.search = '';
  }
  return beside;
}

let wasmUrl = null;
let loading = null;

/**
 * Tells the card where its wasm is, for a bundler or host that moves it: for example in Vite,
 * `import wasmUrl from 'comparison-card/comparison-card.wasm?url'; setWasmUrl(wasmUrl);`.
 * It counts until the wasm is first requested, which is never before this module's importers
 * have run.
 */
export function setWasmUrl(url) {
  wasmUrl = url;
}

/**
 * Fetches and starts the card's wasm, once; resolves when every card on the page is live, and
 * to `false` (with one console error saying why) when the wasm cannot load. Cards call it
 * themselves as they come near the visible area; call it to load ahead of that.
 */
export function load() {
  if (!loading) {
    // A microtask later: a page that imports this module and then calls setWasmUrl in the same
    // module graph has done so before the first card asks.
    loading = Promise.resolve().then(() => {
      const url = new URL(wasmUrl ?? defaultWasmUrl(), document.baseURI);
      return init({ module_or_path: url }).then(
        () => {
          define();
          return true;
        },
        (error) => {
          // Blocked by a Content-Security-Policy, missing, or served with the wrong MIME type:
          // the cards keep whatever the page put inside them, and this one message says why.
          console.error(`comparison-card: could not load ${url.href}; cards stay as the page wrote them.`, error);
          return false;
        },
      );
    });
  }
  return loading;
}

/** `true` when this module defined the element, `false` when the tag was already taken. */
export const defined = defineCardElement(TAG_NAME, null, load);
