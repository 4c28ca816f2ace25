import { useEffect, useState } from 'react';
import { RegionCodesViewDocument, type RegionCodesViewQuery } from '../gql/graphql';
import { ApiError, request } from '../lib/graphql-client';
import { useDocumentTitle } from '../lib/use-document-title';
import { useQuery } from '../lib/use-query';
import { CodeLink } from './CodeLink';
import { ErrorMessage, Loading } from './QueryStatus';

type Region = Extract<NonNullable<RegionCodesViewQuery['node']>, { __typename: 'BodyRegion' }>;
type Edge = Region['codes']['edges'][number];

/** The codes on one region and its sub-regions, in code order, with "load more". */
export function RegionCodeList({ regionId }: { regionId: string }) {
  const result = useQuery(RegionCodesViewDocument, { id: regionId, first: 20 });
  const region = result.status === 'done' && result.data.node?.__typename === 'BodyRegion' ? (result.data.node as Region) : null;
  const [more, setMore] = useState<{ edges: Edge[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  useDocumentTitle(region ? `${region.name} · Body regions` : 'Body regions');
  useEffect(() => setMore(null), [regionId]);

  if (result.status === 'error') return <ErrorMessage error={result.error} what="the codes of this region" onRetry={result.retry} />;
  if (result.status !== 'done') return <Loading what="the region's codes" />;
  if (!region) return <p role="alert">There is no body region with this id. Pick one from the list.</p>;

  const edges = [...region.codes.edges, ...(more?.edges ?? [])];
  const pageInfo = more ?? region.codes.pageInfo;
  const loadMore = async () => {
    setLoadingMore(true);
    setMoreError(null);
    try {
      const d = await request(RegionCodesViewDocument, { id: regionId, first: 20, after: pageInfo.endCursor });
      const page = d.node?.__typename === 'BodyRegion' ? (d.node as Region).codes : null;
      if (page) setMore((m) => ({ edges: [...(m?.edges ?? []), ...page.edges], endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage }));
    } catch (err) {
      setMoreError(err instanceof ApiError ? err : new ApiError(String(err), null));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section className="region-codes" aria-labelledby="region-heading">
      <h2 id="region-heading">
        {region.name}
        {region.parent ? <span className="hint"> (part of {region.parent.name})</span> : null}
      </h2>
      <p role="status">
        {edges.length} of {region.codes.totalCount.toLocaleString('en-US')} codes on this region and its sub-regions
      </p>
      {edges.length === 0 ? <p>No code page names this region yet.</p> : null}
      <ul>
        {edges.map((e) => (
          <li key={e.cursor}>
            <CodeLink system={e.node.system} code={e.node.code} title={e.node.title} />
          </li>
        ))}
      </ul>
      {pageInfo.hasNextPage ? (
        <button type="button" className="load-more" onClick={() => void loadMore()} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
      {moreError ? <ErrorMessage error={moreError} what="more codes" /> : null}
    </section>
  );
}
