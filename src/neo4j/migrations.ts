import path from 'node:path';
import fs from 'node:fs';
import { CYPHER_DIR, listCypherFiles, stripComments } from './cypher-files';
import type { Database } from './database';

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies every cypher/schema/*.cypher in name order. Each statement uses
 * IF NOT EXISTS (or IF EXISTS for a drop), so running this again changes nothing. Waits until the
 * indexes are online. Throws the (mapped) database error of the first failure.
 */
export async function migrate(db: Database): Promise<MigrationResult> {
  const dir = path.join(CYPHER_DIR, 'schema');
  const names = listCypherFiles(dir);
  for (const name of names) {
    const cypher = stripComments(fs.readFileSync(path.join(dir, `${name}.cypher`), 'utf8'));
    await db.write(cypher, {}, 60000);
  }
  await db.write('CALL db.awaitIndexes(300)', {}, 310000);
  return { applied: names };
}
