import type { TypedDocumentString } from '../gql/graphql';

/**
 * The one way the app talks to the API: a POST of a generated, typed document to
 * /graphql on the same origin. Hand-written on purpose (about 40 lines): the app needs no
 * normalised cache, and a client library (urql, Apollo Client) would add 10-40 kB gzip to
 * the search page's first load for features it would not use.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** The GraphQL error code (BAD_USER_INPUT, SERVICE_UNAVAILABLE...) or HTTP_<status>; null for network failures. */
    readonly code: string | null,
  ) {
    super(message);
  }
}

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Runs one operation. Resolves with `data`; rejects with ApiError (server said no, or the
 * network failed) or with the AbortError of `signal` (callers ignore those: the answer is stale).
 */
export async function request<R, V>(document: TypedDocumentString<R, V>, variables: V, signal?: AbortSignal): Promise<R> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError('The server cannot be reached. Check that it is running, then try again.', null);
  }
  let body: GraphQLResponse<R>;
  try {
    body = (await res.json()) as GraphQLResponse<R>;
  } catch {
    throw new ApiError(`The server answered ${res.status} without a GraphQL response.`, `HTTP_${res.status}`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? null);
  if (body.data === undefined || body.data === null) throw new ApiError('The server sent no data.', `HTTP_${res.status}`);
  return body.data;
}

/** True for the rejection of an aborted request (a stale answer nobody waits for). */
export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}
