import { BadUserInputError } from '../../errors/app-error';
import { offsetAfter } from './connection.type';

/** Upper bound of `first` on every list (configurable: MAX_PAGE_SIZE). Set once at start. */
let maxPageSize = 100;
export function setMaxPageSize(n: number): void {
  maxPageSize = n;
}
export function getMaxPageSize(): number {
  return maxPageSize;
}

/**
 * Validates `first` and `after` of a connection. Throws BAD_USER_INPUT naming the argument.
 * Returns the offset to start at and the page size.
 */
export function pageWindow(requested: number | null | undefined, after: string | null | undefined, argument = 'first', fallback = 20): { skip: number; first: number } {
  // An explicit null means "the default", as when the argument is left out.
  const first = requested ?? fallback;
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw new BadUserInputError(`${argument} must be between 0 and ${maxPageSize}`, argument);
  }
  const skip = offsetAfter(after);
  if (skip === null) throw new BadUserInputError('after is not a cursor this API gave out', 'after');
  return { skip, first };
}

/** Validates a plain list size (`first` without cursor). */
export function listSize(first: number | null | undefined, argument = 'first', fallback = 10): number {
  return pageWindow(first, null, argument, fallback).first;
}
