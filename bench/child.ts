/** Child processes that run a bench module under the same TypeScript loader as the runner. */
import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';

// Flags of the runner's own process that a child must not inherit: a child that also wrote a
// CPU profile or opened an inspector port would skew or break what the runner measures.
const NOT_INHERITED = /^--(cpu-prof|heap-prof|prof|inspect)/;

/**
 * Forks `file` (a bench module run as a script) with IPC, the runner's loader flags (tsx's
 * `--import`) and `execArgv`; its output goes to the runner's.
 */
export function forkModule(file: string, args: string[], execArgv: string[] = []): ChildProcess {
  return fork(file, args, {
    execArgv: [...process.execArgv.filter((flag) => !NOT_INHERITED.test(flag)), ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Resolves with the first IPC message of `child`; rejects if it exits before sending one. */
export function firstMessage<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      reject(new Error(`${what} exited (${code ?? signal}) before reporting`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

/** Whether the module at `filename` is the one this process was started with. */
export function isMain(filename: string): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === filename;
}
