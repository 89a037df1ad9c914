// Every command of rel and where its code is. A table of its own so that the build can give the
// program of one command a table with that command alone (scripts/build.mjs).
import type { Command } from 'commander';
import type { Context } from './context.js';

/** What a command's module gives the program (cli.ts): its commander command, registered. */
export interface CommandModule {
  register(program: Command, ctx: Context): Command;
}

/** Every command, by name: one line each, loaded only when needed. */
export const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  log: () => import('./commands/conversation/log/index.js'),
  inbox: () => import('./commands/conversation/inbox/index.js'),
  due: () => import('./commands/report/due.js'),
  profile: () => import('./commands/person/profile.js'),
  add: () => import('./commands/person/add.js'),
  people: () => import('./commands/person/people.js'),
  ambition: () => import('./commands/person/ambition.js'),
  skill: () => import('./commands/person/skill.js'),
  note: () => import('./commands/person/note.js'),
  ask: () => import('./commands/person/ask.js'),
  todo: () => import('./commands/follow-up/todo.js'),
  done: () => import('./commands/follow-up/done.js'),
  search: () => import('./commands/conversation/search.js'),
  who: () => import('./commands/person/who.js'),
  thanks: () => import('./commands/person/thanks.js'),
  history: () => import('./commands/conversation/history.js'),
  conversation: () => import('./commands/conversation/conversation.js'),
  edit: () => import('./commands/person/edit.js'),
  rename: () => import('./commands/person/rename.js'),
  merge: () => import('./commands/person/merge.js'),
  archive: () => import('./commands/person/archive.js'),
  unarchive: () => import('./commands/person/unarchive.js'),
  snooze: () => import('./commands/person/snooze.js'),
  left: () => import('./commands/person/left.js'),
  forget: () => import('./commands/person/forget.js'),
  stats: () => import('./commands/report/stats.js'),
  pulse: () => import('./commands/report/pulse.js'),
  demo: () => import('./commands/journal/demo.js'),
  export: () => import('./commands/journal/export.js'),
  encrypt: () => import('./commands/journal/encrypt.js'),
  decrypt: () => import('./commands/journal/decrypt.js'),
  passphrase: () => import('./commands/journal/passphrase.js'),
  unlock: () => import('./commands/journal/unlock.js'),
  lock: () => import('./commands/journal/lock.js'),
  'merge-journals': () => import('./commands/journal/merge-journals.js'),
  sync: () => import('./commands/journal/sync.js'),
  import: () => import('./commands/journal/import/index.js'),
  undo: () => import('./commands/journal/undo.js'),
  doctor: () => import('./commands/journal/doctor.js'),
  config: () => import('./commands/settings/config.js'),
  agenda: () => import('./commands/follow-up/agenda.js'),
  completion: () => import('./commands/settings/completion.js'),
};
