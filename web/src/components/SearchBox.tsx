import type { KeyboardEvent } from 'react';

export interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** Id of the results listbox this box controls. */
  listboxId: string;
  expanded: boolean;
  /** Id of the option the arrow keys have selected, if any. */
  activeOptionId: string | null;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
}

/** The one search box: an ARIA 1.2 combobox whose options are the hits below it. */
export function SearchBox({ value, onChange, listboxId, expanded, activeOptionId, onKeyDown }: SearchBoxProps) {
  return (
    <div className="search-box">
      <label htmlFor="search-input">Search all medical codes</label>
      <input
        id="search-input"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-controls={listboxId}
        aria-expanded={expanded}
        aria-activedescendant={activeOptionId ?? undefined}
        aria-describedby="search-help"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        placeholder="A code (R42, 00300) or words (anesthesia, dizziness)"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id="search-help" className="hint">
        Results appear as you type. Up and down arrows move through them, Enter opens one, Escape closes the list and then clears the box.
      </p>
    </div>
  );
}
