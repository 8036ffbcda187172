/**
 * Fails when `generated/` is not exactly what the specs produce: regenerates into a temporary
 * folder, compares file by file, and prints the difference.
 *
 * Usage: tsx scripts/check-generated.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const committed = join(root, 'generated');
const fresh = await mkdtemp(join(tmpdir(), 'd1-accounts-generated-'));

try {
  const generate = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts', 'generate.ts'), '--out', fresh],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (generate.status !== 0) {
    throw new Error('generation failed');
  }

  // `git diff --no-index` compares the folders, file by file, including added and missing files.
  const diff = spawnSync(
    'git',
    ['diff', '--no-index', '--stat', '--patch', '--', committed, fresh],
    { encoding: 'utf8' },
  );
  if (diff.status === 0) {
    const files = await readdir(committed);
    console.log(`generated/ matches the specs (${files.length} files)`);
  } else {
    process.stdout.write(diff.stdout);
    console.error(
      '\ngenerated/ differs from what the specs produce. Run `npm run generate` and commit the result.',
    );
    process.exitCode = 1;
  }
} finally {
  await rm(fresh, { recursive: true, force: true });
}
