import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, TestServer } from '../helpers/test-server';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The analysts' notebook, executed headless (scripts/notebook/run.sh: project-local
 * virtualenv from PyPI, nbconvert --execute) against the running API.
 */
describe('analyst notebook', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('executes green against the server and saves its figures as PNG', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'notebook-out-'));
    const child = spawn('bash', [path.join(ROOT, 'scripts/notebook/run.sh')], {
      cwd: ROOT,
      env: { ...process.env, GRAPHQL_URL: t.url, NOTEBOOK_OUT: out },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) process.stderr.write(log.slice(-4000));
    expect(code).toBe(0);
    const pngs = fs.readdirSync(out).filter((f) => f.endsWith('.png'));
    expect(pngs.sort()).toEqual(['1-shared-risks.png', '2-codes-per-body-region.png', '3-neighbourhood-cpt-00300.png']);
    for (const f of pngs) {
      const head = fs.readFileSync(path.join(out, f)).subarray(0, 8);
      expect(head.toString('hex')).toBe('89504e470d0a1a0a');
    }
  }, 900000);
});
