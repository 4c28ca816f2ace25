import type { LocalNeo4jHandle } from '../../src/neo4j/local-server';
import { superviseLocalNeo4j } from '../../src/neo4j/supervisor';

/** A server handle whose exit the test triggers. */
function fakeServer(pid: number) {
  let exit!: () => void;
  const exited = new Promise<{ code: number | null; signal: string | null }>((r) => (exit = () => r({ code: null, signal: 'SIGKILL' })));
  const handle: LocalNeo4jHandle = { pid, boltUri: 'bolt://127.0.0.1:1', startedByUs: true, exited, stop: async () => undefined };
  return { handle, exit };
}

function recorder() {
  const lines: { level: string; msg: string }[] = [];
  const at = (level: string) => (a: unknown, b?: unknown) => void lines.push({ level, msg: typeof a === 'string' ? a : String(b) });
  const delays: number[] = [];
  const info = (a: unknown, b?: unknown) => {
    const delay = (a as { delayMs?: number }).delayMs;
    if (delay !== undefined) delays.push(delay);
    at('info')(a, b);
  };
  return { lines, delays, logger: { info, warn: at('warn'), error: at('error') } as never };
}

const until = async (cond: () => boolean, ms = 5000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('local Neo4j supervisor', () => {
  it('restarts a server that exits, and watches the new one', async () => {
    const servers = [fakeServer(1), fakeServer(2), fakeServer(3)];
    let next = 1;
    const { lines, logger } = recorder();
    const s = superviseLocalNeo4j(servers[0]!.handle, { start: async () => servers[next++]!.handle, logger, maxFastFailures: 5, baseDelayMs: 1 });
    servers[0]!.exit();
    await until(() => s.restarts === 1);
    expect(s.current.pid).toBe(2);
    servers[1]!.exit();
    await until(() => s.restarts === 2);
    expect(s.current.pid).toBe(3);
    expect(lines.filter((l) => /exited while the API runs/.test(l.msg))).toHaveLength(2);
    s.stop();
  });

  it('gives up after the configured fast failures with one error line, and backs off in between', async () => {
    const first = fakeServer(1);
    const { lines, delays, logger } = recorder();
    let attempts = 0;
    const s = superviseLocalNeo4j(first.handle, {
      start: async () => {
        attempts += 1;
        throw new Error('port 7687 is taken');
      },
      logger,
      maxFastFailures: 3,
      baseDelayMs: 2,
    });
    first.exit();
    await until(() => s.gaveUp);
    // exit (1 fast failure) + 3 failed starts: the 4th failure is over the limit
    expect(attempts).toBe(3);
    expect(delays).toEqual([2, 4, 8]);
    const errors = lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/gave up restarting after 3 restarts/);
  });

  it('does nothing once stopped (a shutdown stops the server on purpose)', async () => {
    const first = fakeServer(1);
    let attempts = 0;
    const { logger } = recorder();
    const s = superviseLocalNeo4j(first.handle, { start: async () => (attempts++, fakeServer(2).handle), logger, maxFastFailures: 5, baseDelayMs: 1 });
    s.stop();
    first.exit();
    await new Promise((r) => setTimeout(r, 50));
    expect(attempts).toBe(0);
    expect(s.restarts).toBe(0);
  });
});
