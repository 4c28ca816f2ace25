import type { SearchCodesQuery } from '../gql/graphql';
import { Highlight } from './Highlight';
import { SystemBadge } from './SystemBadge';

export type SearchHit = SearchCodesQuery['search']['edges'][number];

const NAME_KIND: Record<string, string> = {
  TITLE: 'title',
  SHORT_TITLE: 'short title',
  COMMON_NAME: 'common name',
  INDEX: 'index term',
  INDEX_SEE: 'index term (see)',
  INCLUSION: 'inclusion term',
  PCS_INDEX: 'PCS index term',
  DRUG: 'drug table',
  EXTERNAL_CAUSE: 'external cause index',
  NEOPLASM: 'neoplasm table',
};

const MATCHED_BY: Record<string, string> = {
  EXACT_CODE: 'exact code',
  CODE_PREFIX: 'code prefix',
  TITLE_PHRASE: 'title phrase',
  ALL_WORDS: 'all words',
  FUZZY: 'similar spelling',
  ANY_WORD: 'some words',
};

/** Id of a hit's option element, for aria-activedescendant. */
export const hitOptionId = (index: number) => `search-hit-${index}`;

export interface SearchHitListProps {
  id: string;
  hits: readonly SearchHit[];
  activeIndex: number;
  onOpen: (hit: SearchHit) => void;
  onHover: (index: number) => void;
}

/** The hits as listbox options: system badge, code, title with the matched words marked, and why it matched. */
export function SearchHitList({ id, hits, activeIndex, onOpen, onHover }: SearchHitListProps) {
  return (
    <ul id={id} role="listbox" aria-label="Matching codes" className="hit-list">
      {hits.map((hit, i) => (
        <li
          key={hit.cursor}
          id={hitOptionId(i)}
          role="option"
          aria-selected={i === activeIndex}
          className={i === activeIndex ? 'hit active' : 'hit'}
          data-code={`${hit.node.system} ${hit.node.code}`}
          // Keep the focus in the box: the click opens the hit.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onOpen(hit)}
          onMouseMove={() => onHover(i)}
        >
          <SystemBadge system={hit.node.system} /> <span className="code">{hit.node.code}</span>{' '}
          <span className="hit-title">
            <Highlight html={hit.highlight} fallback={hit.node.title} />
          </span>
          {hit.matchedName && hit.matchedName.kind !== 'TITLE' ? (
            <span className="hit-name">
              {' '}
              · {NAME_KIND[hit.matchedName.kind] ?? hit.matchedName.kind}: <Highlight html={hit.matchedName.highlight} fallback={hit.matchedName.text} />
              {hit.matchedName.synonym ? ` (“${hit.matchedName.synonym.term}” read as “${hit.matchedName.synonym.expansion}”)` : ''}
            </span>
          ) : null}
          <span className="hit-meta">
            {' '}
            · {MATCHED_BY[hit.matchedBy] ?? hit.matchedBy}
            {hit.node.billable ? '' : ' · not billable'}
            {hit.node.active ? '' : ' · terminated'}
            {hit.node.hasPage ? ' · has a code page' : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
