// The whole person as `rel profile` and `rel agenda` see them, with the user's settings applied.
import { type Context, settings, today, togetherRules } from '../../context.js';
import type { ConversationIndex } from '../../core/conversations.js';
import type { JournalReading, Person } from '../../core/journal.js';
import { buildProfile, type Profile } from '../../core/profile.js';
import { growthRulesOf } from '../../core/settings.js';

export function profileOf(
  ctx: Context,
  journal: JournalReading,
  person: Person,
  index: ConversationIndex,
): Profile {
  return buildProfile(
    journal,
    index,
    person,
    today(ctx),
    settings(ctx).defaultCadenceDays,
    togetherRules(ctx),
    growthRulesOf(settings(ctx)),
  );
}
