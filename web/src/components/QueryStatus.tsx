import type { ApiError } from '../lib/graphql-client';

/** "Loading..." for screen readers and eyes alike. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** A failed request: what went wrong and what to do. */
export function ErrorMessage({ error, what, onRetry }: { error: ApiError; what: string; onRetry?: () => void }) {
  return (
    <div className="error" role="alert">
      <p>
        Could not load {what}: {error.message}
      </p>
      <p>
        {error.code === 'SERVICE_UNAVAILABLE' || error.code === null
          ? 'The database or the server is not answering; wait a moment and try again.'
          : 'Check the address or the text you entered, then try again.'}
      </p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
