/**
 * A FIFO gate on queries in flight to Neo4j. Why: on a small machine, letting every
 * request's queries run at once (a page runs several in parallel) makes hundreds of
 * Neo4j threads fight for two cores; latency tails grow to seconds while throughput
 * does not rise. A bounded, first-come-first-served gate keeps the database busy but
 * not thrashing, and waiting here counts against the query's deadline. Hand-written
 * (30 lines) because the wait must be abandoned when the deadline passes, which the
 * common promise-limit libraries do not offer.
 */
export class QueryGate {
  private active = 0;
  private readonly waiting: { grant: () => void; granted: boolean; abandoned: boolean }[] = [];

  constructor(private readonly limit: number) {}

  /** Slots in use now (for metrics). */
  get inUse(): number {
    return this.active;
  }

  /** Live waiters now (for metrics). */
  get queued(): number {
    return this.waiting.filter((w) => !w.abandoned).length;
  }

  /** Resolves when a slot is free; `abandon()` of the returned handle gives up a queued wait. */
  acquire(): { ready: Promise<void>; abandon: () => void } {
    if (this.active < this.limit) {
      this.active += 1;
      return { ready: Promise.resolve(), abandon: () => undefined };
    }
    let entry!: { grant: () => void; granted: boolean; abandoned: boolean };
    const ready = new Promise<void>((resolve) => {
      entry = {
        grant: () => {
          entry.granted = true;
          resolve();
        },
        granted: false,
        abandoned: false,
      };
      this.waiting.push(entry);
    });
    // A slot granted in the same instant as the give-up is handed on, never lost.
    return { ready, abandon: () => (entry.granted ? this.release() : void (entry.abandoned = true)) };
  }

  /** Frees a slot, handing it to the oldest live waiter. */
  release(): void {
    let next = this.waiting.shift();
    while (next && next.abandoned) next = this.waiting.shift();
    if (next) next.grant();
    else this.active -= 1;
  }
}
