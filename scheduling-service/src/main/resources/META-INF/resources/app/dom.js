// Building the page from data without innerHTML: names and stages people typed are text, never markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return el;
}

export function show(view, ...content) {
  const main = document.getElementById('view');
  main.replaceChildren(...content.filter(c => c !== null && c !== undefined));
  return main;
}

let noticeTimer = null;

/** A message a person must see: errors stay until the next action, confirmations fade. */
export function notice(text, kind = 'error') {
  const el = document.getElementById('notice');
  clearTimeout(noticeTimer);
  if (!text) {
    el.hidden = true;
    return;
  }
  el.textContent = text;
  el.className = kind === 'error' ? '' : 'info';
  el.hidden = false;
  if (kind !== 'error') {
    noticeTimer = setTimeout(() => { el.hidden = true; }, 4000);
  }
}

/** Runs a long operation with the button disabled and a progress line, so nobody clicks twice or waits blind. */
export async function busy(button, label, work) {
  const progress = document.getElementById('progress');
  if (button) {
    button.disabled = true;
  }
  progress.textContent = label;
  progress.hidden = false;
  try {
    return await work();
  } finally {
    progress.hidden = true;
    if (button) {
      button.disabled = false;
    }
  }
}
