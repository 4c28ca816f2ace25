import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const ROOT = path.resolve(__dirname, '../..');
export const WEB_DIST = path.join(ROOT, 'web', 'dist');

/** What the web build reads: a change to any of these makes web/dist stale. */
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.mts', 'web/scripts', 'schema/schema.graphql', 'examples/operations', 'package-lock.json'];

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

/**
 * Builds the web app (`npm run build:web`) unless web/dist is newer than every source, so
 * `npm test` on a fresh clone builds it once and a second run costs nothing.
 * Returns the seconds the build took (0 when none was needed).
 */
export function ensureWebBuilt(log: (m: string) => void): number {
  const index = path.join(WEB_DIST, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const newest = Math.max(
    ...SOURCES.map((s) => path.join(ROOT, s))
      .filter((s) => fs.existsSync(s))
      .map(newestMtime),
  );
  if (built > newest) return 0;
  const t0 = Date.now();
  log('web/dist is missing or older than its sources: npm run build:web');
  // NODE_ENV=production: Jest sets `test`, with which Vite would bundle React's development build.
  execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  return (Date.now() - t0) / 1000;
}

export interface BundleSizes {
  /** Files index.html loads at once (entry script, module preloads, stylesheets). */
  initial: { file: string; bytes: number; gzip: number }[];
  initialJsGzip: number;
  /** The lazily loaded chunks, by name prefix (GraphPage, GraphiQLPage), JS only. */
  lazyGzip: Record<string, number>;
}

/** Sizes of what web/dist/index.html loads first, and of the lazy chunks, raw and gzip. */
export function bundleSizes(): BundleSizes {
  const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  const size = (rel: string) => {
    const buf = fs.readFileSync(path.join(WEB_DIST, rel));
    return { file: rel, bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  };
  const initial = refs.map(size);
  const lazyGzip: Record<string, number> = {};
  for (const f of fs.readdirSync(path.join(WEB_DIST, 'assets'))) {
    const m = /^(GraphPage|GraphiQLPage)-.*\.js$/.exec(f);
    if (m) lazyGzip[m[1]!] = (lazyGzip[m[1]!] ?? 0) + size(`/assets/${f}`).gzip;
  }
  return { initial, initialJsGzip: initial.filter((f) => f.file.endsWith('.js')).reduce((s, f) => s + f.gzip, 0), lazyGzip };
}
