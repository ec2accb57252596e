// The benchmark's baseline: the same card written by hand in plain JavaScript, with the same
// shadow DOM, stylesheet, sliders, totals, winners, tally, verdict and events as the Rust card,
// and the same validation rules in a looser form. It defines <plain-comparison-card>.
// `cargo xtask bench` bundles and minifies it with the same esbuild as the Rust card's module.
import STYLE from './plain-card-style.js';

const LEVELS = ['Ignore', 'Minor', 'Moderate', 'Important', 'High', 'Critical'];
const ID = /^[A-Za-z0-9_-]{1,40}$/;
const hundredths = (x) => Math.round(x * 100);
const fixed = (x, d) => (Math.round(Math.abs(x) * 10 ** d) / 10 ** d * Math.sign(x) || 0).toFixed(d);
const trimmed = (x) => String(Math.round(x * 100) / 100);
const names = (list) => (list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`);
const linkOk = (href) => typeof href === 'string' && href.length <= 2000 && !/[\s\x00-\x1f]/.test(href)
  && /^(https:\/\/|http:\/\/|mailto:)[^/]/i.test(href);

function validate(spec) {
  const problems = [];
  const add = (path, message) => problems.push(`${path}: ${message}`);
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) return ['spec: expected an object'];
  const known = (obj, path, fields) => Object.keys(obj).forEach((k) => fields.includes(k) || add(path, `unknown field \`${k}\``));
  const text = (value, path, max, optional) => {
    if (optional && (value === undefined || value === null || String(value).trim() === '')) return;
    if (typeof value !== 'string') add(path, 'expected a string');
    else if (value.trim() === '') add(path, 'must not be empty');
    else if ([...value].length > max) add(path, `must be at most ${max} characters long`);
  };
  known(spec, 'spec', ['title', 'summary', 'scale', 'options', 'criteria', 'cta', '$schema']);
  text(spec.title, 'title', 200);
  text(spec.summary, 'summary', 1000, true);
  const scale = spec.scale ?? { min: 0, max: 10 };
  if (!(Number.isFinite(scale.min) && Number.isFinite(scale.max) && scale.min < scale.max)) add('scale', 'expected finite numbers with min below max');
  const options = Array.isArray(spec.options) ? spec.options : [];
  const criteria = Array.isArray(spec.criteria) ? spec.criteria : [];
  if (options.length < 2 || options.length > 6) add('options', `expected 2 to 6 options, got ${options.length}`);
  if (criteria.length < 1 || criteria.length > 30) add('criteria', `expected 1 to 30 criteria, got ${criteria.length}`);
  const ids = (list, field) => list.forEach((item, i) => {
    if (!ID.test(item?.id)) add(`${field}[${i}].id`, "expected 1 to 40 letters, digits, '-' or '_'");
    const first = list.findIndex((other) => other?.id === item?.id);
    if (first < i) add(`${field}[${i}].id`, `duplicate id \`${item.id}\` (also used by ${field}[${first}])`);
  });
  options.forEach((o, i) => {
    known(o, `options[${i}]`, ['id', 'name', 'best_for']);
    text(o.name, `options[${i}].name`, 100);
    (o.best_for ?? []).forEach((line, j) => text(line, `options[${i}].best_for[${j}]`, 1000));
  });
  ids(options, 'options');
  criteria.forEach((c, i) => {
    const path = `criteria[${i}]`;
    known(c, path, ['id', 'name', 'scores', 'note', 'priority']);
    text(c.name, `${path}.name`, 100);
    text(c.note, `${path}.note`, 1000, true);
    const scores = c.scores ?? {};
    Object.keys(scores).forEach((id) => options.some((o) => o.id === id) || add(`${path}.scores.${id}`, `no option has the id \`${id}\``));
    options.forEach((o) => {
      const s = scores[o.id];
      if (s === undefined) add(`${path}.scores.${o.id}`, 'missing: every option needs a score');
      else if (!(Number.isFinite(s) && s >= scale.min && s <= scale.max)) add(`${path}.scores.${o.id}`, `expected a number from ${scale.min} to ${scale.max}, got ${s}`);
    });
    const p = c.priority;
    if (p !== undefined && !(Number.isInteger(p) && p >= 0 && p <= 5)) add(`${path}.priority`, `expected a whole number from 0 to 5, got ${p}`);
  });
  ids(criteria, 'criteria');
  if (spec.cta) {
    text(spec.cta.label, 'cta.label', 100);
    if (!linkOk(spec.cta.href)) add('cta.href', 'expected an absolute https, http or mailto link');
  }
  return problems;
}

// Writes only what differs from what was written last, as the Rust card does, so the
// benchmark compares the languages rather than two update strategies.
function put(node, text) {
  if (node.__shown !== text) {
    node.__shown = text;
    node.textContent = text;
  }
}
function putAttribute(node, name, value) {
  const key = '__' + name;
  if (node[key] !== value) {
    node[key] = value;
    node.setAttribute(name, value);
  }
}
function putFlag(node, name, on) {
  const key = '__' + name;
  if (node[key] !== on) {
    node[key] = on;
    node.toggleAttribute(name, on);
  }
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

let sheet;

class PlainComparisonCard extends HTMLElement {
  #spec = null;
  #priorities = [];
  #winners = [];
  #refs = null;
  #leaderKey = '';

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
    }
    this.shadowRoot.adoptedStyleSheets = [sheet];
    this.shadowRoot.addEventListener('input', (event) => this.#onInput(event));
  }

  get spec() { return this.#spec; }

  set spec(value) {
    this.#spec = value;
    this.#render();
  }

  connectedCallback() {
    if (this.#spec === null) {
      const script = this.querySelector('script[type="application/json"]');
      try {
        this.spec = script ? JSON.parse(script.textContent) : null;
      } catch (error) {
        this.#showProblems([`spec: not valid JSON: ${error.message}`]);
      }
    }
  }

  #showProblems(problems) {
    console.error(`comparison-card: this card's spec cannot be shown:\n  - ${problems.join('\n  - ')}`, this);
    const panel = el('div', 'error');
    panel.setAttribute('role', 'alert');
    panel.append(el('p', 'error-title', "This comparison can't be shown"));
    const list = el('ul', 'error-list');
    problems.forEach((p) => list.append(el('li', '', p)));
    panel.append(list);
    this.shadowRoot.replaceChildren(panel);
    this.#refs = null;
  }

  #render() {
    const spec = this.#spec;
    const problems = spec === null ? ['spec: missing'] : validate(spec);
    if (problems.length) return this.#showProblems(problems);
    const scale = spec.scale ?? { min: 0, max: 10 };
    this.#priorities = spec.criteria.map((c) => c.priority ?? 3);
    this.#winners = spec.criteria.map((c) => {
      const values = spec.options.map((o) => hundredths(c.scores[o.id]));
      const best = Math.max(...values);
      return values.flatMap((v, i) => (v === best ? [i] : []));
    });
    const cls = (base, i) => `${base} o${i + 1}`;
    const card = el('article', 'card');
    const head = el('header', 'head');
    head.append(el('h2', 'title', spec.title));
    if (spec.summary?.trim()) head.append(el('p', 'summary', spec.summary));
    card.append(head);

    const totals = el('ul', 'totals');
    totals.setAttribute('aria-label', 'Weighted scores at your priorities');
    const optionRefs = spec.options.map((o, i) => {
      const tile = el('li', cls('total', i));
      const top = el('span', 'total-top');
      const badge = el('span', 'total-badge');
      top.append(el('span', 'total-name', o.name), badge);
      const figure = el('span', 'total-figure');
      const value = el('span', 'total-value');
      figure.append(value, el('span', 'total-max', `/${trimmed(scale.max)}`));
      tile.append(top, figure);
      totals.append(tile);
      return { tile, value, badge };
    });
    card.append(totals);

    const verdict = el('p', 'verdict');
    verdict.setAttribute('role', 'status');
    card.append(verdict);

    const tally = el('ul', 'tally');
    const items = spec.options.map((_, i) => ({ option: i }));
    items.splice(spec.options.length === 2 ? 1 : spec.options.length, 0, { option: -1 });
    const tallyRefs = items.map(({ option }) => {
      const item = el('li', option < 0 ? 'tally-item ties' : cls('tally-item', option));
      const count = el('span', 'tally-count');
      const label = el('span', 'tally-label');
      item.append(count, ' ', label);
      tally.append(item);
      return { option, count, label };
    });
    card.append(tally);

    const section = el('section', 'criteria');
    section.append(el('h3', 'section-title', 'Your priorities'), el('p', 'hint', 'Move a slider to say how much each criterion matters to you.'));
    const rows = el('ol', 'rows');
    const rowRefs = spec.criteria.map((c, index) => {
      const row = el('li', 'row');
      row.dataset.criterion = c.id;
      const rowHead = el('div', 'row-head');
      const winners = this.#winners[index];
      const chip = winners.length === 1 ? `${spec.options[winners[0]].name} wins`
        : winners.length === spec.options.length ? 'Tie' : `Tie: ${names(winners.map((w) => spec.options[w].name))}`;
      rowHead.append(el('h4', 'row-name', c.name), el('span', winners.length === 1 ? cls('row-winner', winners[0]) : 'row-winner tie', chip));
      const bars = el('ul', 'bars');
      spec.options.forEach((o, i) => {
        const bar = el('li', cls('bar', i));
        const track = el('span', 'bar-track');
        track.setAttribute('aria-hidden', 'true');
        const fill = el('span', 'bar-fill');
        fill.style.width = `${((c.scores[o.id] - scale.min) / (scale.max - scale.min)) * 100}%`;
        track.append(fill);
        bar.append(el('span', 'bar-name', o.name), track, el('span', 'bar-score', trimmed(c.scores[o.id])));
        bars.append(bar);
      });
      row.append(rowHead, bars);
      if (c.note?.trim()) row.append(el('p', 'note', c.note));
      const control = el('div', 'priority');
      const slider = el('input', 'slider');
      Object.assign(slider, { type: 'range', min: '0', max: '5', step: '1' });
      slider.dataset.index = String(index);
      slider.setAttribute('aria-label', `Priority for ${c.name}`);
      const caption = el('span', 'priority-caption', 'Priority');
      caption.setAttribute('aria-hidden', 'true');
      const level = el('span', 'priority-level');
      level.setAttribute('aria-hidden', 'true');
      control.append(caption, slider, level);
      row.append(control);
      rows.append(row);
      return { row, slider, level };
    });
    section.append(rows);
    card.append(section);

    if (spec.options.some((o) => o.best_for?.length)) {
      const best = el('section', 'best');
      spec.options.forEach((o, i) => {
        if (!o.best_for?.length) return;
        const column = el('div', cls('best-option', i));
        const list = el('ul', 'best-list');
        o.best_for.forEach((line) => list.append(el('li', '', line)));
        column.append(el('h3', 'best-title', `Best for ${o.name}`), list);
        best.append(column);
      });
      card.append(best);
    }
    if (spec.cta) {
      const foot = el('footer', 'foot');
      const link = el('a', 'cta', spec.cta.label);
      link.href = spec.cta.href;
      foot.append(link);
      card.append(foot);
    }
    this.#refs = { optionRefs, verdict, tallyRefs, rowRefs };
    this.#update();
    this.#leaderKey = this.#result().key;
    this.shadowRoot.replaceChildren(card);
  }

  #result() {
    const spec = this.#spec;
    let weight = 0;
    const totals = spec.options.map(() => 0);
    spec.criteria.forEach((c, i) => {
      const p = this.#priorities[i];
      if (!p) return;
      weight += p;
      spec.options.forEach((o, j) => { totals[j] += p * c.scores[o.id]; });
    });
    if (!weight) return { totals: null, leader: -1, tied: [], key: 'none' };
    for (let j = 0; j < totals.length; j += 1) totals[j] /= weight;
    const best = Math.max(...totals.map(hundredths));
    const tied = totals.flatMap((t, j) => (hundredths(t) === best ? [j] : []));
    const leader = tied.length === 1 ? tied[0] : -1;
    const margin = leader < 0 ? 0 : totals[leader] - Math.max(...totals.filter((_, j) => j !== leader));
    return { totals, leader, tied, margin, key: leader >= 0 ? `l${leader}` : `t${tied.join(',')}` };
  }

  #update() {
    const spec = this.#spec;
    const { optionRefs, verdict, tallyRefs, rowRefs } = this.#refs;
    const result = this.#result();
    optionRefs.forEach((ref, j) => {
      put(ref.value, result.totals ? fixed(result.totals[j], 1) : '–');
      const leads = result.leader === j;
      put(ref.badge, leads ? 'Leader' : result.leader < 0 && result.tied.includes(j) ? 'Tied' : '');
      putFlag(ref.tile, 'data-leader', leads);
    });
    const name = (j) => spec.options[j].name;
    if (!result.totals) put(verdict, 'Every criterion is set to Ignore. Raise at least one priority to get a verdict.');
    else if (result.leader >= 0) {
      put(verdict, result.margin < 0.05 ? `${name(result.leader)} leads by less than 0.1 points at your priorities.`
        : `${name(result.leader)} leads by ${fixed(result.margin, 1)} points at your priorities.`);
    } else {
      put(verdict, `${names(result.tied.map(name))} are ${result.tied.length === 2 ? '' : 'all '}tied at your priorities.`);
    }
    const wins = spec.options.map(() => 0);
    let ties = 0;
    this.#winners.forEach((w, i) => {
      if (!this.#priorities[i]) return;
      if (w.length === 1) wins[w[0]] += 1; else ties += 1;
    });
    tallyRefs.forEach((ref) => {
      const n = ref.option < 0 ? ties : wins[ref.option];
      put(ref.count, String(n));
      put(ref.label, ref.option < 0 ? (n === 1 ? 'tie' : 'ties') : `${n === 1 ? 'win' : 'wins'} for ${name(ref.option)}`);
    });
    rowRefs.forEach((ref, i) => {
      const p = this.#priorities[i];
      if (ref.shown === p) return;
      ref.shown = p;
      ref.slider.value = String(p);
      putAttribute(ref.slider, 'aria-valuetext', LEVELS[p]);
      put(ref.level, LEVELS[p]);
      putFlag(ref.row, 'data-ignored', p === 0);
    });
    return result;
  }

  #onInput(event) {
    const slider = event.target;
    if (!this.#refs || !slider.dataset || slider.dataset.index === undefined) return;
    const index = Number(slider.dataset.index);
    const level = Math.min(5, Math.max(0, Math.round(slider.valueAsNumber)));
    if (this.#priorities[index] === level) return;
    this.#priorities[index] = level;
    const result = this.#update();
    const spec = this.#spec;
    const detail = {
      priorities: Object.fromEntries(spec.criteria.map((c, i) => [c.id, this.#priorities[i]])),
      totals: Object.fromEntries(spec.options.map((o, j) => [o.id, result.totals ? Math.round(result.totals[j] * 100) / 100 : null])),
      leader: result.leader >= 0 ? spec.options[result.leader].id : null,
    };
    const init = { bubbles: true, composed: true, detail };
    this.dispatchEvent(new CustomEvent('prioritychange', init));
    if (result.key !== this.#leaderKey) {
      this.#leaderKey = result.key;
      this.dispatchEvent(new CustomEvent('verdictchange', init));
    }
  }
}

if (!customElements.get('plain-comparison-card')) customElements.define('plain-comparison-card', PlainComparisonCard);
