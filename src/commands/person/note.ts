// rel note: free personal notes: family, interests, what they care about.
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { addNote } from '../../core/facts.js';
import { registerFact } from '../shared/facts.js';

export function register(program: Command, ctx: Context): Command {
  return registerFact(program, ctx, {
    verb: 'note',
    description: 'list or add personal notes: family, interests, what they care about',
    noun: 'a personal note',
    heading: 'Personal notes',
    examples: `  $ rel note ana                           (list them)
  $ rel note ana "Two kids, Leo (7) and Mia (4); loves trail running"`,
    records: (person) => person.notes,
    add: addNote,
  });
}
