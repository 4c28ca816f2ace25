import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'A node of a subgraph, for graph views.' })
export class GraphNode {
  @Field(() => ID, { description: 'Global id (pass to `node(id:)` for Code, Risk, BodyRegion, PersonnelRole, Setting, Indication, Policy).' })
  id!: string;

  @Field(() => String, { description: 'The node label: Code, Risk, BodyRegion, PersonnelRole, Setting, Indication, Policy, Alternative, Equipment, BodySystem.' })
  label!: string;

  @Field(() => String, { description: 'What to show: a code\'s "SYSTEM code: title", else the name.' })
  name!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A directed relationship of a subgraph.' })
export class GraphEdge {
  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => String, { description: 'Relationship type: HAS_RISK, TARGETS, PERFORMED_BY, PERFORMED_IN, PARENT, SIMILAR_TO, CODED_AS, PART_OF, ...' })
  type!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Nodes and edges around a node.' })
export class Subgraph {
  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];

  @Field(() => Boolean, { description: 'True when the limit cut the subgraph short.' })
  truncated!: boolean;
}
