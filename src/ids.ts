import { randomBytes } from 'node:crypto';

/** A short random id for conversations, follow-ups, ambitions and skills: 12 lowercase hex digits (a unique prefix is enough to type). */
export function newId(): string {
  return randomBytes(6).toString('hex');
}
