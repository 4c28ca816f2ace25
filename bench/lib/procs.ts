/**
 * Child processes of the bench: spawned in their own process group (so a tsx wrapper and
 * the node it starts are stopped together), logged to bench/results/logs/, all stopped by
 * stopAll() at the end, on SIGINT/SIGTERM, and on an uncaught error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Child {
  name: string;
  proc: ChildProcess;
  log: string;
  exited: boolean;
}

const children: Child[] = [];
const cleanups: (() => Promise<void>)[] = [];

export function startChild(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, logDir: string, cwd: string): Child {
  fs.mkdirSync(logDir, { recursive: true });
  const log = path.join(logDir, `${name}.log`);
  const fd = fs.openSync(log, 'w');
  const proc = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  const child: Child = { name, proc, log, exited: false };
  proc.on('exit', () => {
    child.exited = true;
  });
  children.push(child);
  return child;
}

/** Registers work to do at stop (stopping a Neo4j we started), run after the children are gone. */
export function onStop(fn: () => Promise<void>): void {
  cleanups.push(fn);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function killGroup(child: Child, signal: NodeJS.Signals): void {
  if (child.exited || child.proc.pid === undefined) return;
  try {
    process.kill(-child.proc.pid, signal);
  } catch {
    try {
      child.proc.kill(signal);
    } catch {
      /* gone */
    }
  }
}

export async function stopChild(child: Child, graceMs = 10000): Promise<void> {
  killGroup(child, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (!child.exited && Date.now() < deadline) await sleep(100);
  if (!child.exited) {
    killGroup(child, 'SIGKILL');
    while (!child.exited) await sleep(50);
  }
  const i = children.indexOf(child);
  if (i >= 0) children.splice(i, 1);
}

let stopping: Promise<void> | null = null;

/** Stops every child (in parallel), then the registered cleanups (in reverse order). Idempotent. */
export function stopAll(): Promise<void> {
  if (!stopping) {
    stopping = (async () => {
      await Promise.all([...children].map((c) => stopChild(c)));
      for (const fn of cleanups.splice(0).reverse()) await fn().catch((e: unknown) => process.stderr.write(`cleanup failed: ${String(e)}\n`));
    })();
  }
  return stopping;
}

export function installSignalHandlers(): void {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      process.stderr.write(`\n${sig}: stopping child processes and the bench Neo4j...\n`);
      void stopAll().finally(() => process.exit(130));
    });
  }
}

/** Resolves when `probe` resolves true; rejects after timeoutMs or when the child exits. */
export async function waitUntil(child: Child | null, what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child?.exited) {
      const tail = fs.readFileSync(child.log, 'utf8').split('\n').slice(-15).join('\n');
      throw new Error(`${what}: ${child.name} exited while starting; last lines of ${child.log}:\n${tail}`);
    }
    if (await probe().catch(() => false)) return;
    await sleep(300);
  }
  throw new Error(`${what}: not ready within ${timeoutMs} ms${child ? ` (see ${child.log})` : ''}`);
}
