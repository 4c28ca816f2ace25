import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes';

/**
 * The one base class for errors we raise on purpose: it always carries a code,
 * so formatError can tell them from surprises (which it hides).
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}, originalError?: Error) {
    super(message, { extensions: { code, ...extra }, ...(originalError ? { originalError } : {}) });
  }
}

export class BadUserInputError extends AppError {
  /** `argument` names the input that is wrong (e.g. "first", "query", "text:12"). */
  constructor(message: string, argument?: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, { ...(argument ? { argument } : {}), ...extra });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in: send an Authorization: Bearer <token> header') {
    super(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Your token does not carry the role this operation needs') {
    super(ErrorCode.FORBIDDEN, message, { http: { status: 403 } });
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super(ErrorCode.CONFLICT, message);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = 'The database is not reachable right now; try again in a few seconds', originalError?: Error) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message, {}, originalError);
  }
}

export class QueryTooComplexError extends AppError {
  /** HTTP 400: the request is refused before execution (Apollo reads and strips `http`). */
  constructor(message: string) {
    super(ErrorCode.QUERY_TOO_COMPLEX, message, { http: { status: 400 } });
  }
}
