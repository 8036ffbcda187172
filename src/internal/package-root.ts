import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder of this package: the one that holds `openapi/d1-accounts.yaml`. Modules run from
 * `src/` in the repository and from `dist/src/` once built, at different depths below it, so
 * the folder is found by looking upwards rather than by a fixed number of `..`.
 */
export function packageRoot(from: string = import.meta.dirname): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'openapi', 'd1-accounts.yaml'))) {
      return folder;
    }
    if (dirname(folder) === folder) {
      throw new Error(`no openapi/d1-accounts.yaml above ${from}: is the package complete?`);
    }
  }
}
