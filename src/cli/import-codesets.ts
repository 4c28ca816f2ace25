import path from 'node:path';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadCodesetFile, SHIPPED_CODESET_FILES, SHIPPED_CODESETS_DIR } from '../ingest/load-codesets';
import { linkDiagnosisCodes } from '../ingest/store/vocabulary.store';
import { migrate } from '../neo4j/migrations';
import { openCliEnv, structureOption } from './cli-support';

/**
 * npm run import:codesets -- [files...]: loads official release files (ICD-10-CM and
 * ICD-10-PCS order files, HCPCS alpha-numeric file; plain or .gz, format detected).
 * Without files: the shipped releases in seeds/codesets. Malformed lines are skipped and
 * listed (exit 1 at the end), or stop the run with --strict.
 */
async function main(): Promise<void> {
  const program = new Command()
    .name('import:codesets')
    .argument('[files...]', 'release files; default: the shipped ones')
    .option('--strict', 'stop at the first malformed line')
    .addOption(structureOption())
    .parse();
  const opts = program.opts<{ strict?: boolean; structure?: string }>();
  const files = program.args.length ? program.args : SHIPPED_CODESET_FILES.map((f) => path.join(SHIPPED_CODESETS_DIR, f));
  const env = await openCliEnv();
  await migrate(env.db);
  let problems = 0;
  for (const file of files) {
    const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: `${path.basename(file)} {bar} {value} rows`, hideCursor: true }, cliProgress.Presets.shades_classic) : null;
    bar?.start(100000, 0);
    try {
      const r = await loadCodesetFile(env.db, file, {
        strict: opts.strict === true,
        ...(opts.structure ? { structureDir: opts.structure } : {}),
        onProblem: (p) => process.stderr.write(`\nskipped ${p.file}:${p.line}: ${p.message}\n`),
        onProgress: (n) => {
          bar?.setTotal(Math.max(n, 100000));
          bar?.update(n);
        },
      });
      bar?.stop();
      problems += r.problems;
      process.stdout.write(`${path.basename(file)}: ${r.rows} rows (${r.system}) in ${(r.ms / 1000).toFixed(1)} s, ${r.problems} lines skipped\n`);
    } catch (err) {
      bar?.stop();
      process.stderr.write(`error: ${(err as Error).message}\n`);
      await env.close();
      process.exit(1);
    }
  }
  const links = await linkDiagnosisCodes(env.db);
  process.stdout.write(`diagnosis links: ${links}\n`);
  await env.close();
  process.exit(problems > 0 ? 1 : 0);
}

main().catch((err) => {
  process.stderr.write(`error: ${(err as Error).message}\n`);
  process.exit(1);
});
