import { Field, ID, InterfaceType } from 'type-graphql';
import type { NodeType } from '../common/global-id';

/** Every entity a client can refetch by `node(id:)`. Models carry `nodeType` so the interface can resolve. */
@InterfaceType('Node', {
  description: 'Global object identification (Relay): every entity can be refetched by id.',
  resolveType: (value: { nodeType?: NodeType }) => value.nodeType,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque, stable id; pass it to `node(id:)`.' })
  id!: string;

  nodeType!: NodeType;
}
