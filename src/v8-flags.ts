// V8's setFlagsFromString without node:v8. node:v8 is the public way to it, but requiring node:v8
// loads Node's streams and heap tools (30 modules, 2-3 ms of a start, for a command that writes to
// its descriptor without them). Node 20's process.binding('v8') holds the same function: its
// deprecation warning is kept out of the user's terminal while it is taken (Node reads
// process.noDeprecation as it makes the warning). Undefined where that binding is gone or changed
// (a later Node): the caller then takes node:v8's. Under `node --no-deprecation` (NODE_OPTIONS too)
// process.noDeprecation is already true and cannot be assigned: it is then left alone.

export type SetV8Flags = (flags: string) => void;

export function v8FlagsFromBinding(): SetV8Flags | undefined {
  const before = process.noDeprecation;
  if (before !== true) process.noDeprecation = true;
  try {
    const binding = (
      process as unknown as { binding(name: string): { setFlagsFromString?: unknown } }
    ).binding('v8');
    const set = binding.setFlagsFromString;
    return typeof set === 'function' ? (flags) => set.call(binding, flags) : undefined;
  } catch {
    return undefined;
  } finally {
    if (before !== true) process.noDeprecation = before;
  }
}
