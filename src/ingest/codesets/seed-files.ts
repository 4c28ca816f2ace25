/**
 * Where the code-set seed files live. Resolved by walking up from this
 * module, so the same lookup works from `src/` (ts-jest, tsx) and from
 * `dist/src/` (compiled), whose depth differs.
 */
import { existsSync } from 'fs';
import { dirname, join } from 'path';

/**
 * Absolute path of `seeds/codesets/<fileName>` in the project.
 * Throws an Error naming the file when no ancestor folder holds it.
 */
export function codesetSeedPath(fileName: string): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'seeds', 'codesets', fileName);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`seeds/codesets/${fileName} not found above ${__dirname}`);
    dir = parent;
  }
}
