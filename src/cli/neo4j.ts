import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { localNeo4jPid, LocalNeo4jError, NEO4J_VERSION, ensureJars, startLocalNeo4j, stopLocalNeo4j } from '../neo4j/local-server';

/** npm run neo4j -- install|start|stop|status: the project's own local Neo4j (LOCAL_NEO4J_* settings). */
async function main(): Promise<void> {
  const program = new Command().name('neo4j').argument('<command>', 'install | start | stop | status').parse();
  const cmd = program.args[0];
  const config = loadConfig();
  const opts = { ...config.localNeo4j, log: (m: string) => process.stderr.write(`${m}\n`) };
  switch (cmd) {
    case 'install':
      process.stdout.write(`jars in ${ensureJars(opts)}\n`);
      break;
    case 'start': {
      const h = await startLocalNeo4j(opts);
      process.stdout.write(`Neo4j ${NEO4J_VERSION} running (pid ${h.pid}) at ${h.boltUri}; user neo4j, password from LOCAL_NEO4J_PASSWORD\n`);
      break;
    }
    case 'stop':
      process.stdout.write((await stopLocalNeo4j(opts)) ? 'stopped\n' : 'not running\n');
      break;
    case 'status': {
      const pid = localNeo4jPid(opts);
      process.stdout.write(pid ? `running (pid ${pid}) on port ${opts.boltPort}, home ${opts.home}\n` : `not running (home ${opts.home})\n`);
      break;
    }
    default:
      process.stderr.write(`unknown command "${cmd}": expected install, start, stop or status\n`);
      process.exit(2);
  }
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof LocalNeo4jError) process.stderr.write(`error: ${err.message}\n`);
  else process.stderr.write(`error: ${(err as Error).stack}\n`);
  process.exit(1);
});
