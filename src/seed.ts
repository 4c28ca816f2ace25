import path from 'node:path';
import type { Logger } from 'pino';
import { REPO_ROOT } from './config';
import { cypherQuery } from './neo4j/cypher-files';
import type { Database } from './neo4j/database';
import { hasShippedPreviousReleases, loadShippedCodesets, loadShippedPreviousReleases, SHIPPED_CODESET_FILES } from './ingest/load-codesets';
import { countCodesBySystem } from './ingest/store/codeset.store';
import { countNames, loadShippedNames, SHIPPED_NAMES_RELEASE } from './ingest/names/load-names';
import { storeVocabulary } from './ingest/store/vocabulary.store';
import { CodePageImporter } from './modules/import/code-page.importer';

export const SHIPPED_PAGES_DIR = path.join(REPO_ROOT, 'seeds', 'pages');
const Q = {
  countPages: cypherQuery('import/count-page-codes'),
  seedState: cypherQuery('import/get-seed-state-by-part'),
  markStarted: cypherQuery('import/mark-seed-started'),
  markDone: cypherQuery('import/mark-seed-done'),
};

type SeedPart = 'codesets' | 'releases' | 'names' | 'pages';

/**
 * Why a part of the shipped data must be loaded now, or null when it is there: the
 * database lacks it, or an earlier start began loading it and never finished (a load
 * cut short leaves some data, which must not be taken for the whole).
 */
async function loadReason(db: Database, part: SeedPart, hasData: boolean): Promise<'empty' | 'interrupted' | null> {
  const [state] = await db.read<{ startedAt: unknown; doneAt: unknown }>(Q.seedState, { part });
  if (state && state.startedAt != null && state.doneAt == null) return 'interrupted';
  return hasData ? null : 'empty';
}

/** The release (for names: the list of files) a part was last loaded from; null when never recorded. */
async function seedRelease(db: Database, part: SeedPart): Promise<string | null> {
  const [state] = await db.read<{ release: string | null }>(Q.seedState, { part });
  return state?.release ?? null;
}

/** Loads one part between a "started" and a "done" mark; both loads are idempotent, so a rerun finishes the job. */
async function loadPart<T>(db: Database, part: SeedPart, release: string, load: () => Promise<T>): Promise<T> {
  await db.write(Q.markStarted, { part, release });
  const result = await load();
  await db.write(Q.markDone, { part, release });
  return result;
}

export interface SeedOptions {
  /** Load the shipped release files when the database holds no ICD-10-CM codes. */
  codesets: boolean;
  /** Import seeds/pages when no code has a page. */
  pages: boolean;
}

/**
 * Brings an empty database to the shipped state; on a database that has data, only
 * refreshes the curated vocabulary (idempotent). A load that an earlier start began and
 * did not finish (SeedState marks) is run again. Safe to run at every start.
 */
export async function seedDatabase(db: Database, importer: CodePageImporter, logger: Logger, opts: SeedOptions): Promise<void> {
  const terms = await storeVocabulary(db, importer.vocabulary);
  logger.info({ terms }, 'vocabulary merged');
  if (opts.codesets) {
    const counts = await countCodesBySystem(db);
    const reason = await loadReason(db, 'codesets', Boolean(counts.ICD10CM));
    if (reason) {
      logger.info(
        { reason },
        reason === 'empty'
          ? 'empty database: loading the shipped ICD-10-CM, ICD-10-PCS and HCPCS releases (about 190,000 rows; about a minute)'
          : 'an earlier load of the shipped releases did not finish: loading them again (idempotent)',
      );
      const results = await loadPart(db, 'codesets', SHIPPED_CODESET_FILES.join(','), () => loadShippedCodesets(db, { onProblem: (p) => logger.warn(p, 'release file line skipped') }));
      for (const r of results) logger.info({ file: path.basename(r.file), rows: r.rows, problems: r.problems, ms: r.ms }, 'code set loaded');
    }
    // FY2025 beside the FY2026 just loaded: compared with it, so only the differences are written (README "Releases").
    const releasesReason = await loadReason(db, 'releases', await hasShippedPreviousReleases(db));
    if (releasesReason) {
      const results = await loadPart(db, 'releases', 'FY2025', () => loadShippedPreviousReleases(db));
      for (const r of results) logger.info({ reason: releasesReason, ...r }, 'earlier release loaded');
    }
    // Names for search (index terms, inclusion terms, PCS index) link to the codes, FY2025 ones included: after them.
    // A database whose names came from other files, or were read by an earlier version of the parsers, reloads them.
    const namesReason = (await loadReason(db, 'names', (await countNames(db)) > 0)) ?? ((await seedRelease(db, 'names')) !== SHIPPED_NAMES_RELEASE ? 'changed' : null);
    if (namesReason) {
      const results = await loadPart(db, 'names', SHIPPED_NAMES_RELEASE, () => loadShippedNames(db, { onProblem: (p) => logger.warn({ problem: p.message }, 'names file line skipped') }));
      for (const r of results) logger.info({ reason: namesReason, ...r }, 'search names loaded');
    }
  }
  if (opts.pages) {
    const [row] = await db.read<{ pages: number }>(Q.countPages);
    const reason = await loadReason(db, 'pages', Boolean(row?.pages));
    if (reason) {
      const files = CodePageImporter.listPageFiles([SHIPPED_PAGES_DIR]);
      const summary = await loadPart(db, 'pages', 'seeds/pages', () => importer.importFiles(files));
      logger.info({ reason, pages: summary.pages, failed: summary.failed.length, warnings: summary.warnings }, 'sample code pages imported');
      for (const f of summary.failed) logger.error(f, 'sample page failed');
    }
  }
}
