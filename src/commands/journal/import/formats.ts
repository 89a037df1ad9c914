// The formats rel import reads, for the command's options (index.ts) and the reading (read.ts),
// which index.ts loads only when it runs.
export const FORMATS = ['json', 'csv', 'vcard'] as const;
export type Format = (typeof FORMATS)[number];
