// Preloaded with `node --import`: appends the URL of every module rel loads to $REL_TEST_LOADED,
// so that a test can tell which chunks a command brings in: the ES modules through a loader hook,
// and the files read as code otherwise (the launcher's CommonJS programs, which it compiles with
// vm.Script, and what they require) through fs.readFileSync, which both Node's CommonJS loader and
// the launcher read them with.
import fs from 'node:fs';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const hook = `
import fs from 'node:fs';
export async function load(url, context, next) {
  if (process.env.REL_TEST_LOADED) fs.appendFileSync(process.env.REL_TEST_LOADED, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (process.env.REL_TEST_LOADED && typeof file === 'string' && /\.c?js$/.test(file))
    fs.appendFileSync(process.env.REL_TEST_LOADED, `${pathToFileURL(file).href}\n`);
  return readFileSync.call(this, file, ...rest);
};
