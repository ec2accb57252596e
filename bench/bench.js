// The benchmark page. `cargo xtask bench` opens it once per measurement with
//   ?impl=wasm|js  &spec=demo|large  &mode=startup|update|memory|drag  [&layout=1] [&cv=off]
// and reads the result from window.__bench. Nothing here is timed but the card's own work.

import { largeSpec } from './large-spec.js';

const params = new URLSearchParams(location.search);
const mode = params.get('mode');
const IMPLS = {
  wasm: { module: mode === 'memory' ? './unbundled/comparison-card.js' : '../comparison-card.js', tag: 'comparison-card' },
  js: { module: './plain-card.min.js', tag: 'plain-comparison-card' },
};
const impl = IMPLS[params.get('impl')];
const forceLayout = params.get('layout') === '1';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const later = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

async function loadSpec() {
  if (params.get('spec') === 'large') return largeSpec();
  return (await fetch('../specs/node-vs-python.json')).json();
}

/**
 * The card's module, ready to render: the Rust card's module defines the element at once and
 * fetches its wasm when a card comes near the viewport, so it is asked to load it now.
 */
async function importCard() {
  const module = await import(impl.module);
  if (typeof module.load === 'function' && !(await module.load())) throw new Error('the wasm did not load');
  return module;
}

function mount(spec) {
  const card = document.createElement(impl.tag);
  card.spec = spec;
  document.body.append(card);
  return card;
}

/** The card renders on connect, at the latest in the microtask after it. */
const rendered = async () => { await Promise.resolve(); await Promise.resolve(); };

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function startup(spec) {
  await frame();
  const t0 = performance.now();
  await importCard();
  const imported = performance.now();
  mount(spec);
  await rendered();
  const mounted = performance.now();
  // The first frame callback runs before style, layout and paint; the second after them.
  await frame();
  await frame();
  const painted = performance.now();
  return { import_ms: imported - t0, mount_ms: mounted - imported, paint_ms: painted - t0 };
}

/** Inputs per reading in the batched update figure. */
const BATCH = 10;

async function update(spec) {
  await importCard();
  const card = mount(spec);
  await rendered();
  await frame();
  const sliders = [...card.shadowRoot.querySelectorAll('input[type=range]')];
  const probe = card.shadowRoot.querySelector('.verdict');
  const samples = [];
  let events = 0;
  card.addEventListener('prioritychange', () => { events += 1; });
  // Step `n` of the script: the next slider one level on, as a drag leaves it...
  const moved = (n) => {
    const slider = sliders[n % sliders.length];
    slider.value = String((Number(slider.value) + 1) % 6);
    return slider;
  };
  // ... and the card's answer to it, the part that is timed.
  const handled = (slider) => {
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    if (forceLayout) probe.getBoundingClientRect();
  };
  for (let n = 0; n < 2200; n += 1) {
    const slider = moved(n);
    const t = performance.now();
    handled(slider);
    const took = performance.now() - t;
    if (n >= 200) samples.push(took);
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  // The same steps timed ten to a reading: one input is a few timer ticks (5 µs when
  // cross-origin isolated), so single readings can only differ by whole ticks. Each input
  // is still its own dispatch, handled before the next, as a visitor's drag steps are.
  const batches = [];
  for (let b = 0; b < 300; b += 1) {
    const t = performance.now();
    for (let k = 0; k < BATCH; k += 1) handled(moved(b * BATCH + k));
    if (b >= 20) batches.push((performance.now() - t) / BATCH);
  }
  batches.sort((a, b) => a - b);
  return {
    median_ms: quantile(samples, 0.5), p95_ms: quantile(samples, 0.95), mean_ms: mean,
    batched_median_ms: quantile(batches, 0.5),
    events, isolated: self.crossOriginIsolated === true,
  };
}

async function wasmBytes() {
  if (params.get('impl') !== 'wasm') return 0;
  // The shipped module is bundled and exports nothing, so memory mode loads the same wasm
  // through the unbundled build, whose glue hands out the instance's exports.
  const { default: init } = await import('./unbundled/comparison-card-core.js');
  // Export names are minified, so find the memory by what it is.
  const memory = Object.values(await init()).find((value) => value instanceof WebAssembly.Memory);
  return memory.buffer.byteLength;
}

async function settledHeap() {
  for (let i = 0; i < 3; i += 1) { await later(10); gc(); }
  return performance.memory.usedJSHeapSize;
}

async function memory(spec) {
  await importCard();
  const card = mount(spec);
  await rendered();
  const sliders = [...card.shadowRoot.querySelectorAll('input[type=range]')];
  // One warm-up round so lazily created state exists before the baseline.
  for (const slider of sliders) { slider.value = '4'; slider.dispatchEvent(new Event('input', { bubbles: true })); }
  const heapStart = await settledHeap();
  const wasmStart = await wasmBytes();
  for (let n = 0; n < 20000; n += 1) {
    const slider = sliders[n % sliders.length];
    slider.value = String((Number(slider.value) + 1) % 6);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }
  const heapInputs = await settledHeap();
  const wasmInputs = await wasmBytes();
  // The same card out of the page and back, 200 times.
  for (let n = 0; n < 200; n += 1) {
    card.remove();
    document.body.append(card);
    await rendered();
  }
  const heapMoves = await settledHeap();
  const wasmMoves = await wasmBytes();
  card.remove();
  for (let n = 0; n < 200; n += 1) {
    const extra = mount(spec);
    await rendered();
    extra.remove();
  }
  const heapCycles = await settledHeap();
  const wasmCycles = await wasmBytes();
  return {
    heap_start: heapStart, heap_after_inputs: heapInputs, heap_after_moves: heapMoves, heap_after_cycles: heapCycles,
    wasm_start: wasmStart, wasm_after_inputs: wasmInputs, wasm_after_moves: wasmMoves, wasm_after_cycles: wasmCycles,
  };
}

/** The time of the next frame's start, as requestAnimationFrame gives it. */
const frameTime = () => new Promise((resolve) => requestAnimationFrame((time) => resolve(time)));

/**
 * A visitor dragging the first slider: one step per frame, handled at the frame's start as a
 * pointer move is, for 120 frames; `cv=off` turns the rows' content-visibility off to compare.
 * Returns how many frames took longer than a 60 Hz frame (17.5 ms, clear of timer jitter).
 */
async function drag(spec) {
  await importCard();
  const card = mount(spec);
  await rendered();
  if (params.get('cv') === 'off') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.row { content-visibility: visible; contain-intrinsic-size: none; }');
    card.shadowRoot.adoptedStyleSheets = [...card.shadowRoot.adoptedStyleSheets, sheet];
  }
  for (let i = 0; i < 10; i += 1) await frame();
  const slider = card.shadowRoot.querySelector('input[type=range]');
  const path = [4, 5, 4, 3, 2, 1, 0, 1, 2, 3];
  const deltas = [];
  let last = await frameTime();
  for (let n = 0; n < 120; n += 1) {
    slider.valueAsNumber = path[n % path.length];
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const now = await frameTime();
    deltas.push(now - last);
    last = now;
  }
  slider.dispatchEvent(new Event('change', { bubbles: true }));
  deltas.sort((a, b) => a - b);
  return { late: deltas.filter((d) => d > 17.5).length, frames: deltas.length, median_ms: quantile(deltas, 0.5) };
}

const run = { startup, update, memory, drag }[mode];
window.__bench = null;
(async () => {
  try {
    const spec = await loadSpec();
    window.__bench = await run(spec);
  } catch (error) {
    window.__bench = { error: String(error && error.stack || error) };
  }
})();
