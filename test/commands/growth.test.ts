// Helping people grow, command by command (in process): steps toward ambitions, rel who, rel thanks, on the demo and
// on a small team made for the test.
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesOf, ok, readJson, rel, tempStore } from '../helpers/run.js';

/** Output read by its words: lines are wrapped to the width. */
const words = (text: string) => text.replace(/\s+/g, ' ');

describe('on the demo', () => {
  const store = tempStore('growth-demo');
  beforeAll(async () => {
    await ok(['demo'], { store });
  });

  it('shows an ambition with its last step in the profile, and one nothing was done toward as a talking point', async () => {
    const chloe = words(await ok(['profile', 'chloe'], { store }));
    expect(chloe).toContain(
      'Lead a project end to end · last step 5 weeks ago: Presented the portal demo to leadership',
    );
    expect(chloe).toContain('Last appreciated 5 weeks ago: The developer portal demo');
    const eve = words(await ok(['profile', 'eve'], { store }));
    expect(eve).toContain("• Nothing done toward: Write the company's first SRE handbook for 4 months");
    const agenda = await ok(['agenda', 'eve'], { store });
    expect(agenda).toContain(
      `- [ ] Nothing done toward "Write the company's first SRE handbook" for 4 months: what could be a next step?`,
    );
    const json = JSON.parse(await ok(['profile', 'chloe', '--json'], { store }));
    const lead = json.ambitions.find((a: { text: string }) => a.text.startsWith('Lead'));
    expect(lead.steps.map((s: { text: string }) => s.text)).toEqual([
      'Given the developer portal to own, from roadmap to launch',
      'Presented the portal demo to leadership',
    ]);
    expect(json.ambitions.find((a: { text: string }) => a.text.startsWith('Learn')).steps).toEqual([]);
  });

  it('gives someone seen lately but not appreciated lately one gentle talking point', async () => {
    expect(words(await ok(['profile', 'ben'], { store }))).toContain(
      '• Last appreciated 8 weeks ago: anything to thank them for?',
    );
    // Thanked three weeks ago: nothing to raise.
    expect(await ok(['profile', 'ana'], { store })).not.toContain('anything to thank them for');
    // A longer period reaches back to Ben's thanks.
    const longer = await ok(['profile', 'ben'], { store, env: { REL_APPRECIATION_PERIOD: '3m' } });
    expect(longer).not.toContain('anything to thank them for');
    expect(await ok(['agenda', 'ben'], { store })).toContain(
      '- [ ] Last appreciated 8 weeks ago (for Leading the incident review at short notice): anything to thank them for?',
    );
    const due = JSON.parse(await ok(['due', '--json', '--within', '4w'], { store }));
    const byName = new Map(
      due.map((r: { name: string; lastAppreciated: string | null }) => [r.name, r.lastAppreciated]),
    );
    expect(byName.get('Ben Okafor')).toBe('2026-10-03');
    expect(byName.get('Eve Nakamura')).toBeNull();
  });

  it('finds a talent with rel who, grouped by person', async () => {
    expect(await ok(['who', 'design'], { store })).toBe(
      "Chloé Martin · skill: Graphic design: drew the portal's illustrations\nKemi Adeyemi · ambition: Move into product design\n",
    );
    expect(JSON.parse(await ok(['who', 'DESIGN', 'portal', '--json'], { store }))).toEqual([
      {
        id: 'chloe-martin',
        name: 'Chloé Martin',
        matches: [{ field: 'skill', text: "Graphic design: drew the portal's illustrations" }],
      },
    ]);
    // Olivia left (archived): her ambition is found with --all only.
    expect(await ok(['who', 'company'], { store })).toContain('1 archived person too: rel who company --all');
    expect(await ok(['who', 'company', '--all'], { store })).toContain(
      'Olivia Grant · ambition: Found a company one day',
    );
  });

  it('counts appreciation per person in rel stats', async () => {
    const stats = JSON.parse(await ok(['stats', '--json'], { store }));
    expect(stats.appreciation.map((a: { name: string; count: number }) => [a.name, a.count])).toEqual([
      ['Dev Patel', 1],
      ['Ana Silva', 1],
      ['Chloé Martin', 1],
      ['Ben Okafor', 1],
    ]);
  });
});

describe('on a team of its own', () => {
  async function team() {
    const store = tempStore('growth');
    await ok(['add', "Tom O'Brien", '--team', 'Coaching'], { store, now: '2026-08-01T09:00:00' });
    await ok(['add', 'Zoë Müller'], { store, now: '2026-08-01T09:00:00' });
    await ok(['ambition', 'tom', 'Work in design full-time'], { store, now: '2026-08-01T09:00:00' });
    await ok(['ambition', 'tom', 'Run a marathon'], { store, now: '2026-08-01T09:00:00' });
    await ok(['skill', 'tom', 'Graphic design'], { store, now: '2026-08-01T09:00:00' });
    return store;
  }

  it('rel ambition step records a step toward the ambition the words pick, which counts as it coming up', async () => {
    const store = await team();
    const step = await ok(['ambition', 'step', 'tom', 'design', 'Designed the Q1 newsletter'], { store });
    expect(step).toBe("Step toward Work in design full-time · Tom O'Brien: Designed the Q1 newsletter\n");
    const json = JSON.parse(await ok(['ambition', 'tom', '--json'], { store }));
    expect(json[0]).toMatchObject({
      text: 'Work in design full-time',
      lastDiscussedOn: '2026-11-27',
      steps: [
        {
          id: expect.any(String),
          text: 'Designed the Q1 newsletter',
          on: '2026-11-27',
          conversationId: null,
        },
      ],
    });
    expect(json[1].steps).toEqual([]);
    expect(readJson(store).people[0].ambitions[1].steps).toBeUndefined();
    expect(await ok(['ambition', 'tom'], { store })).toContain(
      'Steps:\n      – Designed the Q1 newsletter  27 Nov',
    );
    expect(words(await ok(['history', 'tom'], { store }))).toContain(
      '27 Nov · today · step toward Work in design full-time: Designed the Q1 newsletter',
    );
    expect(JSON.parse(await ok(['search', 'newsletter', '--json'], { store }))).toMatchObject([
      { field: 'step', person: "Tom O'Brien", date: '2026-11-27', text: 'Designed the Q1 newsletter' },
    ]);
    expect(await ok(['undo'], { store })).toContain(
      "Undone: added the step 'Designed the Q1 newsletter' toward 'Work in design full-time' (Tom O'Brien)",
    );
    expect(readJson(store).people[0].ambitions[0].steps).toBeUndefined();
  });

  it('rel ambition step --date records a step on the day it was done, never ahead, and only for a step', async () => {
    const store = await team();
    // Today is Friday 27 November 2026: last friday is the 20th.
    expect(
      await ok(['ambition', 'step', 'tom', 'design', 'Ran the poster workshop', '--date', 'last friday'], {
        store,
      }),
    ).toBe("Step toward Work in design full-time · Tom O'Brien: Ran the poster workshop (20 Nov)\n");
    const design = readJson(store).people[0].ambitions[0];
    expect(design.steps.map((s: { on: string }) => s.on)).toEqual(['2026-11-20']);
    expect(design.lastDiscussedOn).toBe('2026-11-20');
    const before = bytesOf(store);
    const ahead = await rel(['ambition', 'step', 'tom', 'design', 'Next one', '--date', 'tomorrow'], {
      store,
    });
    expect(ahead.code).toBe(2);
    expect(ahead.stderr).toContain('--date');
    const notAStep = await rel(['ambition', 'tom', 'Learn the cello', '--date', 'yesterday'], { store });
    expect(notAStep.code).toBe(2);
    expect(notAStep.stderr).toContain('--date is the day of a step');
    expect(bytesOf(store)?.equals(before!)).toBe(true);
  });

  it('refuses a step without words that pick one, for nothing active, or without its text, and changes nothing', async () => {
    const store = await team();
    const before = bytesOf(store);
    const several = await rel(['ambition', 'step', 'tom', 'Designed the newsletter'], { store });
    expect(several.code).toBe(2);
    expect(words(several.stderr)).toContain("Which active ambition of Tom O'Brien?");
    const none = await rel(['ambition', 'step', 'tom', 'piano', 'Lessons booked'], { store });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No active ambition of Tom O\'Brien matches "piano"');
    const nothing = await rel(['ambition', 'step', 'zoe', 'Gave her the talk'], { store });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Zoë Müller has no active ambition to take a step toward');
    const blank = await rel(['ambition', 'step', 'tom', 'design', '  '], { store });
    expect(blank.code).toBe(2);
    expect(bytesOf(store)?.equals(before!)).toBe(true);
  });

  it('rel thanks --date records appreciation given on another day and lists it by its day', async () => {
    const store = await team();
    await ok(['thanks', 'zoe', 'The launch notes'], { store });
    expect(await ok(['thanks', 'zoe', 'Covering my on-call', '--date', '2026-11-02'], { store })).toBe(
      'Thanked Zoë Müller: Covering my on-call (2 Nov)\n',
    );
    await ok(['thanks', 'zoe', 'The offsite plan', '--date', 'last friday'], { store });
    const listed = JSON.parse(await ok(['thanks', 'zoe', '--json'], { store }));
    expect(listed.map((t: { on: string; text: string }) => `${t.on} ${t.text}`)).toEqual([
      '2026-11-27 The launch notes',
      '2026-11-20 The offsite plan',
      '2026-11-02 Covering my on-call',
    ]);
    const before = bytesOf(store);
    const ahead = await rel(['thanks', 'zoe', 'Soon', '--date', 'tomorrow'], { store });
    expect(ahead.code).toBe(2);
    const listing = await rel(['thanks', 'zoe', '--date', 'yesterday'], { store });
    expect(listing.code).toBe(2);
    expect(listing.stderr).toContain('say what for');
    expect(bytesOf(store)?.equals(before!)).toBe(true);
  });

  it('rel thanks records appreciation, lists it, and undo, search, forget treat it as any record', async () => {
    const store = await team();
    expect(await ok(['thanks', 'zoe', 'Covering', 'my', 'on-call'], { store })).toBe(
      'Thanked Zoë Müller: Covering my on-call\n',
    );
    const json = JSON.parse(await ok(['thanks', 'tom', 'The launch checklist', '--json'], { store }));
    expect(json).toEqual({
      id: expect.any(String),
      text: 'The launch checklist',
      on: '2026-11-27',
      conversationId: null,
    });
    expect(await ok(['thanks', 'tom'], { store })).toContain(
      "Appreciation you gave Tom O'Brien\n  • The launch checklist  27 Nov",
    );
    expect(JSON.parse(await ok(['thanks', 'tom', '--json'], { store }))).toEqual([json]);
    expect(await ok(['profile', 'tom'], { store })).toContain('Last appreciated today: The launch checklist');
    expect(JSON.parse(await ok(['profile', 'tom', '--json'], { store })).lastAppreciated).toEqual(json);
    expect(JSON.parse(await ok(['search', 'checklist', '--json'], { store }))[0]).toMatchObject({
      field: 'thanks',
      id: json.id,
    });
    expect(await ok(['export', '--format', 'markdown'], { store })).toContain(
      '### Appreciation given\n\n- The launch checklist · 2026-11-27',
    );
    expect(await ok(['undo'], { store })).toContain(
      "Undone: recorded thanks for 'The launch checklist' (Tom O'Brien)",
    );
    expect(await ok(['thanks', 'tom'], { store })).toContain("No appreciation recorded for Tom O'Brien yet.");
    await ok(['forget', 'zoe', '--yes'], { store });
    expect(JSON.stringify(readJson(store))).not.toContain('on-call');
    expect((await rel(['thanks', 'nobody', 'x'], { store })).code).toBe(2);
  });

  it('rel log --step and --thanks record them with the conversation; a step that picks nothing writes nothing', async () => {
    const store = await team();
    const logged = await ok(
      [
        'log',
        'tom',
        'zoe',
        '--kind',
        'meeting',
        '--step',
        'Tom: design: Drew the offsite poster',
        '--thanks',
        'The offsite',
        '--thanks',
        'Zoë: Booking the venue',
      ],
      { store },
    );
    expect(logged).toContain(
      "Logged a meeting with Tom O'Brien, Zoë Müller today: 1 step, thanks to 3 people.",
    );
    const journal = readJson(store);
    const conversation = journal.conversations[0].id;
    const [tom, zoe] = journal.people;
    expect(tom.ambitions[0].steps).toEqual([
      {
        id: expect.any(String),
        text: 'Drew the offsite poster',
        on: '2026-11-27',
        conversationId: conversation,
      },
    ]);
    expect(tom.ambitions[0].lastDiscussedOn).toBe('2026-11-27');
    expect(tom.thanks.map((t: { text: string }) => t.text)).toEqual(['The offsite']);
    expect(
      zoe.thanks.map((t: { text: string; conversationId: string }) => [t.text, t.conversationId]),
    ).toEqual([
      ['The offsite', conversation],
      ['Booking the venue', conversation],
    ]);
    const history = words(await ok(['history', 'tom'], { store }));
    expect(history).toContain('step toward Work in design full-time: Drew the offsite poster');
    expect(history).toContain('thanks: The offsite');
    const before = bytesOf(store);
    const refused = await rel(['log', 'tom', '--step', 'Drew another poster'], { store });
    expect(refused.code).toBe(2);
    expect(words(refused.stderr)).toContain(
      `Which ambition is the step "Drew another poster" toward? Tom O'Brien has several.`,
    );
    expect(bytesOf(store)?.equals(before!)).toBe(true);
    expect(await ok(['undo'], { store })).toContain('Undone: logged a meeting');
    expect(readJson(store).people[0].ambitions[0].steps).toBeUndefined();
    expect(readJson(store).people[1].thanks).toBeUndefined();
  });
});
