import type { ApolloServerPlugin } from '@apollo/server';
import { getComplexity, simpleEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { GraphQLError, isListType, getNullableType, GraphQLOutputType } from 'graphql';
import { LRUCache } from 'lru-cache';
import { BadUserInputError, QueryTooComplexError } from '../errors/app-error';
import { variablesKey } from '../modules/common/variables-key';

/** Assumed size of a list field that has no `first` argument (risks, regions, roles of a code: a handful). */
export const DEFAULT_LIST_SIZE = 5;
/** Lists that can be long without a `first`: hierarchy children (up to ~2,000 for a HCPCS letter). */
const LONG_LISTS: Record<string, number> = { 'Code.children': 50, 'Code.ancestors': 8 };

function isList(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

/**
 * Cost of a field: 1, plus its children's cost times the page size it asks for.
 * `first` (and `limit` of neighborhood) are read after variables are applied, so
 * `first: $n` with n = 1,000,000 costs what it asks.
 */
function pageSizeEstimator(options: ComplexityEstimatorArgs): number | void {
  const a = options.args as Record<string, unknown>;
  const size = typeof a.first === 'number' ? a.first : typeof a.limit === 'number' ? a.limit : null;
  const connectionLike = /Connection$/.test(String(getNullableType(options.field.type)));
  // `edges` of a connection, `nodes` of a subgraph: their size was counted on the field that returned them.
  if (/Connection$|^Subgraph$/.test(options.type.name)) return 1 + options.childComplexity;
  if (size !== null) return 1 + Math.max(size, 1) * Math.max(options.childComplexity, 1);
  if (connectionLike) return 1 + DEFAULT_LIST_SIZE * Math.max(options.childComplexity, 1);
  if (isList(options.field.type)) return 1 + (LONG_LISTS[`${options.type.name}.${options.field.name}`] ?? DEFAULT_LIST_SIZE) * options.childComplexity;
}

/** Costs kept per (document, operation name, variables): the same operation with the same variables costs the same. */
const COST_CACHE_ENTRIES = 5000;

/**
 * Rejects an operation whose estimated cost is over `maxCost` before anything runs
 * (QUERY_TOO_COMPLEX). The cost is returned in `extensions.cost` of every response.
 * The estimate walks the whole document, so it is kept in a bounded LRU by document hash,
 * operation name and variables (a frontend sends the same few operations): a repeat costs a lookup.
 */
export function costPlugin(opts: { maxCost: number; production: boolean }): ApolloServerPlugin {
  const costs = new LRUCache<string, number>({ max: COST_CACHE_ENTRIES });
  return {
    async requestDidStart() {
      let cost = 0;
      return {
        async didResolveOperation({ request, document, schema, operation, queryHash }) {
          const operationName = request.operationName ?? operation?.name?.value ?? undefined;
          const variables = request.variables ?? {};
          const vars = variablesKey(variables);
          const key = vars === null ? null : `${queryHash}|${operationName ?? ''}|${vars}`;
          const known = key === null ? undefined : costs.get(key);
          if (known !== undefined) {
            cost = known;
          } else {
            try {
              cost = getComplexity({
                schema,
                query: document,
                operationName,
                variables,
                estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
              });
            } catch (err) {
              // Variables that do not fit the operation: the same answer execution would give.
              if (err instanceof GraphQLError) throw new BadUserInputError(err.message, undefined, { http: { status: 400 } });
              throw err;
            }
            if (key !== null) costs.set(key, cost);
          }
          if (cost > opts.maxCost) {
            throw new QueryTooComplexError(
              opts.production ? 'Query is too expensive: ask for fewer or smaller pages' : `Query cost ${cost} is over the limit of ${opts.maxCost}: ask for fewer or smaller pages`,
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && cost > 0) {
            const body = response.body.singleResult;
            if (body.extensions) body.extensions.cost = cost;
            else body.extensions = { cost };
          }
        },
      };
    },
  };
}
