import type { Logger } from 'pino';
import type { AuthInfo } from './auth/auth';
import type { Config } from './config';
import type { Database, QueryStats } from './neo4j/database';
import type { LoaderOptions } from './neo4j/keyed-loader';
import { createCodeLoaders } from './modules/code/code.loaders';
import { createVocabularyLoaders } from './modules/vocabulary/vocabulary.loaders';
import type { CodePageImporter } from './modules/import/code-page.importer';

/** Shared by every request for the life of the process. */
export interface AppServices {
  config: Config;
  db: Database;
  logger: Logger;
  importer: CodePageImporter;
  loaderOptions: LoaderOptions;
}

/** Built per request; its loaders cache only within that request. */
export interface RequestContext extends AppServices {
  auth: AuthInfo;
  stats: QueryStats;
  loaders: ReturnType<typeof createLoaders>;
}

export function createLoaders(db: Database, opts: LoaderOptions) {
  const vocab = createVocabularyLoaders(db, opts);
  // Code loaders prime vocabulary loaders with the next level they read (code.loaders.ts).
  return { code: createCodeLoaders(db, opts, vocab), vocab };
}
