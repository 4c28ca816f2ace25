import { useParams } from 'wouter';
import { RegionCodeList } from '../components/RegionCodeList';
import { RegionTree } from '../components/RegionTree';
import { ErrorMessage, Loading } from '../components/QueryStatus';
import { RegionTreeDocument } from '../gql/graphql';
import { useDocumentTitle } from '../lib/use-document-title';
import { useQuery } from '../lib/use-query';

/** `/regions` and `/regions/:id`: the region tree with counts, and the codes of the chosen region. */
export function RegionBrowserPage() {
  const params = useParams<{ id?: string }>();
  const selectedId = params.id ? decodeURIComponent(params.id) : null;
  const tree = useQuery(RegionTreeDocument, {});
  useDocumentTitle(selectedId ? undefined : 'Body regions');

  return (
    <section className="region-page" aria-labelledby="regions-heading">
      <h1 id="regions-heading">Body regions</h1>
      <div className="region-layout">
        {tree.status === 'error' ? (
          <ErrorMessage error={tree.error} what="the body regions" onRetry={tree.retry} />
        ) : tree.status === 'done' ? (
          <RegionTree regions={tree.data.bodyRegions} selectedId={selectedId} />
        ) : (
          <Loading what="the body regions" />
        )}
        {selectedId ? <RegionCodeList key={selectedId} regionId={selectedId} /> : <p>Pick a region to list the codes that work on it.</p>}
      </div>
    </section>
  );
}
