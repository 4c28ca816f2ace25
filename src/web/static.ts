import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { REPO_ROOT } from '../config';

/** Where `npm run build:web` writes the web app (web/vite.config.mts). */
export const WEB_DIST = path.join(REPO_ROOT, 'web', 'dist');

/**
 * The web app's own addresses: each answers with index.html and the app's router shows the
 * page (deep links and reloads work). Everything else (/graphql with Sandbox on GET, /health)
 * stays as the server defines it.
 */
export const WEB_APP_PATHS = ['/', '/search', '/code/*rest', '/graph', '/graph/*rest', '/regions', '/regions/*rest', '/graphiql'];

/**
 * Serves the built web app (web/dist) on the same origin as the API: hashed files under
 * /assets/ with a year's cache, index.html (never cached) for every path of WEB_APP_PATHS.
 * When the app has not been built, those paths answer 503 with one line saying how to build
 * it; the API is unaffected. Call once, after createServer().
 */
export function serveWebApp(app: express.Express, distDir: string = WEB_DIST): void {
  const indexFile = path.join(distDir, 'index.html');
  app.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  app.get(WEB_APP_PATHS, (_req, res) => {
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('text/plain').send('The web app has not been built: run `npm run build:web` (npm start does it), then reload.\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
}
