// The floor for `log`: read, parse, append one conversation, stringify, and write it back
// durably (temp file, fsync, rename), as any safe whole-file JSON store must.
import fs from 'node:fs';
import path from 'node:path';

const file = process.argv[2];
const journal = JSON.parse(fs.readFileSync(file, 'utf8'));
journal.conversations.push({
  id: 'floor0000000',
  date: '2026-11-27',
  with: [journal.people[0].id],
  kind: '1:2:1',
  minutes: null,
  note: 'Benchmark floor',
  heard: [],
  createdAt: new Date().toISOString(),
});
const temp = path.join(path.dirname(file), `.${path.basename(file)}.floor.tmp`);
const fd = fs.openSync(temp, 'w', 0o600);
fs.writeFileSync(fd, JSON.stringify(journal));
fs.fsyncSync(fd);
fs.closeSync(fd);
fs.renameSync(temp, file);
