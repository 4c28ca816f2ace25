import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { BadUserInputError } from '../../errors/app-error';
import { fromGlobalId } from '../common/global-id';
import { loadNeighborhood } from './graph.repository';
import { Subgraph } from './graph.type';

export const MAX_NEIGHBORHOOD_DEPTH = 3;
export const MAX_NEIGHBORHOOD_LIMIT = 500;

@Resolver()
export class GraphResolver {
  @Query(() => Subgraph, { description: 'The subgraph around any node, for graph views: nodes and edges up to `depth` hops, at most `limit` nodes.' })
  async neighborhood(
    @Arg('id', () => ID, { description: 'Global id of the centre node.' }) id: string,
    @Arg('depth', () => Int, { defaultValue: 1, nullable: true, description: `Hops from the centre, 0 to ${MAX_NEIGHBORHOOD_DEPTH}.` }) depthArg: number | null,
    @Arg('limit', () => Int, { defaultValue: 200, nullable: true, description: `Most nodes returned, 1 to ${MAX_NEIGHBORHOOD_LIMIT}.` }) limitArg: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Subgraph> {
    const depth = depthArg ?? 1;
    const limit = limitArg ?? 200;
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_NEIGHBORHOOD_DEPTH) throw new BadUserInputError(`depth must be between 0 and ${MAX_NEIGHBORHOOD_DEPTH}`, 'depth');
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NEIGHBORHOOD_LIMIT) throw new BadUserInputError(`limit must be between 1 and ${MAX_NEIGHBORHOOD_LIMIT}`, 'limit');
    const { type, key } = fromGlobalId(id);
    const graph = await loadNeighborhood(ctx.db, type, key, depth, limit);
    return graph ?? { nodes: [], edges: [], truncated: false };
  }
}
