// Where a text stops being JSON. Node 20's JSON.parse does not always say ("Unexpected token 'x',
// ...") and never in lines and columns; this scanner, run only after JSON.parse has failed, finds
// the offset of the first character that cannot be part of valid JSON.

/** The offset of the first character that breaks the JSON grammar (text.length when it ends early). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[i] !== char) fail();
      i++;
    }
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail();
      const char = text[i]!;
      if (char === '"') return void i++;
      if (char < ' ') fail();
      if (char === '\\') {
        i++;
        if (text[i] === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
            i++;
          }
        } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i]!)) i++;
        else fail();
      } else i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '-') fail();
    i += match![0].length;
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (char === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else number();
  };
  try {
    value();
    space();
    return Math.min(i, text.length);
  } catch (offset) {
    return Math.min(offset as number, text.length);
  }
}

/** 1-based line and column of an offset; columns count characters. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: [...before.slice(lastBreak + 1)].length + 1 };
}

/**
 * Where the JSON breaks at a closing brace or bracket whose previous character that is not white
 * space is a comma (`"tombstones": [],` then `}`): that comma is one too many. Its place, and
 * whether it ends its line; undefined when the break is anything else.
 */
export function commaTooMany(
  text: string,
  offset: number,
): { line: number; column: number; endsLine: boolean } | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let at = offset - 1;
  while (at >= 0 && ' \t\n\r'.includes(text[at]!)) at--;
  if (text[at] !== ',') return undefined;
  return { ...lineAndColumn(text, at), endsLine: /[\n\r]/.test(text.slice(at + 1, offset)) };
}
