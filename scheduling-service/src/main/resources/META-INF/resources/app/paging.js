// Lists shown a page at a time ("Show more"): what a reload asks for, and the next page added to what is shown.

/**
 * A reload asks for as many as are shown (at least a page, at most the API's largest), so opened pages stay open.
 * {@code shown}: the items shown, or how far into the list they reach when that is more (some were left out of a page).
 */
export function reloadLimit(shown, page, largest = 200) {
  return Math.min(largest, Math.max(page, typeof shown === 'number' ? shown : shown.length));
}

/** The next page after what is shown; one already shown (the list moved between the two answers) is not shown twice. */
export function withNextPage(shown, next) {
  const known = new Set(shown.map(item => item.id));
  return shown.concat(next.filter(item => !known.has(item.id)));
}

/**
 * Orders a list's reloads: ask() before each request returns isNewest(), true while no later request was asked for.
 * Answers can arrive out of order (a live change's reload, then the one after the person's own move); an older answer
 * arriving last would put back the list as it was before the move.
 */
export function newestAnswers() {
  let asked = 0;
  return () => {
    const mine = ++asked;
    return () => mine === asked;
  };
}

/**
 * Runs a list's loads one after another, in the order asked, so that no answer undoes another: a reload answered after
 * the person's own move, or after "Show more" opened a page, would otherwise put the list back as it was before. Each
 * load reads what is shown when its turn comes. A reload asked while another is still waiting for its turn is that same
 * reload: it has not read anything yet, so one is enough.
 */
export function oneAtATime() {
  let last = Promise.resolve();
  let waiting = null;
  const next = work => {
    const turn = last.then(() => work());
    last = turn.catch(() => {});
    return turn;
  };
  return {
    reload(work) {
      if (!waiting) {
        waiting = next(() => {
          waiting = null;
          return work();
        });
      }
      return waiting;
    },
    next,
  };
}
