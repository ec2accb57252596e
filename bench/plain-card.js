// The benchmark's baseline: the same card written by hand in plain JavaScript, with the same
// shadow DOM, stylesheet, sliders, totals, winners, tally, verdict, why sentence, tipping points,
// result strip, rows' shares of the lead, chart, presets, Reset, carrying call to action and
// events as the Rust card, and the same validation
// rules in a looser form. It leaves out `share` and `persist`, which the benchmark does not use.
// It defines <plain-comparison-card>. `cargo xtask bench` bundles and minifies it with the same
// esbuild as the Rust card's module.
import STYLE from './plain-card-style.js';

const LEVELS = ['Ignore', 'Minor', 'Moderate', 'Important', 'High', 'Critical'];
const MAX_PRIORITY = 5;
const MAX_PRESETS = 8;
const ID = /^[A-Za-z0-9_-]{1,40}$/;
const SVG = 'http://www.w3.org/2000/svg';
const RADIUS = 100;
const RINGS = [0.25, 0.5, 0.75, 1];
const LABEL_GAP = 12;
/** Axis names longer than this go on two lines in the chart. */
const LABEL_CHARS = 22;
const BARS_WIDTH = 400;
const BARS_HEIGHT = 200;
const BARS_LABEL_SPACE = 28;
/** A lead under this many points, on a 0–10 scale, is a close call. */
const CLOSE_CALL_POINTS = 0.3;
/** How many criteria the why sentence names on each side. */
const WHY_NAMED = 2;

// ---- Numbers and words, formatted as src/text.rs formats them ----

/** Rounds halves away from zero, like Rust's `f64::round`. */
const round = (x) => Math.sign(x) * Math.round(Math.abs(x));
/** Whole hundredths, after clearing floating-point noise at 1e-9, as src/scoring.rs compares. */
const hundredths = (x) => round(round(x * 1e9) / 1e7);

/** `x` with exactly `decimals` decimals, halves away from zero, and no "-0.0". */
function fixed(x, decimals) {
  const scaled = Math.round(Math.abs(x) * 10 ** decimals);
  const digits = String(scaled).padStart(decimals + 1, '0');
  const sign = x < 0 && scaled !== 0 ? '-' : '';
  if (!decimals) return sign + digits;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** At most two decimals, without trailing zeros: 10, 7.5, 0.25. */
const trimmed = (x) => fixed(x, 2).replace(/0+$/, '').replace(/\.$/, '');

/** "A", "A and B", "A, B and C". */
const names = (list) => (list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`);

const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function winnerLabel(spec, winners) {
  if (winners.length === 1) return `${spec.options[winners[0]].name} wins`;
  if (winners.length === spec.options.length) return 'Tie';
  return `Tie: ${names(winners.map((w) => spec.options[w].name))}`;
}

function verdictText(spec, standing) {
  const name = (j) => spec.options[j].name;
  if (!standing.totals) return 'Every criterion is set to Ignore. Raise at least one priority to get a verdict.';
  if (standing.leader >= 0) {
    return standing.margin < 0.05
      ? `${name(standing.leader)} leads by less than 0.1 points at your priorities.`
      : `${name(standing.leader)} leads by ${fixed(standing.margin, 1)} points at your priorities.`;
  }
  const tied = standing.tied;
  return `${names(tied.map(name))} are ${tied.length === 2 ? '' : 'all '}tied at your priorities.`;
}

/** A share of the margin, signed: "+1.2", "−1.0" (a real minus sign), two decimals when one would show 0.0. */
function pointsText(points) {
  const sign = points > 0 ? '+' : points < 0 ? '\u2212' : '';
  return sign + fixed(Math.abs(points), Math.abs(points) < 0.05 && points !== 0 ? 2 : 1);
}

/** "Node.js leads mainly on A (+1.2) and B (+0.7); Python gains on C (−1.0)."; '' while no option leads. */
function whyText(spec, shares) {
  if (!shares) return '';
  const { leader, runnerUp, points } = shares;
  // A first gain under half a hundredth is named without its figure, which would read "+0.00".
  const item = (i) => (hundredths(points[i]) === 0 ? spec.criteria[i].name : `${spec.criteria[i].name} (${pointsText(points[i])})`);
  const list = (indexes) => names(indexes.map(item));
  const gains = list(pick(points, 1, true));
  const losses = pick(points, -1, false);
  const leads = `${spec.options[leader].name} leads mainly on ${gains}`;
  return losses.length ? `${leads}; ${spec.options[runnerUp].name} gains on ${list(losses)}.` : `${leads}.`;
}

/** A row's mark, "+1.2 to the lead": none while no option leads, the row is ignored or its share shows as 0.0. */
const rowShareText = (points, priority) => (points !== undefined && priority > 0 && Math.abs(points) >= 0.05
  ? `${pointsText(points)} to the lead` : '');

function tippingText(spec, point, priorities) {
  if (!point) return 'No single priority change alters the result.';
  const direction = point.at > priorities[point.criterion] ? 'raised' : 'lowered';
  return `${spec.options[point.leader].name} takes the lead if ${spec.criteria[point.criterion].name} `
    + `is ${direction} to ${point.at} (${LEVELS[point.at]}).`;
}

function chartSummary(spec, winners, radar) {
  let text = `${radar ? 'Radar' : 'Bar'} chart of the scores on ${count(spec.criteria.length, 'criterion', 'criteria')}`
    + '; the more a criterion matters to you, the bolder it is drawn.';
  const criteriaWhere = (keep) => spec.criteria.filter((_, i) => keep(winners[i])).map((c) => c.name);
  spec.options.forEach((option, j) => {
    const won = criteriaWhere((w) => w.length === 1 && w[0] === j);
    if (won.length) text += ` ${option.name} scores highest on ${names(won)}.`;
  });
  const tied = criteriaWhere((w) => w.length !== 1);
  if (tied.length) text += ` Tied: ${names(tied)}.`;
  return text;
}

// ---- Scoring and tipping points, the arithmetic of src/scoring.rs and src/tipping.rs ----

/** The options sharing the top value in hundredths. */
function topOptions(values) {
  const best = Math.max(...values.map(hundredths));
  return values.flatMap((v, j) => (hundredths(v) === best ? [j] : []));
}

/** The one option at the top in hundredths, or -1 when several share it. Allocates nothing. */
function soleLeader(totals) {
  let best = -Infinity;
  let leader = -1;
  for (let j = 0; j < totals.length; j += 1) {
    const value = hundredths(totals[j]);
    if (value > best) {
      best = value;
      leader = j;
    } else if (value === best) {
      leader = -1;
    }
  }
  return leader;
}

/** Σ priority × score / Σ priority per option, or null when every priority is 0. */
function weightedTotals(scores, priorities) {
  const totals = scores[0].map(() => 0);
  let weight = 0;
  scores.forEach((row, i) => {
    const p = priorities[i];
    if (!p) return;
    weight += p;
    row.forEach((score, j) => { totals[j] += p * score; });
  });
  return weight ? totals.map((t) => t / weight) : null;
}

function standingOf(totals) {
  if (!totals) return { totals, leader: -1, tied: [], margin: 0, key: 'none' };
  const tied = topOptions(totals);
  if (tied.length > 1) return { totals, leader: -1, tied, margin: 0, key: `t${tied}` };
  const leader = tied[0];
  const runnerUp = Math.max(...totals.filter((_, j) => j !== leader));
  return { totals, leader, tied, margin: totals[leader] - runnerUp, key: `l${leader}` };
}

/** For each current level, the other slider positions nearest first, the higher first at equal distance. */
const BY_NEARNESS = LEVELS.map((_, current) => [1, 2, 3, 4, 5]
  .flatMap((distance) => [current + distance, current - distance])
  .filter((at) => at >= 0 && at <= MAX_PRIORITY));

/**
 * Each criterion's nearest slider position at which a different single option leads, with the
 * other sliders left alone: [{ criterion, at, leader }], in criterion order. The sums are taken
 * once; moving one slider then changes them by (at − current) × score and (at − current).
 */
function tippingPoints(scores, priorities, leaderNow) {
  const sums = scores[0].map(() => 0);
  let weights = 0;
  scores.forEach((row, i) => {
    const p = priorities[i];
    if (!p) return;
    weights += p;
    row.forEach((score, j) => { sums[j] += p * score; });
  });
  const totals = sums.slice();
  const points = [];
  scores.forEach((row, criterion) => {
    const current = priorities[criterion];
    for (const at of BY_NEARNESS[current]) {
      const weightsThere = weights - current + at;
      let leader = -1;
      if (weightsThere) {
        for (let j = 0; j < row.length; j += 1) totals[j] = (sums[j] + (at - current) * row[j]) / weightsThere;
        leader = soleLeader(totals);
      }
      if (leader >= 0 && leader !== leaderNow) {
        points.push({ criterion, at, leader });
        break;
      }
    }
  });
  return points;
}

/** The tipping point needing the smallest slider move; at equal moves, the earlier criterion. */
function closest(points, priorities) {
  let best = null;
  for (const point of points) {
    const move = Math.abs(priorities[point.criterion] - point.at);
    if (!best || move < best.move) best = { move, point };
  }
  return best && best.point;
}

// ---- The leader's margin, criterion by criterion, as src/core/contributions.rs splits it ----

/** The highest other total (to nine decimals), the first in spec order among equals. */
function runnerUpOf(totals, leader) {
  let best = -1;
  let top = -Infinity;
  for (let j = 0; j < totals.length; j += 1) {
    const value = round(totals[j] * 1e9);
    if (j !== leader && (best < 0 || value > top)) {
      best = j;
      top = value;
    }
  }
  return best;
}

/** Each criterion's share of the leader's margin over the runner-up, or null while no option leads. */
function sharesOf(scores, priorities, standing) {
  const { leader, totals } = standing;
  if (leader < 0) return null;
  const runnerUp = runnerUpOf(totals, leader);
  let weights = 0;
  for (const p of priorities) weights += p;
  if (runnerUp < 0 || !weights) return null;
  const points = scores.map((row, i) => priorities[i] / weights * (row[leader] - row[runnerUp]));
  return { leader, runnerUp, points };
}

/**
 * Up to WHY_NAMED criteria whose share times `sign` is largest and positive, largest first, the
 * first among equals; none that is 0 to two decimals, except the first when `firstAlways`.
 */
function pick(points, sign, firstAlways) {
  const picked = [];
  while (picked.length < WHY_NAMED) {
    let best = -1;
    for (let i = 0; i < points.length; i += 1) {
      const value = points[i] * sign;
      if (value > 0 && !picked.includes(i) && (best < 0 || value > points[best] * sign)) best = i;
    }
    if (best < 0 || !((firstAlways && !picked.length) || hundredths(points[best]) !== 0)) break;
    picked.push(best);
  }
  return picked;
}

/** Under 0.3 points on a 0–10 scale, the same share of the range on any other scale. */
const isCloseCall = (margin, scale) => margin < CLOSE_CALL_POINTS / 10 * (scale.max - scale.min) * (1 - 1e-9);

/** Only web links carry the choice: on a mailto: link the parameters would become mail headers. */
const canCarry = (href) => /^https?:\/\//i.test(href);

/** The call to action's link with cc_leader and cc_priorities added to its query string. */
function carriedHref(href, leaderId, keyedPriorities) {
  const hash = href.indexOf('#');
  const base = hash < 0 ? href : href.slice(0, hash);
  const fragment = hash < 0 ? '' : href.slice(hash + 1);
  const leader = leaderId === null ? '' : `cc_leader=${leaderId}&`;
  return `${base}${base.includes('?') ? '&' : '?'}${leader}cc_priorities=${keyedPriorities}${fragment ? `#${fragment}` : ''}`;
}

// ---- The chart's geometry, as src/core/chart.rs works it out ----

/** The unit vector of each axis, clockwise from the top. */
const axisDirections = (axes) => Array.from({ length: axes }, (_, i) => {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / axes;
  return [Math.cos(angle), Math.sin(angle)];
});

const scaleFraction = (score, scale) => Math.min(1, Math.max(0, (score - scale.min) / (scale.max - scale.min)));
const svgPoints = (pairs) => pairs.map(([x, y]) => `${fixed(x, 1)},${fixed(y, 1)}`).join(' ');

function axisLabel([x, y]) {
  const anchor = x > 0.2 ? 'start' : x < -0.2 ? 'end' : 'middle';
  const r = RADIUS + LABEL_GAP;
  return { x: x * r, y: y * r + y * 4, anchor };
}

function bar(criterion, criteria, option, options, score, scale) {
  const group = BARS_WIDTH / criteria;
  const width = Math.min(40, (group * 0.7) / options);
  const start = criterion * group + (group - width * options) / 2;
  const full = BARS_HEIGHT - BARS_LABEL_SPACE;
  const height = scaleFraction(score, scale) * full;
  return { x: start + option * width, y: full - height, width, height };
}

// ---- Validation, a looser form of src/core/spec.rs ----

function validate(spec) {
  const problems = [];
  const add = (path, message) => problems.push({ path, message });
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) return [{ path: 'spec', message: 'expected an object' }];
  const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
  const known = (obj, path, fields) => Object.keys(obj ?? {}).forEach((k) => fields.includes(k) || add(path, `unknown field \`${k}\``));
  const text = (value, path, max, optional) => {
    if (optional && (value === undefined || value === null || String(value).trim() === '')) return;
    if (typeof value !== 'string') add(path, 'expected a string');
    else if (value.trim() === '') add(path, 'must not be empty');
    else if ([...value].length > max) add(path, `must be at most ${max} characters long`);
  };
  const level = (value, path) => {
    if (!(Number.isInteger(value) && value >= 0 && value <= MAX_PRIORITY)) add(path, `expected a whole number from 0 to 5, got ${value}`);
  };
  const ids = (list, field) => list.forEach((item, i) => {
    if (!ID.test(item?.id)) add(`${field}[${i}].id`, "expected 1 to 40 letters, digits, '-' or '_'");
    const first = list.findIndex((other) => other?.id === item?.id);
    if (first < i) add(`${field}[${i}].id`, `duplicate id \`${item.id}\` (also used by ${field}[${first}])`);
  });
  known(spec, 'spec', ['title', 'summary', 'scale', 'options', 'criteria', 'presets', 'cta', '$schema']);
  text(spec.title, 'title', 200);
  text(spec.summary, 'summary', 1000, true);
  const scale = spec.scale ?? { min: 0, max: 10 };
  if (!(Number.isFinite(scale.min) && Number.isFinite(scale.max) && scale.min < scale.max)) add('scale', 'expected finite numbers with min below max');
  const options = Array.isArray(spec.options) ? spec.options : [];
  const criteria = Array.isArray(spec.criteria) ? spec.criteria : [];
  if (options.length < 2 || options.length > 6) add('options', `expected 2 to 6 options, got ${options.length}`);
  if (criteria.length < 1 || criteria.length > 30) add('criteria', `expected 1 to 30 criteria, got ${criteria.length}`);
  options.forEach((o, i) => {
    known(o, `options[${i}]`, ['id', 'name', 'best_for']);
    text(o?.name, `options[${i}].name`, 100);
    (o?.best_for ?? []).forEach((line, j) => text(line, `options[${i}].best_for[${j}]`, 1000));
  });
  ids(options, 'options');
  criteria.forEach((c, i) => {
    const path = `criteria[${i}]`;
    known(c, path, ['id', 'name', 'scores', 'note', 'priority']);
    text(c?.name, `${path}.name`, 100);
    text(c?.note, `${path}.note`, 1000, true);
    const scores = c?.scores ?? {};
    Object.keys(scores).forEach((id) => options.some((o) => o?.id === id) || add(`${path}.scores.${id}`, `no option has the id \`${id}\``));
    options.forEach((o) => {
      const s = scores[o?.id];
      if (s === undefined) add(`${path}.scores.${o?.id}`, 'missing: every option needs a score');
      else if (!(Number.isFinite(s) && s >= scale.min && s <= scale.max)) add(`${path}.scores.${o.id}`, `expected a number from ${scale.min} to ${scale.max}, got ${s}`);
    });
    if (c?.priority !== undefined && c?.priority !== null) level(c.priority, `${path}.priority`);
  });
  ids(criteria, 'criteria');
  const presets = spec.presets ?? [];
  if (!Array.isArray(presets)) add('presets', 'expected a list');
  else if (presets.length > MAX_PRESETS) add('presets', `expected 0 to ${MAX_PRESETS} presets, got ${presets.length}`);
  else {
    presets.forEach((preset, i) => {
      const path = `presets[${i}]`;
      known(preset, path, ['id', 'name', 'priorities']);
      text(preset?.name, `${path}.name`, 100);
      if (!isObject(preset?.priorities)) {
        add(`${path}.priorities`, 'expected an object of levels keyed by criterion id');
        return;
      }
      Object.entries(preset.priorities).forEach(([id, value]) => {
        if (!criteria.some((c) => c?.id === id)) add(`${path}.priorities.${id}`, `no criterion has the id \`${id}\``);
        else level(value, `${path}.priorities.${id}`);
      });
    });
    ids(presets, 'presets');
  }
  if (spec.cta !== undefined && spec.cta !== null) {
    known(spec.cta, 'cta', ['label', 'href', 'carry']);
    text(spec.cta.label, 'cta.label', 100);
    const href = spec.cta.href;
    if (!(typeof href === 'string' && href.length <= 2000 && !/[\s\x00-\x1f]/.test(href) && /^(https:\/\/|http:\/\/|mailto:)[^/]/i.test(href))) {
      add('cta.href', 'expected an absolute https, http or mailto link');
    }
    const carry = spec.cta.carry;
    if (carry !== undefined && carry !== null && typeof carry !== 'boolean') add('cta.carry', 'expected true or false');
  }
  return problems;
}

// ---- The DOM: build once, then write only what differs, as the Rust card does ----

/** A text node to update in place, like the Rust card's TextSlot. */
function slot(parent) {
  const node = parent.appendChild(document.createTextNode(''));
  node.__shown = '';
  return node;
}
function put(node, text) {
  if (node.__shown !== text) {
    node.__shown = text;
    node.data = text;
  }
}
function putAttribute(node, name, value) {
  const key = `__${name}`;
  if (node[key] !== value) {
    node[key] = value;
    node.setAttribute(name, value);
  }
}
/** A boolean attribute, off until first set, like the Rust card's Flag. */
function putFlag(node, name, on) {
  const key = `__${name}`;
  if ((node[key] ?? false) !== on) {
    node[key] = on;
    node.toggleAttribute(name, on);
  }
}

function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** A new element appended to `parent`, with its class, then its text. */
function el(parent, tag, className, text, attributes = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  setAttributes(node, attributes);
  return parent ? parent.appendChild(node) : node;
}

function svg(parent, tag, className, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  if (className) node.setAttribute('class', className);
  setAttributes(node, attributes);
  return parent.appendChild(node);
}

/**
 * An axis name on at most two lines of LABEL_CHARS characters, broken at the last space that
 * fits (a space just after the first line counts too); what is left after two lines is cut with "…".
 */
function labelLines(name) {
  const chars = [...name];
  if (chars.length <= LABEL_CHARS) return [name];
  let space = LABEL_CHARS;
  while (space > 0 && chars[space] !== ' ') space -= 1;
  const [end, rest] = space > 0 ? [space, space + 1] : [LABEL_CHARS, LABEL_CHARS];
  const tail = chars.slice(rest);
  const second = tail.length > LABEL_CHARS ? `${tail.slice(0, LABEL_CHARS - 1).join('')}…` : tail.join('');
  return [chars.slice(0, end).join(''), second];
}

/** An axis's labels: its name (on two lines when long), and its number, which narrow cards show instead. */
function svgText(parent, { x, y, anchor }, name, index) {
  const at = { x: fixed(x, 1), y: fixed(y, 1), 'text-anchor': anchor };
  const label = svg(parent, 'text', 'axis-name', at);
  const lines = labelLines(name);
  if (lines.length === 1) label.textContent = name;
  else lines.forEach((line, i) => { svg(label, 'tspan', '', { x: at.x, dy: i ? '1.2em' : '-0.6em' }).textContent = line; });
  svg(parent, 'text', 'axis-number', at).textContent = String(index + 1);
}

const optionClass = (base, index) => `${base} o${index + 1}`;

let sheet;

class PlainComparisonCard extends HTMLElement {
  #spec = null;
  /** Scores per criterion and option, in the spec's order. */
  #scores = [];
  #winners = [];
  #priorities = [];
  /** Each preset's priorities, criteria left out keeping the author's. */
  #presets = [];
  #preset = -1;
  #standing = null;
  #tipping = [];
  /** Each criterion's share of the lead: { leader, runnerUp, points }, or null while no option leads. */
  #shares = null;
  #refs = null;
  /** A slider moved since the last `change`: its prioritychange waits for the release. */
  #uncommitted = false;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
    }
    this.shadowRoot.adoptedStyleSheets = [sheet];
    this.shadowRoot.addEventListener('input', (event) => this.#onInput(event));
    this.shadowRoot.addEventListener('change', () => this.#onRelease());
    this.shadowRoot.addEventListener('click', (event) => this.#onClick(event));
  }

  get spec() { return this.#spec; }

  set spec(value) {
    this.#spec = value;
    this.#uncommitted = false;
    this.#render();
  }

  connectedCallback() {
    if (this.#spec === null) {
      const script = this.querySelector('script[type="application/json"]');
      try {
        this.spec = script ? JSON.parse(script.textContent) : null;
      } catch (error) {
        this.#showProblems([{ path: 'spec', message: `not valid JSON: ${error.message}` }]);
      }
    }
  }

  #showProblems(problems) {
    const lines = problems.map(({ path, message }) => `${path}: ${message}`);
    console.error(`comparison-card: this card's spec cannot be shown:\n  - ${lines.join('\n  - ')}`, this);
    const panel = el(null, 'div', 'error', undefined, { role: 'alert', part: 'error' });
    el(panel, 'p', 'error-title', "This comparison can't be shown");
    el(panel, 'p', 'error-intro', `The card's spec has ${count(problems.length, 'problem:', 'problems:')}`);
    const list = el(panel, 'ul', 'error-list');
    problems.forEach(({ path, message }) => {
      const item = el(list, 'li');
      el(item, 'code', 'error-path', path);
      item.append(': ', message);
    });
    this.shadowRoot.replaceChildren(panel);
    this.#refs = null;
  }

  #render() {
    const spec = this.#spec;
    const problems = spec === null ? [{ path: 'spec', message: 'missing' }] : validate(spec);
    if (problems.length) return this.#showProblems(problems);
    const scale = spec.scale ?? { min: 0, max: 10 };
    this.#scores = spec.criteria.map((c) => spec.options.map((o) => c.scores[o.id]));
    this.#winners = this.#scores.map(topOptions);
    const authored = spec.criteria.map((c) => c.priority ?? 3);
    this.#priorities = authored.slice();
    this.#presets = (spec.presets ?? []).map((preset) => spec.criteria.map((c, i) => preset.priorities[c.id] ?? authored[i]));
    this.#preset = -1;
    this.#recompute();

    const card = el(null, 'article', 'card', undefined, { part: 'card', 'aria-labelledby': 'title' });
    const head = el(card, 'header', 'head', undefined, { part: 'header' });
    el(head, 'h2', 'title', spec.title, { id: 'title' });
    if (spec.summary?.trim()) el(head, 'p', 'summary', spec.summary);

    const totals = el(card, 'ul', 'totals', undefined, { 'aria-label': 'Weighted scores at your priorities', part: 'totals' });
    const optionRefs = spec.options.map((o, i) => {
      const tile = el(totals, 'li', optionClass('total', i));
      const top = el(tile, 'span', 'total-top');
      el(top, 'span', 'total-name', o.name);
      const badge = slot(el(top, 'span', 'total-badge'));
      const figure = el(tile, 'span', 'total-figure');
      const value = slot(el(figure, 'span', 'total-value'));
      el(figure, 'span', 'total-max', `/${trimmed(scale.max)}`, { 'aria-hidden': 'true' });
      el(figure, 'span', 'visually-hidden', ` out of ${trimmed(scale.max)}`);
      return { tile, value, badge };
    });

    const verdictBox = el(card, 'p', 'verdict', undefined, { role: 'status', part: 'verdict' });
    const verdict = slot(verdictBox);
    // Outside the live region, like the tipping sentence.
    const why = slot(el(card, 'p', 'why', undefined, { part: 'why' }));
    const tipping = slot(el(card, 'p', 'tipping', undefined, { part: 'tipping' }));

    const tally = el(card, 'ul', 'tally', undefined, { 'aria-label': 'Criteria won at your priorities', part: 'tally' });
    const items = spec.options.map((_, i) => i);
    items.splice(spec.options.length === 2 ? 1 : spec.options.length, 0, -1);
    const tallyRefs = items.map((option) => {
      const item = el(tally, 'li', option < 0 ? 'tally-item ties' : optionClass('tally-item', option));
      const countNode = slot(el(item, 'span', 'tally-count'));
      item.append(' ');
      const label = slot(el(item, 'span', 'tally-label'));
      return { option, count: countNode, label };
    });

    const axes = this.getAttribute('chart') === 'none' ? [] : this.#buildChart(card, scale);

    const section = el(card, 'section', 'criteria', undefined, { 'aria-labelledby': 'criteria-title title' });
    el(section, 'h3', 'section-title', 'Your priorities', { id: 'criteria-title' });
    el(section, 'p', 'hint', 'Move a slider to say how much each criterion matters to you.');
    const toolbar = el(section, 'div', 'toolbar');
    let presetButtons = [];
    if (this.#presets.length) {
      const group = el(toolbar, 'div', 'presets', undefined, { role: 'group', 'aria-label': 'Preset priorities' });
      presetButtons = spec.presets.map((preset, i) => el(group, 'button', 'preset', preset.name,
        { type: 'button', part: 'preset', 'data-preset': String(i) }));
    }
    const actions = el(toolbar, 'div', 'actions');
    el(actions, 'button', 'action', 'Reset', { type: 'button', 'data-action': 'reset', 'aria-label': "Reset to the author's priorities" });

    // The result strip: the totals and badges again, sticky above the rows, for the eyes only.
    const strip = el(section, 'div', 'strip', undefined, { part: 'strip', 'aria-hidden': 'true' });
    const stripRefs = spec.options.map((o, i) => {
      const item = el(strip, 'span', optionClass('strip-option', i));
      el(item, 'span', 'strip-name', o.name);
      const figure = el(item, 'span', 'strip-figure');
      const value = slot(el(figure, 'span', 'strip-value'));
      const badge = slot(el(figure, 'span', 'strip-badge'));
      return { item, value, badge };
    });

    const rows = el(section, 'ol', 'rows');
    const rowRefs = spec.criteria.map((c, index) => {
      const row = el(rows, 'li', 'row', undefined, { part: 'row', 'data-criterion': c.id });
      const rowHead = el(row, 'div', 'row-head');
      el(rowHead, 'h4', 'row-name', c.name);
      const winners = this.#winners[index];
      el(rowHead, 'span', winners.length === 1 ? optionClass('row-winner', winners[0]) : 'row-winner tie', winnerLabel(spec, winners));
      const bars = el(row, 'ul', 'bars');
      this.#scores[index].forEach((score, i) => {
        const item = el(bars, 'li', optionClass('bar', i));
        el(item, 'span', 'bar-name', spec.options[i].name);
        const track = el(item, 'span', 'bar-track', undefined, { 'aria-hidden': 'true' });
        const fill = el(track, 'span', 'bar-fill');
        fill.style.setProperty('width', `${fixed(((score - scale.min) / (scale.max - scale.min)) * 100, 2)}%`);
        el(item, 'span', 'bar-score', trimmed(score));
      });
      if (c.note?.trim()) el(row, 'p', 'note', c.note);
      const control = el(row, 'div', 'priority');
      const slider = el(null, 'input', 'slider');
      Object.assign(slider, { type: 'range', min: '0', max: '5', step: '1' });
      setAttributes(slider, { 'data-index': String(index), 'aria-label': `Priority for ${c.name}`, part: 'slider' });
      el(control, 'span', 'priority-caption', 'Priority', { 'aria-hidden': 'true' });
      const sliderBox = el(control, 'span', 'slider-box');
      sliderBox.append(slider);
      const tick = el(sliderBox, 'span', 'tick', undefined, { 'aria-hidden': 'true' });
      tick.hidden = true;
      const level = slot(el(control, 'span', 'priority-level', undefined, { 'aria-hidden': 'true' }));
      // The row's share of the lead, in its head after the winner chip.
      const share = slot(el(rowHead, 'span', 'row-lead'));
      return { row, slider, level, share, tick, axis: axes[index], shownPriority: null, shownTick: null, sliderAt: null };
    });

    if (spec.options.some((o) => o.best_for?.length)) {
      const best = el(card, 'section', 'best', undefined, { part: 'best-for' });
      spec.options.forEach((o, i) => {
        if (!o.best_for?.length) return;
        const column = el(best, 'div', optionClass('best-option', i));
        el(column, 'h3', 'best-title', `Best for ${o.name}`);
        const list = el(column, 'ul', 'best-list');
        o.best_for.forEach((line) => el(list, 'li', '', line));
      });
    }
    let carry = null;
    if (spec.cta) {
      const foot = el(card, 'footer', 'foot');
      const link = el(foot, 'a', 'cta', spec.cta.label, { href: spec.cta.href, part: 'cta' });
      if (spec.cta.carry && canCarry(spec.cta.href)) carry = { link, href: spec.cta.href };
    }
    this.#refs = { optionRefs, verdictBox, verdict, why, tipping, strip, stripRefs, tallyRefs, presetButtons, rowRefs, carry };
    this.#update();
    this.shadowRoot.replaceChildren(card);
  }

  /** The radar (grouped bars for fewer than three criteria); returns each criterion's axis or group. */
  #buildChart(card, scale) {
    const spec = this.#spec;
    const radar = spec.criteria.length >= 3;
    const figure = el(card, 'figure', 'chart', undefined, { part: 'chart' });
    const chart = svg(figure, 'svg', radar ? 'chart-svg radar' : 'chart-svg', {
      viewBox: radar ? '-265 -135 530 270' : '0 0 400 200',
      role: 'img',
      focusable: 'false',
      'aria-label': chartSummary(spec, this.#winners, radar),
    });
    let axes;
    if (radar) {
      const directions = axisDirections(spec.criteria.length);
      // One group around the centre, which narrow cards draw larger.
      const plot = svg(chart, 'g', 'plot');
      RINGS.forEach((f) => svg(plot, 'polygon', 'ring', { points: svgPoints(directions.map(([x, y]) => [x * f * RADIUS, y * f * RADIUS])) }));
      axes = spec.criteria.map((c, i) => {
        const axis = svg(plot, 'g', 'axis');
        const [x, y] = directions[i];
        svg(axis, 'line', '', { x2: fixed(x * RADIUS, 1), y2: fixed(y * RADIUS, 1) });
        svgText(axis, axisLabel(directions[i]), c.name, i);
        return axis;
      });
      spec.options.forEach((_, j) => {
        const corners = directions.map(([x, y], i) => {
          const r = scaleFraction(this.#scores[i][j], scale) * RADIUS;
          return [x * r, y * r];
        });
        svg(plot, 'polygon', optionClass('shape', j), { points: svgPoints(corners) });
      });
    } else {
      const criteria = spec.criteria.length;
      axes = spec.criteria.map((c, i) => {
        const group = svg(chart, 'g', 'axis');
        this.#scores[i].forEach((score, j) => {
          const { x, y, width, height } = bar(i, criteria, j, spec.options.length, score, scale);
          svg(group, 'rect', optionClass('column', j), { x: fixed(x, 1), y: fixed(y, 1), width: fixed(width, 1), height: fixed(height, 1) });
        });
        svgText(group, { x: (i + 0.5) * (BARS_WIDTH / criteria), y: BARS_HEIGHT - 8, anchor: 'middle' }, c.name, i);
        return group;
      });
    }
    const legend = el(figure, 'ul', 'legend', undefined, { 'aria-hidden': 'true' });
    spec.options.forEach((o, j) => el(legend, 'li', optionClass('legend-item', j), o.name));
    // Narrow cards number the axes and name them here in full (the stylesheet shows one or the other).
    const key = el(figure, 'ol', 'axis-key', undefined, { 'aria-hidden': 'true' });
    spec.criteria.forEach((c) => el(key, 'li', '', c.name));
    return axes;
  }

  /** Totals, standing and tipping points for the current priorities. */
  #recompute() {
    this.#standing = standingOf(weightedTotals(this.#scores, this.#priorities));
    this.#tipping = tippingPoints(this.#scores, this.#priorities, this.#standing.leader);
    this.#shares = sharesOf(this.#scores, this.#priorities, this.#standing);
  }

  /** Brings the DOM in line with the state, writing only what differs from what is shown. */
  #update() {
    const spec = this.#spec;
    const standing = this.#standing;
    const priorities = this.#priorities;
    const shares = this.#shares;
    const { optionRefs, verdictBox, verdict, why, tipping, strip, stripRefs, tallyRefs, presetButtons, rowRefs, carry } = this.#refs;
    const close = standing.leader >= 0 && isCloseCall(standing.margin, spec.scale ?? { min: 0, max: 10 });
    optionRefs.forEach((ref, j) => {
      const value = standing.totals ? fixed(standing.totals[j], 1) : '–';
      const leads = standing.leader === j;
      const badge = leads ? 'Leader' : standing.leader < 0 && standing.tied.includes(j) ? 'Tied' : '';
      put(ref.value, value);
      put(ref.badge, badge);
      putFlag(ref.tile, 'data-leader', leads);
      const stripRef = stripRefs[j];
      put(stripRef.value, value);
      put(stripRef.badge, leads && close ? 'Narrow lead' : badge);
      putFlag(stripRef.item, 'data-leader', leads);
    });
    put(verdict, (close ? 'Close call: ' : '') + verdictText(spec, standing));
    putFlag(verdictBox, 'data-close', close);
    put(why, whyText(spec, shares));
    putFlag(strip, 'data-close', close);
    put(tipping, tippingText(spec, closest(this.#tipping, priorities), priorities));
    presetButtons.forEach((button, i) => putAttribute(button, 'aria-pressed', String(i === this.#preset)));

    const wins = spec.options.map(() => 0);
    let ties = 0;
    this.#winners.forEach((w, i) => {
      if (!priorities[i]) return;
      if (w.length === 1) wins[w[0]] += 1; else ties += 1;
    });
    tallyRefs.forEach((ref) => {
      const n = ref.option < 0 ? ties : wins[ref.option];
      put(ref.count, String(n));
      put(ref.label, ref.option < 0 ? (n === 1 ? 'tie' : 'ties') : `${n === 1 ? 'win' : 'wins'} for ${spec.options[ref.option].name}`);
    });

    let next = 0;
    rowRefs.forEach((ref, i) => {
      const point = this.#tipping[next];
      const tick = point?.criterion === i ? point.at : null;
      if (tick !== null) next += 1;
      put(ref.share, rowShareText(shares?.points[i], priorities[i]));
      if (ref.shownTick !== tick) {
        // A hidden tick keeps no position.
        if (tick !== null) ref.tick.style.setProperty('--at', String(tick));
        else ref.tick.style.removeProperty('--at');
        ref.tick.hidden = tick === null;
        ref.shownTick = tick;
      }
      const p = priorities[i];
      if (ref.shownPriority === p) return;
      // Like the Rust card: the slider the visitor moved already shows its value.
      if (ref.sliderAt !== p) {
        ref.slider.valueAsNumber = p;
        ref.sliderAt = p;
      }
      ref.slider.setAttribute('aria-valuetext', LEVELS[p]);
      put(ref.level, LEVELS[p]);
      putFlag(ref.row, 'data-ignored', p === 0);
      ref.axis?.setAttribute('data-level', String(p));
      ref.shownPriority = p;
    });

    if (carry) {
      const keyed = spec.criteria.map((c, i) => `${c.id}:${priorities[i]}`).join(',');
      const leader = standing.leader >= 0 ? spec.options[standing.leader].id : null;
      putAttribute(carry.link, 'href', carriedHref(carry.href, leader, keyed));
    }
  }

  /** What every event carries. */
  #detail() {
    const spec = this.#spec;
    const { totals, leader } = this.#standing;
    return {
      priorities: Object.fromEntries(spec.criteria.map((c, i) => [c.id, this.#priorities[i]])),
      totals: Object.fromEntries(spec.options.map((o, j) => [o.id, totals ? hundredths(totals[j]) / 100 : null])),
      leader: leader >= 0 ? spec.options[leader].id : null,
      preset: this.#preset >= 0 ? spec.presets[this.#preset].id : null,
      tipping: this.#tipping.map((p) => ({ criterion: spec.criteria[p.criterion].id, at: p.at, leader: spec.options[p.leader].id })),
      contributions: this.#shares
        ? Object.fromEntries(spec.criteria.map((c, i) => [c.id, hundredths(this.#shares.points[i]) / 100])) : null,
    };
  }

  #dispatch(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  }

  /**
   * The priorities moved: patch, then prioritychange (unless a slider is still held: then it
   * waits for `change`), and verdictchange when the result changed. Each event its own detail.
   */
  #changed(committed) {
    const before = this.#standing.key;
    this.#recompute();
    this.#update();
    const spec = this.#spec;
    if (committed) this.#dispatch('prioritychange', this.#detail());
    // A page listener may have replaced the spec meanwhile; then this verdict is stale.
    if (this.#standing.key !== before && this.#spec === spec) this.#dispatch('verdictchange', this.#detail());
  }

  #onRelease() {
    if (!this.#uncommitted || !this.#refs) return;
    this.#uncommitted = false;
    this.#dispatch('prioritychange', this.#detail());
  }

  #onInput(event) {
    const slider = event.target;
    if (!this.#refs || slider.dataset?.index === undefined) return;
    const index = Number(slider.dataset.index);
    const value = slider.valueAsNumber;
    if (!Number.isFinite(value) || !(index in this.#priorities)) return;
    const level = Math.trunc(Math.min(MAX_PRIORITY, Math.max(0, value)));
    if (this.#priorities[index] === level) return;
    this.#priorities[index] = level;
    this.#preset = -1;
    this.#refs.rowRefs[index].sliderAt = level;
    this.#uncommitted = true;
    this.#changed(false);
  }

  /** Preset buttons, Reset, and the call to action. */
  #onClick(event) {
    const control = event.target.closest?.('button, a');
    if (!this.#refs || !control) return;
    if (control.tagName === 'A') {
      // Sent now, while the browser has not yet followed the link.
      this.#dispatch('ctaclick', this.#detail());
      return;
    }
    let preset;
    let target;
    if (control.dataset.preset !== undefined) {
      preset = Number(control.dataset.preset);
      target = this.#presets[preset];
      if (!target) return;
    } else if (control.dataset.action === 'reset') {
      preset = -1;
      target = this.#spec.criteria.map((c) => c.priority ?? 3);
    } else {
      return;
    }
    const moved = target.some((p, i) => p !== this.#priorities[i]);
    const presetChanged = preset !== this.#preset;
    this.#preset = preset;
    if (moved) {
      this.#priorities = target.slice();
      this.#changed(true);
    } else if (presetChanged) {
      this.#update();
    }
  }
}

if (!customElements.get('plain-comparison-card')) customElements.define('plain-comparison-card', PlainComparisonCard);
