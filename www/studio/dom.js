// A small element builder: author text only ever goes in as text nodes or property values.

/**
 * `h('input', { id: 'x', value: 'y', 'aria-label': 'z' }, …children)`. Keys `value`, `checked`,
 * `disabled`, `selected` are set as properties; `on` is an object of listeners; other keys are
 * attributes (skipped when `false`, `null` or `undefined`). Strings among the children become text.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === 'on') {
      for (const [name, listener] of Object.entries(value)) element.addEventListener(name, listener);
    } else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'selected') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A form element's id for a validator path: `criteria[2].scores.node` → `f-criteria-2-scores-node`. */
export function fieldId(path) {
  return `f-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}
