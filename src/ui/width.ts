// How many columns a text takes, as string-width 7 measures it, with one difference that matters
// at start-up: string-width builds an Intl.Segmenter when it is imported, and that alone costs
// about 20 ms (ICU's break data) on every command, since every command's output is wrapped. Here
// the segmenter is built on the first text that needs it; most of rel's text never does (see
// ONE_COLUMN_EACH in wrap.ts). The rules below are string-width's, checked against it by a test.
import emojiRegex from 'emoji-regex';
import { eastAsianWidth } from 'get-east-asian-width';
import stripAnsi from 'strip-ansi';

let segmenter: Intl.Segmenter | undefined;
let emoji: RegExp | undefined;
const DEFAULT_IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** True for the code points that take no column: controls, zero-width, combining, selectors. */
function takesNoColumn(codePoint: number): boolean {
  return (
    codePoint <= 0x1f ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    codePoint === 0xfeff ||
    (codePoint >= 0x300 && codePoint <= 0x36f) ||
    (codePoint >= 0x1ab0 && codePoint <= 0x1aff) ||
    (codePoint >= 0x1dc0 && codePoint <= 0x1dff) ||
    (codePoint >= 0x20d0 && codePoint <= 0x20ff) ||
    (codePoint >= 0xfe20 && codePoint <= 0xfe2f) ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f)
  );
}

/** The columns a text takes: escape codes none, each grapheme 0, 1 or 2. */
export function textWidth(text: string): number {
  segmenter ??= new Intl.Segmenter();
  let width = 0;
  for (const { segment } of segmenter.segment(stripAnsi(text))) {
    const codePoint = segment.codePointAt(0)!;
    if (takesNoColumn(codePoint) || DEFAULT_IGNORABLE.test(segment)) continue;
    emoji ??= emojiRegex();
    emoji.lastIndex = 0;
    if (emoji.test(segment)) {
      width += 2;
      continue;
    }
    width += eastAsianWidth(codePoint, { ambiguousAsWide: false });
  }
  return width;
}
