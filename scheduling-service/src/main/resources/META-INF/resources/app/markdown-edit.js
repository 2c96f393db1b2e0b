// The preparation notes' formatting buttons: each writes the Markdown for what is selected (or a placeholder to type
// over), and answers the text with what to select next.
const WRAPS = { bold: ['**', '**', 'bold text'], italic: ['*', '*', 'italic text'] };
const PREFIXES = { list: '- ', heading: '## ' };

/** @return {{ value: string, start: number, end: number }} the text after the edit and the selection to show */
export function markdownEdit(value, start, end, kind) {
  const selected = value.slice(start, end);
  if (WRAPS[kind]) {
    const [open, close, placeholder] = WRAPS[kind];
    const words = selected || placeholder;
    return { value: value.slice(0, start) + open + words + close + value.slice(end), start: start + open.length,
      end: start + open.length + words.length };
  }
  if (kind === 'link') {
    const words = selected || 'link text';
    const before = `${value.slice(0, start)}[${words}](`;
    return { value: `${before}https://)${value.slice(end)}`, start: before.length, end: before.length + 'https://'.length };
  }
  const prefix = PREFIXES[kind];
  if (!prefix) {
    return { value, start, end };
  }
  // Every line the selection touches, whole.
  const from = value.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = value.indexOf('\n', Math.max(end - 1, start));
  const to = lineEnd < 0 ? value.length : lineEnd;
  const lines = value.slice(from, to).split('\n').map(l => (l.startsWith(prefix) ? l : prefix + l));
  const block = lines.join('\n');
  return { value: value.slice(0, from) + block + value.slice(to), start: from, end: from + block.length };
}
