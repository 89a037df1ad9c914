// What counts as time together with a person: the classes of conversation and the rule that
// decides which of them move a cadence. Pure: the conversation and the settings are passed in.

import type { Conversation } from './journal.js';
import { kindKey } from './kinds.js';
import { normalize } from './text.js';

/**
 * For each person in it, a conversation is spoken with them alone, spoken in a small group (you
 * and two or three others), spoken in a group (four or more others), or written (any size).
 */
export type ConversationClass = 'alone' | 'smallGroup' | 'group' | 'written';

/** Which classes count as time together: `small-groups` (default), `alone`, or `any` (every one). */
export type CadenceCounts = 'small-groups' | 'alone' | 'any';

/**
 * The five, and the names people type for the messaging apps they use at work: a Slack
 * ping logged as `--kind slack` must not count as a 1:2:1.
 */
export const DEFAULT_WRITTEN_KINDS = [
  'message',
  'email',
  'chat',
  'text',
  'letter',
  'slack',
  'sms',
  'dm',
  'whatsapp',
  'imessage',
  'signal',
  'telegram',
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
 * A kind as the written-kinds rule compares it. Kept per spelling: `rel due` asks for every
 * conversation of everyone, and a journal has only a few distinct kinds.
 */
const comparableKinds = new Map<string, string>();
function comparableKind(kind: string): string {
  let key = comparableKinds.get(kind);
  if (key === undefined) {
    key = normalize(kindKey(kind));
    comparableKinds.set(kind, key);
  }
  return key;
}

/** The comparable forms of a written-kinds list, made once per list (lists are never changed). */
const writtenKeys = new WeakMap<readonly string[], ReadonlySet<string>>();

export function isWrittenKind(kind: string, writtenKinds: readonly string[]): boolean {
  let keys = writtenKeys.get(writtenKinds);
  if (!keys) {
    keys = new Set(writtenKinds.map(comparableKind));
    writtenKeys.set(writtenKinds, keys);
  }
  return keys.has(comparableKind(kind));
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
