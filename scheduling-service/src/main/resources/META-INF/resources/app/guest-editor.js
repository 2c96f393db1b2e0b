// An interview's guests as rows to edit: typed in, or taken from the startup's contacts. The wizard's step 4 and a sent
// interview's "Change guests" both use it.
import { call } from './api.js';
import { h } from './dom.js';
import { guestCountLine } from './wizard-lines.js';

const field = (id, label, input) => h('div', {}, h('label', { for: id }, label), input);

/**
 * Rows for {@code iv}'s guests, each removable, a row to type one more in, the startup's contacts not taken yet to add, and
 * the count of people and time. {@code listed()} gives the guests as the API takes them ({@code {contactId}} for a contact,
 * else name, email, role and company); a row left empty is no guest.
 */
export async function guestEditor(iv, token) {
  const rows = h('div', { id: 'guest-rows' });
  const count = h('p', { class: 'muted', id: 'guest-count', 'aria-live': 'polite' });
  const others = iv.team ? [iv.team.primary, ...(iv.team.additional || [])].filter(Boolean).length + (iv.contact ? 1 : 0) : 0;
  const isGuest = r => r.dataset.contact || [...r.querySelectorAll('input')].some(i => i.value.trim());
  const counted = () => {
    count.textContent = guestCountLine([...rows.querySelectorAll('.guest')].filter(isGuest).length, others, iv.durationMinutes);
  };
  rows.addEventListener('input', counted);
  // Ids stay unique when rows are removed and added again.
  let made = 0;
  let offerContacts = () => {};
  const append = row => {
    const remove = h('button', { type: 'button', class: 'link' }, 'Remove');
    remove.addEventListener('click', () => { row.remove(); counted(); offerContacts(); });
    row.append(remove);
    rows.append(row);
    counted();
  };
  const addRow = (g = {}) => {
    const i = made++;
    append(h('div', { class: 'row guest' },
      field(`guest-name-${i}`, 'Name', h('input', { id: `guest-name-${i}`, value: g.name || '', autocomplete: 'off' })),
      field(`guest-email-${i}`, 'Email', h('input', { id: `guest-email-${i}`, type: 'email', value: g.email || '', autocomplete: 'off' })),
      field(`guest-role-${i}`, 'Role', h('input', { id: `guest-role-${i}`, value: g.role || '', autocomplete: 'off' })),
      field(`guest-company-${i}`, 'Company', h('input', { id: `guest-company-${i}`, value: g.company || '', autocomplete: 'off' }))));
  };
  // A contact of the startup comes as it is kept (the API fills name, email, role and company from it).
  const addContact = c => append(h('div', { class: 'row guest', 'data-contact': c.id },
    h('p', {}, `${c.name} `, h('span', { class: 'address' }, `<${c.email}>`), c.role ? `, ${c.role}` : '', ' · a contact of the startup')));
  const contacts = iv.startup ? await call('GET', `/api/startups/${encodeURIComponent(iv.startup.id)}/contacts`, undefined, token) : [];
  const fromContacts = h('select', { id: 'guest-contact' });
  const contactField = field('guest-contact', 'Add a contact of the startup', fromContacts);
  offerContacts = () => {
    const taken = new Set([...rows.querySelectorAll('[data-contact]')].map(r => r.dataset.contact));
    const offered = contacts.filter(c => !taken.has(c.id) && !(iv.contact && iv.contact.id === c.id));
    fromContacts.replaceChildren(h('option', { value: '' }, 'Choose a contact…'),
      ...offered.map(c => h('option', { value: c.id }, `${c.name} <${c.email}>`)));
    contactField.hidden = offered.length === 0;
  };
  fromContacts.addEventListener('change', () => {
    const c = contacts.find(x => x.id === fromContacts.value);
    if (c) {
      addContact(c);
      offerContacts();
    }
  });
  (iv.guests || []).forEach(g => (g.contactId ? addContact({ id: g.contactId, name: g.name, email: g.email, role: g.role }) : addRow(g)));
  offerContacts();
  counted();
  const add = h('button', { type: 'button', class: 'secondary', id: 'add-guest' }, 'Add a guest');
  add.addEventListener('click', () => addRow());
  return {
    element: h('div', {}, rows, h('div', { class: 'row' }, add, contactField), count),
    listed: () => [...rows.querySelectorAll('.guest')].filter(isGuest).map(r => {
      if (r.dataset.contact) {
        return { contactId: r.dataset.contact };
      }
      const [name, email, role, company] = r.querySelectorAll('input');
      return { name: name.value, email: email.value, role: role.value || null, company: company.value || null };
    }),
  };
}
