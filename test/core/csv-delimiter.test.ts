import { expect, it } from 'vitest';
import { csvLayout } from '../../src/core/csv-delimiter.js';

it.each([
  ['name,role,tags\nAna,Eng,core; mentoring\n', ',', 0],
  ['Vorname;Nachname;Firma\r\nJürgen;Weiß;"A, B"\r\n', ';', 0],
  ['"Name; with a semicolon",role,team\n', ',', 0],
  ['Name\tRole\tTeam\n', '\t', 0],
  ['name\nAna\n', ',', 0],
  ['\ufeffsep=;\r\nPrénom;Nom\r\n', ';', 1],
  ['SEP=,\nname;role\n', ',', 1],
])('%j: %j, %i line skipped', (text, delimiter, skippedLines) => {
  expect(csvLayout(text)).toEqual({ delimiter, skippedLines });
});
