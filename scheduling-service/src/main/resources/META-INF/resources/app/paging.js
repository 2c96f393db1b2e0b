// Lists shown a page at a time ("Show more"): what a reload asks for, and the next page added to what is shown.

/** A reload asks for as many as are shown (at least a page, at most the API's largest), so opened pages stay open. */
export function reloadLimit(shown, page, largest = 200) {
  return Math.min(largest, Math.max(page, shown.length));
}

/** The next page after what is shown; one already shown (the list moved between the two answers) is not shown twice. */
export function withNextPage(shown, next) {
  const known = new Set(shown.map(item => item.id));
  return shown.concat(next.filter(item => !known.has(item.id)));
}
