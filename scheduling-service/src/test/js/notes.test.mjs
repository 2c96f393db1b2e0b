// An interview's preparation notes on its page: HTML rebuilt from an allow-list, anything else shown as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { noteContent, noteForEditing } from '../../main/resources/META-INF/resources/app/notes.js';

// A DOM-like tree, as DOMParser would give it, and a builder that writes what the page would hold.
const text = value => ({ nodeType: 3, nodeValue: value });
const el = (tag, attrs, ...childNodes) => ({ nodeType: 1, tagName: tag.toUpperCase(), childNodes, getAttribute: k => attrs[k] ?? null });
const comment = { nodeType: 8, nodeValue: 'hidden' };
const write = (tag, attrs, children) => {
  const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join('');
  return `<${tag}${a}>${children.join('')}</${tag}>`;
};
const shown = (notes, tree) => noteContent(notes, () => tree, write).join('');

test('an HTML note keeps its formatting and its http(s) and mailto links', () => {
  const tree = el('body', {}, el('p', {}, text('Read the '), el('b', {}, text('deck')), text(' first')),
    el('ul', {}, el('li', {}, el('a', { href: 'https://acme.example/deck' }, text('deck'))), el('li', {}, el('a', { href: 'mailto:ceo@acme.example' }, text('mail')))));
  assert.equal(shown('<p>…</p>', tree), '<p>Read the <b>deck</b> first</p><ul><li><a href="https://acme.example/deck" target="_blank" '
    + 'rel="nofollow noopener noreferrer">deck</a></li><li><a href="mailto:ceo@acme.example" target="_blank" rel="nofollow noopener noreferrer">mail</a></li></ul>');
});

test('nothing in a note can run or restyle the page: scripts, styles and frames go whole, other elements give way to their text', () => {
  const tree = el('body', {}, el('script', {}, text('alert(1)')), el('style', {}, text('body{display:none}')),
    el('iframe', { src: 'https://evil.example' }, text('frame')), el('div', { onclick: 'alert(2)' }, text('kept text')), comment,
    el('a', { href: 'javascript:alert(3)' }, text('no target')), el('a', { href: ' data:text/html,x' }, text('nor this')),
    el('img', { src: 'https://tracker.example/p.gif' }), el('p', { style: 'color:red', onmouseover: 'alert(4)' }, text('plain')));
  assert.equal(shown('<script>', tree), 'kept text<a>no target</a><a>nor this</a><p>plain</p>');
});

test('a note without markup is read as Markdown, never parsed as HTML', () => {
  const parsed = [];
  const notes = '# Ask about\n- churn\n- **pricing** [deck](https://acme.example)';
  assert.equal(noteContent(notes, html => { parsed.push(html); return el('body', {}); }, write).join(''),
    '<h1>Ask about</h1><ul><li>churn</li><li><strong>pricing</strong> <a href="https://acme.example" target="_blank" '
    + 'rel="nofollow noopener noreferrer">deck</a></li></ul>');
  assert.deepEqual(parsed, []);
  assert.deepEqual(noteContent(null, () => assert.fail('nothing to parse'), write), []);
  assert.deepEqual(noteContent('  ', () => assert.fail('nothing to parse'), write), []);
});

test('Markdown whose "<" opens no tag stays Markdown, and a note saved as HTML with no tags left shows its characters', () => {
  const parsed = [];
  const parse = html => { parsed.push(html); return el('body', {}); };
  assert.equal(noteContent('## Ask\n> ARR < 1M & R&D\n- churn <5%', parse, write).join(''),
    '<h2>Ask</h2><blockquote><p>ARR < 1M & R&D</p></blockquote><ul><li>churn <5%</li></ul>');
  assert.equal(noteContent('ARR &lt; 1M &amp; R&amp;D', parse, write).join(''), '<p>ARR < 1M & R&D</p>');
  assert.deepEqual(parsed, []);
  assert.equal(shown('a<b>c</b>', el('body', {}, text('a'), el('b', {}, text('c')))), 'a<b>c</b>');
});

test('step 5 edits a Markdown note with its characters, an HTML note as stored', () => {
  assert.equal(noteForEditing('ARR &lt; 1M &amp; R&amp;D'), 'ARR < 1M & R&D');
  assert.equal(noteForEditing('<p>ARR &lt; 1M</p>'), '<p>ARR &lt; 1M</p>');
  assert.equal(noteForEditing(null), '');
});
