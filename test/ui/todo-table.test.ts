// rel todo's table: each follow-up says when it is due, a date shown as the other tables show it.
import { describe, expect, it } from 'vitest';
import type { TodoItem } from '../../src/core/followups.js';
import { renderTodo } from '../../src/ui/render/todo.js';
import type { Theme } from '../../src/ui/theme.js';

const same = (s: string) => s;
const plain: Theme = {
  bold: same,
  dim: same,
  heading: same,
  accent: same,
  good: same,
  warn: same,
  mark: same,
};

function item(id: string, text: string, due: string | null, overdue: boolean): TodoItem {
  return {
    id,
    text,
    personId: 'p1',
    person: 'Ana Silva',
    personIds: ['p1'],
    people: ['Ana Silva'],
    owner: 'me',
    due,
    createdAt: '2026-11-01T09:00:00.000Z',
    overdue,
    conversationId: null,
  };
}

describe('renderTodo', () => {
  it('says when each is due, the same date alike on every row', () => {
    const text = renderTodo(
      [
        item('aaaa1111', 'Send the notes', '2026-11-06', true),
        item('bbbb2222', 'Book the room', '2026-11-30', false),
        item('cccc3333', 'Share the draft', '2026-11-30', false),
        item('dddd4444', 'Ask about the offsite', '2026-11-06', true),
        item('eeee5555', 'Say thanks', null, false),
      ],
      '2026-11-27',
      plain,
      100,
    );
    expect(text.split('\n')).toEqual([
      '5 open follow-ups, 2 overdue',
      '',
      'Id        Follow-up              With       Due',
      'aaaa1111  Send the notes         Ana Silva  overdue · was due 6 Nov',
      'bbbb2222  Book the room          Ana Silva  due in 3 days · 30 Nov',
      'cccc3333  Share the draft        Ana Silva  due in 3 days · 30 Nov',
      'dddd4444  Ask about the offsite  Ana Silva  overdue · was due 6 Nov',
      'eeee5555  Say thanks             Ana Silva',
      '',
      'Close one with: rel done <id or words>',
    ]);
  });
});
