import neo4j, { Driver } from 'neo4j-driver';
import type { Config } from '../config';

/**
 * Creates the driver: one per process, shared by every request.
 * Timeouts are bounded (the driver's defaults wait 30-60 s on a dead server).
 */
export function createDriver(uri: string, cfg: Pick<Config['neo4j'], 'user' | 'password' | 'connectTimeoutMs' | 'acquireTimeoutMs' | 'maxRetryMs'> & { maxPoolSize?: number }): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(cfg.user, cfg.password), {
    disableLosslessIntegers: true,
    connectionTimeout: cfg.connectTimeoutMs,
    connectionAcquisitionTimeout: cfg.acquireTimeoutMs,
    maxTransactionRetryTime: cfg.maxRetryMs,
    maxConnectionPoolSize: cfg.maxPoolSize ?? 300,
    // Pooled connections idle for a while are checked before use, so a restarted
    // server is noticed at once instead of on the first failed query.
    connectionLivenessCheckTimeout: 5000,
    userAgent: 'medical-code-graph/0.1',
  });
}
