// What counts as time together with a person: the classes of conversation and the rule that
// decides which of them move a cadence. Pure: the conversation and the settings are passed in.

import type { Conversation } from './journal.js';
import { KINDS, kindKey } from './kinds.js';
import { normalize } from './text.js';

/**
 * For each person in it, a conversation is spoken with them alone, spoken in a small group (you
 * and two or three others), spoken in a group (four or more others), or written (any size).
 */
export type ConversationClass = 'alone' | 'smallGroup' | 'group' | 'written';

/** Which classes count as time together: `small-groups` (default), `alone`, or `any` (every one). */
export type CadenceCounts = 'small-groups' | 'alone' | 'any';

/**
 * The five, their short forms, and the names people type for the messaging apps they use:
 * a Slack ping logged as `--kind slack` must not count as a 1:2:1.
 */
export const DEFAULT_WRITTEN_KINDS = [
  'message',
  'email',
  'mail',
  'chat',
  'text',
  'txt',
  'letter',
  'postcard',
  'slack',
  'sms',
  'dm',
  'im',
  'whatsapp',
  'imessage',
  'signal',
  'telegram',
  'wechat',
  'messenger',
  'linkedin',
  'voicemail',
  'voice note',
  'voice memo',
  'gchat',
];
export const DEFAULT_CADENCE_COUNTS: CadenceCounts = 'small-groups';

export interface TogetherRules {
  writtenKinds: string[];
  cadenceCounts: CadenceCounts;
}

export const DEFAULT_TOGETHER_RULES: TogetherRules = {
  writtenKinds: DEFAULT_WRITTEN_KINDS,
  cadenceCounts: DEFAULT_CADENCE_COUNTS,
};

type Sized = Pick<Conversation, 'with' | 'kind'> & { size?: number | undefined };

/** The number of people there besides you: those named, or `size` when it says more. */
export function conversationSize(conversation: Sized): number {
  return Math.max(conversation.with.length, conversation.size ?? 0);
}

/**
 * A kind as the written-kinds rule compares it: its one spelling, without case, accents, or the
 * hyphens, dots and spaces people put in or leave out ("E-Mail", "e mail" and "email" are one).
 */
/** Hyphens and dashes as keyboards, autocorrect and copied text put them in (‐ ‑ ‒ – — ―, −). */
const DASHES = '\\u2010-\\u2015\\u2212-';
const JOINERS = new RegExp(`[\\s._${DASHES}]+`, 'g');
const WORD_BREAKS = new RegExp(`[\\s/+&,_${DASHES}]+`);

export function comparable(kind: string): string {
  return normalize(kindKey(kind)).replace(JOINERS, '');
}

/**
 * The forms a word of a kind is matched in: as typed, and without a plural's or a verb's ending
 * ("emails", "DMs", "texting", "chatting" are email, dm, text and chat).
 */
function stems(word: string): string[] {
  const forms = [word];
  if (word.length >= 3 && word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.length > 4 && word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.length > 5 && word.endsWith('ing')) {
    const stem = word.slice(0, -3);
    forms.push(stem, stem.replace(/(.)\1$/, '$1'));
  }
  return forms;
}

const matches = (word: string, set: ReadonlySet<string>) => stems(word).some((form) => set.has(form));

/**
 * Words that make a kind spoken or in person whatever else it says: a "Slack huddle", a "video
 * chat" or a "coffee chat" was time together, though slack and chat are written kinds. Matched
 * in their plurals too ("calls"); a 1:2:1 however written is spoken as well (decideWritten).
 */
const SPOKEN_WORDS = new Set([
  'call',
  'huddle',
  'meeting',
  'meet',
  'zoom',
  'facetime',
  'video',
  'phone',
  'coffee',
  'lunch',
  'dinner',
  'breakfast',
  'drinks',
  'walk',
  'visit',
  'person',
]);

/**
 * "voice" is spoken ("Telegram voice", "WhatsApp voice", "voice chat": a call by another name)
 * unless a word says it was recorded and sent: then the kind is decided by its other words, and
 * a voice note, memo or message is written (as voicemail is) by the written kinds.
 */
const VOICE = new Set(['voice']);
const RECORDED_WORDS = new Set(['note', 'memo', 'message', 'msg', 'mail', 'recording', 'clip']);

/**
 * Whether some run of neighbouring words, joined, is a written kind: "e-mail thread" and
 * "e mail thread" hold e-mail, split at its hyphen or space as the words are. Runs of up to three
 * words: no written kind is longer ("i.m." is one word already).
 */
function holdsWritten(words: readonly string[], written: ReadonlySet<string>): boolean {
  for (let from = 0; from < words.length; from++) {
    for (let to = from + 1; to <= Math.min(words.length, from + 3); to++) {
      if (matches(comparable(words.slice(from, to).join(' ')), written)) return true;
    }
  }
  return false;
}

/**
 * Whether a kind is written. It is when it is one of the written kinds, however spelt; or when it
 * is several words, one of them (or a few of them run together: "e mail") a written kind and
 * none of them spoken: a "text message", a "Slack DM" or an "e-mail thread" was written, as the
 * single words are.
 */
function decideWritten(kind: string, written: ReadonlySet<string>): boolean {
  if (matches(comparable(kind), written)) return true;
  const words = normalize(kind).split(WORD_BREAKS).filter(Boolean);
  if (words.length < 2) return false;
  const recorded = words.some((word) => matches(word, RECORDED_WORDS));
  const spoken = words.some(
    (word) => matches(word, SPOKEN_WORDS) || kindKey(word) === '1:2:1' || (!recorded && matches(word, VOICE)),
  );
  return !spoken && holdsWritten(words, written);
}

interface WrittenRule {
  keys: ReadonlySet<string>;
  answers: Map<string, boolean>;
  /** The words whose plurals and -ing forms are theirs (see kindGroupKey), once asked for. */
  words?: ReadonlySet<string>;
}

/**
 * Each written-kinds list's comparable forms and answers so far, made once per list (lists are
 * never changed): `rel due` asks for every conversation of everyone, and a journal has few kinds.
 */
const writtenRules = new WeakMap<readonly string[], WrittenRule>();

function writtenRule(writtenKinds: readonly string[]): WrittenRule {
  let rule = writtenRules.get(writtenKinds);
  if (!rule) {
    rule = { keys: new Set(writtenKinds.map(comparable)), answers: new Map() };
    writtenRules.set(writtenKinds, rule);
  }
  return rule;
}

export function isWrittenKind(kind: string, writtenKinds: readonly string[]): boolean {
  const rule = writtenRule(writtenKinds);
  let answer = rule.answers.get(kind);
  if (answer === undefined) {
    answer = decideWritten(kind, rule.keys);
    rule.answers.set(kind, answer);
  }
  return answer;
}

/**
 * What makes two kinds one kind in a report (rel stats): the comparable form the written-kinds
 * rule matches ("E-Mail", "e mail", "É-mail" and "e\u2011mail" are one), with a plural or an -ing
 * taken as its word's where the rule takes it so: for the written kinds, the spoken words and the
 * usual kinds ("emails" is email, "texting" text, "Slack DMs" Slack DM, "video calls" video call).
 * Other words keep their endings: "Teams" is not team, nor "training" train.
 */
export function kindGroupKey(kind: string, writtenKinds: readonly string[]): string {
  const rule = writtenRule(writtenKinds);
  rule.words ??= new Set([...rule.keys, ...SPOKEN_WORDS, ...KINDS.map(comparable)]);
  const known = rule.words;
  const whole = comparable(kind);
  const wholeForm = stems(whole).find((form) => known.has(form));
  if (wholeForm) return wholeForm;
  // The last word's ending, in a kind of several: "Slack DMs".
  const words = normalize(kindKey(kind)).split(JOINERS).filter(Boolean);
  if (words.length < 2) return whole;
  const lastForm = stems(words.at(-1)!).find((form) => known.has(form));
  return lastForm ? [...words.slice(0, -1), lastForm].join('') : whole;
}

/**
 * The built-in written kinds a list of one's own leaves spoken: `message`, `slack`... when the list
 * names only memo and e-mail (e-mail still covers `email`). For `rel config set`'s note.
 */
export function builtInsLeftOut(writtenKinds: readonly string[]): string[] {
  return DEFAULT_WRITTEN_KINDS.filter((kind) => !isWrittenKind(kind, writtenKinds));
}

export function conversationClass(conversation: Sized, writtenKinds: readonly string[]): ConversationClass {
  if (isWrittenKind(conversation.kind, writtenKinds)) return 'written';
  const size = conversationSize(conversation);
  if (size <= 1) return 'alone';
  return size <= 3 ? 'smallGroup' : 'group';
}

/** Whether a class moves a cadence under the `cadence-counts` rule (before any mark by hand). */
export function classCounts(cls: ConversationClass, rule: CadenceCounts): boolean {
  if (rule === 'any') return true;
  if (rule === 'alone') return cls === 'alone';
  return cls === 'alone' || cls === 'smallGroup';
}

/**
 * Why a conversation is not time together, in a few words ("a group: you and 6 others"), or
 * undefined when it is: what `rel log` says, so that an unmoved check-in surprises no one.
 */
export function notTogetherBecause(
  conversation: Sized & { counts?: boolean | undefined },
  rules: TogetherRules,
): string | undefined {
  if (countsAsTogether(conversation, rules)) return undefined;
  if (conversation.counts === false) return 'marked so';
  const cls = conversationClass(conversation, rules.writtenKinds);
  if (cls === 'written') return `${conversation.kind}: written, not spoken`;
  const others = conversationSize(conversation);
  const who = `you and ${others} ${others === 1 ? 'other' : 'others'}`;
  return cls === 'group' ? `a group: ${who}` : `${who}, and cadence-counts is ${rules.cadenceCounts}`;
}

/** Whether this conversation is time together with each person in it: a mark by hand wins. */
export function countsAsTogether(
  conversation: Sized & { counts?: boolean | undefined },
  rules: TogetherRules,
): boolean {
  if (conversation.counts !== undefined) return conversation.counts;
  return classCounts(conversationClass(conversation, rules.writtenKinds), rules.cadenceCounts);
}
