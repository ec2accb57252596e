// The studio: state, undo and redo, the saved draft, problems from the card's own validator, the
// live preview, paste, import and export. The form itself is drawn by form.js.

import init, * as wasm from './studio.js';
import { h, fieldId } from './dom.js';
import { drawForm } from './form.js';
import { gridKeydown } from './grid.js';
import * as model from './model.js';

const DRAFT_KEY = 'comparison-card-studio:draft';
const SCHEMA = 'comparison-card.schema.json';
const HISTORY_LIMIT = 200;

const form = document.getElementById('form');
// The preview is made here, its spec set before it joins the page, so it never starts empty.
const card = document.createElement('comparison-card');
const status = document.getElementById('status');

let state = model.emptyState();
let problems = [];
let labelList = [];
const history = { past: [], future: [], current: '', lastKey: null };

function say(message) {
  status.textContent = message;
}

function showMessage(id, message) {
  const element = document.getElementById(id);
  element.textContent = message;
  element.hidden = message === '';
  // A refusal also takes away the status line's last import or paste, which no longer describes
  // what just happened (other notices stay); a success clears the refusals of earlier tries.
  if (!message) {
    for (const other of ['grid-message', 'import-message']) document.getElementById(other).hidden = true;
  } else if (/^(Imported|Pasted) /.test(status.textContent)) {
    say('');
  }
}

// ---- Text the snippets and the download are made from ----

function specText(schema) {
  return `${JSON.stringify(model.exportSpec(state.spec, schema ? SCHEMA : undefined), null, 2)}\n`;
}

// ---- After every change ----

/** Validates, marks problems, updates the preview and saves the draft. */
function refresh() {
  problems = JSON.parse(wasm.problems(specText(false)));
  markProblems();
  updatePreview();
  saveDraft();
  document.getElementById('undo').disabled = history.past.length === 0;
  document.getElementById('redo').disabled = history.future.length === 0;
}

function record(key) {
  const snapshot = JSON.stringify(state);
  if (snapshot === history.current) return;
  // Typing in one field is one step; a new field, or any button, starts the next.
  if (!(key && key === history.lastKey && history.past.length > 0)) {
    history.past.push(history.current);
    if (history.past.length > HISTORY_LIMIT) history.past.shift();
  }
  history.current = snapshot;
  history.future = [];
  history.lastKey = key;
}

function restore(snapshot, message) {
  state = JSON.parse(snapshot);
  history.current = snapshot;
  history.lastKey = null;
  redraw();
  refresh();
  say(message);
}

function undo() {
  if (history.past.length === 0) return say('Nothing to undo.');
  history.future.push(history.current);
  restore(history.past.pop(), 'Undone.');
}

function redo() {
  if (history.future.length === 0) return say('Nothing to redo.');
  history.past.push(history.current);
  restore(history.future.pop(), 'Redone.');
}

/** Draws the form again, keeping the focus (and the caret) in the field that had it. */
function redraw() {
  const active = document.activeElement;
  const id = active && form.contains(active) ? active.id : null;
  const selection = id && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
  drawForm(form, state, actions, labelList);
  const again = id && document.getElementById(id);
  if (again) {
    again.focus({ preventScroll: true });
    if (selection && typeof again.setSelectionRange === 'function') {
      try {
        again.setSelectionRange(...selection);
      } catch {
        // Fields without a caret (number, checkbox) have none to restore.
      }
    }
  }
}

const actions = {
  /** A field's edit: `apply(value)` changes the state; true asks for the form to be redrawn. */
  edit: (apply) => apply,
  /** A button's change to the lists: `change()` edits the state, false means nothing changed. */
  structural: (change) => () => {
    if (change() === false) return;
    record(null);
    redraw();
    refresh();
  },
};

form.addEventListener('input', (event) => {
  const field = event.target;
  if (typeof field.studioEdit !== 'function') return;
  const value = field.type === 'checkbox' ? field.checked : field.value;
  const redrawNeeded = field.studioEdit(value) === true;
  record(field.id);
  if (redrawNeeded) redraw();
  refresh();
});
form.addEventListener('change', () => {
  // A field left (or a box ticked) closes its step: typing there again later is a new one.
  history.lastKey = null;
});
form.addEventListener('submit', (event) => event.preventDefault());

// ---- Problems beside their fields, and in the list ----

/** The form element for a validator path, or for the nearest path above it that has one. */
function fieldFor(path) {
  let current = path;
  while (current) {
    const element = document.getElementById(fieldId(current));
    if (element) return element;
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    if (cut <= 0) return null;
    current = current.slice(0, cut);
  }
  return null;
}

function markProblems() {
  for (const old of form.querySelectorAll('.problem')) old.remove();
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
    const described = (field.getAttribute('aria-describedby') || '').split(' ').filter((id) => !id.startsWith('problem-'));
    if (described.length) field.setAttribute('aria-describedby', described.join(' '));
    else field.removeAttribute('aria-describedby');
  }
  const byField = new Map();
  for (const problem of problems) {
    const field = fieldFor(problem.path);
    if (!field) continue;
    if (!byField.has(field)) byField.set(field, []);
    byField.get(field).push(problem);
  }
  let count = 0;
  for (const [field, list] of byField) {
    const id = `problem-${(count += 1)}`;
    const note = h('p', { class: 'problem', id }, list.map((p) => `${p.path}: ${p.message}`).join(' · '));
    const control = field.matches('input, textarea, select') ? field : null;
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      const described = control.getAttribute('aria-describedby');
      control.setAttribute('aria-describedby', described ? `${described} ${id}` : id);
      control.after(note);
    } else if (field.matches('fieldset')) {
      field.querySelector('legend').after(note);
    } else if (field.matches('tr')) {
      field.querySelector('td').append(note);
    } else {
      field.prepend(note);
    }
  }

  const list = document.getElementById('problem-list');
  const heading = document.getElementById('problems-heading');
  heading.textContent = problems.length === 0 ? 'No problems' : problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  list.replaceChildren(
    ...problems.map((problem) => {
      const field = fieldFor(problem.path);
      const text = `${problem.path}: ${problem.message}`;
      return h('li', {}, field ? h('button', { type: 'button', class: 'link', on: { click: () => focusField(field) } }, text) : text);
    }),
  );
  const ready = problems.length === 0;
  for (const id of ['copy-embed', 'copy-prerendered', 'download-json']) document.getElementById(id).disabled = !ready;
  document.getElementById('export-reason').textContent = ready
    ? 'The card is valid: ready to export.'
    : `Export is off until the ${problems.length === 1 ? 'problem' : `${problems.length} problems`} listed under “${heading.textContent}” ${problems.length === 1 ? 'is' : 'are'} fixed.`;
}

function focusField(field) {
  const details = field.closest('details');
  if (details) details.open = true;
  const target = field.matches('input, textarea, select') ? field : field.querySelector('input, textarea, select, button');
  (target || field).focus();
}

// ---- Preview ----

function updatePreview() {
  const { element } = state;
  if (element.lang.trim()) card.setAttribute('lang', element.lang.trim());
  else card.removeAttribute('lang');
  if (element.chart) card.removeAttribute('chart');
  else card.setAttribute('chart', 'none');
  card.spec = model.exportSpec(state.spec);
  if (!card.isConnected) {
    card.id = 'preview-card';
    card.setAttribute('theme', document.getElementById('preview-frame').dataset.theme);
    document.getElementById('preview-frame').append(card);
  }
}

function pressOne(group, pressed) {
  for (const b of document.querySelectorAll(`[data-group="${group}"]`)) b.setAttribute('aria-pressed', String(b === pressed));
}

for (const b of document.querySelectorAll('[data-width]')) {
  b.addEventListener('click', () => {
    // The card itself gets the width named; the frame adds its padding and border around it.
    const frame = document.getElementById('preview-frame');
    frame.style.maxWidth = b.dataset.width === '100%' ? '100%' : `calc(${b.dataset.width} + 2rem + 2px)`;
    pressOne('width', b);
  });
}
for (const b of document.querySelectorAll('[data-theme]')) {
  b.addEventListener('click', () => {
    card.setAttribute('theme', b.dataset.theme);
    document.getElementById('preview-frame').dataset.theme = b.dataset.theme;
    pressOne('theme', b);
  });
}

// ---- Draft ----

function saveDraft() {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ version: 1, state }));
  } catch {
    say('This browser does not let the studio save a draft: export before you leave.');
  }
}

function loadDraft() {
  let text = null;
  try {
    text = localStorage.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const saved = JSON.parse(text);
    // Through the importer, so a draft from an older studio still fits the form.
    const loaded = model.importSpec(model.exportSpec(saved.state.spec));
    loaded.element = { ...loaded.element, ...saved.state.element };
    return loaded;
  } catch (error) {
    say(`The saved draft could not be read (${error.message}); starting empty.`);
    return null;
  }
}

// ---- Paste into the grid ----

/** "2 options and 1 criterion (with notes)": what a pasted or imported table brought. */
function tableSize(table) {
  const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const extra = ['note', 'priority'].filter((key) => table.criteria.some((row) => key in row));
  const columns = extra.length ? ` (with ${extra.map((key) => (key === 'note' ? 'notes' : 'priorities')).join(' and ')})` : '';
  return `${count(table.options.length, 'option', 'options')} and ${count(table.criteria.length, 'criterion', 'criteria')}${columns}`;
}

function applyPaste(text, cell) {
  const result = JSON.parse(wasm.parsePaste(text));
  if (result.error) {
    showMessage('grid-message', `Nothing was pasted: ${result.error}.`);
    return false;
  }
  if (result.table) {
    model.applyTable(state.spec, result.table);
    showMessage('grid-message', '');
    say(`Pasted ${tableSize(result.table)}.`);
    return true;
  }
  const rows = result.block;
  const option = cell ? Number(cell.dataset.option) : NaN;
  const row = cell ? Number(cell.dataset.row) : NaN;
  if (Number.isNaN(option) || Number.isNaN(row)) {
    showMessage('grid-message', 'Nothing was pasted: numbers alone go into score cells; put the cursor in one first, or paste a table with a header row of option names.');
    return false;
  }
  const width = rows[0].length;
  const roomRows = state.spec.criteria.length - row;
  const roomColumns = state.spec.options.length - option;
  if (rows.length > roomRows || width > roomColumns) {
    showMessage('grid-message', `Nothing was pasted: the block is ${rows.length} × ${width} cells, and from this cell there is room for ${roomRows} × ${roomColumns}.`);
    return false;
  }
  rows.forEach((values, r) => {
    values.forEach((value, c) => {
      state.spec.criteria[row + r].scores[state.spec.options[option + c].id] = value;
    });
  });
  showMessage('grid-message', '');
  say(`Pasted ${rows.length} × ${width} scores.`);
  return true;
}

form.addEventListener('paste', (event) => {
  const cell = event.target.closest('#score-grid input');
  if (!cell) return;
  const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
  if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return; // One value: the field takes it as typed.
  event.preventDefault();
  if (applyPaste(text, cell)) {
    record(null);
    redraw();
    refresh();
  }
});

form.addEventListener('keydown', (event) => {
  const grid = document.getElementById('score-grid');
  if (!grid || !grid.contains(event.target)) return;
  gridKeydown(event, grid, () => {
    if (state.spec.criteria.length >= model.LIMITS.criteria[1]) return false;
    state.spec.criteria.push(model.newCriterion(model.nextNumber(state.spec.criteria, 'criterion')));
    record(null);
    redraw();
    refresh();
    return true;
  });
});

// ---- Undo and redo keys ----

document.addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
  const key = event.key.toLowerCase();
  if (key === 'z' && !event.shiftKey) {
    event.preventDefault();
    undo();
  } else if ((key === 'z' && event.shiftKey) || key === 'y') {
    event.preventDefault();
    redo();
  }
});
document.getElementById('undo').addEventListener('click', undo);
document.getElementById('redo').addEventListener('click', redo);
document.getElementById('start-over').addEventListener('click', () => {
  replaceState(model.emptyState(), 'Started over with an empty card. Undo brings the old one back.');
});

// ---- Import ----

function replaceState(next, message) {
  state = next;
  record(null);
  redraw();
  refresh();
  say(message);
}

/** Text from a file or the import box: a spec as JSON, or a table as CSV or TSV. */
function importText(text, from) {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      showMessage('import-message', `Nothing was imported: ${from} is not valid JSON (${error.message}).`);
      return false;
    }
    try {
      const next = model.importSpec(value);
      next.element = state.element;
      replaceState(next, `Imported ${from}.`);
    } catch (error) {
      showMessage('import-message', `Nothing was imported: ${error.message}.`);
      return false;
    }
    showMessage('import-message', '');
    return true;
  }
  const result = JSON.parse(wasm.parsePaste(text));
  if (!result.table) {
    const why = result.error || 'a table needs a first row of option names and a first column of criterion names';
    showMessage('import-message', `Nothing was imported: ${why}.`);
    return false;
  }
  model.applyTable(state.spec, result.table);
  record(null);
  redraw();
  refresh();
  showMessage('import-message', '');
  say(`Imported ${tableSize(result.table)} from ${from}.`);
  return true;
}

document.getElementById('import-file').addEventListener('change', async (event) => {
  const file = event.target.files && event.target.files[0];
  if (!file) return;
  importText(await file.text(), file.name);
  event.target.value = '';
});
document.getElementById('import-button').addEventListener('click', () => {
  const box = document.getElementById('import-text');
  if (importText(box.value, 'the pasted text')) box.value = '';
});

// ---- Export ----

async function copy(text, what) {
  const output = document.getElementById('snippet-output');
  output.value = text;
  document.getElementById('snippet-output-label').textContent = `${what}, as copied`;
  try {
    await navigator.clipboard.writeText(text);
    say(`Copied the ${what.toLowerCase()} to the clipboard.`);
  } catch {
    output.select();
    say(`Could not reach the clipboard: the ${what.toLowerCase()} is selected below; copy it with Ctrl+C.`);
  }
}

function snippetArguments() {
  const e = state.element;
  return [e.id, e.lang, e.share, e.persist, !e.chart];
}

document.getElementById('copy-embed').addEventListener('click', () => {
  const result = JSON.parse(wasm.embed(specText(false), state.element.base.trim(), ...snippetArguments()));
  if (result.html) copy(result.html, 'Embed snippet');
});
document.getElementById('copy-prerendered').addEventListener('click', () => {
  const result = JSON.parse(wasm.preRendered(specText(true), state.element.base.trim(), ...snippetArguments()));
  if (result.html) copy(result.html, 'Pre-rendered snippet');
});
document.getElementById('download-json').addEventListener('click', () => {
  const text = specText(true);
  document.getElementById('snippet-output').value = text;
  document.getElementById('snippet-output-label').textContent = 'Spec (JSON), as downloaded';
  const name = `${model.slug(state.spec.title, 'comparison')}.json`;
  const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/json' })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  say(`Downloaded ${name}.`);
});

// ---- Start ----

async function start() {
  await init();
  labelList = JSON.parse(wasm.labels()).labels;
  const source = new URLSearchParams(location.search).get('src');
  const draft = loadDraft();
  if (draft) state = draft;
  history.current = JSON.stringify(state);
  drawForm(form, state, actions, labelList);
  refresh();
  if (source) {
    try {
      const response = await fetch(new URL(source, location.href));
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
      // Once opened, the spec is the draft: a reload must bring back the edits made to it, not
      // open the file again over them, so the address forgets `src`. A file that could not be
      // read keeps it, to be tried again once fixed.
      if (importText(await response.text(), source)) {
        const address = new URL(location.href);
        address.searchParams.delete('src');
        window.history.replaceState(window.history.state, '', address);
      }
    } catch (error) {
      showMessage('import-message', `Could not open ${source}: ${error.message}.`);
    }
  } else if (draft) {
    say(problems.length ? `Your draft is back, with ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix.` : 'Your draft is back.');
  }
  document.body.dataset.ready = 'true';
}

start().catch((error) => {
  document.getElementById('load-error').hidden = false;
  document.getElementById('load-error').textContent = `The studio could not start: ${error.message}`;
});
