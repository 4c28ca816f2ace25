import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadVocabulary } from '../ingest/vocabulary/vocabulary';
import { storeVocabulary } from '../ingest/store/vocabulary.store';
import { CodePageImporter } from '../modules/import/code-page.importer';
import { migrate } from '../neo4j/migrations';
import { openCliEnv } from './cli-support';

/**
 * npm run import -- <files or folders>: imports code pages, each in its own transaction.
 * Exit code 0 when every page was stored, 1 when any failed.
 */
async function main(): Promise<void> {
  const program = new Command()
    .name('import')
    .description('Import code pages (the code-page text format) into the graph')
    .argument('<paths...>', 'page files or folders of *.txt pages')
    .option('--quiet', 'no progress bar')
    .parse();
  const inputs = program.args;
  const quiet = program.opts<{ quiet?: boolean }>().quiet === true || !process.stderr.isTTY;
  let files: string[];
  try {
    files = CodePageImporter.listPageFiles(inputs);
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exit(2);
  }
  const env = await openCliEnv();
  await migrate(env.db);
  const importer = new CodePageImporter(env.db, loadVocabulary());
  await storeVocabulary(env.db, importer.vocabulary);
  const bar = quiet ? null : new cliProgress.SingleBar({ format: 'pages {bar} {value}/{total} {file}', hideCursor: true }, cliProgress.Presets.shades_classic);
  bar?.start(files.length, 0, { file: '' });
  const warnings: string[] = [];
  const summary = await importer.importFiles(files, (file, _ok, w) => {
    bar?.increment(1, { file });
    for (const x of w) warnings.push(`${file}: ${x}`);
  });
  bar?.stop();
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  for (const f of summary.failed) process.stderr.write(`failed: ${f.message.startsWith(f.file) ? f.message : `${f.file}: ${f.message}`}\n`);
  const c = summary.counters;
  process.stdout.write(
    `pages: ${summary.pages} imported (${summary.created} new), ${summary.failed.length} failed; ` +
      `nodes created: ${c.nodesCreated}, edges created: ${c.relationshipsCreated}, edges replaced: ${c.relationshipsDeleted}; warnings: ${summary.warnings}\n`,
  );
  await env.close();
  process.exit(summary.failed.length > 0 ? 1 : 0);
}

main().catch((err) => {
  process.stderr.write(`error: ${(err as Error).message}\n`);
  process.exit(1);
});
