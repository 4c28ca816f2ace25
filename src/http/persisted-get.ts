import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { REPO_ROOT } from '../config';
import type { Database } from '../neo4j/database';
import { readDataVersion } from '../neo4j/data-version';
import { ErrorCode } from '../errors/error-codes';

const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples', 'operations');

/** sha256 hex of a document's text: the hash of Apollo's automatic persisted queries protocol. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The example operations (examples/operations/*.graphql): file name -> text and hash. */
export function exampleOperations(): { file: string; text: string; hash: string }[] {
  return fs
    .readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8');
      return { file, text, hash: documentHash(text) };
    });
}

/**
 * The APQ cache, shared by every request for the life of the server: an LRU (about 30 MB
 * at most) with the example operations registered up front under their hashes, so a
 * plain GET of one works on a fresh replica before any client registered it.
 */
export function persistedQueryCache(): InMemoryLRUCache<string> {
  const cache = new InMemoryLRUCache<string>({ maxSize: 30 * 1024 * 1024 });
  // Apollo prefixes APQ keys with "apq:" (requestPipeline APQ_CACHE_PREFIX).
  for (const op of exampleOperations()) void cache.set(`apq:${op.hash}`, op.text);
  return cache;
}

export interface PersistedGetOptions {
  db: Database;
  /** Cache-Control max-age in seconds. */
  maxAge: number;
  /** Reads need a token (REQUIRE_AUTH_FOR_READS): responses are `private` and vary by Authorization. */
  privateReads: boolean;
  /** Only the example operations' hashes are served over GET (PERSISTED_GET=examples). */
  examplesOnly: boolean;
}

function badRequest(res: Response, message: string): void {
  res
    .status(400)
    .set('cache-control', 'no-store')
    .json({ errors: [{ message, extensions: { code: ErrorCode.BAD_REQUEST } }] });
}

/**
 * GET /graphql for cacheable reads, in front of Apollo:
 * - no parameters: the landing page (Sandbox), untouched;
 * - `query` text in the URL: refused (400); operations that are not persisted stay POST-only;
 * - `extensions={"persistedQuery":{"version":1,"sha256Hash":...}}` (Apollo's APQ protocol):
 *   served. The ETag is the data version (src/neo4j/data-version.ts, bumped by every import)
 *   and a hash of (document hash, variables, operation name); an If-None-Match that matches
 *   answers 304 without running anything. A 200 without errors gets Cache-Control and the
 *   ETag; anything else `no-store`.
 *
 * CSRF: Apollo's csrfPrevention refuses "simple" GETs (no preflight-forcing header), which
 * would make a plain CDN GET impossible. For a persisted-hash GET this middleware adds the
 * `apollo-require-preflight` header itself, because such a request cannot do what CSRF
 * prevention guards against: Apollo runs no mutation over GET, the document must already be
 * registered (by a POST, which keeps the CSRF check) or be an example, and credentials are
 * bearer tokens a cross-site page cannot attach (no cookies are read). POSTs and every other
 * GET keep the check.
 */
export function persistedGet(opts: PersistedGetOptions): RequestHandler {
  const examples = new Set(exampleOperations().map((o) => o.hash));
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    const q = req.query as Record<string, unknown>;
    if (q.query === undefined && q.extensions === undefined) return next(); // landing page
    if (q.query !== undefined) {
      return badRequest(res, 'GET serves persisted queries only (extensions.persistedQuery.sha256Hash); send query text by POST');
    }
    let hash: unknown;
    try {
      hash = (JSON.parse(String(q.extensions)) as { persistedQuery?: { sha256Hash?: unknown } }).persistedQuery?.sha256Hash;
    } catch {
      return badRequest(res, 'the extensions parameter is not valid JSON');
    }
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
      return badRequest(res, 'extensions.persistedQuery.sha256Hash must be 64 lower-case hex digits');
    }
    if (opts.examplesOnly && !examples.has(hash)) return badRequest(res, 'this server serves only the example operations over GET; POST other operations');

    let version: number;
    try {
      version = await readDataVersion(opts.db);
    } catch {
      return next(); // database away: Apollo answers SERVICE_UNAVAILABLE, never cached (below)
    }
    const key = createHash('sha256')
      .update(`${hash}\0${queryText(q.variables)}\0${queryText(q.operationName)}`)
      .digest('hex')
      .slice(0, 20);
    const etag = `"v${version}-${key}"`;
    const cacheControl = `${opts.privateReads ? 'private' : 'public'}, max-age=${opts.maxAge}`;
    if (opts.privateReads) res.vary('Authorization');

    const ifNoneMatch = req.headers['if-none-match'];
    // With reads behind a token, Apollo must check the token first: no 304 shortcut.
    if (!opts.privateReads && ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      res.status(304).set({ etag, 'cache-control': cacheControl }).end();
      return;
    }

    req.headers['apollo-require-preflight'] = 'true';
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const ok = res.statusCode === 200 && typeof body === 'string' && !body.includes('"errors":');
      if (ok) res.set({ etag, 'cache-control': cacheControl });
      else res.set('cache-control', 'no-store');
      return send(body);
    };
    next();
  };
}

/** A query-string value as text for the cache key: a repeated or nested parameter is JSON, not '[object Object]'. */
function queryText(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v);
}
