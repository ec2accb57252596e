// A parity check between the two cards the benchmark compares. Open /bench/parity.html on the
// site `cargo xtask bench` assembles (target/bench-site), in a browser: for the demo and the
// 30 × 6 spec it mounts both cards, then compares their shadow DOMs (markup, text, element
// count) and the events they send, at the start and after each step of a fixed script of
// slider moves, preset clicks, Reset and a click on the call to action. The result is written
// to the page and to window.__parity.

import { load } from '../comparison-card.js';
import './plain-card.min.js';
import { largeSpec } from './large-spec.js';

const TAGS = { wasm: 'comparison-card', js: 'plain-comparison-card' };
const EVENTS = ['prioritychange', 'verdictchange', 'ctaclick'];

const settled = async () => { for (let i = 0; i < 3; i += 1) await Promise.resolve(); };

/** A card with the spec, in the page; the Rust card draws its shadow root a microtask after it connects. */
async function mount(tag, spec) {
  const card = document.createElement(tag);
  card.spec = spec;
  card.log = [];
  for (const name of EVENTS) card.addEventListener(name, (event) => card.log.push({ name, detail: event.detail }));
  document.body.append(card);
  await settled();
  if (!card.shadowRoot) throw new Error(`<${tag}> has no shadow root after mounting`);
  // A click on the call to action must not leave the page.
  card.shadowRoot.addEventListener('click', (event) => event.preventDefault());
  return card;
}

function snapshot(card) {
  const root = card.shadowRoot;
  return {
    html: root.innerHTML,
    text: root.textContent,
    elements: root.querySelectorAll('*').length,
    sliders: [...root.querySelectorAll('input')].map((s) => s.value).join(','),
    events: JSON.stringify(card.log.splice(0)),
  };
}

/** The first place two strings differ, with some context. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return { at: i, wasm: a.slice(Math.max(0, i - 80), i + 80), js: b.slice(Math.max(0, i - 80), i + 80) };
}

/** The same actions, in the same order, on both cards. */
function script(spec) {
  const steps = [];
  const move = (index, level) => steps.push({ name: `slider ${index} to ${level}`, run: (root) => {
    const slider = root.querySelectorAll('input[type=range]')[index];
    slider.value = String(level);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  } });
  const click = (name, selector) => steps.push({ name, run: (root) => root.querySelector(selector).click() });
  const criteria = spec.criteria.length;
  // Every slider through every level, then a few settings that tip the result.
  for (let i = 0; i < criteria; i += 1) for (const level of [0, 5, 1, 4, 2, 3]) move(i, level);
  for (let i = 0; i < criteria; i += 1) move(i, i % 2 ? 5 : 0);
  for (let i = 0; i < criteria; i += 1) move(i, 0);
  move(0, 1);
  (spec.presets ?? []).forEach((_, index) => {
    click(`preset ${index}`, `[data-preset="${index}"]`);
    click(`preset ${index} again`, `[data-preset="${index}"]`);
    move(criteria - 1, 4);
    click(`preset ${index} after a move`, `[data-preset="${index}"]`);
  });
  click('reset', '[data-action="reset"]');
  click('reset again', '[data-action="reset"]');
  click('call to action', 'a.cta');
  return steps;
}

async function compare(label, spec) {
  const cards = { wasm: await mount(TAGS.wasm, spec), js: await mount(TAGS.js, spec) };
  const report = { spec: label, steps: 0, mismatches: [], seen: {} };
  // How many of the compared states showed each of these, so a pass means something.
  const features = {
    close_call: 'data-close', tie: 'tied at your priorities', all_ignored: 'Every criterion is set to Ignore',
    no_tipping: 'No single priority change', tick: '--at:', preset_pressed: 'aria-pressed="true"', carried_leader: 'cc_leader=',
    why: 'leads mainly on', why_despite: ' gains on ', row_mark: ' to the lead</span>', narrow_lead: 'Narrow lead',
    two_line_axis: '<tspan',
  };
  const check = (step) => {
    const [a, b] = [snapshot(cards.wasm), snapshot(cards.js)];
    if (step === 'start') Object.assign(report, { elements: a.elements, text_chars: a.text.length, html_chars: a.html.length });
    for (const field of ['elements', 'text', 'html', 'sliders', 'events']) {
      if (a[field] !== b[field]) {
        const detail = typeof a[field] === 'string' ? firstDifference(a[field], b[field]) : { wasm: a[field], js: b[field] };
        report.mismatches.push({ step, field, ...detail });
      }
    }
    for (const [name, marker] of Object.entries(features)) {
      if (a.html.includes(marker)) report.seen[name] = (report.seen[name] ?? 0) + 1;
    }
    report.steps += 1;
  };
  check('start');
  for (const step of script(spec)) {
    for (const card of Object.values(cards)) step.run(card.shadowRoot);
    await settled();
    check(step.name);
  }
  for (const card of Object.values(cards)) card.remove();
  return report;
}

window.__parity = null;
(async () => {
  try {
    // The Rust card's module fetches its wasm when a card comes near the viewport: load it now.
    if (!(await load())) throw new Error('the wasm did not load');
    const demo = await (await fetch('../specs/node-vs-python.json')).json();
    const reports = [await compare('demo', demo), await compare('large', largeSpec())];
    window.__parity = reports;
  } catch (error) {
    window.__parity = { error: String(error && error.stack || error) };
  }
  const out = document.createElement('pre');
  out.id = 'parity';
  out.textContent = JSON.stringify(window.__parity, null, 2);
  document.body.append(out);
})();
