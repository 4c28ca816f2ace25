import { Command } from 'commander';
import { recomputeAllCodeLists } from '../ingest/store/code-lists.store';
import { migrate } from '../neo4j/migrations';
import { openCliEnv } from './cli-support';

/**
 * npm run recompute:similarity: recomputes the stored similar codes and codes sharing risks of
 * every code with a page (cypher/queries/code/reference/*), in transactions of --batch codes.
 * For a changed formula, a code-set release that adds codes, or a bulk-loaded graph.
 * Exit code 0 when done, 1 on error.
 */
async function main(): Promise<void> {
  const program = new Command()
    .name('recompute:similarity')
    .description('Recompute the stored similar-code and shared-risk lists of every code with a page')
    .option('--batch <n>', 'codes per transaction', '200')
    .parse();
  const batch = Number(program.opts<{ batch: string }>().batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 10000) {
    process.stderr.write('error: --batch must be a whole number from 1 to 10000\n');
    process.exit(2);
  }
  const env = await openCliEnv();
  await migrate(env.db);
  const started = Date.now();
  let last = 0;
  const stored = await recomputeAllCodeLists(env.db, {
    batch,
    onBatch: (done, total) => {
      if (Date.now() - last > 2000 || done === total) {
        last = Date.now();
        process.stderr.write(`${done}/${total} codes\n`);
      }
    },
  });
  process.stdout.write(`lists recomputed for ${stored} codes in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  await env.close();
}

main().catch((err) => {
  process.stderr.write(`error: ${(err as Error).message}\n`);
  process.exit(1);
});
