// How every command prints its result: `--json` declared one way, and one function that prints
// the result as JSON or hands it to the command's renderer.
import { Option } from 'commander';
import type { Io } from '../../ui/io.js';
import { printJson } from '../../ui/json.js';

/** `--json`, with the same help line on every command: `.addOption(jsonOption())`. */
export function jsonOption(): Option {
  return new Option('--json', 'print the result as JSON instead of text');
}

/**
 * The result as JSON with `--json`, else the renderer's text (called only then, so that JSON
 * output never pays for human formatting).
 */
export function printResult<T>(
  io: Io,
  json: boolean | undefined,
  result: T,
  render: (result: T) => string,
): void {
  if (json) printJson(io, result);
  else io.print(render(result));
}
