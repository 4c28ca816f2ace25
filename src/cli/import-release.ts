import { Command } from 'commander';
import { parseCodeSystemName } from '../domain/code-system';
import { CodesetFormatError } from '../ingest/codesets';
import { loadRelease, ReleaseLoadError } from '../ingest/load-codesets';
import { migrate } from '../neo4j/migrations';
import { openCliEnv, structureOption } from './cli-support';

/**
 * npm run import:release -- --release FY2027 <order file> [--conversion-table <xlsx>] [--system ICD10CM]
 *
 * Loads one ICD-10-CM or ICD-10-PCS release beside the stored ones (README "Releases"):
 * next October's order file (newest last), or an older one below all stored (oldest
 * first). Idempotent. The whole file (and table) is checked before the first write: a
 * bad or mismatched input is refused with one line saying what and where (exit 1), and
 * nothing stored changes.
 */
async function main(): Promise<void> {
  const program = new Command()
    .name('import:release')
    .argument('<file>', 'ICD-10-CM or ICD-10-PCS order file (plain or .gz)')
    .requiredOption('--release <label>', 'the release the file holds, e.g. FY2027')
    .option('--system <system>', 'expected code system (ICD10CM, ICD10PCS); refused when the file is another')
    .option('--conversion-table <xlsx>', 'ICD-10-CM conversion table of the newer release (REPLACED_BY edges)')
    .addOption(structureOption())
    .parse();
  const opts = program.opts<{ release: string; system?: string; conversionTable?: string; structure?: string }>();
  const system = opts.system === undefined ? undefined : parseCodeSystemName(opts.system);
  if (system === null) throw new Error(`--system must be ICD10CM or ICD10PCS, got '${opts.system}'`);
  const env = await openCliEnv();
  try {
    await migrate(env.db);
    const r = await loadRelease(env.db, program.args[0] as string, {
      release: opts.release,
      ...(system ? { system } : {}),
      ...(opts.conversionTable ? { conversionTable: opts.conversionTable } : {}),
      ...(opts.structure ? { structureDir: opts.structure } : {}),
    });
    process.stdout.write(
      `${r.system} ${r.release} (${r.direction}, compared with ${r.comparedWith ?? 'nothing'}): ${r.rows} rows, ` +
        `${r.added} added, ${r.deleted} deleted, ${r.retitled} retitled, ${r.versions} earlier states kept, ` +
        `${r.replacedByEdges} REPLACED_BY edges, in ${(r.ms / 1000).toFixed(1)} s\n`,
    );
    for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
  } catch (err) {
    // Input errors are found before the first write; a database error may come after some batches (a re-run finishes them).
    const refused = err instanceof ReleaseLoadError || err instanceof CodesetFormatError;
    process.stderr.write(`error: ${(err as Error).message}\n${refused ? 'nothing was stored.' : 'run the same command again to finish the load (it is idempotent).'}\n`);
    await env.close();
    process.exit(1);
  }
  await env.close();
}

main().catch((err) => {
  process.stderr.write(`error: ${(err as Error).message}\n`);
  process.exit(1);
});
