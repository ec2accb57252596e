// The form: every part of a spec as labelled fields, drawn from the studio's state. Each field
// carries the validator path it edits (`data-path`), so a problem can be shown beside it.
// `edit(field, apply)` is how a field changes the state: `apply(value)` returns true when the
// form must be drawn again (a list changed, or an id that other fields use).

import { h, fieldId } from './dom.js';
import * as model from './model.js';

const LEVELS = ['Ignore', 'Minor', 'Moderate', 'Important', 'High', 'Critical'];

/** Builds the whole form into `root` from `state`; `actions` has `edit` and `structural`. */
export function drawForm(root, state, actions, labelList) {
  const { spec, element } = state;
  root.replaceChildren(
    cardSection(spec, actions),
    optionsSection(spec, actions),
    criteriaSection(spec, actions),
    presetsSection(spec, actions),
    ctaSection(spec, actions),
    labelsSection(spec, element, actions, labelList),
    embeddingSection(element, actions),
  );
}

function section(id, title, ...children) {
  return h('section', { class: 'panel', 'aria-labelledby': `${id}-heading`, id }, h('h2', { id: `${id}-heading` }, title), ...children);
}

/** A labelled text field (`input`, or `textarea` when `multiline`) editing `path`. */
function textField(label, path, value, onValue, options = {}) {
  const id = fieldId(path);
  const hintId = options.hint ? `${id}-hint` : null;
  const control = h(options.multiline ? 'textarea' : 'input', {
    id,
    'data-path': path,
    type: options.multiline ? null : options.type || 'text',
    inputmode: options.inputmode,
    rows: options.multiline ? options.rows || 3 : null,
    placeholder: options.placeholder,
    autocomplete: 'off',
    spellcheck: options.spellcheck === false ? 'false' : null,
    'aria-describedby': hintId,
    value: value ?? '',
  });
  control.studioEdit = onValue;
  return h(
    'div',
    { class: `field${options.wide ? ' wide' : ''}` },
    h('label', { for: id }, label),
    options.hint ? h('p', { class: 'hint', id: hintId }, options.hint) : null,
    control,
  );
}

function checkbox(label, id, checked, onValue, path) {
  const control = h('input', { type: 'checkbox', id, checked, 'data-path': path });
  control.studioEdit = onValue;
  return h('div', { class: 'field check' }, control, h('label', { for: id }, label));
}

function button(label, onClick, attributes = {}) {
  return h('button', { type: 'button', ...attributes, on: { click: onClick } }, label);
}

function cardSection(spec, { edit }) {
  return section(
    'card-fields',
    'Card',
    textField('Title', 'title', spec.title, edit((v) => (spec.title = v)), { wide: true, hint: 'Shown at the top of the card; up to 200 characters.' }),
    textField('Summary (optional)', 'summary', spec.summary, edit((v) => (spec.summary = v)), { multiline: true, wide: true }),
    h(
      'fieldset',
      { class: 'row-fields', 'data-path': 'scale', id: fieldId('scale') },
      h('legend', {}, 'Score scale (optional, 0 to 10 when left blank)'),
      textField('Lowest score', 'scale.min', spec.scale.min, edit((v) => (spec.scale.min = model.numberOrText(v))), { inputmode: 'decimal', placeholder: '0' }),
      textField('Highest score', 'scale.max', spec.scale.max, edit((v) => (spec.scale.max = model.numberOrText(v))), { inputmode: 'decimal', placeholder: '10' }),
    ),
  );
}

function optionsSection(spec, { edit, structural }) {
  const [min, max] = model.LIMITS.options;
  const items = spec.options.map((option, index) => {
    const path = `options[${index}]`;
    const name = option.name.trim() || `Option ${index + 1}`;
    return h(
      'fieldset',
      { class: 'item', 'data-path': path, id: fieldId(path) },
      h('legend', {}, `Option ${index + 1}`),
      textField('Name', `${path}.name`, option.name, edit((v) => (model.setName(spec, 'options', index)(v), true))),
      textField('Id', `${path}.id`, option.id, edit((v) => (model.setId(spec, 'options', index, v), true)), {
        hint: 'Letters, digits, - and _; follows the name until you change it.',
        spellcheck: false,
      }),
      textField('Best for (one per line, up to 8)', `${path}.best_for`, option.best_for.join('\n'), edit((v) => {
        option.best_for = v.split('\n').filter((line) => line.trim() !== '');
      }), { multiline: true, wide: true }),
      h(
        'div',
        { class: 'item-actions' },
        button('Move up', structural(() => model.move(spec, 'options', index, -1)), { disabled: index === 0, 'aria-label': `Move up: ${name}` }),
        button('Move down', structural(() => model.move(spec, 'options', index, 1)), { disabled: index === spec.options.length - 1, 'aria-label': `Move down: ${name}` }),
        button('Remove', structural(() => model.removeAt(spec, 'options', index)), { disabled: spec.options.length <= min, 'aria-label': `Remove: ${name}` }),
      ),
    );
  });
  return section(
    'options-fields',
    `Options (${min} to ${max})`,
    h('div', { 'data-path': 'options', id: fieldId('options') }, ...items),
    button('Add option', structural(() => spec.options.push(model.newOption(model.nextNumber(spec.options, 'option')))), {
      disabled: spec.options.length >= max,
      id: 'add-option',
    }),
  );
}

function criteriaSection(spec, { edit, structural }) {
  const [, max] = model.LIMITS.criteria;
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'name-head' }, 'Criterion'),
    ...spec.options.map((option, index) => h('th', { scope: 'col', class: 'score-head' }, option.name.trim() || `Option ${index + 1}`)),
    h('th', { scope: 'col' }, 'Priority 0–5'),
    h('th', { scope: 'col' }, 'Note'),
    h('th', { scope: 'col' }, 'Id'),
    h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Move or remove')),
  );
  const rows = spec.criteria.map((criterion, row) => {
    const path = `criteria[${row}]`;
    const name = criterion.name.trim() || `criterion ${row + 1}`;
    let column = 0;
    const cell = (label, fieldPath, value, apply, extra = {}) => {
      const id = fieldId(fieldPath);
      const control = h('input', {
        id,
        type: 'text',
        'data-path': fieldPath,
        'data-row': row,
        'data-col': column++,
        'aria-label': label,
        autocomplete: 'off',
        value: value ?? '',
        ...extra,
      });
      control.studioEdit = edit(apply);
      return h('td', { class: extra.class === 'name' ? 'name-cell' : null }, control);
    };
    return h(
      'tr',
      { 'data-path': path, id: fieldId(path) },
      cell(`Name of criterion ${row + 1}`, `${path}.name`, criterion.name, (v) => (model.setName(spec, 'criteria', row)(v), true), { class: 'name' }),
      ...spec.options.map((option, index) =>
        cell(
          `${option.name.trim() || `Option ${index + 1}`} score for ${name}`,
          `${path}.scores.${option.id}`,
          criterion.scores[option.id],
          (v) => {
            criterion.scores[option.id] = model.numberOrText(v);
          },
          { inputmode: 'decimal', class: 'score', 'data-option': index },
        ),
      ),
      cell(`Priority for ${name}, 0 to 5 (3 when blank)`, `${path}.priority`, criterion.priority, (v) => {
        criterion.priority = model.numberOrText(v);
      }, { inputmode: 'numeric', placeholder: '3', class: 'priority' }),
      cell(`Note for ${name}`, `${path}.note`, criterion.note, (v) => {
        criterion.note = v;
      }, { class: 'note' }),
      // Ids last: the studio makes them from the names, and few authors need to see them.
      cell(`Id of ${name}`, `${path}.id`, criterion.id, (v) => (model.setId(spec, 'criteria', row, v), true), { spellcheck: 'false', class: 'id-cell' }),
      h(
        'td',
        { class: 'row-actions' },
        button('Up', structural(() => model.move(spec, 'criteria', row, -1)), { disabled: row === 0, 'aria-label': `Move up: ${name}` }),
        button('Down', structural(() => model.move(spec, 'criteria', row, 1)), { disabled: row === spec.criteria.length - 1, 'aria-label': `Move down: ${name}` }),
        button('Remove', structural(() => model.removeAt(spec, 'criteria', row)), { disabled: spec.criteria.length <= 1, 'aria-label': `Remove: ${name}` }),
      ),
    );
  });
  return section(
    'criteria-fields',
    `Criteria and scores (1 to ${max})`,
    h(
      'p',
      { class: 'hint', id: 'grid-help' },
      'Works like a spreadsheet: arrow keys and Enter move between cells (Enter on the last row adds one). ',
      'Paste cells copied from a spreadsheet, or CSV: with option names in the first row and criterion names ',
      'in the first column they replace the table; numbers alone fill the cells from the one you are in.',
    ),
    h('p', { class: 'message', id: 'grid-message', role: 'alert' }),
    h(
      'div',
      { class: 'grid-scroll', role: 'group', 'aria-labelledby': 'criteria-fields-heading', 'aria-describedby': 'grid-help', 'data-path': 'criteria', id: fieldId('criteria') },
      h('table', { class: 'grid', id: 'score-grid' }, h('thead', {}, head), h('tbody', {}, ...rows)),
    ),
    button('Add criterion', structural(() => spec.criteria.push(model.newCriterion(model.nextNumber(spec.criteria, 'criterion')))), {
      disabled: spec.criteria.length >= max,
      id: 'add-criterion',
    }),
  );
}

function presetsSection(spec, { edit, structural }) {
  const items = spec.presets.map((preset, index) => {
    const path = `presets[${index}]`;
    const levels = spec.criteria.map((criterion, row) => {
      const levelPath = `${path}.priorities.${criterion.id}`;
      const id = fieldId(levelPath);
      const current = preset.priorities[criterion.id];
      const select = h(
        'select',
        { id, 'data-path': levelPath },
        h('option', { value: '', selected: current === undefined || current === '' }, "Author's priority"),
        ...LEVELS.map((level, n) => h('option', { value: String(n), selected: current === n }, `${n} ${level}`)),
      );
      select.studioEdit = edit((v) => {
        if (v === '') delete preset.priorities[criterion.id];
        else preset.priorities[criterion.id] = Number(v);
      });
      return h('div', { class: 'field' }, h('label', { for: id }, criterion.name.trim() || `Criterion ${row + 1}`), select);
    });
    return h(
      'fieldset',
      { class: 'item', 'data-path': path, id: fieldId(path) },
      h('legend', {}, `Preset ${index + 1}`),
      textField('Button label', `${path}.name`, preset.name, edit((v) => (model.setName(spec, 'presets', index)(v), true))),
      textField('Id', `${path}.id`, preset.id, edit((v) => ((preset.id = v), true)), { spellcheck: false }),
      h('div', { class: 'levels', 'data-path': `${path}.priorities`, id: fieldId(`${path}.priorities`) }, ...levels),
      h('div', { class: 'item-actions' }, button('Remove preset', structural(() => model.removeAt(spec, 'presets', index)), { 'aria-label': `Remove preset: ${preset.name.trim() || index + 1}` })),
    );
  });
  return section(
    'presets-fields',
    'Presets (optional, up to 8)',
    h('p', { class: 'hint' }, 'Named sets of priorities, shown as buttons above the sliders.'),
    h('div', { 'data-path': 'presets', id: fieldId('presets') }, ...items),
    button('Add preset', structural(() => spec.presets.push(model.newPreset(model.nextNumber(spec.presets, 'preset')))), {
      disabled: spec.presets.length >= model.LIMITS.presets,
      id: 'add-preset',
    }),
  );
}

function ctaSection(spec, { edit }) {
  return section(
    'cta-fields',
    'Call to action (optional)',
    h(
      'div',
      { 'data-path': 'cta', id: fieldId('cta') },
      textField('Button text', 'cta.label', spec.cta.label, edit((v) => (spec.cta.label = v))),
      textField('Link', 'cta.href', spec.cta.href, edit((v) => (spec.cta.href = v)), { type: 'url', placeholder: 'https://…', hint: 'An absolute https, http or mailto link.' }),
      checkbox("Carry the visitor's leader and priorities in the link (cc_leader, cc_priorities)", fieldId('cta.carry'), spec.cta.carry, edit((v) => (spec.cta.carry = v)), 'cta.carry'),
    ),
  );
}

function labelsSection(spec, element, { edit }, labelList) {
  const levels = Array.isArray(spec.labels.levels) ? spec.labels.levels : [];
  const levelFields = model.LEVELS_COUNT.map((n) =>
    textField(`Level ${n}`, `labels.levels[${n}]`, levels[n] ?? '', edit((v) => {
      const list = Array.isArray(spec.labels.levels) ? spec.labels.levels : ['', '', '', '', '', ''];
      list[n] = v;
      spec.labels.levels = list;
    }), { placeholder: LEVELS[n] }),
  );
  const labelFields = labelList.map((label) =>
    textField(label.key, `labels.${label.key}`, spec.labels[label.key] ?? '', edit((v) => (spec.labels[label.key] = v)), {
      placeholder: label.english,
      wide: true,
      hint: label.placeholders.length ? `English: “${label.english}”; may use ${label.placeholders.map((p) => `{${p}}`).join(', ')}` : `English: “${label.english}”`,
    }),
  );
  return section(
    'labels-fields',
    'Language and labels (optional)',
    textField('Language of the card (lang attribute, e.g. de)', 'element.lang', element.lang, edit((v) => (element.lang = v)), {
      hint: 'Numbers follow it: de writes 8,5. Blank: the page’s language.',
      spellcheck: false,
    }),
    h(
      'details',
      {},
      h('summary', {}, 'Replace the card’s fixed texts'),
      h('p', { class: 'hint' }, 'Leave a field blank to keep the English text shown in it.'),
      h('fieldset', { class: 'row-fields', 'data-path': 'labels.levels', id: fieldId('labels.levels') }, h('legend', {}, 'Priority level names (all six, or none)'), ...levelFields),
      h('div', { 'data-path': 'labels', id: fieldId('labels') }, ...labelFields),
    ),
  );
}

function embeddingSection(element, { edit }) {
  return section(
    'embedding-fields',
    'On the page',
    textField('Element id (names the card in links and storage)', 'element.id', element.id, edit((v) => (element.id = v)), { spellcheck: false }),
    textField('Folder the card’s two files are served from', 'element.base', element.base, edit((v) => (element.base = v)), {
      hint: 'comparison-card.js and comparison-card.wasm, side by side.',
      spellcheck: false,
    }),
    checkbox('Share: keep the priorities in the page address, with a Copy link button', 'f-element-share', element.share, edit((v) => (element.share = v))),
    checkbox('Persist: remember the priorities on the visitor’s next visit', 'f-element-persist', element.persist, edit((v) => (element.persist = v))),
    checkbox('Show the chart', 'f-element-chart', element.chart, edit((v) => (element.chart = v))),
  );
}
