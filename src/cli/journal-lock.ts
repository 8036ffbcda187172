/**
 * One run at a time per journal: two processes working from the same journal would each send
 * the rows the other is sending. The lock is a file next to the journal (`JOURNAL.lock`) that
 * holds the process id of its owner.
 *
 * A run killed with SIGKILL cannot remove its lock; a lock whose process is gone is taken
 * over. Only processes of this machine are seen, so the journal is for one machine at a time.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

import { usageError } from './exit-status.ts';

/** Takes the lock of the journal at `path`; the function returned gives it back. */
export function lockJournal(path: string): () => void {
  const lockPath = `${path}.lock`;
  for (let tries = 0; tries < 3; tries++) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw usageError(
          `cannot create the lock ${lockPath} (${(error as NodeJS.ErrnoException).code})`,
        );
      }
    }
    const owner = ownerOf(lockPath);
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
      throw usageError(
        `another run (process ${owner}) is using the journal ${path}; if there is none, ` +
          `remove ${lockPath}`,
      );
    }
    // the owner is gone: its lock is stale
    rmSync(lockPath, { force: true });
  }
  throw usageError(`cannot take the lock ${lockPath}: another run keeps taking it`);
}

function ownerOf(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
