import type { Logger } from 'pino';
import type { LocalNeo4jHandle } from './local-server';

export interface SupervisorOptions {
  /** Starts the server again (startLocalNeo4j with the same options); resolves when Bolt answers. */
  start: () => Promise<LocalNeo4jHandle>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Restarts in a row that fail, or whose server dies within `fastMs`, before giving up. */
  maxFastFailures: number;
  /** A server that ran less than this counts as a fast failure (default 60 s). */
  fastMs?: number;
  /** Backoff: first delay and cap (defaults 500 ms and 30 s), doubled per fast failure. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface Neo4jSupervisor {
  /** The server now running (changes after each restart). */
  readonly current: LocalNeo4jHandle;
  /** Restarts done since start. */
  readonly restarts: number;
  /** True once it gave up (after `maxFastFailures`). */
  readonly gaveUp: boolean;
  /** Stops watching (call before stopping the server on purpose). */
  stop(): void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/**
 * Watches the Neo4j that `npm start` launched and starts it again when it exits while the
 * API runs (a crash, an OOM kill, `kill -9`), with exponential backoff. After
 * `maxFastFailures` restarts in a row that fail or die quickly it stops trying and says
 * so in one error line; the API keeps serving SERVICE_UNAVAILABLE and readiness 503 (as
 * for any database outage) until a person acts. Lives as long as the process; one per process.
 */
export function superviseLocalNeo4j(first: LocalNeo4jHandle, opts: SupervisorOptions): Neo4jSupervisor {
  const fastMs = opts.fastMs ?? 60000;
  const baseDelayMs = opts.baseDelayMs ?? 500;
  const maxDelayMs = opts.maxDelayMs ?? 30000;
  let current = first;
  let stopped = false;
  let gaveUp = false;
  let restarts = 0;
  let fastFailures = 0;

  const watch = (handle: LocalNeo4jHandle, startedAt: number) => {
    void handle.exited.then(async ({ code, signal }) => {
      if (stopped) return;
      const livedMs = Date.now() - startedAt;
      fastFailures = livedMs < fastMs ? fastFailures + 1 : 0;
      opts.logger.warn({ pid: handle.pid, code, signal, livedMs }, 'local Neo4j exited while the API runs: restarting it');
      await restartLoop();
    });
  };

  const restartLoop = async () => {
    for (;;) {
      if (stopped) return;
      if (fastFailures > opts.maxFastFailures) {
        gaveUp = true;
        opts.logger.error(`local Neo4j: gave up restarting after ${opts.maxFastFailures} restarts in a row failed or died within ${fastMs / 1000} s; see its logs/ folder, then restart the API`);
        return;
      }
      const delay = Math.min(baseDelayMs * 2 ** Math.max(fastFailures - 1, 0), maxDelayMs);
      opts.logger.info({ delayMs: delay, attempt: fastFailures }, 'local Neo4j: restarting after backoff');
      await sleep(delay);
      if (stopped) return;
      const t0 = Date.now();
      try {
        const handle = await opts.start();
        if (stopped) return;
        current = handle;
        restarts += 1;
        opts.logger.warn({ pid: handle.pid, startMs: Date.now() - t0, restarts }, 'local Neo4j restarted: serving again');
        watch(handle, Date.now());
        return;
      } catch (err) {
        if (stopped) return; // a shutdown stopped the server while it was starting
        fastFailures += 1;
        opts.logger.warn({ err: (err as Error).message }, 'local Neo4j: restart failed');
      }
    }
  };

  watch(first, Date.now());
  return {
    get current() {
      return current;
    },
    get restarts() {
      return restarts;
    },
    get gaveUp() {
      return gaveUp;
    },
    stop() {
      stopped = true;
    },
  };
}
