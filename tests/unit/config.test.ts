import { ConfigError, loadConfig } from '../../src/config';

const base = { NODE_ENV: 'test' };

describe('config', () => {
  it('defaults to the local Neo4j when NEO4J_URI is unset', () => {
    const c = loadConfig({ ...base }, false);
    expect(c.neo4j.uri).toBeNull();
    expect(c.port).toBe(4000);
    expect(c.graphql.maxPageSize).toBe(100);
    expect(c.graphql.bodyLimit).toBe(100 * 1024);
  });

  it('is production by default (npm start): JSON logs; development is the opt-in with pretty logs', () => {
    const prod = loadConfig({}, false);
    expect(prod.env).toBe('production');
    expect(prod.logPretty).toBe(false);
    expect(prod.metricsToken).toBeNull();
    expect(prod.localNeo4j.supervise).toBe(true);
    const dev = loadConfig({ NODE_ENV: 'development' }, false);
    expect(dev.env).toBe('development');
    expect(dev.logPretty).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', LOG_PRETTY: 'false' }, false).logPretty).toBe(false);
  });

  it('uses a given server and accepts routing URIs', () => {
    const c = loadConfig({ ...base, NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'pw' }, false);
    expect(c.neo4j.uri).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(c.neo4j.password).toBe('pw');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT is invalid/],
    [{ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' }, /NEO4J_URI is invalid: expected a Bolt or routing URI/],
    [{ NEO4J_URI: 'neo4j://db:7687' }, /NEO4J_PASSWORD is required when NEO4J_URI is set/],
    [{ LOCAL_NEO4J_HEAP: 'lots' }, /LOCAL_NEO4J_HEAP is invalid: expected a size like 512m or 2g/],
    [{ MAX_PAGE_SIZE: '0' }, /MAX_PAGE_SIZE is invalid/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV is invalid/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET is invalid: expected at least 32 characters/],
  ])('rejects %j with one line naming the variable', (env, message) => {
    let caught: unknown;
    try {
      loadConfig({ ...base, ...env } as Record<string, string>, false);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).not.toContain('\n');
  });
});
