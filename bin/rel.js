#!/usr/bin/env node
// CommonJS (bin/package.json): an ES module here would start Node's ES module loader, a cost of
// every run that the command's program, also CommonJS, does not otherwise pay.
require('../dist/main.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
