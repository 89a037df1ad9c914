// The Markdown export read by a CommonMark parser: user text never becomes structure, and reads
// back as the text it was.
import { type Node, Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { indexConversations } from '../../src/core/conversations.js';
import { markdownText, renderMarkdown } from '../../src/core/export.js';
import { emptyJournal, type Journal } from '../../src/core/journal.js';
import { conversation, wholePerson } from '../helpers/journal.js';

const HOSTILE = [
  '## not a heading',
  '# also not',
  '1. numbered',
  '2) numbered too',
  '> quoted',
  '- dash',
  '+ plus',
  '* star',
  '---',
  '===',
  '***',
  '```js',
  '~~~',
  '| a | b |',
  '<div>html</div>',
  '    four spaces',
  '\tA tab',
  'a *b* _c_ `d` [e](f) ![g](h) &amp; \\ end\\',
  'Ana #',
  'C# and F#',
  'x <b> y',
];

/** The text a node shows: its text, code and line breaks, as a reader sees them. */
function textOf(node: Node): string {
  let out = '';
  const walker = node.walker();
  for (let event = walker.next(); event; event = walker.next()) {
    if (!event.entering) continue;
    const n = event.node;
    if (n.type === 'text' || n.type === 'code') out += n.literal ?? '';
    else if (n.type === 'softbreak' || n.type === 'linebreak') out += '\n';
  }
  return out;
}

function blocks(markdown: string) {
  const doc = new Parser().parse(markdown);
  const found: Node[] = [];
  const walker = doc.walker();
  for (let event = walker.next(); event; event = walker.next()) {
    if (event.entering && event.node.type !== 'document') found.push(event.node);
  }
  return found;
}

describe('markdown text', () => {
  it.each(HOSTILE)('%j is one paragraph of itself', (text) => {
    const nodes = blocks(markdownText(text));
    expect(nodes[0]!.type).toBe('paragraph');
    expect(nodes.filter((n) => n.parent?.type === 'document')).toHaveLength(1);
    expect(textOf(nodes[0]!)).toBe(text);
  });

  it('uses only escapes CommonMark defines (a backslash before ASCII punctuation)', () => {
    for (const text of HOSTILE) {
      for (const match of markdownText(text).matchAll(/\\(.)/g)) expect(match[1]).toMatch(/[!-/:-@[-`{-~]/);
    }
    expect(markdownText('1. numbered')).toBe('1\\. numbered');
  });
});

describe('the exported document', () => {
  it('one H2 per person, whatever the names and notes say; every name reads back as itself', () => {
    const people = HOSTILE.map((text, i) =>
      wholePerson(`p${i}`, text.trim() || `p${i}`, {
        tags: [text],
        aliases: [text],
        notes: [{ id: `n${i}`, text: `${text}\n${text}`, addedOn: '2026-11-01' }],
        skills: [{ id: `s${i}`, text, addedOn: '2026-11-01', conversationId: null }],
      }),
    );
    const conversations = HOSTILE.map((text, i) => ({
      ...conversation(`c${i}`, [`p${i}`], '2026-11-10', `${text}\n\n${text}\n${text}`),
      heard: [text, `${text}\n${text}`],
      kind: text,
    }));
    const journal: Journal = { ...emptyJournal(), people, conversations };
    const markdown = renderMarkdown(journal, {
      today: '2026-11-27',
      history: indexConversations(journal.conversations),
    });
    const headings = blocks(markdown).filter((n) => n.type === 'heading');
    const h2 = headings.filter((n) => n.level === 2).map(textOf);
    expect(h2.sort()).toEqual(people.map((p) => p.name).sort());
    expect(headings.filter((n) => n.level === 1)).toHaveLength(1);
    // Each person: their lists (H3) and one H4 per conversation, nothing more.
    expect(headings.filter((n) => n.level === 4)).toHaveLength(conversations.length);
    expect(
      blocks(markdown).filter((n) =>
        ['html_block', 'code_block', 'thematic_break', 'block_quote'].includes(n.type),
      ),
    ).toEqual([]);
    const paragraphs = blocks(markdown)
      .filter((n) => n.type === 'paragraph')
      .map(textOf);
    for (const text of HOSTILE) expect(paragraphs).toContain(`${text}\n${text}`);
  });
});
