import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { SearchBox } from '../components/SearchBox';
import { SearchFilters } from '../components/SearchFilters';
import { hitOptionId, SearchHitList, type SearchHit } from '../components/SearchHitList';
import { ErrorMessage } from '../components/QueryStatus';
import { SearchCodesDocument, type CodeSystem } from '../gql/graphql';
import { codePath, parseSystem } from '../lib/code-systems';
import { ApiError, request } from '../lib/graphql-client';
import { useDebounced } from '../lib/use-debounced';
import { useDocumentTitle } from '../lib/use-document-title';
import { useQuery } from '../lib/use-query';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 150;
const LISTBOX_ID = 'search-results';

interface SearchParams {
  q: string;
  systems: CodeSystem[];
  billableOnly: boolean;
}

function readParams(search: string): SearchParams {
  const p = new URLSearchParams(search);
  const systems = (p.get('systems') ?? '')
    .split(',')
    .map((s) => parseSystem(s))
    .filter((s): s is CodeSystem => s !== null);
  return { q: p.get('q') ?? '', systems, billableOnly: p.get('billable') === '1' };
}

function writeParams({ q, systems, billableOnly }: SearchParams): string {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (systems.length) p.set('systems', systems.join(','));
  if (billableOnly) p.set('billable', '1');
  const s = p.toString();
  return s ? `/search?${s}` : '/search';
}

/**
 * `/` and `/search?q=...&systems=CPT,ICD10CM&billable=1`: results as you type (debounced;
 * a newer request aborts the older one), keyboard navigation, filters, "load more".
 * The URL follows the box (replaced, not pushed), so back from a code page returns here.
 */
export function SearchPage() {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const initial = useMemo(() => readParams(search), []);
  const [text, setText] = useState(initial.q);
  const [systems, setSystems] = useState<CodeSystem[]>(initial.systems);
  const [billableOnly, setBillableOnly] = useState(initial.billableOnly);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [open, setOpen] = useState(true);
  const [more, setMore] = useState<{ hits: SearchHit[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [moreState, setMoreState] = useState<{ loading: boolean; error: ApiError | null }>({ loading: false, error: null });

  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const variables = query ? { query, systems: systems.length ? systems : null, billableOnly: billableOnly || null, first: PAGE_SIZE } : null;
  const result = useQuery(SearchCodesDocument, variables);
  useDocumentTitle(query ? `Search: ${query}` : 'Search');

  useEffect(() => {
    const target = writeParams({ q: query, systems, billableOnly });
    if (target !== `${location}${search ? `?${search}` : ''}` && !(location === '/' && target === '/search')) navigate(target, { replace: true });
  }, [query, systems, billableOnly]);

  // A new first page starts the list again.
  useEffect(() => {
    setMore(null);
    setMoreState({ loading: false, error: null });
    setActiveIndex(-1);
  }, [result.data]);

  const first = result.status === 'done' || result.status === 'loading' ? (result.data?.search ?? null) : null;
  const hits: SearchHit[] = first ? [...first.edges, ...(more?.hits ?? [])] : [];
  const pageInfo = more ?? (first ? { endCursor: first.pageInfo.endCursor, hasNextPage: first.pageInfo.hasNextPage } : null);
  const counts = first && systems.length === 0 ? new Map(first.bySystem.map((b) => [b.system, b.count] as const)) : null;
  const expanded = open && hits.length > 0;

  const openHit = (hit: SearchHit) => navigate(codePath(hit.node.system, hit.node.code));

  const loadMore = async () => {
    if (!variables || !pageInfo?.endCursor) return;
    setMoreState({ loading: true, error: null });
    try {
      const data = await request(SearchCodesDocument, { ...variables, after: pageInfo.endCursor });
      setMore((m) => ({ hits: [...(m?.hits ?? []), ...data.search.edges], endCursor: data.search.pageInfo.endCursor, hasNextPage: data.search.pageInfo.hasNextPage }));
      setMoreState({ loading: false, error: null });
    } catch (err) {
      setMoreState({ loading: false, error: err instanceof ApiError ? err : new ApiError(String(err), null) });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen(true);
        // Down on the last hit fetches the next page, so the keyboard reaches every hit.
        if (activeIndex >= hits.length - 1 && pageInfo?.hasNextPage && !moreState.loading) void loadMore();
        setActiveIndex((i) => Math.min(i + 1, hits.length - 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActiveIndex((i) => Math.max(i - 1, -1));
        break;
      case 'Enter': {
        const hit = expanded ? hits[activeIndex] : undefined;
        if (hit) {
          e.preventDefault();
          openHit(hit);
        }
        break;
      }
      case 'Escape':
        e.preventDefault();
        if (expanded) {
          setOpen(false);
          setActiveIndex(-1);
        } else setText('');
        break;
      default:
        break;
    }
  };

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(hitOptionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  return (
    <section className="search-page" aria-labelledby="search-heading">
      <h1 id="search-heading">Search all medical codes</h1>
      <SearchBox
        value={text}
        onChange={(v) => {
          setText(v);
          setOpen(true);
        }}
        listboxId={LISTBOX_ID}
        expanded={expanded}
        activeOptionId={expanded && activeIndex >= 0 ? hitOptionId(activeIndex) : null}
        onKeyDown={onKeyDown}
      />
      <SearchFilters systems={systems} onSystemsChange={setSystems} billableOnly={billableOnly} onBillableOnlyChange={setBillableOnly} counts={counts} />

      <p className="result-count" role="status" aria-live="polite">
        {!query ? '' : result.status === 'loading' && !first ? 'Searching…' : first ? (first.totalCount === 0 ? '' : `${hits.length} of ${first.totalCount.toLocaleString('en-US')} codes shown`) : ''}
      </p>

      {result.status === 'error' ? <ErrorMessage error={result.error} what="the search results" onRetry={result.retry} /> : null}

      {!query ? (
        <div className="empty-state">
          <p>Type a code (R42, M62.830, 00300, J1100) or words of a title (dizziness, anesthesia neck) to search CPT, HCPCS, ICD-10-CM and ICD-10-PCS.</p>
        </div>
      ) : first && first.totalCount === 0 ? (
        <div className="empty-state" role="status">
          <p>
            No code matches “{query}”{systems.length || billableOnly ? ' with these filters' : ''}.
          </p>
          <p>Check the spelling, use fewer words, try a code or its first characters{systems.length || billableOnly ? ', or clear the filters' : ''}.</p>
        </div>
      ) : null}

      {/* Always in the DOM: the combobox's aria-controls must point at it. */}
      <div hidden={!expanded}>
        <SearchHitList id={LISTBOX_ID} hits={expanded ? hits : []} activeIndex={activeIndex} onOpen={openHit} onHover={setActiveIndex} />
      </div>

      {expanded && pageInfo?.hasNextPage ? (
        <button type="button" className="load-more" onClick={() => void loadMore()} disabled={moreState.loading}>
          {moreState.loading ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
      {moreState.error ? <ErrorMessage error={moreState.error} what="more results" onRetry={() => void loadMore()} /> : null}
    </section>
  );
}
