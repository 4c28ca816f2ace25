import pino, { Logger } from 'pino';

/** True when the dev dependency pino-pretty is installed (a production install may omit it). */
function prettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * The process logger, one per process, shared: JSON lines on stdout (production, the
 * default), or pino-pretty's human-readable lines when `pretty` is set (`npm run dev`)
 * and pino-pretty is installed.
 */
export function createLogger(level: string, name = 'medcodes', pretty = false): Logger {
  const options = { name, level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  if (pretty && prettyAvailable()) return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } });
  return pino(options);
}

export type { Logger };
