import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * A TCP port free on 127.0.0.1 right now (the OS picks it). Tests take their ports from
 * here, never fixed numbers, so parallel suites and other local servers cannot collide
 * with them (a small race remains between this call and the listen; the OS does not
 * hand the same ephemeral port out again soon).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The Bolt port a local Neo4j home was last configured with (its conf/neo4j.conf), or null. */
export function configuredBoltPort(home: string): number | null {
  try {
    const conf = fs.readFileSync(path.join(home, 'conf', 'neo4j.conf'), 'utf8');
    const m = /^server\.bolt\.listen_address=[^:\n]*:(\d+)$/m.exec(conf);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
