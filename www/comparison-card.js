// comparison-card: the one module a page includes.
//
//   <script type="module" src="comparison-card.js"></script>
//
// It loads the card's WebAssembly from beside this file (so the folder can live on any static
// host or CDN path) and defines <comparison-card>. Loading it twice is harmless.
import init, { define } from './comparison-card-core.js';

const wasmUrl = new URL('comparison-card.wasm', import.meta.url);

try {
  await init({ module_or_path: wasmUrl });
  define();
} catch (error) {
  // Blocked by a Content-Security-Policy, missing, or served with the wrong MIME type: the
  // cards keep whatever the page put inside them, and this one message says why.
  console.error(`comparison-card: could not load ${wasmUrl.href}; cards stay as the page wrote them.`, error);
}
