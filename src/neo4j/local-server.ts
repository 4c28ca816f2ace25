/**
 * The project's own Neo4j: Neo4j 5.26 LTS Community fetched from Maven Central
 * (scripts/neo4j/pom.xml) and run as a plain Java process. Used when NEO4J_URI is
 * not set (npm start) and by the integration tests (their own home and port).
 *
 * Layout of a home folder (git-ignored, under .neo4j/):
 *   conf/neo4j.conf   written on every start from the options
 *   data/ logs/ run/  the server's folders
 *   run/neo4j.pid     pid of the server we started; lets a second start reuse it
 * The jars live once in .neo4j/lib (shared by every home).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from '../config';

export const NEO4J_VERSION = '5.26.30';

export interface LocalNeo4jOptions {
  /** Folder for conf, data, logs and the pid file. */
  home: string;
  boltPort: number;
  password: string;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
  /** Where the jars are fetched to; shared between homes. */
  libDir?: string;
  log?: (msg: string) => void;
}

export interface LocalNeo4jHandle {
  pid: number;
  boltUri: string;
  /** False when an already running server of this home was reused: then stop() leaves it running. */
  startedByUs: boolean;
  /** Resolves when the server process exits (whoever stopped it); never rejects. */
  exited: Promise<{ code: number | null; signal: string | null }>;
  stop(): Promise<void>;
}

/** Raised for anything that keeps the local server from running; the message says what to do. */
export class LocalNeo4jError extends Error {
  override readonly name = 'LocalNeo4jError';
}

const DEFAULT_LIB_DIR = path.join(REPO_ROOT, '.neo4j', 'lib');
const POM = path.join(REPO_ROOT, 'scripts', 'neo4j', 'pom.xml');

function libDirOf(opts: LocalNeo4jOptions): string {
  return opts.libDir ?? DEFAULT_LIB_DIR;
}

/** Java 17 or newer, from JAVA_HOME or PATH. Throws LocalNeo4jError when missing. */
export function findJava(): string {
  const candidates = [process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : null, 'java'].filter((c): c is string => c !== null);
  for (const java of candidates) {
    const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
    if (r.status !== 0) continue;
    const m = /version "(\d+)/.exec(r.stderr);
    const major = m ? Number(m[1]) : 0;
    if (major >= 17 && major <= 21) return java;
    if (major > 21) return java; // newer JDKs usually run 5.26; Neo4j only certifies 17 and 21
  }
  throw new LocalNeo4jError('local Neo4j: Java 17 or 21 is required (set JAVA_HOME or put java on PATH), or set NEO4J_URI to use another server');
}

/**
 * Fetches the Neo4j jars with Maven once; later calls return at once.
 * Throws LocalNeo4jError with Maven's last lines when the fetch fails.
 */
export function ensureJars(opts: LocalNeo4jOptions): string {
  const lib = libDirOf(opts);
  const marker = path.join(lib, `.complete-${NEO4J_VERSION}`);
  if (fs.existsSync(marker)) return lib;
  opts.log?.(`local Neo4j: fetching Neo4j ${NEO4J_VERSION} Community jars from Maven Central into ${lib} (once, about 125 MB)`);
  fs.rmSync(lib, { recursive: true, force: true });
  fs.mkdirSync(lib, { recursive: true });
  const r = spawnSync('mvn', ['-q', '-B', '-f', POM, `-Dneo4j.version=${NEO4J_VERSION}`, 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`, '-DincludeScope=runtime'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.error) throw new LocalNeo4jError(`local Neo4j: could not run mvn (${r.error.message}); install Maven, or set NEO4J_URI`);
  if (r.status !== 0) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-8).join('\n');
    throw new LocalNeo4jError(`local Neo4j: Maven could not fetch org.neo4j:neo4j:${NEO4J_VERSION}:\n${tail}`);
  }
  fs.writeFileSync(marker, new Date().toISOString());
  return lib;
}

function writeConfig(opts: LocalNeo4jOptions): string {
  const conf = path.join(opts.home, 'conf');
  for (const d of ['conf', 'data', 'logs', 'run', 'plugins', 'import']) fs.mkdirSync(path.join(opts.home, d), { recursive: true });
  const lines = [
    '# Written by src/neo4j/local-server.ts on every start; edit the options, not this file.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${opts.boltPort}`,
    'server.bolt.enabled=true',
    'server.http.enabled=false',
    'server.https.enabled=false',
    `server.directories.data=${path.join(opts.home, 'data')}`,
    `server.directories.logs=${path.join(opts.home, 'logs')}`,
    `server.directories.run=${path.join(opts.home, 'run')}`,
    `server.directories.plugins=${path.join(opts.home, 'plugins')}`,
    `server.directories.import=${path.join(opts.home, 'import')}`,
    `server.memory.pagecache.size=${opts.pageCache}`,
    'dbms.security.auth_enabled=true',
    'dbms.usage_report.enabled=false',
    // Query logging is an Enterprise feature; Community keeps it off.
    'db.logs.query.enabled=OFF',
    // A query that runs away is stopped by the server too, not only by the driver's deadline.
    'db.transaction.timeout=120s',
  ];
  fs.writeFileSync(path.join(conf, 'neo4j.conf'), `${lines.join('\n')}\n`);
  return conf;
}

function pidFile(opts: LocalNeo4jOptions): string {
  return path.join(opts.home, 'run', 'neo4j.pid');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(opts: LocalNeo4jOptions): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFile(opts), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Resolves true when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForBolt(opts: LocalNeo4jOptions, pid: number): Promise<void> {
  const deadline = Date.now() + opts.startTimeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      throw new LocalNeo4jError(`local Neo4j: the server exited while starting; see ${path.join(opts.home, 'logs', 'console.log')} and neo4j.log there`);
    }
    if (await portAnswers(opts.boltPort)) return;
    await sleep(250);
  }
  throw new LocalNeo4jError(`local Neo4j: Bolt did not answer on 127.0.0.1:${opts.boltPort} within ${opts.startTimeoutMs} ms; see ${path.join(opts.home, 'logs')}`);
}

/** Polls a process we did not start (no exit event for it). */
function pollExit(pid: number): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (!isAlive(pid)) {
        clearInterval(timer);
        resolve({ code: null, signal: null });
      }
    }, 1000);
    timer.unref();
  });
}

function handleFor(opts: LocalNeo4jOptions, pid: number, startedByUs: boolean, exited = pollExit(pid)): LocalNeo4jHandle {
  return {
    pid,
    exited,
    boltUri: `bolt://127.0.0.1:${opts.boltPort}`,
    startedByUs,
    stop: async () => {
      if (startedByUs) await stopLocalNeo4j(opts);
    },
  };
}

/**
 * Starts the local Neo4j of `opts.home` and resolves when Bolt answers.
 * A server already running from the same home is reused (startedByUs false);
 * a port held by another process is refused with a LocalNeo4jError.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4jHandle> {
  const running = readPid(opts);
  if (running !== null) {
    opts.log?.(`local Neo4j: reusing the server already running from ${opts.home} (pid ${running})`);
    await waitForBolt(opts, running);
    return handleFor(opts, running, false);
  }
  if (await portAnswers(opts.boltPort)) {
    throw new LocalNeo4jError(`local Neo4j: port ${opts.boltPort} is taken by another process; stop it, set LOCAL_NEO4J_BOLT_PORT to a free port, or set NEO4J_URI to use that server`);
  }
  const java = findJava();
  const lib = ensureJars(opts);
  const conf = writeConfig(opts);
  const env = { ...process.env, NEO4J_HOME: opts.home, NEO4J_CONF: conf };

  // The initial password can only be set before the first start of a data folder.
  if (!fs.existsSync(path.join(opts.home, 'data', 'dbms', 'auth.ini'))) {
    const r = spawnSync(java, ['-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', opts.password], {
      env,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new LocalNeo4jError(`local Neo4j: could not set the initial password: ${(r.stderr || r.stdout).split('\n')[0]}`);
  }

  const out = fs.openSync(path.join(opts.home, 'logs', 'console.log'), 'a');
  const args = [
    `-Xms${opts.heap}`,
    `-Xmx${opts.heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-cp',
    `${lib}/*`,
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${opts.home}`,
    `--config-dir=${conf}`,
  ];
  // Detached, in its own process group, so that a Ctrl-C in the terminal reaches the API
  // first and the API stops the server in order (stop() below).
  const child = spawn(java, args, { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (child.pid === undefined) throw new LocalNeo4jError('local Neo4j: java could not be started');
  // The exit event (its status reaped by Node) is what the supervisor (supervisor.ts) waits on.
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.unref();
  fs.writeFileSync(pidFile(opts), String(child.pid));
  opts.log?.(`local Neo4j: starting ${NEO4J_VERSION} (pid ${child.pid}) on bolt://127.0.0.1:${opts.boltPort}, home ${opts.home}`);
  try {
    await waitForBolt(opts, child.pid);
  } catch (err) {
    await stopLocalNeo4j(opts);
    throw err;
  }
  return handleFor(opts, child.pid, true, exited);
}

/** Stops the server of `opts.home` if it runs: SIGTERM, then SIGKILL after 20 s. Resolves when it is gone. */
export async function stopLocalNeo4j(opts: Pick<LocalNeo4jOptions, 'home' | 'log'>, graceMs = 20000): Promise<boolean> {
  const pid = readPid(opts as LocalNeo4jOptions);
  if (pid === null) return false;
  opts.log?.(`local Neo4j: stopping pid ${pid}`);
  try {
    process.kill(pid, 'SIGCONT'); // a frozen (SIGSTOP) server cannot act on SIGTERM
    process.kill(pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(50);
  }
  fs.rmSync(pidFile(opts as LocalNeo4jOptions), { force: true });
  return true;
}

/**
 * Runs `neo4j-admin` (org.neo4j.cli.AdminTool) against `home` with its config, e.g.
 * `['database', 'import', 'full', ...]` for an offline bulk load (the server of that home
 * must be stopped). Output goes to `logFile`; throws LocalNeo4jError with its last lines
 * when the tool fails.
 */
export function runAdminTool(opts: LocalNeo4jOptions, args: string[], logFile: string): void {
  const java = findJava();
  const lib = ensureJars(opts);
  const conf = writeConfig(opts);
  const r = spawnSync(java, [`-Xmx${opts.heap}`, '-cp', `${lib}/*`, 'org.neo4j.cli.AdminTool', ...args], {
    env: { ...process.env, NEO4J_HOME: opts.home, NEO4J_CONF: conf },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  fs.writeFileSync(logFile, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  if (r.error) throw new LocalNeo4jError(`neo4j-admin could not be run: ${r.error.message}`);
  if (r.status !== 0) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-8).join('\n');
    throw new LocalNeo4jError(`neo4j-admin ${args.slice(0, 3).join(' ')} failed (log: ${logFile}):\n${tail}`);
  }
}

/** The pid of the running server of `home`, or null. */
export function localNeo4jPid(opts: Pick<LocalNeo4jOptions, 'home'>): number | null {
  return readPid(opts as LocalNeo4jOptions);
}
