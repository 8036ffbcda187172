/**
 * Makes sure Debian's Chromium is there for the rendered-docs test: `npm test` runs this first.
 * When it is missing and this runs as root, it installs the `chromium` package with apt-get;
 * otherwise it says what to run.
 *
 * Usage: tsx scripts/ensure-chromium.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian's `chromium` package puts the browser, and where the docs test looks for it. */
export const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`${CHROMIUM} is missing: run \`sudo apt-get install -y chromium\` first`);
    process.exit(1);
  }
  console.log(`${CHROMIUM} is missing: installing Debian's chromium package`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed`);
      process.exit(1);
    }
  }
}
