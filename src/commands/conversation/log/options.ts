// What was said in a conversation, as flags: declared once for `rel log` and `rel inbox log`, so
// that both read them alike and their help says the same.

import type { Command } from 'commander';
import type { CaptureLists } from '../../../core/attribution.js';
import type { FollowUpDraft } from '../../../core/conversations.js';
import type { IsoDate } from '../../../core/dates.js';
import { UsageError } from '../../../errors.js';
import { collect } from '../../shared/options.js';

/** The flags of what was said: the notes of the conversation, each kept as `rel log` keeps it. */
export interface CaptureOptions {
  note?: string;
  heard?: string[];
  ambition?: string[];
  skill?: string[];
  followUp?: string[];
  theirFollowUp?: string[];
  step?: string[];
  thanks?: string[];
  due?: string;
  askNext?: string[];
}

/** The CaptureOptions keys, in the order the help lists them. */
export const CAPTURE_FLAGS = [
  'note',
  'heard',
  'ambition',
  'skill',
  'followUp',
  'theirFollowUp',
  'step',
  'thanks',
  'due',
  'askNext',
] as const satisfies readonly (keyof CaptureOptions)[];

/** Adds the flags of what was said (--note to --ask-next) to a command. */
export function captureOptions(command: Command): Command {
  return command
    .option('--note <text>', 'what you talked about ("-" reads it from stdin)')
    .option(
      '--heard <text>',
      'what you heard: what mattered to them, what worried them (repeatable; "Name: " says from whom)',
      collect,
    )
    .option(
      '--ambition <text>',
      'an ambition or life goal they shared (repeatable; "Name: " says whose)',
      collect,
    )
    .option(
      '--skill <text>',
      'a skill, talent or passion outside work (repeatable; "Name: " says whose)',
      collect,
    )
    .option(
      '--follow-up <text>',
      'something you promised to do (repeatable; "Name: " says for whom)',
      collect,
    )
    .option(
      '--their-follow-up <text>',
      'something they promised to do (repeatable; "Name: " says who)',
      collect,
    )
    .option(
      '--step <[name: ]words: text>',
      'something done toward an active ambition: words that pick it, a colon, the step (repeatable)',
      collect,
    )
    .option(
      '--thanks <text>',
      'appreciation you gave, what for (repeatable; "Name: " says whose, else everyone there)',
      collect,
    )
    .option('--due <when>', 'when the follow-ups of this conversation are due: friday, 2w, 2026-12-20')
    .option(
      '--ask-next <text>',
      'something to ask about next time; open until it is marked asked (repeatable; "Name: " says whom)',
      collect,
    );
}

/** --due without a follow-up to be due is refused (exit 2); `example` is the command's own. */
export function checkDue(options: CaptureOptions, example: string): void {
  if (options.due !== undefined && !options.followUp?.length && !options.theirFollowUp?.length) {
    throw new UsageError(
      '--due says when follow-ups are due, and there is no --follow-up or --their-follow-up.',
      `For example: ${example} --follow-up "Send the doc" --due friday`,
    );
  }
}

/** What the flags say was heard and learnt, as a capture keeps it; the follow-ups due on `due`. */
export function saidIn(
  options: CaptureOptions,
  due: IsoDate | null,
): { heard: string[]; lists: CaptureLists } {
  const mine = (options.followUp ?? []).map((text): FollowUpDraft => ({ text, due }));
  const theirs = (options.theirFollowUp ?? []).map((text): FollowUpDraft => ({ text, due, owner: 'them' }));
  return {
    heard: options.heard ?? [],
    lists: {
      ambitions: options.ambition ?? [],
      skills: options.skill ?? [],
      followUps: [...mine, ...theirs],
      askNext: options.askNext ?? [],
    },
  };
}
