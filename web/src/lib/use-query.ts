import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, isAbort, request } from './graphql-client';

export type QueryState<R> =
  { status: 'idle'; data: null; error: null } | { status: 'loading'; data: R | null; error: null } | { status: 'done'; data: R; error: null } | { status: 'error'; data: null; error: ApiError };

/**
 * Runs `document` whenever `key` (a string form of the variables) changes, or not at all
 * while `variables` is null. A newer request aborts the one in flight, and an answer that
 * arrives after a newer request started is dropped, so the screen never shows a stale answer.
 */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V | null): QueryState<R> & { retry: () => void } {
  const [state, setState] = useState<QueryState<R>>({ status: 'idle', data: null, error: null });
  const [attempt, setAttempt] = useState(0);
  const key = variables === null ? null : JSON.stringify(variables);
  const latest = useRef(0);

  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle', data: null, error: null });
      return undefined;
    }
    const id = ++latest.current;
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', data: s.data, error: null }));
    request(document, JSON.parse(key) as V, controller.signal).then(
      (data) => {
        if (id === latest.current) setState({ status: 'done', data, error: null });
      },
      (err: unknown) => {
        if (isAbort(err) || id !== latest.current) return;
        setState({ status: 'error', data: null, error: err instanceof ApiError ? err : new ApiError(String(err), null) });
      },
    );
    return () => controller.abort();
  }, [document, key, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, retry };
}
