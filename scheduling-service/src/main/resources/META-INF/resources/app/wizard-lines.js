// Lines the interview wizard writes from what the API answered (no page needed: tested as script).

/** Step 4's line: how many guests, how many take part in all (the team and the contact besides), for how long. */
export function guestCountLine(guests, others, minutes) {
  return `${guests} ${guests === 1 ? 'guest' : 'guests'} · ${guests + others} taking part${minutes ? ` · ${minutes} minutes` : ''}`;
}

/** Hosts by our team member's name when linked, else Cal.com's. */
export function hostNames(hosts) {
  return hosts.map(x => (x.teamMember ? x.teamMember.name : x.name)).join(', ');
}

/** Who of the type's hosts is free at a time: all of them for a collective type, else those Cal.com lists free then. */
export function freeHostsLine(free, start) {
  const at = new Date(start).getTime();
  const hosts = free.everyHostAttends ? free.members.map(m => m.member)
    : free.members.filter(m => m.slots.some(s => new Date(s.start).getTime() === at)).map(m => m.member);
  if (!hosts.length) {
    return '';
  }
  return free.everyHostAttends ? `Every host takes part: ${hostNames(hosts)}.` : `Free then: ${hostNames(hosts)}${hosts.length > 1
    ? ' (Cal.com assigns one).' : '.'}`;
}

/** An event type's title, with its length (or the lengths a booking may choose) unless the title says it ("Interview (30 min)"). */
export function eventTypeLabel(type) {
  const lengths = type.lengthOptions && type.lengthOptions.length > 1 ? type.lengthOptions : [type.lengthInMinutes];
  const length = `${lengths.length > 1 ? `${lengths.slice(0, -1).join(', ')} or ${lengths[lengths.length - 1]}` : lengths[0]} min`;
  const title = type.title || 'Meeting';
  return title.toLowerCase().includes(length) ? title : `${title} · ${length}`;
}
