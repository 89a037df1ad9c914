import { describe, expect, it } from 'vitest';
import { hasUrlSecret, redactUrls } from '../../src/core/url-secrets.js';

describe('redactUrls', () => {
  it.each([
    ['https://user:token@github.com/me/journal.git', 'https://user:***@github.com/me/journal.git'],
    ['https://:tok@host/x', 'https://:***@host/x'],
    [
      "fatal: unable to access 'https://me:p:w@h/j.git/'",
      "fatal: unable to access 'https://me:***@h/j.git/'",
    ],
    ['a https://a:b@h/x and ssh://c:d@h2/y', 'a https://a:***@h/x and ssh://c:***@h2/y'],
  ])('%s', (text, shown) => {
    expect(redactUrls(text)).toBe(shown);
    expect(hasUrlSecret(text)).toBe(true);
  });

  it.each([
    'https://github.com/me/journal.git',
    'https://me@github.com/me/journal.git',
    'git@github.com:me/journal.git',
    'ssh://git@host:22/journal.git',
    'file:///tmp/remote.git',
  ])('leaves %s as it is', (url) => {
    expect(redactUrls(url)).toBe(url);
    expect(hasUrlSecret(url)).toBe(false);
  });
});
