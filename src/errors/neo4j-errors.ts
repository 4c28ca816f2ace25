import { Neo4jError, isRetryableError } from 'neo4j-driver';
import { AppError, ConflictError, ServiceUnavailableError } from './app-error';

/** Thrown by the database layer when a query outlives its deadline on our side. */
export class QueryDeadlineError extends Error {
  override readonly name = 'QueryDeadlineError';
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/**
 * The one place where database errors become API errors:
 * unreachable, frozen or timed-out database -> SERVICE_UNAVAILABLE;
 * constraint violation -> CONFLICT; anything else is returned unchanged
 * (formatError hides it as INTERNAL_SERVER_ERROR and logs the original).
 */
export function mapNeo4jError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof QueryDeadlineError) return new ServiceUnavailableError(undefined, err);
  if (err instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(err.code) || isRetryableError(err) || /acquisition timed out|connection.*(refused|closed|timed out)|ECONNREFUSED|ECONNRESET/i.test(err.message)) {
      return new ServiceUnavailableError(undefined, err);
    }
    if (err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new ConflictError('That change would duplicate something that must be unique');
    }
  }
  if (err instanceof Error && /ECONNREFUSED|ECONNRESET|EPIPE|socket hang up/i.test(err.message)) {
    return new ServiceUnavailableError(undefined, err);
  }
  return err;
}
