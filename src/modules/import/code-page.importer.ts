import fs from 'node:fs';
import path from 'node:path';
import type { CodeSystem } from '../../domain/code-system';
import type { Database, WriteCounters } from '../../neo4j/database';
import { emptyCounters } from '../../neo4j/database';
import { buildPageGraph } from '../../ingest/page/build-page-graph';
import { parseCodePage } from '../../ingest/page/parse-page';
import { decodePageBytes } from '../../ingest/page/page-text';
import { storePageGraph } from '../../ingest/store/page.store';
import { recomputeStaleCodeLists } from '../../ingest/store/code-lists.store';
import type { Vocabulary } from '../../ingest/vocabulary/vocabulary';
import { codeRef } from '../common/global-id';
import { bumpDataVersion } from '../../neo4j/data-version';

export interface PageImportOutcome {
  ref: string;
  created: boolean;
  warnings: string[];
}

export interface PageFileFailure {
  file: string;
  message: string;
}

export interface PageBatchSummary {
  pages: number;
  created: number;
  failed: PageFileFailure[];
  warnings: number;
  counters: WriteCounters;
  /** Codes whose similar / risk-sharing lists were recomputed after the batch. */
  listsRecomputed: number;
}

/**
 * Largest page the importCodePage mutation accepts, in characters (the seed page is about
 * 5,000). Below the default request body limit (BODY_LIMIT, 100 KB) with room for the JSON
 * around it, so an oversized page of mostly ASCII text gets this argument's clear
 * BAD_USER_INPUT; one whose JSON passes 100 KB (many multi-byte characters) gets the body
 * limit's BAD_REQUEST, which is as clear.
 */
export const MAX_PAGE_LENGTH = 90_000;

/**
 * Parses a code page, maps it onto the vocabulary and stores it in one transaction.
 * Shared by the CLI (`npm run import`), start-up seeding and the importCodePage mutation,
 * so every path writes the same graph. One per process; holds the vocabulary read at start.
 */
export class CodePageImporter {
  constructor(
    private readonly db: Database,
    readonly vocabulary: Vocabulary,
  ) {}

  /**
   * Imports one page. Throws PageParseError (file, line, expected) when the page cannot
   * be read, before anything is written; database errors come mapped (SERVICE_UNAVAILABLE...).
   */
  async importText(text: string, opts: { fileName?: string; system?: CodeSystem; code?: string; deferLists?: boolean } = {}, counters?: WriteCounters): Promise<PageImportOutcome> {
    const parsed = parseCodePage(text, opts);
    const graph = buildPageGraph(parsed, this.vocabulary);
    const { created, officialTitleKept } = await storePageGraph(this.db, graph, counters, { deferLists: opts.deferLists === true });
    await bumpDataVersion(this.db); // cached reads' ETags change (src/neo4j/data-version.ts)
    const warnings =
      officialTitleKept === null
        ? graph.warnings
        : [...graph.warnings, `the page's title differs from the official ${graph.code.system} title "${officialTitleKept}", which is kept (the page's is stored as pageTitle)`];
    return { ref: codeRef(graph.code.system, graph.code.codeKey), created, warnings };
  }

  /**
   * Stores the lists of every page code whose lists are stale or missing (after a batch of
   * imports, or codes beyond a single import's bound). Returns how many codes.
   */
  finishCodeLists(): Promise<number> {
    return recomputeStaleCodeLists(this.db);
  }

  /** Every .txt page directly in the given folders (sorted per folder), plus the given files; duplicates dropped. */
  static listPageFiles(inputs: string[]): string[] {
    const out = new Set<string>();
    for (const input of inputs) {
      const stat = fs.statSync(input);
      if (stat.isDirectory()) {
        for (const name of fs.readdirSync(input).sort()) if (name.endsWith('.txt')) out.add(path.join(input, name));
      } else out.add(input);
    }
    return [...out];
  }

  /**
   * Imports files one by one, each in its own transaction; a bad page is recorded and
   * the rest go on. `onPage` is told after each file (for progress bars). With more than one
   * file, the similar / risk-sharing lists the pages change are marked stale per page (read
   * exactly at read time meanwhile) and recomputed once at the end (finishCodeLists): one
   * computation per code instead of one per page that touches it.
   */
  async importFiles(files: string[], onPage?: (file: string, ok: boolean, warnings: string[]) => void): Promise<PageBatchSummary> {
    const summary: PageBatchSummary = { pages: 0, created: 0, failed: [], warnings: 0, counters: emptyCounters(), listsRecomputed: 0 };
    for (const file of files) {
      try {
        const text = decodePageBytes(fs.readFileSync(file));
        const r = await this.importText(text, { fileName: path.basename(file), deferLists: files.length > 1 }, summary.counters);
        summary.pages += 1;
        if (r.created) summary.created += 1;
        summary.warnings += r.warnings.length;
        onPage?.(file, true, r.warnings);
      } catch (err) {
        summary.failed.push({ file, message: (err as Error).message });
        onPage?.(file, false, []);
      }
    }
    if (files.length > 1) summary.listsRecomputed = await this.finishCodeLists();
    return summary;
  }
}
