// Correcting a row in place (a team member, a startup, a contact): its cells become fields, Save sends what changed.
import { h, busy } from './dom.js';

/**
 * What the fields change of `current`: `{key: value}` for each field whose value differs. An optional field left empty
 * is null (the API removes it); a required one is sent as typed, so the API says why it cannot be empty.
 */
export function changedFields(current, fields) {
  const changes = {};
  for (const { key, value, optional } of fields) {
    const typed = optional && !value.trim() ? null : value;
    if (typed !== (current[key] ?? null)) {
      changes[key] = typed;
    }
  }
  return changes;
}

/**
 * `cells[i]` shows `fields[i]` (`{key, type?, optional?}`) of `current`; they become inputs (`data-edit` = key) and `button`
 * becomes Save (`data-save`) and Cancel. Save calls `save(changes)` when something changed, else `done()`; a refusal goes
 * to `failed` and leaves the fields for a correction. Cancel calls `done()`.
 */
export function editInRow({ cells, fields, current, owner, button, save, done, failed }) {
  const inputs = fields.map(({ key, type = 'text', optional = false }, i) => {
    const input = h('input', { type, value: current[key] ?? '', required: !optional, autocomplete: 'off', 'data-edit': key,
      'aria-label': `${key[0].toUpperCase()}${key.slice(1)} of ${owner}` });
    cells[i].replaceChildren(input);
    return { key, optional, input };
  });
  const saveButton = h('button', { type: 'button', 'data-save': '' }, 'Save');
  const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  button.replaceWith(saveButton, ' ', cancel);
  cancel.addEventListener('click', done);
  saveButton.addEventListener('click', () => {
    const changes = changedFields(current, inputs.map(({ key, optional, input }) => ({ key, optional, value: input.value })));
    if (Object.keys(changes).length === 0) {
      done();
      return;
    }
    busy(saveButton, 'Saving…', () => save(changes)).catch(failed);
  });
  inputs[0].input.focus();
}

/** What a saved correction says; a new address also reaches the interviews already sent to the person (the API does that). */
export function savedNotice(name, changes) {
  return changes.email ? `${name} is saved. Interviews already sent to them now invite ${changes.email}.` : `${name} is saved.`;
}
