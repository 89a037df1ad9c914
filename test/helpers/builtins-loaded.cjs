// Preloaded with `node --require`: as the process exits, writes to $REL_TEST_BUILTINS the names of
// Node's own modules it loaded (`crypto`, `internal/crypto/hash`, …), one a line, so that a test
// can tell which built-ins a command needed.
process.on('exit', () => {
  const file = process.env.REL_TEST_BUILTINS;
  if (!file) return;
  const names = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
  require('node:fs').writeFileSync(file, `${names.join('\n')}\n`);
});
