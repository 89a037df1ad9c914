#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module here would start Node's ES module loader, a cost of
// every run that the command's program, also CommonJS, does not otherwise pay.
require('../dist/main.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
    // Left to end by itself, Node frees the whole heap first (the journal parsed, a report's
    // tables): 3-7 ms of a report at S that nothing needs. Once nothing is left to do (no timer,
    // no write under way, no worker; a terminal's stream is all that may remain, and on Linux a
    // terminal is written synchronously), the process ends at once instead. Looked at from the
    // next turn of the loop, after what was queued for this one (a failed write's message).
    setImmediate(() => {
      const pending = process.getActiveResourcesInfo();
      if (process.platform !== 'win32' && pending.every((resource) => resource === 'TTYWrap')) process.exit();
    });
  });
