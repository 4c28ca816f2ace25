import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { fromGlobalId } from '../common/global-id';
import { Node } from './node.interface';

/** Query.node: refetch any entity by its global id. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any entity by its global id; null when it no longer exists.' })
  async node(@Arg('id', () => ID, { description: 'A global id this API gave out.' }) id: string, @Ctx() ctx: RequestContext): Promise<Node | null> {
    const { type, key } = fromGlobalId(id);
    const l = ctx.loaders;
    const load = {
      Code: () => l.code.codeByRef.load(key),
      Risk: () => l.vocab.riskByKey.load(key),
      BodyRegion: () => l.vocab.bodyRegionByKey.load(key),
      PersonnelRole: () => l.vocab.personnelRoleByKey.load(key),
      Setting: () => l.vocab.settingByKey.load(key),
      Indication: () => l.vocab.indicationByKey.load(key),
      Policy: () => l.vocab.policyByKey.load(key),
      Alternative: async () => [],
      Equipment: async () => [],
      BodySystem: async () => [],
    }[type];
    const [found] = (await load()) as Node[];
    return found ?? null;
  }
}
