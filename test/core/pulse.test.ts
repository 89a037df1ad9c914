import { describe, expect, it } from 'vitest';
import { emptyJournal, type Journal } from '../../src/core/journal.js';
import { englishLanguage } from '../../src/core/language.js';
import { computePulse } from '../../src/core/pulse.js';
import { pruneThemes, sharedThemesOf } from '../../src/core/stored-themes.js';
import { candidates, isWorry, looksEnglish, themeKey } from '../../src/core/themes.js';
import { wholePerson } from '../helpers/journal.js';

const english = englishLanguage();

/** The theme keys one note gives, in order of first appearance. */
const keysOf = (text: string) => [...new Set(candidates(text, english).map((c) => c.key))];

describe('themes of one note', () => {
  it.each([
    ['Tired of #oncall again', ['oncall']],
    ['#OnCall and #on-call are one theme', ['oncall', 'theme']],
    ['Tired of on-call, third weekend in a row', ['oncall']],
    ['Pager alerts at night are wearing her down', ['pager']], // alone, "alerts" reads as a verb
    ['The deploy broke twice, and the hiring stalled', ['deploy', 'hiring']],
    ['Budget cuts mean no travel this quarter', ['budget', 'cut', 'travel', 'quarter']],
    ['Kids are sick so working from home', ['kid', 'home']],
    ['Wants clearer promotion criteria', ['promotion', 'criterion']],
    // stop words: time words, vague nouns, pronouns
    ['Wants more time, things are a lot this week', []],
    // accents fold into one key
    ['Le café était fermé #café', ['cafe']],
    ['Worried about the réorg', ['reorg']],
    ['The OKRs are unclear', ['okrs']],
    // months and days, written out or short, are dates, not themes
    ['Training for the Valencia marathon on 6 Dec', ['training', 'valencia', 'marathon']],
    ['Her partner is expecting a baby in December', ['partner', 'baby']],
    ['Offsite moved to Thurs, then Mon 7 Sept', ['offsite']],
    // feelings and hedges say how it felt, not what it was about
    ['Both worried about pipeline ownership', ['pipeline', 'ownership']],
    ['Lots of anxiety about the reorg', ['reorg']],
    ['Excited, maybe a bit nervous, about the launch', ['launch']],
    // a telegraphic note with no function word is still English
    ['New baby girl born last week!', ['baby', 'girl']],
  ])('%s', (text, expected) => {
    expect(keysOf(text)).toEqual(expected);
  });

  it('keeps acronyms as written and lowers other words', () => {
    expect(candidates('The OKRs are unclear', english).map((c) => c.written)).toEqual(['OKRs']);
    expect(candidates('Reorg is scary', english).map((c) => c.written)).toEqual(['reorg']);
  });

  it('reads hashtags alone without a language, and in text that is not English', () => {
    expect(keysOf.call(null, 'x')).toEqual([]);
    expect(
      candidates('Fatigué des astreintes, encore une fois #astreinte', english).map((c) => c.key),
    ).toEqual(['astreinte']);
    expect(candidates('Tired of on-call #pager', undefined).map((c) => c.key)).toEqual(['pager']);
  });

  it.each([
    ['Tired of on-call, third weekend in a row', true],
    ['Pager alerts', true],
    ['Fatigué des astreintes, encore une fois', false],
    ['Die Rufbereitschaft ist zu viel und nicht fair', false],
    ['El lanzamiento es para la semana que viene', false],
    ['New baby girl born last week! Sleep-deprived', true], // no function word, English letters
    ['Équipe fatiguée après trois déploiements ratés', false], // none, and letters English lacks
  ])('looksEnglish(%s) is %s', (text, expected) => {
    expect(looksEnglish(text)).toBe(expected);
  });

  it.each([
    ['on-call', 'oncall'],
    ['On Call', 'oncall'],
    ['#oncall', 'oncall'],
    ['Réorg', 'reorg'],
  ])('themeKey(%s) is %s', (word, key) => {
    expect(themeKey(word)).toBe(key);
  });
});

function team(): Journal {
  const journal = emptyJournal();
  for (const [id, name, extra] of [
    ['ana', 'Ana Silva', { team: 'Platform', tags: ['core'] }],
    ['ben', 'Ben Okafor', { team: 'Platform' }],
    ['cleo', 'Cleo Dubois', { team: 'Payments' }],
    ['dev', 'Dev Patel', { team: 'Payments' }],
    ['gone', 'Gus Left', { team: 'Platform', archivedAt: '2026-10-01T09:00:00.000Z' }],
  ] as const) {
    journal.people.push(wholePerson(id, name, extra as object));
  }
  return journal;
}

let serial = 0;
function heard(
  journal: Journal,
  date: string,
  withIds: string[],
  notes: string[],
  heardFrom?: (string | null)[],
): void {
  serial++;
  journal.conversations.push({
    id: `c${serial}`,
    date,
    with: withIds,
    kind: withIds.length > 1 ? 'meeting' : '1:2:1',
    minutes: 30,
    note: '',
    heard: notes,
    ...(heardFrom ? { heardFrom } : {}),
    createdAt: `${date}T10:${String(serial % 60).padStart(2, '0')}:00.000Z`,
  });
}

const WINDOW = { since: '2026-10-31', until: '2026-11-27', language: english };
const themeNames = (journal: Journal, options: object = {}) =>
  computePulse(journal, { ...WINDOW, ...options }).themes.map((t) => t.theme);

describe('themes across people', () => {
  it('merges spellings on-call, oncall, on call and #oncall into the one most written', () => {
    const journal = team();
    heard(journal, '2026-11-02', ['ana'], ['Tired of on-call']);
    heard(journal, '2026-11-03', ['ben'], ['The oncall rota is unfair']);
    heard(journal, '2026-11-04', ['cleo'], ['On call again this weekend']);
    heard(journal, '2026-11-05', ['dev'], ['Swapped shifts #oncall']);
    heard(journal, '2026-11-06', ['ana'], ['More on-call pain']);
    const [first] = computePulse(journal, WINDOW).themes;
    expect(first).toMatchObject({ theme: 'on-call', groups: 0, mentions: 5, last: '2026-11-06' });
    expect(first!.people.map((p) => p.id)).toEqual(['ana', 'ben', 'cleo', 'dev']);
  });

  it('merges plurals and case, and shows the spelling written most', () => {
    const journal = team();
    heard(journal, '2026-11-02', ['ana'], ['Deploys keep failing']);
    heard(journal, '2026-11-03', ['ben'], ['The deploy broke twice']);
    heard(journal, '2026-11-04', ['cleo'], ['Deploys are slow']);
    expect(themeNames(journal)).toEqual(['deploys']);
  });

  it('needs two different people: one person saying it twice is not a theme', () => {
    const journal = team();
    heard(journal, '2026-11-02', ['ana'], ['Worried about the migration']);
    heard(journal, '2026-11-09', ['ana'], ['The migration slipped again']);
    expect(themeNames(journal)).toEqual([]);
    heard(journal, '2026-11-10', ['ben'], ['Migration scope keeps growing']);
    expect(themeNames(journal)).toEqual(['migration']);
  });

  it('counts a group note once, as a group, however many were there', () => {
    const journal = team();
    heard(journal, '2026-11-02', ['ana', 'ben', 'cleo', 'dev'], ['Hiring is too slow'], [null]);
    expect(themeNames(journal)).toEqual([]);
    heard(journal, '2026-11-03', ['dev'], ['Hiring freeze worries me']);
    const [hiring] = computePulse(journal, WINDOW).themes;
    expect(hiring).toMatchObject({ theme: 'hiring', groups: 1, mentions: 2 });
    expect(hiring!.people.map((p) => p.id)).toEqual(['dev']);
  });

  it('gives a note heard from one person in a group to that person alone', () => {
    const journal = team();
    heard(journal, '2026-11-02', ['ana', 'ben'], ['Budget is tight', 'Budget talk was fine'], ['ana', 'ben']);
    const [budget] = computePulse(journal, WINDOW).themes;
    expect(budget!.people.map((p) => p.id)).toEqual(['ana', 'ben']);
    expect(budget!.groups).toBe(0);
  });

  it('reads only the window, and only people in scope (team, tag, not archived)', () => {
    const journal = team();
    heard(journal, '2026-10-30', ['ana'], ['Offsite planning']); // the day before the window
    heard(journal, '2026-11-27', ['ben'], ['Offsite venue']);
    heard(journal, '2026-11-28', ['cleo'], ['Offsite dates']); // after it
    expect(themeNames(journal)).toEqual([]);
    heard(journal, '2026-10-31', ['dev'], ['Offsite budget']); // its first day
    expect(themeNames(journal)).toEqual(['offsite']);
    heard(journal, '2026-11-10', ['gone'], ['Roadmap is unclear']);
    heard(journal, '2026-11-11', ['ana'], ['Roadmap changes weekly']);
    expect(themeNames(journal)).toEqual(['offsite']);
    heard(journal, '2026-11-12', ['cleo'], ['Roadmap looks good']);
    expect(themeNames(journal)).toEqual(['offsite', 'roadmap']);
    heard(journal, '2026-11-13', ['dev'], ['Roadmap for payments']);
    expect(themeNames(journal)).toEqual(['roadmap', 'offsite']);
    expect(themeNames(journal, { team: 'platform' })).toEqual([]);
    expect(themeNames(journal, { team: 'Payments' })).toEqual(['roadmap']);
    expect(themeNames(journal, { tag: 'core' })).toEqual([]);
  });

  it('leaves out stop words and the names of people', () => {
    const journal = team();
    heard(journal, '2026-11-02', ['ana'], ['Ben has a lot going on this week']);
    heard(journal, '2026-11-03', ['cleo'], ['Ben was great, things are busy this week']);
    expect(themeNames(journal)).toEqual([]);
  });

  it('finds a theme several people told in their own words, and no date or feeling', () => {
    const journal = team();
    heard(journal, '2026-11-06', ['ana'], ['Her partner is expecting a baby in December']);
    heard(journal, '2026-11-06', ['ben'], ['New baby girl born last week! Sleep-deprived']);
    heard(journal, '2026-11-20', ['ana'], ['Baby due in 3 weeks; going on leave 7 Dec']);
    heard(journal, '2026-11-21', ['cleo'], ['Training for the Valencia marathon on 6 Dec']);
    heard(journal, '2026-11-22', ['dev'], ['Worried about losing Ben']);
    heard(journal, '2026-11-23', ['cleo'], ['Knee injury, worried she cannot race']);
    heard(journal, '2026-11-24', ['ana', 'dev'], ['Both worried about pipeline ownership'], [null]);
    expect(themeNames(journal)).toEqual(['baby']);
    expect(computePulse(journal, WINDOW).themes[0]!.people.map((p) => p.id)).toEqual(['ana', 'ben']);
  });

  it('finds themes from hashtags alone without a language', () => {
    const journal = team();
    heard(journal, '2026-11-02', ['ana'], ['Tired of on-call #pager']);
    heard(journal, '2026-11-03', ['ben'], ['On-call again #Pager']);
    expect(themeNames(journal, { language: undefined })).toEqual(['pager']);
  });
});

describe('worries', () => {
  // Real-sounding notes, and whether each reads as a worry.
  it.each([
    ['Worried the launch date is slipping again', true],
    ['Burnout from back-to-back incidents', true],
    ['Feels overwhelmed by the reorg', true],
    ['Performance review felt rushed and unfair', true],
    ['Nervous about the new manager', true],
    ['Went well at first, but now worried about the launch', true],
    ['Stretched thin since Ben left', true],
    // must not be flagged
    ['Worried the demo would fail, but it went great', false],
    ['Not worried about the launch any more', false],
    ['Excited about leading the payments project', false],
    ['Proud of the release, customers noticed', false],
    ['Reorg announced for January', false],
    ['Wants to present at the conference in spring', false],
    ['Fatigué des astreintes, encore une fois', false], // not English: never judged
  ])('%s', (text, worry) => {
    expect(isWorry(text, english)).toBe(worry);
  });

  it('flags a person whose last three notes in the window are worries, and names their topics', () => {
    const journal = team();
    heard(journal, '2026-11-02', ['ana'], ['Happy with the team']);
    heard(journal, '2026-11-05', ['ana'], ['Nervous about the reorg']);
    heard(journal, '2026-11-12', ['ana'], ['Worried the launch is slipping']);
    heard(journal, '2026-11-20', ['ana'], ['The review felt unfair']);
    const { worries } = computePulse(journal, WINDOW);
    expect(worries).toHaveLength(1);
    expect(worries[0]).toMatchObject({ id: 'ana', name: 'Ana Silva', topics: ['reorg', 'launch', 'review'] });
    expect(worries[0]!.notes.map((n) => n.date)).toEqual(['2026-11-05', '2026-11-12', '2026-11-20']);
  });

  it.each([
    [
      'the last of three is good news',
      ['Nervous about the reorg', 'Worried about the launch', 'The launch went great'],
    ],
    ['only two notes', ['Nervous about the reorg', 'Worried about the launch']],
    [
      'worried, but it went well',
      [
        'Nervous about the reorg',
        'Worried about the launch',
        'Worried the demo would fail, but it went great',
      ],
    ],
  ])('does not flag when %s', (_, notes) => {
    const journal = team();
    notes.forEach((text, i) => {
      heard(journal, `2026-11-1${i}`, ['ben'], [text]);
    });
    expect(computePulse(journal, WINDOW).worries).toEqual([]);
  });

  it("does not count group notes as one person's worries", () => {
    const journal = team();
    for (const day of ['10', '11', '12'])
      heard(journal, `2026-11-${day}`, ['ana', 'ben'], ['Everyone is worried about layoffs'], [null]);
    expect(computePulse(journal, WINDOW).worries).toEqual([]);
  });
});

describe('quiet ambitions and the stored result', () => {
  it('lists active ambitions not discussed since the window began', () => {
    const journal = team();
    const ambition = (text: string, lastDiscussedOn: string, status = 'active') => ({
      id: text,
      text,
      addedOn: '2026-01-01',
      status,
      lastDiscussedOn,
      statusChangedOn: null,
      conversationId: null,
    });
    journal.people[0]!.ambitions = [
      ambition('Lead a team', '2026-09-01') as never,
      ambition('Give a talk', '2026-11-01') as never,
      ambition('Learn Go', '2026-01-01', 'achieved') as never,
    ];
    expect(computePulse(journal, WINDOW).quietAmbitions).toEqual([
      { id: 'ana', name: 'Ana Silva', ambition: 'Lead a team', since: '2026-09-01' },
    ]);
  });

  it('tells each person the themes others share with them, and prunes a forgotten person', () => {
    const journal = team();
    heard(journal, '2026-11-02', ['ana'], ['Tired of on-call']);
    heard(journal, '2026-11-03', ['ben'], ['On-call rota is unfair']);
    heard(journal, '2026-11-04', ['cleo'], ['On-call pay']);
    heard(journal, '2026-11-05', ['ana', 'ben', 'cleo', 'dev'], ['Budget cuts'], [null]);
    heard(journal, '2026-11-06', ['dev'], ['Budget for travel']);
    const { stored } = computePulse(journal, WINDOW);
    const known = new Set(journal.people.map((p) => p.id));
    expect(sharedThemesOf('ana', stored, known)).toEqual([{ theme: 'on-call', others: 2, groups: 0 }]);
    expect(sharedThemesOf('dev', stored, known)).toEqual([{ theme: 'budget', others: 0, groups: 1 }]);
    journal.people = journal.people.filter((p) => p.id !== 'ben');
    journal.conversations = journal.conversations.filter((c) => c.with.join() !== 'ben');
    const pruned = pruneThemes(stored, journal);
    expect(JSON.stringify(pruned)).not.toContain('ben');
    expect(sharedThemesOf('ana', pruned, new Set(journal.people.map((p) => p.id)))).toEqual([
      { theme: 'on-call', others: 1, groups: 0 },
    ]);
    journal.people = journal.people.filter((p) => p.id !== 'cleo');
    expect(pruneThemes(stored, journal).map((t) => t.theme)).toEqual(['budget']);
  });
});
