// Preloaded with `node --import`: appends the URL of every module rel loads to $REL_TEST_LOADED,
// so that a test can tell which chunks a command brings in.
import { register } from 'node:module';

const hook = `
import fs from 'node:fs';
export async function load(url, context, next) {
  if (process.env.REL_TEST_LOADED) fs.appendFileSync(process.env.REL_TEST_LOADED, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
