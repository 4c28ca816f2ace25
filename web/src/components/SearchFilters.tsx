import type { CodeSystem } from '../gql/graphql';
import { CODE_SYSTEMS, systemLabel } from '../lib/code-systems';

export interface SearchFiltersProps {
  systems: readonly CodeSystem[];
  onSystemsChange: (systems: CodeSystem[]) => void;
  billableOnly: boolean;
  onBillableOnlyChange: (value: boolean) => void;
  /** Matches per system for the current text (shown next to each system), when known. */
  counts: ReadonlyMap<CodeSystem, number> | null;
}

/** Filters: which code systems, and billable codes only. None checked means every system. */
export function SearchFilters({ systems, onSystemsChange, billableOnly, onBillableOnlyChange, counts }: SearchFiltersProps) {
  const toggle = (s: CodeSystem, on: boolean) => onSystemsChange(CODE_SYSTEMS.filter((x) => (x === s ? on : systems.includes(x))));
  return (
    <div className="search-filters">
      <fieldset>
        <legend>Code systems (none checked: all)</legend>
        {CODE_SYSTEMS.map((s) => (
          <label key={s}>
            <input type="checkbox" name="system" value={s} checked={systems.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
            {systemLabel(s)}
            {counts ? <span className="count"> ({(counts.get(s) ?? 0).toLocaleString('en-US')})</span> : null}
          </label>
        ))}
      </fieldset>
      <label className="billable-filter">
        <input type="checkbox" name="billable" checked={billableOnly} onChange={(e) => onBillableOnlyChange(e.target.checked)} />
        Billable codes only
      </label>
    </div>
  );
}
