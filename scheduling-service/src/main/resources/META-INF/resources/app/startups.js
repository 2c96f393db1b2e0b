// Startups: find one by name or add it; its page lists the interviews with it (those the viewer sees) and its contacts,
// takes a new contact, corrects the startup or a contact in place, and starts the interview wizard with the startup chosen.
import { call, ApiError } from './api.js';
import { h, show, notice, busy } from './dom.js';
import { newestAnswers, withNextPage } from './paging.js';
import { formatWhen } from './time.js';
import { wizard } from './interviews.js';
import { editInRow, savedNotice } from './row-edit.js';

export function startupsView(app, failed) {
  const id = window.location.hash.split('/')[2];
  if (id) {
    startupPage(app, failed, decodeURIComponent(id));
  } else {
    startupList(app, failed);
  }
}

function startupList(app, failed) {
  const token = app.session.idToken;
  const search = h('input', { id: 'startup-search', type: 'search', autocomplete: 'off', placeholder: 'Part of the name' });
  const rows = h('tbody', { id: 'startup-rows' });
  const name = h('input', { id: 'new-startup-name', required: true, autocomplete: 'off' });
  const website = h('input', { id: 'new-startup-website', autocomplete: 'off', placeholder: 'acme.example' });
  const add = h('button', { type: 'submit', id: 'add-startup' }, 'Add startup');
  const form = h('form', { class: 'row' }, h('div', {}, h('label', { for: 'new-startup-name' }, 'Name'), name),
    h('div', {}, h('label', { for: 'new-startup-website' }, 'Website (optional)'), website), add);
  // A page at a time, by name: "Show more startups" brings the next.
  const PAGE = 50;
  let shown = [];
  const more = h('button', { type: 'button', class: 'secondary', id: 'more-startups', hidden: true }, 'Show more startups');
  show('startups', h('h1', {}, 'Startups'),
    h('div', { class: 'card' }, h('label', { for: 'startup-search' }, 'Find a startup'), search,
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Startup'), h('th', {}, 'Contacts'))), rows), more),
    h('div', { class: 'card' }, h('h2', {}, 'Add a startup'), form));
  // Only the answer to what was asked last (a search typed, or the next page) is shown.
  const ask = newestAnswers();
  const load = async offset => {
    const isNewest = ask();
    const q = search.value.trim();
    const found = await call('GET', `/api/startups?limit=${PAGE}&offset=${offset}${q ? `&q=${encodeURIComponent(q)}` : ''}`, undefined, token);
    if (!isNewest()) {
      return;
    }
    shown = offset === 0 ? found : withNextPage(shown, found);
    more.hidden = found.length < PAGE;
    rows.replaceChildren(...(shown.length ? shown.map(s => h('tr', {},
      h('td', {}, h('a', { href: `#/startups/${encodeURIComponent(s.id)}` }, s.name)),
      h('td', {}, (s.contacts || []).map(c => c.name).join(', ') || '—')))
      : [h('tr', {}, h('td', { colspan: 2, class: 'empty' }, q ? 'No startup has that in its name.' : 'No startups yet.'))]));
  };
  search.addEventListener('input', () => load(0).catch(failed));
  more.addEventListener('click', () => busy(more, 'Loading…', () => load(shown.length)).catch(failed));
  form.addEventListener('submit', event => {
    event.preventDefault();
    busy(add, 'Adding…', async () => {
      const made = await call('POST', '/api/startups', website.value.trim() ? { name: name.value, website: website.value.trim() }
        : { name: name.value }, token);
      window.location.hash = `#/startups/${encodeURIComponent(made.id)}`;
    }).catch(async e => {
      // A name a startup has already (in any case): that startup's page, rather than a near-duplicate.
      if (!(e instanceof ApiError) || e.code !== 'startup_name_taken') {
        failed(e);
        return;
      }
      const found = await call('GET', `/api/startups?q=${encodeURIComponent(name.value.trim())}&limit=200`, undefined, token).catch(() => []);
      const existing = found.find(s => s.name.toLowerCase() === name.value.trim().toLowerCase());
      if (!existing) {
        failed(e);
        return;
      }
      window.location.hash = `#/startups/${encodeURIComponent(existing.id)}`;
      notice(`${existing.name} exists already: here it is.`, 'info');
    });
  });
  load(0).catch(failed);
}

const INTERVIEW_PAGE = 50;

function interviewsOf(startupId, offset, token) {
  return call('GET', `/api/interviews?startupId=${encodeURIComponent(startupId)}&limit=${INTERVIEW_PAGE}&offset=${offset}`, undefined, token);
}

function startupPage(app, failed, id) {
  const token = app.session.idToken;
  show('startup', h('p', { class: 'muted' }, 'Loading…'));
  Promise.all([call('GET', `/api/startups/${encodeURIComponent(id)}`, undefined, token),
    interviewsOf(id, 0, token)]).then(([startup, interviews]) => {
    const schedule = h('button', { type: 'button', id: 'schedule-for-startup' }, 'Schedule an interview');
    schedule.addEventListener('click', () => wizard(app, failed, null, () => {}, { id: startup.id, name: startup.name }));
    const name = h('input', { id: 'contact-new-name', required: true, autocomplete: 'off' });
    const email = h('input', { id: 'contact-new-email', type: 'email', required: true, autocomplete: 'off' });
    const role = h('input', { id: 'contact-new-role', autocomplete: 'off' });
    const add = h('button', { type: 'submit', id: 'add-contact' }, 'Add contact');
    const form = h('form', { class: 'row' }, h('div', {}, h('label', { for: 'contact-new-name' }, 'Name'), name),
      h('div', {}, h('label', { for: 'contact-new-email' }, 'Email'), email),
      h('div', {}, h('label', { for: 'contact-new-role' }, 'Role (optional)'), role), add);
    form.addEventListener('submit', event => {
      event.preventDefault();
      busy(add, 'Adding…', async () => {
        await call('POST', `/api/startups/${encodeURIComponent(startup.id)}/contacts`, role.value.trim()
          ? { name: name.value, email: email.value, role: role.value.trim() } : { name: name.value, email: email.value }, token);
        notice(`${name.value} is a contact of ${startup.name}.`, 'info');
        startupPage(app, failed, id);
      }).catch(failed);
    });
    // Fifty at a time: "Show more interviews" the next fifty.
    let shownInterviews = [];
    const interviewRows = h('tbody', {});
    const moreInterviews = h('button', { type: 'button', class: 'secondary', id: 'more-startup-interviews', hidden: true }, 'Show more interviews');
    const showInterviews = page => {
      const next = withNextPage(shownInterviews, page);
      interviewRows.append(...next.slice(shownInterviews.length).map(iv => h('tr', {},
        h('td', {}, h('a', { href: `#/interviews/${encodeURIComponent(iv.id)}` }, iv.startAt ? formatWhen(iv.startAt, app.zone) : 'No time yet')),
        h('td', { class: 'state' }, iv.status))));
      shownInterviews = next;
      moreInterviews.hidden = page.length < INTERVIEW_PAGE;
    };
    showInterviews(interviews);
    moreInterviews.addEventListener('click', () => busy(moreInterviews, 'Loading…',
      async () => showInterviews(await interviewsOf(id, shownInterviews.length, token))).catch(failed));
    const contacts = startup.contacts || [];
    const reload = () => startupPage(app, failed, id);
    // A typo in the name, or a new website, is corrected in place (as is each contact below).
    const title = h('h1', {}, startup.name);
    const site = h('p', {}, startup.website ? h('a', { href: startup.website, target: '_blank', rel: 'noopener noreferrer' }, startup.website)
      : h('span', { class: 'muted' }, 'No website'));
    const editStartup = h('button', { type: 'button', class: 'secondary', id: 'edit-startup' }, 'Edit');
    editStartup.addEventListener('click', () => editInRow({ cells: [title, site], fields: [{ key: 'name' }, { key: 'website', optional: true }],
      current: startup, owner: startup.name, button: editStartup, failed, done: reload,
      save: async changes => {
        const saved = await call('PATCH', `/api/startups/${encodeURIComponent(startup.id)}`, changes, token);
        notice(`${saved.name} is saved.`, 'info');
        reload();
      } }));
    const contactRow = c => {
      const cells = [h('td', { 'data-label': 'Name' }, c.name), h('td', { 'data-label': 'Email' }, c.email),
        h('td', { 'data-label': 'Role' }, c.role || '—')];
      const edit = h('button', { type: 'button', class: 'secondary', 'data-contact-edit': c.id }, 'Edit');
      edit.addEventListener('click', () => editInRow({ cells,
        fields: [{ key: 'name' }, { key: 'email', type: 'email' }, { key: 'role', optional: true }],
        current: c, owner: c.name, button: edit, failed, done: reload,
        save: async changes => {
          const saved = await call('PATCH', `/api/startups/${encodeURIComponent(startup.id)}/contacts/${encodeURIComponent(c.id)}`, changes, token);
          notice(savedNotice(saved.name, changes), 'info');
          reload();
        } }));
      // A contact added by mistake goes; one an interview names stays (the API says so, and the notice shows it).
      const remove = h('button', { type: 'button', class: 'link', 'data-contact-remove': c.id }, 'Remove');
      remove.addEventListener('click', () => {
        if (!window.confirm(`Remove ${c.name} from ${startup.name}'s contacts?`)) {
          return;
        }
        busy(remove, 'Removing…', async () => {
          await call('DELETE', `/api/startups/${encodeURIComponent(startup.id)}/contacts/${encodeURIComponent(c.id)}`, undefined, token);
          notice(`${c.name} is no longer a contact of ${startup.name}.`, 'info');
          reload();
        }).catch(failed);
      });
      return h('tr', { 'data-contact-row': c.id }, ...cells, h('td', {}, edit, ' ', remove));
    };
    const removeStartup = h('button', { type: 'button', class: 'link', id: 'remove-startup' }, 'Remove startup');
    removeStartup.addEventListener('click', () => {
      if (!window.confirm(`Remove ${startup.name} and its contacts?`)) {
        return;
      }
      busy(removeStartup, 'Removing…', async () => {
        await call('DELETE', `/api/startups/${encodeURIComponent(startup.id)}`, undefined, token);
        notice(`${startup.name} is removed.`, 'info');
        window.location.hash = '#/startups';
      }).catch(failed);
    });
    show('startup', h('p', {}, h('a', { href: '#/startups' }, '← All startups')),
      h('div', { class: 'card', id: 'startup-detail' }, title, site,
        h('p', {}, schedule, ' ', editStartup, ' ', removeStartup),
        h('h2', {}, 'Interviews'),
        interviews.length ? h('table', { id: 'startup-interviews' },
          h('thead', {}, h('tr', {}, h('th', {}, `When (${app.zone})`), h('th', {}, 'Status'))), interviewRows)
          : h('p', { class: 'muted' }, 'No interviews you can see yet.'),
        moreInterviews,
        h('h2', {}, 'Contacts'),
        contacts.length ? h('table', { id: 'startup-contacts', class: 'stacked' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Email'), h('th', {}, 'Role'), h('th', {}, ''))),
          h('tbody', {}, ...contacts.map(contactRow)))
          : h('p', { class: 'muted' }, 'No contacts yet.'),
        h('h2', {}, 'Add a contact'), form));
  }).catch(failed);
}
