import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { REPO_ROOT } from './config';
import { AlternativeResolver, CodeResolver } from './modules/code/code.resolver';
import { GraphResolver } from './modules/graph/graph.resolver';
import { ImportResolver } from './modules/import/import.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { CodeReleaseFieldsResolver, ReleaseResolver } from './modules/release/release.resolver';
import { SearchResolver } from './modules/search/search.resolver';
import { BodyRegionResolver, IndicationResolver, PersonnelRoleResolver, PolicyResolver, RiskResolver, SettingResolver } from './modules/vocabulary/vocabulary.resolver';

/** Where the emitted SDL lives; committed, and a test fails when it drifts. */
export const SCHEMA_FILE = path.join(REPO_ROOT, 'schema', 'schema.graphql');

export const RESOLVERS = [
  NodeResolver,
  CodeResolver,
  AlternativeResolver,
  SearchResolver,
  RiskResolver,
  BodyRegionResolver,
  PersonnelRoleResolver,
  SettingResolver,
  PolicyResolver,
  IndicationResolver,
  GraphResolver,
  ImportResolver,
  ReleaseResolver,
  CodeReleaseFieldsResolver,
] as const;

/**
 * Builds the executable schema from the TypeGraphQL classes (the source of truth).
 * `emit` also writes schema/schema.graphql (npm run schema:emit).
 */
export function buildSchema(emit = false): GraphQLSchema {
  return buildSchemaSync({
    resolvers: [...RESOLVERS],
    validate: false,
    emitSchemaFile: emit ? { path: SCHEMA_FILE, sortedSchema: false } : false,
  });
}
