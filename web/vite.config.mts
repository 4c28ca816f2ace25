import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * Builds web/ into web/dist, which the API server serves (src/web/static.ts).
 * JSX needs no plugin: Vite's own transform reads `jsx: react-jsx` from web/tsconfig.json.
 * GraphiQL and Cytoscape are imported with React.lazy, so they land in their own chunks.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // The example operations (examples/operations/*.graphql) are imported from outside web/.
  // `npm run dev:web`: hot reload on :5173, the API of a running `npm start` behind /graphql.
  server: { fs: { allow: [path.resolve(import.meta.dirname, '..')] }, proxy: { '/graphql': `http://127.0.0.1:${process.env.PORT ?? 4000}` } },
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    // GraphiQL's chunk is big by nature; it loads only on /graphiql.
    chunkSizeWarningLimit: 2500,
    reportCompressedSize: false,
    rollupOptions: {
      // GraphiQL's dependencies carry "use client" directives, which mean nothing in a plain SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
