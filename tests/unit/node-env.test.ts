import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Runs, in a fresh Node process (this one has graphql loaded already, in Jest's NODE_ENV=test), what
 * src/index.ts does: read the config, then load the app through importAppFor. Then asks graphql-js
 * which instanceOf it picked: the development one throws on an object that only looks like a
 * GraphQLObjectType (its cross-realm check), the production one answers false.
 */
function probe(nodeEnv: string | undefined): { processEnv: string; graphqlSays: string } {
  const script = `
    require('reflect-metadata');
    const { loadConfig } = require('./src/config');
    const { importAppFor } = require('./src/node-env');
    importAppFor(loadConfig(process.env, false).env).then(() => {
      const { isObjectType } = require('graphql');
      let graphqlSays;
      try { graphqlSays = String(isObjectType({ [Symbol.toStringTag]: 'GraphQLObjectType' })); }
      catch (err) { graphqlSays = 'threw: ' + err.message.split('\\n')[0]; }
      process.stdout.write(JSON.stringify({ processEnv: process.env.NODE_ENV, graphqlSays }));
    });`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_ENV;
  if (nodeEnv !== undefined) env.NODE_ENV = nodeEnv;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, env, encoding: 'utf8' });
  return JSON.parse(out) as { processEnv: string; graphqlSays: string };
}

describe('NODE_ENV as the libraries see it (src/node-env.ts)', () => {
  it('is production when unset, so graphql-js loads its production type checks', () => {
    expect(probe(undefined)).toEqual({ processEnv: 'production', graphqlSays: 'false' });
  });

  it('stays development when asked for, with graphql-js development checks', () => {
    const dev = probe('development');
    expect(dev.processEnv).toBe('development');
    expect(dev.graphqlSays).toMatch(/^threw: Cannot use GraphQLObjectType/);
  });
});
