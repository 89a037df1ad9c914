import { describe, expect, it } from 'vitest';
import { article } from '../../src/core/text.js';
import { kindInASentence } from '../../src/ui/display.js';
import { ok, tempStore } from '../helpers/run.js';

// rel log's confirmation: "Logged a Slack message with Ana", never "a slack" or "a sms".
describe('a kind in a sentence', () => {
  it.each([
    ['slack', 'a Slack message'],
    ['Slack', 'a Slack message'],
    ['sms', 'a text message'],
    ['dm', 'a direct message'],
    ['whatsapp', 'a WhatsApp message'],
    ['imessage', 'an iMessage'],
    ['video', 'a video call'],
    ['email', 'an email'],
    ['coffee', 'a coffee'],
    ['1:2:1', 'a 1:2:1'],
    ['offsite', 'an offsite'],
  ])('%s → %s', (kind, said) => {
    const phrase = kindInASentence(kind);
    expect(`${article(phrase)} ${phrase}`).toBe(said);
  });
});

describe('rel log says the kind as a person would', () => {
  it('confirms a Slack message and a video call by name', async () => {
    const store = tempStore('kind-sentence');
    await ok(['add', 'Ana Silva'], { store, now: '2026-11-01' });
    expect(
      await ok(['log', 'ana', '--kind', 'slack', '--note', 'x'], { store, now: '2026-11-02' }),
    ).toContain('Logged a Slack message with Ana Silva today.');
    expect(
      await ok(['log', 'ana', '--kind', 'video', '--note', 'x'], { store, now: '2026-11-02' }),
    ).toContain('Logged a video call with Ana Silva today.');
  });
});
