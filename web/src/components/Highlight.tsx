import { Fragment, type ReactNode } from 'react';

/**
 * The search API's `highlight` (HTML-escaped text with <mark> around matched words) as
 * React elements. Parsed with the browser's DOMParser, which runs nothing, and only text and
 * <mark> are kept: markup from the server never reaches innerHTML.
 */
export function Highlight({ html, fallback }: { html: string | null; fallback: string }) {
  if (!html) return <>{fallback}</>;
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const parts: ReactNode[] = [];
  doc.body.childNodes.forEach((node, i) => {
    if (node.nodeName === 'MARK') parts.push(<mark key={i}>{node.textContent}</mark>);
    else parts.push(<Fragment key={i}>{node.textContent}</Fragment>);
  });
  return <>{parts}</>;
}
