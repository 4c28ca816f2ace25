/**
 * Contender (c): the Neo4j GraphQL Library (@neo4j/graphql v7) over the same graph,
 * served by @apollo/server standalone with the settings our API uses (CSRF prevention on,
 * batched HTTP requests off, no cache). Run as a child process by bench/run.ts:
 *   NEO4J_URI=bolt://127.0.0.1:7690 NEO4J_PASSWORD=... PORT=4102 tsx bench/neo4j-graphql/server.ts
 * GET /bench-stats on STATS_PORT answers {"queries": n}: Bolt queries run since start
 * (counted by wrapping the driver), so the bench can report round trips per request.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';

const stats = { queries: 0 };

/** Counts every query the library sends (tx.run and session.run). */
function countingDriver(driver: Driver): Driver {
  const wrapTx = <T extends object>(tx: T): T =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'run' && typeof v === 'function') {
          return (...args: unknown[]) => {
            stats.queries += 1;
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (typeof v !== 'function') return v;
        const fn = v as (...a: unknown[]) => unknown;
        if (prop === 'run') {
          return (...args: unknown[]) => {
            stats.queries += 1;
            return fn.apply(target, args);
          };
        }
        if (prop === 'executeRead' || prop === 'executeWrite' || prop === 'readTransaction' || prop === 'writeTransaction') {
          return (work: (tx: ManagedTransaction) => unknown, ...rest: unknown[]) => fn.call(target, (tx: ManagedTransaction) => work(wrapTx(tx)), ...rest);
        }
        if (prop === 'beginTransaction') {
          return (...args: unknown[]) => wrapTx(fn.apply(target, args) as object);
        }
        return fn.bind(target);
      },
    });
  return new Proxy(driver, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'session' && typeof v === 'function') {
        return (...args: unknown[]) => wrapSession((v as (...a: unknown[]) => Session).apply(target, args));
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7690';
  const password = process.env.NEO4J_PASSWORD ?? 'medcodes-local-dev';
  const port = Number(process.env.PORT ?? 4102);
  const statsPort = Number(process.env.STATS_PORT ?? port + 100);
  const typeDefs = fs.readFileSync(path.join(__dirname, 'typedefs.graphql'), 'utf8');

  const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', password), { maxConnectionPoolSize: 100 });
  const neoSchema = new Neo4jGraphQL({ typeDefs, driver: countingDriver(driver) });
  const schema = await neoSchema.getSchema();
  if (process.env.PRINT_SCHEMA === '1') {
    const { printSchema } = await import('graphql');
    process.stdout.write(printSchema(schema));
    await driver.close();
    return;
  }
  const server = new ApolloServer({ schema, csrfPrevention: true, allowBatchedHttpRequests: false, introspection: true });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: async ({ req }) => ({ token: req.headers.authorization }),
  });
  const statsServer = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(stats));
  });
  await new Promise<void>((resolve) => statsServer.listen(statsPort, '127.0.0.1', resolve));
  process.stdout.write(`neo4j-graphql ready ${url}\n`);

  const stop = async () => {
    statsServer.close();
    await server.stop().catch(() => undefined);
    await driver.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`neo4j-graphql server failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
