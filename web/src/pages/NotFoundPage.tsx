import { Link } from 'wouter';
import { useDocumentTitle } from '../lib/use-document-title';

/** An address that shows nothing: says what was not found and where to go. */
export function NotFoundPage({ what = 'this page', title = 'Not found' }: { what?: string; title?: string }) {
  useDocumentTitle(title);
  return (
    <section className="not-found">
      <h1>Not found</h1>
      <p>There is no {what}.</p>
      <p>
        <Link href="/">Search all medical codes</Link> or <Link href="/regions">browse by body region</Link>.
      </p>
    </section>
  );
}
