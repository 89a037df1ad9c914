// How the journal is written: one record per line, so that the file stays readable with jq,
// diffs well in git, and parses as plain JSON.

/** Indented keys, one record per line. `texts` holds records already turned into JSON. */
export function serializeJournal(journal: object, texts?: WeakMap<object, string>): string {
  const lines: string[] = [];
  const entries = Object.entries(journal);
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      lines.push(`  ${JSON.stringify(key)}: [`);
      const last = value.length - 1;
      for (const [j, record] of value.entries())
        lines.push(`    ${texts?.get(record) ?? JSON.stringify(record)}${j < last ? ',' : ''}`);
      lines.push(`  ]${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
    }
  });
  return `{\n${lines.join('\n')}\n}\n`;
}
