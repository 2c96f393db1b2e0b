// Preparation notes in Markdown, formatted as elements (never parsed as HTML).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdown } from '../../main/resources/META-INF/resources/app/markdown.js';

const write = (tag, attrs, children) => {
  const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join('');
  return `<${tag}${a}>${children.join('')}</${tag}>`;
};
const md = text => markdown(text, write).join('');
const link = (href, text) => `<a href="${href}" target="_blank" rel="nofollow noopener noreferrer">${text}</a>`;

test('paragraphs are split by blank lines, and a line break within one stays', () => {
  assert.equal(md('Read the deck.\nThen the numbers.\n\nAsk about churn.'),
    '<p>Read the deck.<br></br>Then the numbers.</p><p>Ask about churn.</p>');
});

test('headings, lists, quotes, rules and code blocks', () => {
  assert.equal(md('## Before\n1. Deck\n2) Numbers\n\n* churn\n+ pricing\n> They said\n> "soon"\n---\n```\nkeep  *as* is\n```'),
    '<h2>Before</h2><ol><li>Deck</li><li>Numbers</li></ol><ul><li>churn</li><li>pricing</li></ul>'
    + '<blockquote><p>They said<br></br>"soon"</p></blockquote><hr></hr><pre><code>keep  *as* is</code></pre>');
});

test('bold, italic, code and links within a line, nested', () => {
  assert.equal(md('**Read** the *deck* and `q3.xlsx`; see [the **site**](https://acme.example) or __mail__ _them_.'),
    `<p><strong>Read</strong> the <em>deck</em> and <code>q3.xlsx</code>; see ${link('https://acme.example', 'the <strong>site</strong>')}`
    + ' or <strong>mail</strong> <em>them</em>.</p>');
  assert.equal(md('[Ask](mailto:ceo@acme.example)'), `<p>${link('mailto:ceo@acme.example', 'Ask')}</p>`);
});

test('a link that would run keeps its words and loses its target; markup-like text stays text', () => {
  assert.equal(md('[click](javascript:alert(1)) and [data](data:text/html,x)'),
    '<p><span>click</span>) and <span>data</span></p>');
  assert.equal(md('2 * 3 * 4 and snake_case_name'), '<p>2 * 3 * 4 and snake_case_name</p>');
});

test('character references stand for their characters, except within code', () => {
  assert.equal(md('&lt;b&gt; &amp; &#65;&#x42; &quot;q&quot; &bogus; &#0; `&lt;`'), '<p><b> & AB "q" &bogus; \ufffd <code>&lt;</code></p>');
});
