/**
 * What a code page costs inside Neo4j, independent of load and page cache: the db hits of our
 * W1 and W4 statements (built by src/modules/code/code-page.query.ts from the workload's GraphQL
 * operation, exactly as the API builds them) and of the floor's, PROFILEd for each of the codes
 * the bench draws. Run it against graphs of several sizes to see whether a page costs the same
 * at 1M codes as at 10k.
 *   npx tsx bench/tools/page-db-hits.ts --bolt bolt://127.0.0.1:7687 [--password P]
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, OperationDefinitionNode, parse } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { buildSchema } from '../../src/schema';
import { planCodePage } from '../../src/modules/code/code-page.plan';
import { buildCodePageQuery } from '../../src/modules/code/code-page.query';
import { BENCH, drawParams, ROOT, type CodeParam } from '../lib/workloads';

interface ProfileNode {
  dbHits?: number;
  children?: ProfileNode[];
}
const dbHits = (p: ProfileNode): number => (p.dbHits ?? 0) + (p.children ?? []).reduce((a, c) => a + dbHits(c), 0);

/** The resolve info planCodePage reads at Query.code for `query` with `variables` (schema, operation, fragments, the field node). */
function infoAtCode(query: string, variables: Record<string, unknown>): GraphQLResolveInfo {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const field = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'code')!;
  return { schema, operation, fragments, fieldNodes: [field], variableValues: variables } as unknown as GraphQLResolveInfo;
}

const schema = buildSchema();

async function profile(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<number> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const r = await session.run(`PROFILE ${cypher}`, params);
    return dbHits(r.summary.profile as unknown as ProfileNode);
  } finally {
    await session.close();
  }
}

const toBolt = (params: Record<string, unknown>) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));

async function main(): Promise<void> {
  const o = new Command()
    .requiredOption('--bolt <uri>', 'the Neo4j to profile')
    .option('--password <p>', 'its password (default NEO4J_PASSWORD or medcodes-local-dev)')
    .parse()
    .opts<{ bolt: string; password?: string }>();
  const driver = neo4j.driver(o.bolt, neo4j.auth.basic('neo4j', o.password ?? process.env.NEO4J_PASSWORD ?? 'medcodes-local-dev'));
  try {
    const params = await drawParams(driver, 42);
    const count = await driver.executeQuery('MATCH (c:Code) RETURN count(c) AS n', {}, { routing: neo4j.routing.READ });
    const workloads: [string, string, string, CodeParam[]][] = [
      ['W1 full code page', fs.readFileSync(path.join(ROOT, 'examples', 'operations', 'code-page.graphql'), 'utf8'), 'w1-code-page.cypher', params.pages],
      ['W4 depth-3 walk', fs.readFileSync(path.join(BENCH, 'workloads', 'w4-walk.ours.graphql'), 'utf8'), 'w4-walk.cypher', params.pages],
    ];
    const lines = [
      `${String(count.records[0]!.get('n'))} codes at ${o.bolt}: db hits per request (PROFILE), over the bench's codes`,
      '',
      '| workload | codes | ours median | ours max | floor median | floor max |',
      '|---|---:|---:|---:|---:|---:|',
    ];
    for (const [name, query, floorFile, codes] of workloads) {
      const floorCypher = fs.readFileSync(path.join(BENCH, 'workloads', floorFile), 'utf8');
      const ours: number[] = [];
      const floor: number[] = [];
      for (const c of codes) {
        const plan = planCodePage(infoAtCode(query, { system: c.system, code: c.code }));
        if (!plan) throw new Error(`${name}: the operation plans no page statement`);
        const built = buildCodePageQuery(plan, c.system, c.codeKey);
        ours.push(await profile(driver, built.cypher, toBolt(built.params)));
        floor.push(await profile(driver, floorCypher, { system: c.system, codeKey: c.codeKey }));
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
      lines.push(`| ${name} | ${codes.length} | ${med(ours)} | ${Math.max(...ours)} | ${med(floor)} | ${Math.max(...floor)} |`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await driver.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
