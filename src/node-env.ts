import type { Config } from './config';

/**
 * Loads ./app (and with it graphql-js, Express and Apollo Server) with process.env.NODE_ENV set
 * to the configured environment first. Those libraries read NODE_ENV once, as they load: graphql-js
 * picks its development instanceOf check (a cross-realm test on every type check, about 2% of a
 * code page's server CPU) unless NODE_ENV is production, and Express defaults its env to
 * development. Our config defaults NODE_ENV to production, so an unset variable means production
 * for them too. Tested by tests/unit/node-env.test.ts.
 */
export async function importAppFor(env: Config['env']): Promise<typeof import('./app')> {
  process.env.NODE_ENV = env;
  return import('./app');
}
