import { describe, expect, it } from 'vitest';
import { BUILT_IN, findSetting, parseSetting, resolveSettings } from '../../src/core/settings.js';
import { DEFAULT_WRITTEN_KINDS, isWrittenKind } from '../../src/core/together.js';

describe('resolveSettings', () => {
  it.each([
    { config: {}, env: {}, cadence: 30, source: 'default' },
    { config: { 'default-cadence': '2w' }, env: {}, cadence: 14, source: 'config' },
    {
      config: { 'default-cadence': '2w' },
      env: { REL_DEFAULT_CADENCE: 'weekly' },
      cadence: 7,
      source: 'environment',
    },
    { config: { 'default-cadence': '2w' }, env: { REL_DEFAULT_CADENCE: '' }, cadence: 14, source: 'config' },
    { config: {}, env: { REL_DEFAULT_CADENCE: 'often' }, cadence: 30, source: 'default' },
  ])('cadence from config $config and env $env', ({ config, env, cadence, source }) => {
    const resolved = resolveSettings(config, env);
    expect(resolved.settings.defaultCadenceDays).toBe(cadence);
    expect(resolved.sources['default-cadence']).toBe(source);
  });

  it.each([
    [{ 'written-kinds': '+memo' }, {}],
    [{}, { REL_WRITTEN_KINDS: '+memo,+fax' }],
    [{ 'written-kinds': 'memo' }, { REL_WRITTEN_KINDS: '+memo' }],
  ])('adds to the built-in written kinds with +: config %j, env %j', (config, env) => {
    const kinds = resolveSettings(config, env).settings.writtenKinds;
    expect(kinds.slice(0, DEFAULT_WRITTEN_KINDS.length)).toEqual(DEFAULT_WRITTEN_KINDS);
    expect(kinds).toContain('memo');
    expect(isWrittenKind('slack', kinds) && isWrittenKind('memo', kinds)).toBe(true);
  });

  it('replaces the built-in written kinds with a list without +, as before', () => {
    const kinds = resolveSettings({}, { REL_WRITTEN_KINDS: 'memo,e-mail' }).settings.writtenKinds;
    expect(kinds).toEqual(['memo', 'e-mail']);
    expect(isWrittenKind('slack', kinds)).toBe(false);
    expect(
      isWrittenKind(
        'e\u2011mail',
        resolveSettings({}, { REL_WRITTEN_KINDS: 'E\u2011Mail' }).settings.writtenKinds,
      ),
    ).toBe(true);
  });

  it('skips what it cannot understand, saying so, and falls back to the next source', () => {
    const resolved = resolveSettings(
      { 'week-start': 'sunday', 'date-display': 42, colour: 'blue' },
      { REL_WEEK_START: 'someday' },
    );
    expect(resolved.settings.weekStart).toBe(0);
    expect(resolved.settings.dateDisplay).toBe(BUILT_IN.dateDisplay);
    expect(resolved.problems).toHaveLength(3);
    expect(resolved.problems.join('\n')).toMatch(/REL_WEEK_START[\s\S]*date-display[\s\S]*colour/);
  });
});

describe('findSetting and parseSetting', () => {
  it.each([
    ['default-cadence', 'default-cadence'],
    ['Week-Start', 'week-start'],
  ])('finds %s', (typed, key) => {
    expect(findSetting(typed).key).toBe(key);
  });

  it.each([
    ['kind', /Did you mean default-kind\?/],
    ['week-strat', /Did you mean week-start\?/],
    ['zzz', /^The settings are/],
  ])('refuses %s with a hint', (typed, hint) => {
    expect(() => findSetting(typed)).toThrow(/no setting called/);
    try {
      findSetting(typed);
    } catch (error) {
      expect((error as { hint: string }).hint).toMatch(hint);
    }
  });

  it.each([
    ['default-cadence', '3 weeks', '21d'],
    ['default-cadence', 'monthly', '30d'],
    ['week-start', 'SUN', 'sunday'],
    ['date-display', 'ISO', 'iso'],
    ['default-kind', '  coffee  chat ', 'coffee chat'],
    ['written-kinds', 'Message, E-mail,,slack ', 'message,e-mail,slack'],
    ['written-kinds', 'NONE', 'none'],
    // a leading + adds to the built-in list, and is kept so (a later built-in list is followed)
    ['written-kinds', '+memo', '+memo'],
    ['written-kinds', '+memo, +Fax', '+memo,+fax'],
    ['written-kinds', 'memo,+fax', '+memo,+fax'],
    ['written-kinds', '+memo, +E-Mail', '+memo'],
    ['cadence-counts', 'ALONE', 'alone'],
    ['cadence-counts', 'small group', 'small-groups'],
    ['cadence-counts', 'any', 'any'],
    ['one-to-one-label', ' 1:1 ', '1:1'],
    ['working-days', 'mon-fri', 'mon-fri'],
    ['working-days', 'Monday,tue,THU', 'mon,tue,thu'],
    ['working-days', 'fri,mon-thu', 'mon-fri'],
    ['working-days', 'sun-thu', 'mon-thu,sun'],
    ['working-days', 'mon-wed,sat', 'mon-wed,sat'],
    ['working-days', 'mon-sun', 'mon-sun'],
  ])('keeps %s "%s" as "%s"', (key, text, stored) => {
    expect(parseSetting(findSetting(key), text)).toBe(stored);
  });

  it.each([
    ['default-cadence', '0d'],
    ['week-start', 'mo'],
    ['date-display', 'long'],
    ['default-kind', '   '],
    ['written-kinds', ' , '],
    ['cadence-counts', 'groups'],
    ['one-to-one-label', ''],
    ['working-days', 'weekdays'],
    ['working-days', 'mon-fri-sat'],
    ['working-days', 'mo-fr'],
    ['working-days', ','],
  ])('refuses %s "%s"', (key, text) => {
    expect(() => parseSetting(findSetting(key), text)).toThrow(/is not a valid/);
  });
});
