// How the journal is written: one record per line, so that the file stays readable with jq,
// diffs well in git, and parses as plain JSON. The layout also lets a write find each record's
// text in the file it read (recordLines) instead of turning every record into JSON once more.

/**
 * A record's JSON when it is already known (undefined when not), by the list it is in. `kept`: the
 * lists whose first records are unchanged since the file was read, with the text those records
 * already have in that file (written as it is instead of record by record).
 */
export type RecordText = ((key: string, record: { id?: unknown }) => string | undefined) & {
  kept?: (key: string) => KeptLines | undefined;
};

/**
 * The lines of a list's first `count` records as the file has them: `{…},\n    {…}`, no indent
 * before the first, no comma after the last. `bytes`: the same lines as the file's own UTF-8 bytes,
 * when those were kept (codec.ts Parsed.source): written as they are, not encoded again.
 */
export interface KeptLines {
  text: string;
  count: number;
  bytes?: Uint8Array | undefined;
}

/** Indented keys, one record per line. `texts` gives records already turned into JSON. */
export function serializeJournal(journal: object, texts?: RecordText): string {
  return [...journalChunks(journal, texts)].join('');
}

/** Pieces of a few hundred kilobytes that are kept in memory one at a time. */
const CHUNK_CHARS = 1 << 19;

/**
 * serializeJournal's text in pieces, so that a large journal is written without holding all of
 * it as one more string (and its bytes as one more buffer) beside the journal itself.
 */
export function journalChunks(journal: object, texts?: RecordText): Generator<string> {
  return pieces(journal, texts, false);
}

/**
 * journalChunks, but a kept list whose file bytes are known comes as those bytes, a piece of its
 * own: the UTF-8 of serializeJournal's text, piece by piece, for a writer or a digest of bytes.
 */
export function journalPieces(journal: object, texts?: RecordText): Generator<string | Uint8Array> {
  return pieces(journal, texts, true);
}

function pieces(journal: object, texts: RecordText | undefined, bytes: false): Generator<string>;
function pieces(journal: object, texts: RecordText | undefined, bytes: true): Generator<string | Uint8Array>;
function* pieces(
  journal: object,
  texts: RecordText | undefined,
  bytes: boolean,
): Generator<string | Uint8Array> {
  const entries = Object.entries(journal);
  let chunk = '{\n';
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0) {
      chunk += `  ${JSON.stringify(key)}: [\n`;
      const last = value.length - 1;
      const kept = texts?.kept?.(key);
      const after = kept && kept.count <= last ? ',\n' : '\n';
      if (kept?.bytes && bytes) {
        yield `${chunk}    `;
        yield kept.bytes;
        chunk = after;
      } else if (kept) chunk += `    ${kept.text}${after}`;
      for (let j = kept?.count ?? 0; j <= last; j++) {
        const record = value[j];
        chunk += `    ${texts?.(key, record) ?? JSON.stringify(record)}${j < last ? ',\n' : '\n'}`;
        if (chunk.length >= CHUNK_CHARS) {
          yield chunk;
          chunk = '';
        }
      }
      chunk += `  ]${comma}\n`;
    } else {
      chunk += `  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}\n`;
    }
  }
  yield `${chunk}}\n`;
}

/**
 * The text of each record of the journal's non-empty lists, by key, as found in `text`, the file
 * the journal was parsed from; undefined unless the file is laid out as serializeJournal writes
 * it (a file edited by hand may not be). A line is only where the record was written: it may
 * differ from the record's JSON.stringify (spacing, fields filled in on reading), so a caller
 * compares before relying on it.
 */
export function recordLines(text: string, journal: object): Map<string, string[]> | undefined {
  const regions = recordRegions(text, journal);
  if (!regions) return undefined;
  const found = new Map<string, string[]>();
  for (const [key, region] of regions) found.set(key, linesOf(text, region));
  return found;
}

/**
 * Where each non-empty list's record lines are in `text`: from the first record's `{` to the last
 * one's `}`, `count` lines, each of them `    {…},` (the last without its comma). Undefined as
 * for recordLines, which is these regions cut into lines.
 */
export interface LinesRegion {
  from: number;
  to: number;
  count: number;
}

export function recordRegions(text: string, journal: object): Map<string, LinesRegion> | undefined {
  const found = new Map<string, LinesRegion>();
  let at = 0;
  /** The next line, from `at` to before its newline; undefined at the end of the text. */
  const nextLine = (): string | undefined => {
    if (at >= text.length) return undefined;
    const end = text.indexOf('\n', at);
    if (end < 0) return undefined; // rel ends every line, the last one too
    const line = text.slice(at, end);
    at = end + 1;
    return line;
  };
  if (nextLine() !== '{') return undefined;
  const entries = Object.entries(journal);
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? ',' : '';
    const name = `  ${JSON.stringify(key)}: `;
    if (!Array.isArray(value) || value.length === 0) {
      // Exactly as rel writes it: a line that merely starts so could hide a second copy of a key.
      if (nextLine() !== `${name}${JSON.stringify(value)}${comma}`) return undefined;
      continue;
    }
    if (nextLine() !== `${name}[`) return undefined;
    const from = at + 4;
    let to = from;
    for (let j = 0; j < value.length; j++) {
      const end = text.indexOf('\n', at);
      const trail = j < value.length - 1 ? 2 : 1; // "}," or "}"
      if (end < 0 || !text.startsWith('    {', at) || text[end - trail] !== '}') return undefined;
      if (trail === 2 && text[end - 1] !== ',') return undefined;
      to = end - trail + 1;
      at = end + 1;
    }
    if (nextLine() !== `  ]${comma}`) return undefined;
    found.set(key, { from, to, count: value.length });
  }
  return nextLine() === '}' && at === text.length ? found : undefined;
}

/** A region's lines, without their indent and commas (a line holds no newline: JSON has none raw). */
export function linesOf(text: string, region: LinesRegion): string[] {
  return text.slice(region.from, region.to).split(',\n    ');
}

/**
 * The bytes of `region` of `text` in `source`, the UTF-8 bytes `text` was decoded from (after a
 * byte-order mark, which the text does not keep): a subarray, no copy. Each end is found by the
 * UTF-8 length of the shorter side of the text, before it or after it, and checked against the
 * bytes there; undefined if they do not agree (the bytes are not of this text).
 */
export function regionBytes(text: string, source: Uint8Array, region: LinesRegion): Uint8Array | undefined {
  const bom = source[0] === 0xef && source[1] === 0xbb && source[2] === 0xbf ? 3 : 0;
  const offset = (at: number) =>
    at <= text.length / 2
      ? bom + Buffer.byteLength(text.slice(0, at), 'utf8')
      : source.length - Buffer.byteLength(text.slice(at), 'utf8');
  const from = offset(region.from);
  const to = offset(region.to);
  // A region starts at a record's `{` after its indent and ends at the last one's `}` (recordRegions).
  const agree =
    source[from] === 0x7b &&
    source[from - 1] === 0x20 &&
    source[from - 5] === 0x0a &&
    source[to - 1] === 0x7d;
  return agree && to - from >= region.to - region.from ? source.subarray(from, to) : undefined;
}
