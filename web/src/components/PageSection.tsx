import type { ReactNode } from 'react';

/** One titled section of a code page; renders nothing when `empty`. */
export function PageSection({ id, title, empty = false, children }: { id: string; title: string; empty?: boolean; children: ReactNode }) {
  if (empty) return null;
  return (
    <section className="page-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

/** A page section's bullet list (or numbered, for steps). */
export function TextList({ items, ordered = false }: { items: readonly string[]; ordered?: boolean }) {
  const li = items.map((t, i) => <li key={i}>{t}</li>);
  return ordered ? <ol>{li}</ol> : <ul>{li}</ul>;
}
