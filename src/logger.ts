import pino, { Logger } from 'pino';

/** The process logger: JSON lines on stdout (one per process, shared). */
export function createLogger(level: string, name = 'medcodes'): Logger {
  return pino({ name, level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
