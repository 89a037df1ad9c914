// The story of the sample journal (`rel demo`), as data: the people of an engineering manager's
// working life, what was said in each of their conversations (newest last), the meetings with
// several of them, and how long each kind of conversation tends to take. demo.ts makes the
// journal from it.

export interface Talk {
  note: string;
  heard?: string[];
  ambition?: string;
  skill?: string;
  followUp?: string;
}

export interface Cast {
  name: string;
  role: string;
  team: string;
  relationship: string;
  tags: string[];
  aliases?: string[];
  cadenceDays: number | null;
  kinds: string[];
  /** Days ago they were added to the journal. */
  addedDaysAgo: number;
  /** Days ago you last saw them; null for someone not seen yet. */
  lastSeenDaysAgo: number | null;
  /** Days ago they left (archived); they stay in the journal with their history. */
  leftDaysAgo?: number;
  /** Gaps between conversations, newest first, in days; the cadence (jittered) once they run out. */
  gaps?: number[];
  talks: Talk[];
}

export const CAST: Cast[] = [
  {
    name: 'Ana Silva',
    role: 'Staff Engineer',
    team: 'Platform',
    relationship: 'report',
    tags: ['platform', 'oncall'],
    cadenceDays: 14,
    kinds: ['1:2:1', '1:2:1', 'walk'],
    addedDaysAgo: 190,
    lastSeenDaysAgo: 6,
    talks: [
      {
        note: 'Roadmap for the queue migration',
        heard: ['Worried the migration lands in the same month as on-call rotation changes'],
        ambition: 'Wants to become a principal engineer within two years',
      },
      {
        note: 'Feedback on the design review',
        heard: ['Felt the review was rushed and her concerns were skipped'],
        followUp: 'Give her a slot at the next architecture forum',
      },
      {
        note: 'Career conversation',
        heard: ['Enjoys mentoring more than she expected'],
        skill: 'Runs trail ultramarathons',
      },
      {
        note: 'On-call load',
        heard: ['Paged three nights running; tired but did not want to say so in standup'],
      },
      { note: 'Queue migration: go or no-go', heard: ['Confident about the rollback plan'] },
      {
        note: 'Conference talk idea',
        heard: ['Would like to present the migration story at a conference'],
        ambition: 'Speak at a European engineering conference',
        followUp: 'Ask Grace about the conference budget',
      },
      {
        note: 'Catch-up after the release',
        // Three worries in a row: rel pulse suggests asking how she is.
        heard: [
          'Proud of the team, but tired of the on-call rota landing on the same three people',
          'Nervous that the reorg splits Platform in two',
          'Worried the launch date is slipping again',
        ],
      },
    ],
  },
  {
    name: 'Ben Okafor',
    role: 'Senior Engineer',
    team: 'Platform',
    relationship: 'report',
    tags: ['platform'],
    cadenceDays: 14,
    kinds: ['1:2:1', '1:2:1', 'coffee'],
    addedDaysAgo: 190,
    lastSeenDaysAgo: 13,
    talks: [
      {
        note: 'Settling into the new squad',
        heard: ['Misses pairing with his old team'],
        skill: 'Plays bass in a jazz quartet',
      },
      {
        note: 'Promotion case',
        heard: ['Unsure what "senior impact" means in practice'],
        ambition: 'Promotion to staff engineer next cycle',
        followUp: 'Share the staff engineer rubric with examples',
      },
      { note: 'Sprint retro follow-up', heard: ['Frustrated by scope changes mid-sprint'] },
      { note: 'Home life', heard: ['New baby due in February; wants to plan parental leave early'] },
      { note: 'Cost dashboard project' },
      {
        note: 'Promotion case, second pass',
        heard: [
          'Feels more confident after leading the incident review',
          'Would rather not join the #oncall rotation before his leave',
        ],
      },
    ],
  },
  {
    name: 'Chloé Martin',
    role: 'Engineer',
    team: 'Platform',
    relationship: 'report',
    tags: ['platform', 'frontend'],
    aliases: ['Clo'],
    cadenceDays: 14,
    kinds: ['1:2:1', 'coffee', '1:2:1'],
    addedDaysAgo: 190,
    lastSeenDaysAgo: 2,
    talks: [
      {
        note: 'Goals for the half',
        heard: ['Wants more ownership, less ticket-taking'],
        ambition: 'Lead a project end to end',
      },
      {
        note: 'Accessibility audit',
        heard: ['Energised by the accessibility work'],
        skill: 'Fluent in sign language',
      },
      {
        note: 'Ownership of the developer portal',
        heard: ['Nervous about presenting to leadership'],
        followUp: 'Do a dry run of her portal demo together',
      },
      { note: 'Demo went well', heard: ['Wants feedback in writing, not only in person'] },
      { note: 'Weekly check-in' },
      {
        note: 'Learning budget',
        ambition: 'Learn Rust this year',
        heard: ['Would trade conference travel for a course'],
      },
    ],
  },
  {
    name: 'Dev Patel',
    role: 'Engineer',
    team: 'Platform',
    relationship: 'report',
    tags: ['platform', 'new-joiner'],
    cadenceDays: 7,
    kinds: ['1:2:1', '1:2:1', 'walk', 'message'],
    addedDaysAgo: 70,
    lastSeenDaysAgo: 4,
    talks: [
      {
        note: 'First week',
        heard: ['Overwhelmed by the number of services'],
        followUp: 'Pair him with Ana for on-call shadowing',
      },
      {
        note: 'Onboarding checklist',
        heard: ['The local setup docs are out of date'],
        skill: 'Builds mechanical keyboards',
      },
      {
        note: 'Build tooling idea',
        heard: ['Excited about speeding up CI'],
        ambition: 'Become the go-to person for build tooling',
      },
      {
        note: 'First on-call shadow',
        heard: ['Found the runbooks hard to follow at 3am', 'Nervous about carrying the on-call pager alone'],
      },
      { note: 'Quick thanks for the CI fix' },
      { note: 'Settling in', heard: ['Starting to feel at home; lunch with the team helps'] },
    ],
  },
  {
    name: 'Eve Nakamura',
    role: 'Site Reliability Engineer',
    team: 'Platform',
    relationship: 'report',
    tags: ['platform', 'oncall'],
    cadenceDays: 14,
    kinds: ['1:2:1', 'call'],
    addedDaysAgo: 190,
    // Drifting apart: each gap longer than the one before.
    lastSeenDaysAgo: 38,
    gaps: [33, 24, 17, 14, 13],
    talks: [
      {
        note: 'SLO review',
        heard: ['Thinks alert fatigue is burning the team out'],
        ambition: "Write the company's first SRE handbook",
      },
      {
        note: 'Incident follow-up',
        heard: ['Feels incidents are blamed on whoever is on call'],
        followUp: 'Propose blameless review template',
      },
      {
        note: 'Workload',
        heard: ['Taking on too much glue work'],
        skill: 'Amateur astronomer with her own telescope',
      },
      { note: 'Check-in', heard: ['Short answers; seemed distracted'] },
      {
        note: 'Rescheduled twice, finally caught up on a call',
        heard: ['Considering a move to the security team'],
      },
    ],
  },
  {
    name: 'Farid Haddad',
    role: 'Engineer',
    team: 'Platform',
    relationship: 'report',
    tags: ['platform'],
    cadenceDays: 14,
    kinds: ['1:2:1', 'coffee'],
    addedDaysAgo: 190,
    lastSeenDaysAgo: 16,
    talks: [
      {
        note: 'Quarter goals',
        heard: ['Wants to work closer to customers'],
        ambition: 'Move into a product-facing role',
      },
      {
        note: 'Support rotation',
        heard: ['Likes talking to customers more than he expected'],
        skill: 'Cooks for 30 at his community centre',
      },
      { note: 'Check-in' },
      {
        note: 'Shadowing Isabel',
        heard: ['The discovery sessions gave him ideas for the API'],
        followUp: 'Set up a shadowing day with Isabel',
      },
      { note: 'Holiday plans', heard: ['Visiting family in Beirut for three weeks in December'] },
    ],
  },
  {
    name: 'Grace Lee',
    role: 'Director of Engineering',
    team: 'Engineering',
    relationship: 'manager',
    tags: ['leadership'],
    cadenceDays: 14,
    kinds: ['1:2:1', '1:2:1', 'call'],
    addedDaysAgo: 190,
    lastSeenDaysAgo: 9,
    talks: [
      { note: 'Headcount for next year', heard: ['Under pressure to cut cloud spend by 15%'] },
      {
        note: 'Team health',
        heard: ['Worried Platform is a single point of failure for releases'],
        followUp: 'Send her the on-call load numbers',
      },
      {
        note: 'My development',
        heard: ['Wants me to take on the hiring committee'],
        ambition: 'Build an engineering org people want to join',
      },
      { note: 'Reorg rumours', heard: ['Asked for discretion on the reorg; nothing decided'] },
      { note: 'Budget review' },
    ],
  },
  {
    name: 'Hugo Berg',
    role: 'Engineering Manager',
    team: 'Payments',
    relationship: 'peer',
    tags: ['leadership'],
    cadenceDays: 30,
    kinds: ['coffee', 'walk', 'coffee'],
    addedDaysAgo: 190,
    lastSeenDaysAgo: 20,
    talks: [
      {
        note: "Managers' coffee",
        heard: ['Struggling with a low performer; asked how I handle it'],
        skill: 'Restores old motorbikes',
      },
      { note: 'Shared on-call', heard: ['Payments wants fewer pages from platform alerts'] },
      {
        note: 'Walk around the park',
        heard: ['Thinking about going back to an IC role'],
        ambition: 'Write a book on payments systems',
      },
      { note: 'Hiring loop calibration', followUp: 'Send Hugo our interview rubric' },
    ],
  },
  {
    name: 'Isabel Rossi',
    role: 'Product Manager',
    team: 'Product',
    relationship: 'stakeholder',
    tags: ['product'],
    cadenceDays: 14,
    kinds: ['meeting', 'coffee', 'call'],
    addedDaysAgo: 190,
    lastSeenDaysAgo: 8,
    talks: [
      { note: 'Roadmap sync', heard: ['Customers keep asking for audit logs'] },
      {
        note: 'Developer portal priorities',
        heard: ['Feels engineering says no before hearing the problem'],
      },
      { note: 'Coffee', heard: ['Training for her first triathlon'], skill: 'Speaks four languages' },
      {
        note: 'Q1 planning',
        heard: [
          'Needs a date for audit logs she can promise to sales',
          'Heard reorg rumours from sales; wants to know what changes for Product',
          'Afraid the audit log launch slips past the renewal season',
        ],
        followUp: 'Give Isabel an estimate for audit logs',
      },
      { note: 'Launch retro' },
    ],
  },
  {
    name: 'Jonas Weber',
    role: 'Head of Security',
    team: 'Security',
    relationship: 'stakeholder',
    tags: ['security'],
    cadenceDays: 30,
    kinds: ['meeting', 'call'],
    addedDaysAgo: 190,
    // Long overdue: last seen more than twice his cadence ago.
    lastSeenDaysAgo: 74,
    gaps: [45, 31],
    talks: [
      {
        note: 'Secrets rotation plan',
        heard: ['Auditors arrive in spring; wants evidence early'],
        followUp: 'Share the secrets rotation runbook',
      },
      { note: 'Pen test findings', heard: ['Appreciated how fast Platform fixed the findings'] },
      { note: 'Access reviews', heard: ['Short on people; would welcome Eve for a rotation'] },
    ],
  },
  {
    name: 'Kemi Adeyemi',
    role: 'Customer Success Lead',
    team: 'Customer Success',
    relationship: 'stakeholder',
    tags: ['customers'],
    cadenceDays: 30,
    kinds: ['call', 'coffee'],
    addedDaysAgo: 120,
    lastSeenDaysAgo: 27,
    talks: [
      { note: 'Escalations review', heard: ['Two enterprise customers hit the rate limits weekly'] },
      {
        note: 'Coffee',
        heard: ['Would love engineers on customer calls now and then'],
        skill: 'Sings in a gospel choir',
      },
      {
        note: 'Status page wording',
        heard: ['Customers read our status page as evasive'],
        followUp: 'Draft plainer status page templates with Kemi',
      },
    ],
  },
  {
    name: 'Maya Cohen',
    role: 'VP Engineering, Northwind',
    team: '',
    relationship: 'mentor',
    tags: ['mentor'],
    aliases: ['Maya'],
    cadenceDays: 91,
    kinds: ['call', 'coffee'],
    addedDaysAgo: 190,
    lastSeenDaysAgo: 40,
    gaps: [95],
    talks: [
      {
        note: 'Mentoring call: managing managers',
        heard: ["Said the hardest shift is measuring yourself by others' growth"],
      },
      {
        note: 'Mentoring coffee: saying no',
        heard: ['Suggested a written "not now" list for the team'],
        ambition: 'Start a mentoring circle for new managers',
        followUp: 'Send Maya my draft of the team charter',
      },
    ],
  },
  {
    name: 'Noah Kim',
    role: 'Engineer',
    team: 'Platform',
    relationship: 'report',
    tags: ['platform', 'new-joiner'],
    cadenceDays: 7,
    kinds: ['1:2:1'],
    addedDaysAgo: 3,
    lastSeenDaysAgo: null,
    talks: [],
  },
  {
    name: 'Olivia Grant',
    role: 'Engineer',
    team: 'Platform',
    relationship: 'report',
    tags: ['platform'],
    cadenceDays: 14,
    kinds: ['1:2:1'],
    addedDaysAgo: 190,
    lastSeenDaysAgo: 64,
    leftDaysAgo: 60,
    talks: [
      { note: 'Career chat', heard: ['Wants to try a startup'], ambition: 'Found a company one day' },
      {
        note: 'Resignation',
        heard: ['Leaving on good terms; happy to stay in touch'],
        followUp: 'Write her a LinkedIn recommendation',
      },
    ],
  },
];

/** Meetings with several people at once. */
export const GROUP_TALKS: { daysAgo: number; with: string[]; kind: string; minutes: number; talk: Talk }[] = [
  {
    daysAgo: 150,
    with: ['Ana Silva', 'Eve Nakamura', 'Jonas Weber'],
    kind: 'meeting',
    minutes: 60,
    talk: {
      note: 'Incident review: certificate expiry',
      heard: ['Everyone agreed expiry alerts were too quiet'],
    },
  },
  {
    daysAgo: 55,
    with: ['Ana Silva', 'Ben Okafor', 'Isabel Rossi'],
    kind: 'meeting',
    minutes: 90,
    talk: { note: 'Quarterly planning', heard: ['Isabel: audit logs are the top customer ask'] },
  },
];

export const MINUTES: Record<string, number[]> = {
  '1:2:1': [30, 30, 45, 25],
  coffee: [20, 30, 25],
  walk: [40, 45],
  call: [25, 30, 20],
  meeting: [45, 60],
  message: [],
};
