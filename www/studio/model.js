// The studio's model: the spec being built (in the card's own shape), the element's attributes,
// and the rules that keep ids and score keys consistent while the author edits names and lists.
// Nothing here touches the page.

export const LIMITS = { options: [2, 6], criteria: [1, 30], presets: 8, bestFor: 8 };
export const LEVELS_COUNT = [0, 1, 2, 3, 4, 5];

/** What a new studio starts from: two unnamed options and one unnamed criterion. */
export function emptyState() {
  return {
    spec: {
      title: '',
      summary: '',
      scale: { min: '', max: '' },
      options: [newOption(1), newOption(2)],
      criteria: [newCriterion(1)],
      presets: [],
      cta: { label: '', href: '', carry: false },
      labels: {},
    },
    element: { id: '', lang: '', share: false, persist: false, chart: true, base: '/assets/comparison-card/' },
  };
}

export function newOption(number) {
  return { id: `option-${number}`, name: '', best_for: [] };
}

export function newCriterion(number) {
  return { id: `criterion-${number}`, name: '', scores: {}, note: '', priority: '' };
}

export function newPreset(number) {
  return { id: `preset-${number}`, name: '', priorities: {} };
}

/** An id from a name: lower case ASCII letters, digits and `-`, at most 40 characters. */
export function slug(name, fallback) {
  const text = String(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return text || fallback;
}

/** `slug(name)`, made unique among `items` other than `self` with `-2`, `-3`… */
export function uniqueSlug(name, items, self, fallback) {
  const taken = new Set(items.filter((item) => item !== self).map((item) => item.id));
  const base = slug(name, fallback);
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base.slice(0, 36)}-${n}`;
  return id;
}

/** Whether an id was made by the studio (and so follows its item's name). */
export function isAutomaticId(item, items, fallback) {
  return /^(option|criterion|preset)-\d+$/.test(item.id) || item.id === '' || item.id === uniqueSlug(item.name, items, item, fallback);
}

/** A typed number, or the text itself, so that the card's validator names what is wrong. */
export function numberOrText(text) {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) && /^[-+]?[0-9.,]+$/.test(trimmed) ? value : trimmed;
}

/** The option's id changed: every criterion's score follows it. */
export function renameOption(spec, oldId, newId) {
  if (oldId === newId) return;
  for (const criterion of spec.criteria) {
    if (Object.hasOwn(criterion.scores, oldId)) {
      criterion.scores[newId] = criterion.scores[oldId];
      delete criterion.scores[oldId];
    }
  }
}

/** The criterion's id changed: every preset's priority for it follows. */
export function renameCriterion(spec, oldId, newId) {
  if (oldId === newId) return;
  for (const preset of spec.presets) {
    if (Object.hasOwn(preset.priorities, oldId)) {
      preset.priorities[newId] = preset.priorities[oldId];
      delete preset.priorities[oldId];
    }
  }
}

/** Sets an item's name, its id following while it is still the studio's own. */
export function setName(spec, list, index) {
  return (name) => {
    const items = spec[list];
    const item = items[index];
    const fallback = list === 'options' ? 'option' : list === 'criteria' ? 'criterion' : 'preset';
    const follows = isAutomaticId(item, items, fallback);
    item.name = name;
    if (follows && name.trim() !== '') setId(spec, list, index, uniqueSlug(name, items, item, fallback));
  };
}

export function setId(spec, list, index, id) {
  const item = spec[list][index];
  const old = item.id;
  item.id = id;
  if (list === 'options') renameOption(spec, old, id);
  if (list === 'criteria') renameCriterion(spec, old, id);
}

export function removeAt(spec, list, index) {
  const [removed] = spec[list].splice(index, 1);
  if (list === 'options') for (const c of spec.criteria) delete c.scores[removed.id];
  if (list === 'criteria') for (const p of spec.presets) delete p.priorities[removed.id];
}

export function move(spec, list, index, by) {
  const items = spec[list];
  const to = index + by;
  if (to < 0 || to >= items.length) return false;
  [items[index], items[to]] = [items[to], items[index]];
  return true;
}

/** A free `option-N` (or criterion, preset) number. */
export function nextNumber(items, prefix) {
  let n = items.length + 1;
  while (items.some((item) => item.id === `${prefix}-${n}`)) n += 1;
  return n;
}

/**
 * A pasted table (from the studio's wasm: option names, criteria with names, scores and, where the
 * table has those columns, notes and priorities) in place
 * of the grid. Options and criteria whose names match keep their ids, best-for lines, notes and
 * priorities; presets forget criteria that are gone.
 */
export function applyTable(spec, table) {
  const byName = (items) => new Map(items.map((item) => [item.name.trim().toLowerCase(), item]));
  const oldOptions = byName(spec.options);
  const options = [];
  for (const name of table.options) {
    const old = oldOptions.get(name.toLowerCase());
    const option = old ? { ...old, name } : { id: '', name, best_for: [] };
    option.id = old ? old.id : uniqueSlug(name, options, option, 'option');
    options.push(option);
  }
  const oldCriteria = byName(spec.criteria);
  const criteria = [];
  for (const row of table.criteria) {
    const old = oldCriteria.get(row.name.toLowerCase());
    const criterion = old ? { ...old, name: row.name } : { ...newCriterion(0), name: row.name };
    criterion.id = old ? old.id : uniqueSlug(row.name, criteria, criterion, 'criterion');
    criterion.scores = Object.fromEntries(options.map((option, i) => [option.id, row.scores[i]]));
    // A table with a Note or Priority column sets them; without one, a matching row keeps its own.
    if (row.note !== undefined) criterion.note = row.note;
    if (row.priority !== undefined) criterion.priority = row.priority ?? '';
    criteria.push(criterion);
  }
  const kept = new Set(criteria.map((c) => c.id));
  for (const preset of spec.presets) {
    for (const id of Object.keys(preset.priorities)) if (!kept.has(id)) delete preset.priorities[id];
  }
  spec.options = options;
  spec.criteria = criteria;
}

const isBlank = (value) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The spec as the card reads it: blank optional fields left out (never items of a list, so the
 * validator's paths still name the form's fields). `schema` adds `$schema` for a download.
 */
export function exportSpec(spec, schema) {
  const out = {};
  if (schema) out.$schema = schema;
  out.title = spec.title;
  if (!isBlank(spec.summary)) out.summary = spec.summary;
  if (!isBlank(spec.scale.min) || !isBlank(spec.scale.max)) {
    out.scale = { min: isBlank(spec.scale.min) ? 0 : spec.scale.min, max: isBlank(spec.scale.max) ? 10 : spec.scale.max };
  }
  out.options = spec.options.map((option) => {
    const o = { id: option.id, name: option.name };
    if (option.best_for.length > 0) o.best_for = [...option.best_for];
    return o;
  });
  out.criteria = spec.criteria.map((criterion) => {
    const c = { id: criterion.id, name: criterion.name, scores: {} };
    for (const option of spec.options) {
      const score = criterion.scores[option.id];
      if (!isBlank(score)) c.scores[option.id] = score;
    }
    if (!isBlank(criterion.note)) c.note = criterion.note;
    if (!isBlank(criterion.priority)) c.priority = criterion.priority;
    return c;
  });
  if (spec.presets.length > 0) {
    out.presets = spec.presets.map((preset) => {
      const priorities = {};
      for (const criterion of spec.criteria) {
        const level = preset.priorities[criterion.id];
        if (!isBlank(level)) priorities[criterion.id] = level;
      }
      return { id: preset.id, name: preset.name, priorities };
    });
  }
  const labels = {};
  for (const [key, value] of Object.entries(spec.labels)) {
    if (key === 'levels') {
      if (Array.isArray(value) && value.some((level) => !isBlank(level))) labels.levels = [...value];
    } else if (!isBlank(value)) {
      labels[key] = value;
    }
  }
  if (Object.keys(labels).length > 0) out.labels = labels;
  if (!isBlank(spec.cta.label) || !isBlank(spec.cta.href)) {
    out.cta = { label: spec.cta.label, href: spec.cta.href };
    if (spec.cta.carry) out.cta.carry = true;
  }
  return out;
}

/**
 * A spec from outside (a file, pasted JSON, `?src=`) in the studio's shape. Fields the form has no
 * place for are refused with a message, so nothing is silently dropped; mistakes the form can
 * hold (a blank name, a score out of range) are kept for the validator to show.
 */
export function importSpec(value) {
  const problem = (message) => {
    throw new Error(message);
  };
  const object = (v, what) => (v && typeof v === 'object' && !Array.isArray(v) ? v : problem(`${what} is not an object`));
  const list = (v, what) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : problem(`${what} is not a list`));
  const text = (v, what) =>
    v === undefined || v === null ? '' : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : problem(`${what} is not text`);
  const scalar = (v, what) =>
    v === undefined || v === null ? '' : typeof v === 'number' || typeof v === 'string' ? v : problem(`${what} is not a number`);
  const known = (o, fields, what) => {
    for (const key of Object.keys(o)) if (!fields.includes(key)) problem(`${what} has a field the card does not know: ${key}`);
  };
  const input = object(value, 'the spec');
  known(input, ['$schema', 'title', 'summary', 'scale', 'options', 'criteria', 'presets', 'labels', 'cta'], 'the spec');
  const state = emptyState();
  const spec = state.spec;
  spec.title = text(input.title, 'title');
  spec.summary = text(input.summary, 'summary');
  if (input.scale !== undefined && input.scale !== null) {
    const scale = object(input.scale, 'scale');
    known(scale, ['min', 'max'], 'scale');
    spec.scale = { min: scalar(scale.min, 'scale.min'), max: scalar(scale.max, 'scale.max') };
  }
  spec.options = list(input.options, 'options').map((o, i) => {
    const option = object(o, `options[${i}]`);
    known(option, ['id', 'name', 'best_for'], `options[${i}]`);
    return {
      id: text(option.id, `options[${i}].id`),
      name: text(option.name, `options[${i}].name`),
      best_for: list(option.best_for, `options[${i}].best_for`).map((line, j) => text(line, `options[${i}].best_for[${j}]`)),
    };
  });
  spec.criteria = list(input.criteria, 'criteria').map((c, i) => {
    const criterion = object(c, `criteria[${i}]`);
    known(criterion, ['id', 'name', 'scores', 'note', 'priority'], `criteria[${i}]`);
    const scores = criterion.scores === undefined || criterion.scores === null ? {} : object(criterion.scores, `criteria[${i}].scores`);
    return {
      id: text(criterion.id, `criteria[${i}].id`),
      name: text(criterion.name, `criteria[${i}].name`),
      scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, scalar(v, `criteria[${i}].scores.${k}`)])),
      note: text(criterion.note, `criteria[${i}].note`),
      priority: scalar(criterion.priority, `criteria[${i}].priority`),
    };
  });
  spec.presets = list(input.presets, 'presets').map((p, i) => {
    const preset = object(p, `presets[${i}]`);
    known(preset, ['id', 'name', 'priorities'], `presets[${i}]`);
    const priorities = preset.priorities === undefined || preset.priorities === null ? {} : object(preset.priorities, `presets[${i}].priorities`);
    return {
      id: text(preset.id, `presets[${i}].id`),
      name: text(preset.name, `presets[${i}].name`),
      priorities: Object.fromEntries(Object.entries(priorities).map(([k, v]) => [k, scalar(v, `presets[${i}].priorities.${k}`)])),
    };
  });
  if (input.labels !== undefined && input.labels !== null) {
    const labels = object(input.labels, 'labels');
    for (const [key, v] of Object.entries(labels)) {
      spec.labels[key] = key === 'levels' ? list(v, 'labels.levels').map((level, j) => text(level, `labels.levels[${j}]`)) : text(v, `labels.${key}`);
    }
  }
  if (input.cta !== undefined && input.cta !== null) {
    const cta = object(input.cta, 'cta');
    known(cta, ['label', 'href', 'carry'], 'cta');
    spec.cta = { label: text(cta.label, 'cta.label'), href: text(cta.href, 'cta.href'), carry: cta.carry === true };
  }
  return state;
}
