import { describe, expect, it } from 'vitest';
import { article } from '../../src/core/text.js';
import { kindInASentence, kindWithArticle } from '../../src/ui/display.js';
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

// The kind with its article, as rel log's "Logged ..." line and its undo summary say it.
describe('a kind with its article', () => {
  it.each([
    ['1:2:1', 'a 1:2:1'],
    ['in person', 'a conversation in person'],
    ['In-person', 'a conversation in person'],
    ['over coffee', 'a conversation over coffee'],
    ['by phone', 'a conversation by phone'],
    ['call', 'a call'],
    // as the journal keeps it, not another spelling
    ['e-mail', 'an e-mail'],
    ['E-Mail', 'an e-mail'],
    ['email', 'an email'],
    ['É-mail', 'an É-mail'],
    // plurals take no article
    ['messages', 'messages'],
    ['emails', 'emails'],
    ['drinks', 'drinks'],
    ['DMs', 'DMs'],
    ['Slack DMs', 'Slack DMs'],
    ['video calls', 'video calls'],
    // what only ends in s is one thing
    ['SMS', 'a text message'],
    ['text', 'a text message'],
    ['coffee', 'a coffee'],
    ['all-hands', 'an all-hands'],
    ['bus ride', 'a bus ride'],
    ['class', 'a class'],
    ['status', 'a status'],
    ['offsite', 'an offsite'],
    ['user interview', 'a user interview'],
  ])('%s → %s', (kind, said) => {
    expect(kindWithArticle(kind)).toBe(said);
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

  it('says plurals without an article, and a kind as it is kept', async () => {
    const store = tempStore('kind-sentence-plural');
    await ok(['add', 'Ana Silva'], { store, now: '2026-11-01' });
    const said = async (kind: string) =>
      (await ok(['log', 'ana', '--kind', kind, '--note', 'x'], { store, now: '2026-11-02' })).split('\n')[0];
    expect(await said('messages')).toBe('Logged messages with Ana Silva today.');
    expect(await said('in person')).toBe('Logged a conversation in person with Ana Silva today.');
    expect(await said('e-mail')).toBe('Logged an e-mail with Ana Silva today.');
    expect(await said('É-mail')).toBe('Logged an É-mail with Ana Silva today.');
    // rel undo names the change as the line did
    expect(await ok(['undo'], { store, now: '2026-11-02' })).toMatch(
      /^Undone: logged an É-mail with Ana Silva on/,
    );
    expect(await ok(['undo'], { store, now: '2026-11-02' })).toMatch(
      /^Undone: logged an e-mail with Ana Silva on/,
    );
  });
});
