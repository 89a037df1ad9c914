// A set-up's git fetch that fails because this machine's disk is full (or its .git cannot be
// written) says so, not that the remote cannot be reached.
import { describe, expect, it } from 'vitest';
import { fetchFailed } from '../../src/store/sync-init.js';

const url = '/srv/remote.git';
const folder = '/home/u/journal';

describe('fetchFailed', () => {
  it.each([
    {
      stderr: 'fatal: unable to write loose object file: No space left on device',
      message: `Cannot fetch ${url} into ${folder}: the disk here is full (fatal: unable to write loose object file: No space left on device). Nothing was synced: the journal is as it was.`,
      hint: `Free some space on that disk, then run rel sync --init ${url} again.`,
    },
    {
      stderr: `error: cannot update ref 'refs/remotes/origin/main': couldn't write '${folder}/.git/refs/remotes/origin/main.lock'`,
      message: `Cannot fetch ${url} into ${folder}: git could not write there (error: cannot update ref 'refs/remotes/origin/main': couldn't write '${folder}/.git/refs/remotes/origin/main.lock'). Nothing was synced: the journal is as it was.`,
      hint: `Check the free space and permissions of ${folder}, then run rel sync --init ${url} again.`,
    },
    {
      stderr: `fatal: '${url}' does not appear to be a git repository`,
      message: `Cannot reach ${url}: fatal: '${url}' does not appear to be a git repository`,
      hint: 'Check the URL and your access to it.',
    },
  ])('$stderr', ({ stderr, message, hint }) => {
    const error = fetchFailed(url, folder, stderr);
    expect(error.message).toBe(message);
    expect(error.hint).toBe(hint);
  });
});
