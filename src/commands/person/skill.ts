// rel skill: skills, talents and passions outside work.
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { addSkill } from '../../core/facts.js';
import { registerFact } from '../shared/facts.js';

export function register(program: Command, ctx: Context): Command {
  return registerFact(program, ctx, {
    verb: 'skill',
    description: 'list or add skills, talents and passions outside work',
    noun: 'a skill',
    heading: 'Skills, talents and passions',
    examples: `  $ rel skill ana                          (list them)
  $ rel skill ana "Plays the cello in an amateur orchestra"`,
    records: (person) => person.skills,
    add: (person, text, on, clock) => addSkill(person, text, on, clock),
  });
}
