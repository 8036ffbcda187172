/**
 * Makes sure Debian's Chromium is there for the rendered-docs test: `npm test` runs this first.
 * When it is missing and this runs as root, it installs the `chromium` package with apt-get;
 * otherwise it says what to run.
 *
 * Usage: tsx scripts/ensure-chromium.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where Debian's `chromium` package puts the browser, and where the docs test looks for it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Installs Chromium when it is missing; returns false, having said why, when it cannot. */
export function ensureChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) {
    return true;
  }
  if (process.getuid?.() !== 0) {
    console.error(`${CHROMIUM_PATH} is missing: run \`sudo apt-get install -y chromium\` first`);
    return false;
  }
  console.log(`${CHROMIUM_PATH} is missing: installing Debian's chromium package`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed`);
      return false;
    }
  }
  return true;
}

// run as a script
if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  process.exitCode = ensureChromium() ? 0 : 1;
}
