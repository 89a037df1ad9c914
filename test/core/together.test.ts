import { describe, expect, it } from 'vitest';
import { indexConversations } from '../../src/core/conversations.js';
import { begunBefore, checkIn, dueOnlyByTogether, workingDayOnOrBefore } from '../../src/core/due.js';
import type { Conversation, Journal } from '../../src/core/journal.js';
import { canonicalKind, kindKey } from '../../src/core/kinds.js';
import { resolveSettings, togetherRulesOf } from '../../src/core/settings.js';
import {
  type CadenceCounts,
  conversationClass,
  conversationSize,
  countsAsTogether,
  DEFAULT_WRITTEN_KINDS,
} from '../../src/core/together.js';
import { wholePerson } from '../helpers/journal.js';

const others = (n: number) => ['ana', ...Array.from({ length: n - 1 }, (_, i) => `p${i}`)];

describe('the class of a conversation', () => {
  it.each([
    // named, --size, kind, class
    [1, undefined, '1:2:1', 'alone'],
    [1, 1, 'coffee', 'alone'],
    [2, undefined, 'meeting', 'smallGroup'],
    [3, undefined, 'walk', 'smallGroup'],
    [4, undefined, 'meeting', 'group'],
    [7, undefined, 'all-hands', 'group'],
    // --size says how many were there in all, when people not in the journal were too
    [1, 2, 'coffee', 'smallGroup'],
    [1, 3, 'call', 'smallGroup'],
    [1, 4, 'call', 'group'],
    [2, 12, 'meeting', 'group'],
    // never fewer than the people named: a size below them is the people named
    [4, 1, 'meeting', 'group'],
    // written kinds, whatever the size, in any case
    [1, undefined, 'message', 'written'],
    [1, undefined, 'Email', 'written'],
    [5, undefined, 'chat', 'written'],
    [1, undefined, 'TEXT', 'written'],
    [1, undefined, 'letter', 'written'],
    // and the messaging apps people name as the kind
    [1, undefined, 'Slack', 'written'],
    [1, undefined, 'sms', 'written'],
    [1, undefined, 'DM', 'written'],
    [1, undefined, 'WhatsApp', 'written'],
  ] as const)('%i named, size %s, %s: %s', (named, size, kind, cls) => {
    const conversation = { with: others(named), kind, ...(size === undefined ? {} : { size }) };
    expect(conversationClass(conversation, DEFAULT_WRITTEN_KINDS)).toBe(cls);
    expect(conversationSize(conversation)).toBe(Math.max(named, size ?? 0));
  });

  it.each([
    // a written kind however it is spelt: hyphens, dots and spaces in or out, accents
    ['e-mail', 'written'],
    ['E-Mail', 'written'],
    ['e mail', 'written'],
    ['i.m.', 'written'],
    ['Text', 'written'],
    ['txt', 'written'],
    ['mail', 'written'],
    ['Postcard', 'written'],
    ['LinkedIn', 'written'],
    ['WeChat', 'written'],
    ['Messenger', 'written'],
    ['IM', 'written'],
    // plurals, a verb's ending, a joined compound, a non-breaking hyphen
    ['emails', 'written'],
    ['Messages', 'written'],
    ['DMs', 'written'],
    ['texting', 'written'],
    ['chatting', 'written'],
    ['voicemail', 'written'],
    ['e\u2011mail', 'written'],
    ['Slack messages', 'written'],
    ['team meetings chat', 'alone'],
    ['calls', 'alone'],
    // several words, one of them written and none spoken
    ['text message', 'written'],
    ['Slack DM', 'written'],
    ['email thread', 'written'],
    ['voice mail', 'written'],
    ['WhatsApp/text', 'written'],
    // a spoken word makes it spoken, whatever else it says
    ['Slack huddle', 'alone'],
    ['video chat', 'alone'],
    ['coffee chat', 'alone'],
    ['WhatsApp call', 'alone'],
    ['Signal video', 'alone'],
    ['chat over lunch', 'alone'],
    ['in-person chat', 'alone'],
    ['1:1 chat', 'alone'],
    // a word merely containing a written kind is not one
    ['textile fair', 'alone'],
    ['mailroom tour', 'alone'],
    ['Zoom', 'alone'],
    ['coffee', 'alone'],
    // "voice" is a call by another name, unless it was recorded and sent
    ['Telegram voice', 'alone'],
    ['WhatsApp voice', 'alone'],
    ['voice', 'alone'],
    ['voice chat', 'alone'],
    ['voice call', 'alone'],
    ['voice note', 'written'],
    ['Voice notes', 'written'],
    ['voice-memo', 'written'],
    ['voice message', 'written'],
    ['Telegram voice note', 'written'],
    ['WhatsApp voice message', 'written'],
    // Google Chat by its short name; Discord stays spoken (its voice channels)
    ['gchat', 'written'],
    ['GChat', 'written'],
    ['discord', 'alone'],
  ] as const)('%s with one person is %s', (kind, cls) => {
    expect(conversationClass({ with: ['ana'], kind }, DEFAULT_WRITTEN_KINDS)).toBe(cls);
  });

  it.each([
    ['slack', ['slack', 'email'], 'written'],
    ['e-mail', ['Email'], 'written'],
    ['email', ['E-Mail'], 'written'],
    ['team memo', ['memo'], 'written'],
    // a written kind split at its hyphen or space among other words, in any dash
    ['e-mail thread', ['e-mail'], 'written'],
    ['e mail thread', ['E-Mail'], 'written'],
    ['e\u2011mail thread', ['e-mail'], 'written'],
    ['E-Mail', ['e\u2011mail'], 'written'],
    ['e-mail thread', ['e\u2011mail'], 'written'],
    ['e-mail call', ['e-mail'], 'alone'],
    ['message', ['slack'], 'alone'],
    ['message', [], 'alone'],
  ] as const)('%s with written kinds %j is %s', (kind, written, cls) => {
    expect(conversationClass({ with: ['ana'], kind }, written)).toBe(cls);
  });
});

describe('what counts as time together', () => {
  // class -> [small-groups, alone, any]
  const table: [string, { named: number; kind: string }, [boolean, boolean, boolean]][] = [
    ['alone', { named: 1, kind: '1:2:1' }, [true, true, true]],
    ['a small group', { named: 3, kind: 'meeting' }, [true, false, true]],
    ['a group', { named: 4, kind: 'meeting' }, [false, false, true]],
    ['written', { named: 1, kind: 'message' }, [false, false, true]],
  ];
  const rules: CadenceCounts[] = ['small-groups', 'alone', 'any'];
  for (const [what, shape, expected] of table) {
    it.each(rules.map((rule, i) => [rule, expected[i]!] as const))(`${what} under %s: %s`, (rule, counts) => {
      const conversation = { with: others(shape.named), kind: shape.kind };
      expect(
        countsAsTogether(conversation, { writtenKinds: DEFAULT_WRITTEN_KINDS, cadenceCounts: rule }),
      ).toBe(counts);
    });
  }

  it.each([
    [true, 'message', 'small-groups', true],
    [true, 'meeting', 'alone', true],
    [false, '1:2:1', 'any', false],
    [false, 'coffee', 'small-groups', false],
  ] as const)('a mark by hand (%s) wins over the rules: %s under %s', (mark, kind, rule, counts) => {
    const conversation = { with: others(kind === 'meeting' ? 6 : 1), kind, counts: mark };
    expect(countsAsTogether(conversation, { writtenKinds: DEFAULT_WRITTEN_KINDS, cadenceCounts: rule })).toBe(
      counts,
    );
  });
});

describe('the settings of time together', () => {
  it.each([
    [{}, {}, DEFAULT_WRITTEN_KINDS, 'small-groups'],
    [{ 'cadence-counts': 'alone' }, {}, DEFAULT_WRITTEN_KINDS, 'alone'],
    [{ 'cadence-counts': 'alone' }, { REL_CADENCE_COUNTS: 'any' }, DEFAULT_WRITTEN_KINDS, 'any'],
    [{ 'cadence-counts': 'alone' }, { REL_CADENCE_COUNTS: '' }, DEFAULT_WRITTEN_KINDS, 'alone'],
    [{}, { REL_CADENCE_COUNTS: 'Small Groups' }, DEFAULT_WRITTEN_KINDS, 'small-groups'],
    [{}, { REL_CADENCE_COUNTS: 'sometimes' }, DEFAULT_WRITTEN_KINDS, 'small-groups'],
    [{ 'written-kinds': 'Slack, email ,' }, {}, ['slack', 'email'], 'small-groups'],
    [{ 'written-kinds': 'slack' }, { REL_WRITTEN_KINDS: 'none' }, [], 'small-groups'],
  ] as const)('config %j and environment %j: %j, %s', (config, env, written, counts) => {
    const rules = togetherRulesOf(resolveSettings(config, env).settings);
    expect(rules).toEqual({ writtenKinds: written, cadenceCounts: counts });
  });
});

describe('due from time together', () => {
  const ana = wholePerson('ana', 'Ana', { createdAt: '2026-10-01T09:00:00.000Z', cadenceDays: 14 });
  let n = 0;
  const talk = (date: string, extra: Partial<Conversation> = {}): Conversation => ({
    id: `c${++n}`,
    date,
    with: ['ana'],
    kind: '1:2:1',
    minutes: 30,
    note: '',
    heard: [],
    createdAt: `${date}T10:00:00.000Z`,
    ...extra,
  });
  const team = ['ana', 'b', 'c', 'd', 'e', 'f', 'g'];
  const defaults = { writtenKinds: DEFAULT_WRITTEN_KINDS, cadenceCounts: 'small-groups' as const };

  it.each([
    ['never met: due the day they were added', [], defaults, null, null, '2026-10-01'],
    ['a 1:2:1', [talk('2026-11-02')], defaults, '2026-11-02', '2026-11-02', '2026-11-16'],
    [
      'an all-hands after the 1:2:1 is seen, not together',
      [talk('2026-11-02'), talk('2026-11-20', { with: team, kind: 'meeting' })],
      defaults,
      '2026-11-20',
      '2026-11-02',
      '2026-11-16',
    ],
    [
      'a message after the 1:2:1 does not move it',
      [talk('2026-11-02'), talk('2026-11-11', { kind: 'message' })],
      defaults,
      '2026-11-11',
      '2026-11-02',
      '2026-11-16',
    ],
    [
      'a coffee for three moves it',
      [talk('2026-11-02'), talk('2026-11-10', { with: ['ana', 'b', 'c'], kind: 'coffee' })],
      defaults,
      '2026-11-10',
      '2026-11-10',
      '2026-11-24',
    ],
    [
      'a coffee of one named but six there does not',
      [talk('2026-11-02'), talk('2026-11-10', { kind: 'coffee', size: 6 })],
      defaults,
      '2026-11-10',
      '2026-11-02',
      '2026-11-16',
    ],
    [
      'under alone, the small group does not',
      [talk('2026-11-02'), talk('2026-11-10', { with: ['ana', 'b'], kind: 'walk' })],
      { ...defaults, cadenceCounts: 'alone' as const },
      '2026-11-10',
      '2026-11-02',
      '2026-11-16',
    ],
    [
      'under any, the all-hands does (the old rule)',
      [talk('2026-11-02'), talk('2026-11-20', { with: team, kind: 'meeting' })],
      { ...defaults, cadenceCounts: 'any' as const },
      '2026-11-20',
      '2026-11-20',
      '2026-12-04',
    ],
    [
      'an all-hands marked by hand counts',
      [talk('2026-11-02'), talk('2026-11-20', { with: team, kind: 'meeting', counts: true })],
      defaults,
      '2026-11-20',
      '2026-11-20',
      '2026-12-04',
    ],
    [
      'a 1:2:1 marked as not counting does not',
      [talk('2026-11-02'), talk('2026-11-09', { counts: false })],
      defaults,
      '2026-11-09',
      '2026-11-02',
      '2026-11-16',
    ],
    [
      'only messages: never met that way',
      [talk('2026-11-02', { kind: 'email' }), talk('2026-11-09', { kind: 'Message' })],
      defaults,
      '2026-11-09',
      null,
      '2026-10-01',
    ],
  ] as const)('%s', (_what, conversations, rules, lastSeen, lastTogether, dueOn) => {
    const index = indexConversations([...conversations]);
    const state = checkIn(ana, index, '2026-11-27', undefined, rules);
    expect(state).toMatchObject({ lastSeen, lastTogether, dueOn });
    expect(state.daysSinceTogether).toBe(lastTogether === null ? null : 27 - Number(lastTogether.slice(8)));
  });
});

describe('who is due only because cadences count time together (the upgrade notice)', () => {
  const added = { createdAt: '2026-10-01T09:00:00.000Z', cadenceDays: 14 };
  const people = ['ana', 'ben', 'cleo'].map((id) => wholePerson(id, id.toUpperCase(), added));
  const talk = (id: string, date: string, extra: Partial<Conversation> = {}): Conversation => ({
    id: `${id}-${date}-${extra.kind ?? ''}`,
    date,
    with: [id],
    kind: '1:2:1',
    minutes: 30,
    note: '',
    heard: [],
    createdAt: `${date}T10:00:00.000Z`,
    ...extra,
  });
  const allHands = (date: string) =>
    talk('ana', date, { with: ['ana', 'ben', 'cleo', 'd', 'e'], kind: 'meeting' });
  const defaults = { writtenKinds: DEFAULT_WRITTEN_KINDS, cadenceCounts: 'small-groups' as const };
  const journalOf = (conversations: Conversation[], extra: Partial<Journal> = {}) =>
    ({ people, conversations, followUps: [], ...extra }) as unknown as Journal;

  it.each([
    [
      '1:2:1s only: the rules agree',
      [talk('ana', '2026-11-02'), talk('ben', '2026-11-02'), talk('cleo', '2026-11-02')],
      defaults,
      [],
    ],
    [
      'an all-hands after the 1:2:1s: everyone',
      [
        talk('ana', '2026-11-02'),
        talk('ben', '2026-11-02'),
        talk('cleo', '2026-11-02'),
        allHands('2026-11-10'),
      ],
      defaults,
      ['ana', 'ben', 'cleo'],
    ],
    [
      'a message to Ana only',
      [
        talk('ana', '2026-11-02'),
        talk('ben', '2026-11-02'),
        talk('cleo', '2026-11-20'),
        talk('ana', '2026-11-10', { kind: 'Message' }),
      ],
      defaults,
      ['ana'],
    ],
    [
      'a walk with two: time together either way',
      [
        talk('ana', '2026-11-02'),
        talk('ana', '2026-11-10', { with: ['ana', 'ben'], kind: 'walk' }),
        talk('cleo', '2026-11-20'),
      ],
      defaults,
      [],
    ],
    [
      'the walk under alone: Ana and Ben',
      [
        talk('ana', '2026-11-02'),
        talk('ana', '2026-11-10', { with: ['ana', 'ben'], kind: 'walk' }),
        talk('cleo', '2026-11-20'),
      ],
      { ...defaults, cadenceCounts: 'alone' as const },
      ['ana', 'ben'],
    ],
    [
      'under any: no one, that is the old rule',
      [talk('ana', '2026-11-02'), allHands('2026-11-10')],
      { ...defaults, cadenceCounts: 'any' as const },
      [],
    ],
    [
      'an all-hands marked by hand counts under both',
      [
        talk('ana', '2026-11-02'),
        talk('ben', '2026-11-20'),
        talk('cleo', '2026-11-20'),
        { ...allHands('2026-11-10'), counts: true },
      ],
      defaults,
      [],
    ],
  ] as const)('%s', (_what, conversations, rules, expected) => {
    const journal = journalOf([...conversations]);
    const index = indexConversations(journal.conversations);
    expect(dueOnlyByTogether(journal, index, '2026-11-18', 14, rules).map((p) => p.id)).toEqual(expected);
  });

  it('is what comparing both check-ins of everyone gives, on varied journals', () => {
    // A small deterministic generator: conversations of every class, marks by hand, many dates.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor(seed / 65536) % n; // the high bits: the low ones of this generator cycle
    };
    const kinds = ['1:2:1', 'coffee', 'meeting', 'Message', 'slack', 'walk', 'call'];
    const ids = ['ana', 'ben', 'cleo'];
    let found = 0;
    for (let round = 0; round < 300; round++) {
      const conversations = Array.from({ length: next(8) }, (_, i) => {
        const withIds = ids.filter(() => next(2) === 0);
        const mark = next(6);
        return talk(withIds[0] ?? 'ana', `2026-11-${String(1 + next(17)).padStart(2, '0')}`, {
          id: `c${round}-${i}`,
          with: withIds.length ? [...withIds, ...(next(3) === 0 ? ['d', 'e', 'f'] : [])] : ['ana'],
          kind: kinds[next(kinds.length)]!,
          ...(mark === 0 ? { counts: true } : mark === 1 ? { counts: false } : {}),
        });
      });
      const journal = journalOf(conversations);
      const index = indexConversations(journal.conversations);
      for (const cadenceCounts of ['small-groups', 'alone'] as const) {
        const rules = { ...defaults, cadenceCounts };
        const old = { ...rules, cadenceCounts: 'any' as const };
        const expected = people
          .filter(
            (p) =>
              checkIn(p, index, '2026-11-18', 14, rules).overdueDays >= 0 &&
              checkIn(p, index, '2026-11-18', 14, old).overdueDays < 0,
          )
          .map((p) => p.id);
        found += expected.length;
        expect(dueOnlyByTogether(journal, index, '2026-11-18', 14, rules).map((p) => p.id)).toEqual(expected);
      }
    }
    // The journals do hold people the change makes due, not only empty answers.
    expect(found).toBeGreaterThan(50);
  });

  it('leaves out archived and snoozed people, as rel due does', () => {
    const journal = journalOf(
      [talk('ana', '2026-11-02'), talk('ben', '2026-11-02'), allHands('2026-11-10')],
      {
        people: [
          { ...people[0]!, archivedAt: '2026-11-11T09:00:00.000Z' },
          { ...people[1]!, snoozedUntil: '2026-11-30' },
          people[2]!,
        ],
      },
    );
    const index = indexConversations(journal.conversations);
    expect(dueOnlyByTogether(journal, index, '2026-11-18', 14, defaults).map((p) => p.id)).toEqual(['cleo']);
  });
});

describe('a journal from before the change', () => {
  const at = (createdAt: string) => wholePerson('p', 'P', { createdAt });
  it.each([
    ['everyone added since', [at('2026-12-01T08:00:00.000Z'), at('2026-12-03T08:00:00.000Z')], [], false],
    [
      'someone added the day before',
      [at('2026-11-30T23:59:00.000Z'), at('2026-12-03T08:00:00.000Z')],
      [],
      true,
    ],
    ['a conversation logged before', [at('2026-12-02T08:00:00.000Z')], ['2026-11-20T10:00:00.000Z'], true],
    ['an empty journal', [], [], false],
  ])('%s: %s', (_what, people, conversations, expected) => {
    const journal = {
      people,
      conversations: conversations.map((createdAt) => ({ createdAt })),
      followUps: [],
    } as unknown as Journal;
    expect(begunBefore(journal, '2026-12-01')).toBe(expected);
  });
});

describe('one kind, several spellings', () => {
  it.each([
    ['1:1', '1:2:1'],
    ['1-1', '1:2:1'],
    ['1on1', '1:2:1'],
    ['One-on-One', '1:2:1'],
    ['121', '1:2:1'],
    ['1:2:1', '1:2:1'],
    ['Coffee', 'coffee'],
    ['Standup', 'Standup'],
  ])('%s is kept as %s', (typed, kind) => {
    expect(canonicalKind(typed)).toBe(kind);
  });

  it('matches kinds without regard to case, written kinds too', () => {
    expect(kindKey('Standup')).toBe(kindKey('standup'));
    expect(conversationClass({ with: ['ana'], kind: 'E-Mail' }, ['e-mail'])).toBe('written');
  });
});

describe('working days', () => {
  it.each([
    ['2026-11-13', [1, 2, 3, 4, 5], '2026-11-13'], // a Friday stays
    ['2026-11-14', [1, 2, 3, 4, 5], '2026-11-13'], // Saturday: the Friday before
    ['2026-11-15', [1, 2, 3, 4, 5], '2026-11-13'], // Sunday too
    ['2026-11-12', [1, 2, 4], '2026-11-12'], // Thursday worked
    ['2026-11-11', [1, 2, 4], '2026-11-10'], // Wednesday off: Tuesday
    ['2026-11-16', [0], '2026-11-15'],
    ['2026-11-14', [], '2026-11-14'],
  ])('a check-in due %s with working days %j shows on %s', (due, days, shown) => {
    expect(workingDayOnOrBefore(due, days)).toBe(shown);
  });
});
