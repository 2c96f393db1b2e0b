// An interview's preparation notes on its page. scheduling-service keeps them made safe (Markdown as written, HTML with
// formatting and http(s)/mailto links only); the page still does not take them as markup (no innerHTML in the app): it
// rebuilds an HTML note element by element from an allow-list, and formats any other note as Markdown (markdown.js).
import { decoded, linkAttrs, markdown } from './markdown.js';

const KEPT = new Set(['a', 'b', 'blockquote', 'br', 'cite', 'code', 'dd', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'hr', 'i', 'li',
  'ol', 'p', 'pre', 'q', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'u', 'ul']);
// An HTML note, as scheduling-service tells one: a "<" that opens a tag, an end tag or a comment ("ARR < 1M" is Markdown).
const MARKUP = /<[A-Za-z/!?]/;
// Left out with everything in them; any other unknown element gives way to its content.
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math']);

/**
 * The notes as what `make(tag, attrs, children)` builds (children are built nodes and strings of text). `parse(html)`
 * answers a DOM-like element whose childNodes are the note's (in the browser: DOMParser's body).
 */
export function noteContent(notes, parse, make) {
  if (!notes || !notes.trim()) {
    return [];
  }
  if (!MARKUP.test(notes)) {
    return markdown(notes, make);
  }
  return rebuilt(parse(notes).childNodes, make);
}

/**
 * The notes as step 5's box shows them to be edited: as stored, but a Markdown note stored with character references
 * (before 2026-12-07 the server escaped a Markdown note with a "<" in it) shows the characters, as the page does.
 */
export function noteForEditing(notes) {
  return !notes ? '' : MARKUP.test(notes) ? notes : decoded(notes);
}

function rebuilt(nodes, make) {
  const out = [];
  for (const node of Array.from(nodes)) {
    if (node.nodeType === 3) {
      out.push(node.nodeValue);
    } else if (node.nodeType === 1) {
      const tag = node.tagName.toLowerCase();
      if (DROPPED.has(tag)) {
        continue;
      }
      const children = rebuilt(node.childNodes, make);
      if (!KEPT.has(tag)) {
        out.push(...children);
        continue;
      }
      out.push(make(tag, (tag === 'a' && linkAttrs((node.getAttribute('href') || '').trim())) || {}, children));
    }
  }
  return out;
}
