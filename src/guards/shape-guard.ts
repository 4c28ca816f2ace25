import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, GraphQLSchema, parse, validate, ValidationRule } from 'graphql';
import { ErrorCode } from '../errors/error-codes';

/**
 * Runs the cheap shape limits (depth, aliases, directives: graphql-armor's rules) before
 * Apollo's full validation. Why a middleware: graphql-js validates with every rule in one
 * pass, and one of them (overlapping fields) is quadratic in the number of aliases, so a
 * 500-alias document would cost ~150 ms before the alias rule could refuse it. Documents
 * that fail to parse are left to Apollo (it answers GRAPHQL_PARSE_FAILED).
 */
export function shapeGuard(schema: GraphQLSchema, rules: ValidationRule[], maxTokens: number) {
  // Verdicts by document text, so the frequent operations of a frontend are parsed once
  // (Apollo caches its own parse the same way). Bounded: cleared when full.
  const verdicts = new Map<string, string | null>();
  const verdictOf = (query: string): string | null => {
    const known = verdicts.get(query);
    if (known !== undefined) return known;
    let errors: readonly GraphQLError[];
    try {
      errors = validate(schema, parse(query, { maxTokens }), rules);
    } catch {
      return null; // Apollo answers parse errors itself
    }
    const refused = errors.find((e) => (e.extensions as { code?: string }).code === ErrorCode.QUERY_TOO_COMPLEX)?.message ?? null;
    if (verdicts.size >= 1000) verdicts.clear();
    if (query.length <= 20000) verdicts.set(query, refused);
    return refused;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    const body = req.body as { query?: unknown } | undefined;
    const query = typeof body?.query === 'string' ? body.query : typeof req.query.query === 'string' ? req.query.query : null;
    if (query === null) return next();
    const refused = verdictOf(query);
    if (refused === null) return next();
    res.status(400).json({ errors: [{ message: refused, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } }] });
  };
}
