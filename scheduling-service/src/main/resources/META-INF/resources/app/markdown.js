// Preparation notes written in Markdown, shown formatted: the common part of it (headings, paragraphs, lists, quotes,
// code, rules; bold, italic, code and links within a line), built as elements by `make(tag, attrs, children)` — never
// parsed as HTML, so nothing in a note can run. A link keeps its target only when it is http(s) or mailto.
const LINK = /^(https?:|mailto:)/i;

/** A link's attributes: its target only when it is http(s) or mailto, opened apart from the app. Null: words only. */
export function linkAttrs(href) {
  return LINK.test(href) ? { href, target: '_blank', rel: 'nofollow noopener noreferrer' } : null;
}
// Underscores only around words, not within them (snake_case stays as written), as in CommonMark.
const INLINE = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|(?<!\w)__(.+?)__(?!\w)|\*([^*\s](?:.*?[^*\s])?)\*|(?<!\w)_([^_\s](?:.*?[^_\s])?)_(?!\w)/;

export function markdown(text, make) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let i = 0;
  const until = stop => {
    const taken = [];
    while (i < lines.length && !stop(lines[i])) {
      taken.push(lines[i++]);
    }
    return taken;
  };
  while (i < lines.length) {
    const line = lines[i];
    let m;
    if (!line.trim()) {
      i++;
    } else if (/^```/.test(line.trim())) {
      i++;
      const code = until(l => /^```/.test(l.trim()));
      i++;
      blocks.push(make('pre', {}, [make('code', {}, [code.join('\n')])]));
    } else if ((m = /^(#{1,4})\s+(.*)$/.exec(line))) {
      i++;
      blocks.push(make(`h${m[1].length}`, {}, inline(m[2].replace(/\s+#+\s*$/, ''), make)));
    } else if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      i++;
      blocks.push(make('hr', {}, []));
    } else if (/^\s*>/.test(line)) {
      const quoted = until(l => !/^\s*>/.test(l)).map(l => l.replace(/^\s*>\s?/, ''));
      blocks.push(make('blockquote', {}, markdown(quoted.join('\n'), make)));
    } else if (/^\s*[-*+]\s+/.test(line) || /^\s*\d+[.)]\s+/.test(line)) {
      const ordered = /^\s*\d+[.)]\s+/.test(line);
      const item = ordered ? /^\s*\d+[.)]\s+/ : /^\s*[-*+]\s+/;
      const items = until(l => !item.test(l)).map(l => make('li', {}, inline(l.replace(item, ''), make)));
      blocks.push(make(ordered ? 'ol' : 'ul', {}, items));
    } else {
      const paragraph = until(l => !l.trim() || /^```|^#{1,4}\s|^\s*>|^\s*[-*+]\s+|^\s*\d+[.)]\s+/.test(l));
      const children = [];
      paragraph.forEach((l, n) => {
        if (n > 0) {
          children.push(make('br', {}, []));
        }
        children.push(...inline(l.trim(), make));
      });
      blocks.push(make('p', {}, children));
    }
  }
  return blocks;
}

// Character references stand for their character, as in CommonMark (not within code): a note saved as HTML whose
// tags were all dropped is text with "&lt;" in it, and is shown with "<".
const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos|nbsp));/g;

function referenced(code) {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
}

export function decoded(text) {
  return text.replace(REFERENCE, (_, decimal, hex, name) =>
    name ? NAMED[name] : referenced(decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex, 16)));
}

function inline(text, make) {
  const out = [];
  let rest = text;
  let m;
  while ((m = INLINE.exec(rest))) {
    if (m.index > 0) {
      out.push(decoded(rest.slice(0, m.index)));
    }
    if (m[1] !== undefined) {
      out.push(make('code', {}, [m[1]]));
    } else if (m[2] !== undefined) {
      const attrs = linkAttrs(m[3]);
      out.push(attrs ? make('a', attrs, inline(m[2], make)) : make('span', {}, inline(m[2], make)));
    } else if (m[4] !== undefined || m[5] !== undefined) {
      out.push(make('strong', {}, inline(m[4] ?? m[5], make)));
    } else {
      out.push(make('em', {}, inline(m[6] ?? m[7], make)));
    }
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) {
    out.push(decoded(rest));
  }
  return out;
}
