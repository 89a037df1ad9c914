// The launcher takes V8's setFlagsFromString from process.binding('v8') (src/v8-flags.ts), which
// Node deprecates: whatever a user's NODE_OPTIONS says of deprecations, rel runs as without them
// and says nothing of its own use of the binding. Through the built rel.
import { beforeAll, describe, expect, it } from 'vitest';
import { ok, rel, tempStore } from '../helpers/rel.js';

describe("rel under Node's deprecation options", () => {
  const store = tempStore('node-deprecation');
  let plain = '';
  beforeAll(() => {
    ok(['demo'], { store });
    plain = ok(['due', '--json'], { store });
  });

  it.each([
    '--no-deprecation', // makes process.noDeprecation true and read-only
    '--throw-deprecation',
    '--pending-deprecation', // warns of process.binding
    '--trace-deprecation',
  ])('NODE_OPTIONS=%s: the same answer, and no warning', (option) => {
    for (const args of [['due', '--json'], ['people']]) {
      const result = rel(args, { store, env: { NODE_OPTIONS: option } });
      expect({ option, args, code: result.code, stderr: result.stderr }).toEqual({
        option,
        args,
        code: 0,
        stderr: '',
      });
    }
    expect(rel(['due', '--json'], { store, env: { NODE_OPTIONS: option } }).stdout.trim()).toBe(plain.trim());
  });
});
