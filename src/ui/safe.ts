// The one writer every human output passes through: whatever a renderer forgot to make safe, no
// control character reaches the terminal or a pipe from here. Renderers still show stored text
// with visible marks (displaySafe); this is the guarantee underneath them.
//
// The rule: no C0 control but tab, line feed and a carriage return that ends a line (CRLF, which
// CSV and iCalendar require), no DEL, no C1 control. C0 characters become their Control Pictures
// (ESC is "␛"); DEL and C1 become a JSON escape ("\u009b"), so that --json output, where they can
// only stand inside strings, still parses to exactly the stored text (JSON.stringify escapes C0
// itself, and leaves DEL and C1 raw). With colour on, the colour codes of rel's own theme (and
// only those: bold, dim, inverse, green, yellow, cyan, and their ends) pass.

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to neutralise
const UNSAFE = /\x1b\[(?:1|2|7|22|27|32|33|36|39)m|\r\n|[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * The first character of anything UNSAFE matches (ESC opens a colour code, CR a CRLF): most output
 * holds none, and one test for a class alone is about half the cost of the replace's scan.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to neutralise
const ANY_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

export function safeText(text: string, colour: boolean): string {
  if (!ANY_UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (match) => {
    if (match.length > 1) return match === '\r\n' || colour ? match : `\u241B${match.slice(1)}`;
    const code = match.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
