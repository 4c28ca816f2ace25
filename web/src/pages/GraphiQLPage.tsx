import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { useEffect, useRef } from 'react';
import { repairGraphiQLAccessibility } from '../lib/graphiql-a11y';
import { useDocumentTitle } from '../lib/use-document-title';

/**
 * The example operations of examples/operations/, bundled at build time: one tab each,
 * the code page first. Nothing is fetched from anywhere but this server's /graphql.
 */
const examples = import.meta.glob<string>('../../../examples/operations/*.graphql', { query: '?raw', import: 'default', eager: true });
const ORDER = ['code-page', 'search-as-you-type', 'similar-codes', 'shared-complications', 'region-browser', 'neighborhood'];

export const exampleTabs = Object.entries(examples)
  .map(([file, query]) => ({ name: file.replace(/^.*\/|\.graphql$/g, ''), query }))
  .sort((a, b) => (ORDER.indexOf(a.name) + 1 || 99) - (ORDER.indexOf(b.name) + 1 || 99))
  .map(({ query }) => ({ query }));

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

/** `/graphiql`: GraphiQL served from this server, for use with no internet (Sandbox at GET /graphql needs it). */
export default function GraphiQLPage() {
  useDocumentTitle('GraphiQL');
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => (root.current ? repairGraphiQLAccessibility(root.current) : undefined), []);
  return (
    <div className="graphiql-page" ref={root}>
      <GraphiQL fetcher={fetcher} defaultTabs={exampleTabs} defaultEditorToolsVisibility="variables" />
    </div>
  );
}
