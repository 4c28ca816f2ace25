import { migrate } from '../neo4j/migrations';
import { openCliEnv } from './cli-support';

/** npm run db:migrate: applies cypher/schema/*.cypher (idempotent). */
async function main(): Promise<void> {
  const env = await openCliEnv();
  const r = await migrate(env.db);
  process.stdout.write(`applied ${r.applied.length} schema files: ${r.applied.join(', ')}\n`);
  await env.close();
}

main().catch((err) => {
  process.stderr.write(`error: ${(err as Error).message}\n`);
  process.exit(1);
});
