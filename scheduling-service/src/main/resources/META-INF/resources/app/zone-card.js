// The zone a person reads times in, picked on this device, or the device's own (the default, which follows them when
// they travel). Picking one keeps it as theirs too, so their mails, reminders and Google events say the same times.
import { h, notice, busy } from './dom.js';
import { tokenZone } from './auth.js';
import { viewerZone } from './time.js';
import { chooseZone, knownZones, pickedZone } from './zone.js';

export function zoneCard(app, failed) {
  const picked = pickedZone(app.me.id);
  const stated = tokenZone(app.session.idToken);
  const followed = viewerZone(stated);
  const select = h('select', { id: 'zone-choice' },
    h('option', { value: '', selected: !picked }, `${stated ? 'Your account\'s zone' : 'This device\'s zone'} (${followed})`),
    ...knownZones(app.zone, picked).map(zone => h('option', { value: zone, selected: zone === picked }, zone)));
  select.addEventListener('change', () => {
    const zone = select.value;
    busy(select, 'Saving…', () => chooseZone(app.me.id, zone, followed, app.session.idToken)).then(() => {
      notice(zone ? `Times are now shown in ${zone} on this device.` : 'Times now follow this device\'s zone.', 'info');
      app.route();
    }).catch(e => {
      select.value = picked || '';
      failed(e);
    });
  });
  return h('section', { class: 'card', id: 'zone-card' }, h('h2', {}, 'Time zone'),
    h('p', { id: 'zone-now' }, `Times here and in your emails and reminders are in ${app.zone}.`),
    h('label', { for: 'zone-choice' }, 'Show times in '), select,
    h('p', { class: 'muted' }, 'Picked for this browser on this device. Following the device, times change with it when you travel.'));
}
