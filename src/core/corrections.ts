// Fixing mistakes: editing or deleting a conversation or a follow-up.
import type { IsoDate } from './dates.js';
import { stepsOf, thanksOf } from './facts.js';
import type { Conversation, FollowUp, FollowUpOwner, Journal } from './journal.js';

/**
 * The answers of an edit prompt that differ from what it showed. A field left as shown is no
 * change: the edit is applied to the record as re-read under the lock, and a value another rel
 * gave it while the prompt was open must stay, not be put back to the one shown.
 */
export function answersChanged<T extends object>(shown: T, answers: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(answers) as (keyof T)[]) {
    if (JSON.stringify(answers[key]) !== JSON.stringify(shown[key])) changed[key] = answers[key];
  }
  return changed;
}

export interface ConversationEdit {
  date?: IsoDate;
  kind?: string;
  minutes?: number | null;
  note?: string;
  heard?: string[];
  /** With `heard`: whom each was heard from (reattributeHeard); absent, the group's. */
  heardFrom?: (string | null)[];
  /** How many others were there in all; not more than those named removes it. */
  size?: number;
  /** A mark by hand; null removes it (the rules decide again). */
  counts?: boolean | null;
}

/** Applies the fields given; returns the names of those that changed. */
export function editConversation(conversation: Conversation, edit: ConversationEdit): string[] {
  const changed: string[] = [];
  if (edit.size !== undefined) {
    const size = edit.size > conversation.with.length ? edit.size : undefined;
    if (size !== conversation.size) {
      if (size === undefined) delete conversation.size;
      else conversation.size = size;
      changed.push('size');
    }
  }
  if (edit.counts !== undefined && (edit.counts ?? undefined) !== conversation.counts) {
    if (edit.counts === null) delete conversation.counts;
    else conversation.counts = edit.counts;
    changed.push('counts');
  }
  for (const key of ['date', 'kind', 'minutes', 'note', 'heard'] as const) {
    const value = edit[key];
    if (value === undefined) continue;
    const clean = key === 'heard' ? (value as string[]).map((h) => h.trim()).filter(Boolean) : value;
    const sameFrom =
      key !== 'heard' || JSON.stringify(conversation.heardFrom) === JSON.stringify(edit.heardFrom);
    if (JSON.stringify(conversation[key]) === JSON.stringify(clean) && sameFrom) continue;
    (conversation as unknown as Record<string, unknown>)[key] = clean;
    // Who said each goes with the notes: never the old list over new notes.
    if (key === 'heard') {
      if (edit.heardFrom) conversation.heardFrom = edit.heardFrom;
      else delete conversation.heardFrom;
    }
    changed.push(key);
  }
  return changed;
}

/**
 * Removes a conversation. What was learned in it (ambitions, steps, skills, thanks, follow-ups) stays, no longer
 * linked to it: the person still has that ambition even if the meeting is gone.
 */
export function deleteConversation(journal: Journal, conversation: Conversation): void {
  journal.conversations = journal.conversations.filter((c) => c.id !== conversation.id);
  for (const f of journal.followUps) if (f.conversationId === conversation.id) f.conversationId = null;
  for (const p of journal.people) {
    for (const a of p.ambitions) {
      if (a.conversationId === conversation.id) a.conversationId = null;
      for (const step of stepsOf(a)) if (step.conversationId === conversation.id) step.conversationId = null;
    }
    for (const s of p.skills) if (s.conversationId === conversation.id) s.conversationId = null;
    for (const t of thanksOf(p)) if (t.conversationId === conversation.id) t.conversationId = null;
  }
}

export interface FollowUpEdit {
  text?: string;
  due?: IsoDate | null;
  owner?: FollowUpOwner;
  /** false reopens a closed one. */
  done?: boolean;
}

export function editFollowUp(followUp: FollowUp, edit: FollowUpEdit, now: Date): string[] {
  const changed: string[] = [];
  if (edit.text?.trim() && edit.text.trim() !== followUp.text) {
    followUp.text = edit.text.trim();
    changed.push('text');
  }
  if (edit.due !== undefined && edit.due !== followUp.due) {
    followUp.due = edit.due;
    changed.push('due');
  }
  if (edit.owner !== undefined && edit.owner !== followUp.owner) {
    followUp.owner = edit.owner;
    changed.push('owner');
  }
  if (edit.done !== undefined && edit.done !== (followUp.doneAt !== null)) {
    followUp.doneAt = edit.done ? now.toISOString() : null;
    changed.push(edit.done ? 'done' : 'reopened');
  }
  return changed;
}

export function deleteFollowUp(journal: Journal, followUp: FollowUp): void {
  journal.followUps = journal.followUps.filter((f) => f.id !== followUp.id);
}
