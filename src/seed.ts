import path from 'node:path';
import type { Logger } from 'pino';
import { REPO_ROOT } from './config';
import { cypherQuery } from './neo4j/cypher-files';
import type { Database } from './neo4j/database';
import { loadShippedCodesets } from './import/load-codesets';
import { countCodesBySystem } from './import/store/codeset.store';
import { storeVocabulary } from './import/store/vocabulary.store';
import { CodePageImporter } from './modules/import/code-page.importer';

export const SHIPPED_PAGES_DIR = path.join(REPO_ROOT, 'seeds', 'pages');
const COUNT_PAGES = cypherQuery('import/count-page-codes');

export interface SeedOptions {
  /** Load the shipped release files when the database holds no ICD-10-CM codes. */
  codesets: boolean;
  /** Import seeds/pages when no code has a page. */
  pages: boolean;
}

/**
 * Brings an empty database to the shipped state; on a database that has data, only
 * refreshes the curated vocabulary (idempotent). Safe to run at every start.
 */
export async function seedDatabase(db: Database, importer: CodePageImporter, logger: Logger, opts: SeedOptions): Promise<void> {
  const terms = await storeVocabulary(db, importer.vocabulary);
  logger.info({ terms }, 'vocabulary merged');
  if (opts.codesets) {
    const counts = await countCodesBySystem(db);
    if (!counts.ICD10CM) {
      logger.info('empty database: loading the shipped ICD-10-CM, ICD-10-PCS and HCPCS releases (about 190,000 rows; about a minute)');
      const results = await loadShippedCodesets(db, {
        onProblem: (p) => logger.warn(p, 'release file line skipped'),
      });
      for (const r of results) logger.info({ file: path.basename(r.file), rows: r.rows, problems: r.problems, ms: r.ms }, 'code set loaded');
    }
  }
  if (opts.pages) {
    const [row] = await db.read<{ pages: number }>(COUNT_PAGES);
    if (!row?.pages) {
      const files = CodePageImporter.listPageFiles([SHIPPED_PAGES_DIR]);
      const summary = await importer.importFiles(files);
      logger.info({ pages: summary.pages, failed: summary.failed.length, warnings: summary.warnings }, 'sample code pages imported');
      for (const f of summary.failed) logger.error(f, 'sample page failed');
    }
  }
}
