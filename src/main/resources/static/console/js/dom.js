// DOM helpers. Every value from the API goes through text nodes (never parsed as markup), so a hostile value
// such as a formula or markup in a department's data is shown, not executed.

/**
 * Creates an element: h('a', {href: '#/x', class: 'y', onclick: fn}, 'text', child, [more]).
 * Attributes starting with "on" become listeners; boolean true sets an empty attribute; null/false skip.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'value' && (tag === 'input' || tag === 'select' || tag === 'textarea')) {
      el.value = value;
    } else if (key === 'checked' || key === 'selected' || key === 'disabled') {
      el[key] = Boolean(value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the children of {@code el}. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A short message at the bottom of the screen. */
export function toast(message, ms = 3500) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, ms);
}

/** A notice box: kind is bad | warn | ok. */
export function notice(kind, ...children) {
  return h('div', {class: `notice ${kind}`, role: kind === 'bad' ? 'alert' : 'status'}, ...children);
}

/** Asks before a consequential action; resolves to true when confirmed. */
export function confirmAction(message) {
  return Promise.resolve(window.confirm(message));
}
