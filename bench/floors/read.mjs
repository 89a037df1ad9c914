// The floor for reports: a bare node that reads the journal and parses it, nothing else.
import fs from 'node:fs';

const journal = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
if (!Array.isArray(journal.people)) process.exitCode = 1;
