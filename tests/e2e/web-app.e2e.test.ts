import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveWebApp } from '../../src/web/static';
import type { CodeSystem } from '../../web/src/gql/graphql';
import { codePath, systemLabel } from '../../web/src/lib/code-systems';
import { gql, startTestServer, type TestServer } from '../helpers/test-server';
import { launchChromium, openPage, seriousViolations, type WatchedPage } from './browser';
import { bundleSizes, ensureWebBuilt, ROOT, WEB_DIST } from './web-build';

/**
 * The web app in headless Chromium against the real server and the test Neo4j: the flows of
 * issue #14, no console errors and no serious or critical axe violation on any page, no
 * request off this machine. Writes the README's screenshots to docs/screenshots/.
 */
/** The page's document, inside page.waitForFunction callbacks (the server's tsconfig has no DOM lib). */
declare const document: any;

const log = (m: string) => process.stderr.write(`[e2e] ${m}\n`);
const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

// A flow drives a real browser on 2 shared cores: seconds, not milliseconds.
jest.setTimeout(120000);

let ts: TestServer;
let base: string;
let browser: Browser;
let w: WatchedPage;

beforeAll(async () => {
  const built = ensureWebBuilt(log);
  if (built > 0) log(`web app built in ${built.toFixed(1)} s`);
  const sizes = bundleSizes();
  log(
    `initial bundle: ${sizes.initial.map((f) => `${f.file} ${(f.bytes / 1024).toFixed(1)} kB (${(f.gzip / 1024).toFixed(1)} kB gzip)`).join(', ')}; ` +
      `JS ${(sizes.initialJsGzip / 1024).toFixed(1)} kB gzip; lazy: ${Object.entries(sizes.lazyGzip)
        .map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} kB gzip`)
        .join(', ')}`,
  );
  ts = await startTestServer();
  serveWebApp(ts.server.app, WEB_DIST);
  base = ts.server.url;
  browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 240000);

afterAll(async () => {
  await browser?.close();
  await ts?.close();
});

beforeEach(async () => {
  w = await openPage(browser);
});

afterEach(async () => {
  const { errors, offMachine } = w;
  await w.context.close();
  // Every page of every flow: no console error, no uncaught exception, nothing fetched from outside.
  expect(errors).toEqual([]);
  expect(offMachine).toEqual([]);
});

async function expectAccessible(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
}

const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The API's own answer to a search (same order as the web app's pages). */
async function searchCodes(query: string, first: number): Promise<{ system: CodeSystem; code: string }[]> {
  const r = await gql<{ search: { edges: { node: { system: CodeSystem; code: string } }[] } }>(
    `${base}/graphql`,
    'query($q: String!, $first: Int!) { search(query: $q, first: $first) { edges { node { system code } } } }',
    { q: query, first },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.search.edges.map((e) => e.node);
}

/** "CPT 00300" for the option the arrow keys selected; null when none is. */
const activeCode = (page: Page): Promise<string | null> => page.evaluate(() => document.querySelector('#search-results [role="option"][aria-selected="true"]')?.getAttribute('data-code') ?? null);

describe('web app', () => {
  it('keeps the initial bundle small: Cytoscape and GraphiQL are separate chunks, not loaded by the search page', async () => {
    const sizes = bundleSizes();
    expect(sizes.initialJsGzip).toBeLessThan(120 * 1024);
    expect(sizes.lazyGzip.GraphPage).toBeGreaterThan(50 * 1024); // Cytoscape is in there, not in the entry
    expect(sizes.lazyGzip.GraphiQLPage).toBeGreaterThan(100 * 1024);
    await w.page.goto(`${base}/`);
    await w.page.getByRole('combobox').waitFor();
    expect(w.requests.filter((u) => /GraphPage|GraphiQLPage/.test(u))).toEqual([]);
  });

  it('search: type "anesth", walk down with the keyboard to a hit on the second page, Enter opens its page; back returns to the results', async () => {
    const { page } = w;
    await page.goto(`${base}/`);
    await expect(page.title()).resolves.toBe('Search · Medical codes');
    const box = page.getByRole('combobox', { name: 'Search all medical codes' });
    await box.focus();
    const t0 = Date.now();
    await page.keyboard.type('anesth', { delay: 40 });
    const options = page.locator('#search-results [role="option"]');
    await options.first().waitFor();
    log(`time to first result on the search page: ${Date.now() - t0} ms from the first keystroke (typing "anesth" at 40 ms a key, 150 ms debounce)`);
    await page.waitForURL(/\/search\?q=anesth$/);
    await expect(page.title()).resolves.toBe('Search: anesth · Medical codes');
    // Highlight and badge on the hits.
    await expect(options.first().locator('mark').count()).resolves.toBeGreaterThan(0);
    await expect(options.first().locator('.badge').count()).resolves.toBe(1);

    // Down until the fifth hit of the second page is selected: Down on the last hit loads the
    // next page, so the keyboard alone reaches it. Which code that is, the API's ranking says
    // (asked here with the same query), not this test.
    const pageSize = await options.count();
    const target = (await searchCodes('anesth', pageSize + 5))[pageSize + 4]!;
    const targetId = `${target.system} ${target.code}`;
    let steps = 0;
    while ((await activeCode(page)) !== targetId) {
      expect(steps).toBeLessThan(pageSize + 8);
      const shown = await options.count();
      const active = Number((await box.getAttribute('aria-activedescendant'))?.replace('search-hit-', '') ?? -1);
      await page.keyboard.press('ArrowDown');
      if (active === shown - 1) await page.waitForFunction((n) => document.querySelectorAll('#search-results [role="option"]').length > n, shown);
      steps += 1;
    }
    const count = await options.count();
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(`search-hit-${pageSize + 4}`);
    expect(count).toBeGreaterThan(pageSize);
    log(`${targetId} is hit ${steps} of ${count} for "anesth"`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search.png') });
    await expectAccessible(page);

    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}${codePath(target.system, target.code)}`);
    await page.locator('article.code-page h1').waitFor();
    await expect(page.locator('article.code-page h1').innerText()).resolves.toContain(target.code);
    await expect(page.title()).resolves.toMatch(new RegExp(`^${escapeRegExp(`${systemLabel(target.system)} ${target.code}`)}: `));

    await page.goBack();
    await page.waitForURL(/\/search\?q=anesth$/);
    await expect(box.inputValue()).resolves.toBe('anesth');
    await options.first().waitFor();

    // Escape closes the list, a second Escape clears the box.
    await box.focus();
    await page.keyboard.press('Escape');
    await expect(options.count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await expect(box.inputValue()).resolves.toBe('');
  });

  it('search: filters, load more, and an empty state that says what to do', async () => {
    const { page } = w;
    await page.goto(`${base}/search?q=dizz`);
    const options = page.locator('#search-results [role="option"]');
    await options.first().waitFor();
    await page.getByRole('checkbox', { name: /ICD-10-CM/ }).check();
    await page.waitForURL(/systems=ICD10CM/);
    await page.waitForFunction(() => [...document.querySelectorAll('#search-results [role="option"]')].every((o) => o.getAttribute('data-code')?.startsWith('ICD10CM ')));
    const before = await options.count();
    const more = page.getByRole('button', { name: 'Load more' });
    if (await more.isVisible()) {
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('#search-results [role="option"]').length > n, before);
    }
    await page.goto(`${base}/search?q=qqxxzzvv`);
    await page.getByText(/No code matches/).waitFor();
    await expect(page.getByText(/Check the spelling/).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
  });

  it('search by meaning: "heart attack" lists acute myocardial infarction near the top and says which name matched', async () => {
    const { page } = w;
    await page.goto(`${base}/search?q=heart%20attack`);
    const options = page.locator('#search-results [role="option"]');
    await options.first().waitFor();
    const top = await options.evaluateAll((els) => els.slice(0, 5).map((e) => ({ code: e.getAttribute('data-code'), name: e.querySelector('.hit-name')?.textContent ?? '' })));
    const mi = top.find((h) => /^ICD10CM I2[12]/.test(h.code ?? ''));
    expect(mi).toBeDefined();
    // The hit says which name of the code matched (an index term or a synonym's reading), not only the title.
    expect(top.some((h) => h.name.length > 0)).toBe(true);
    await expectAccessible(page);
  });

  it('search: when the API fails, an error says what to do, and Try again recovers', async () => {
    const { page } = w;
    // The database "goes away" for this page only: the server's own SERVICE_UNAVAILABLE answer.
    const down = async (route: import('playwright-core').Route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'The database is not available', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }) });
    await page.route('**/graphql', down);
    await page.goto(`${base}/search?q=dizziness`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(/Could not load the search results: The database is not available[\s\S]*try again/);
    await expectAccessible(page);
    await page.unroute('**/graphql', down);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('#search-results [role="option"]').first().waitFor();
    await expect(alert.count()).resolves.toBe(0);
    // The browser logs each refused request; those (and only those) were expected here.
    w.errors = w.errors.filter((e) => !/status of 503/.test(e));
  });

  it('code page: the seed page sections in order, three common and five rare risks, a similar code with its reason', async () => {
    const { page } = w;
    await page.goto(`${base}/code/CPT/00300`);
    await page.locator('article.code-page').waitFor();
    await expect(page.title()).resolves.toMatch(/^CPT 00300: Anesthesia .* · Medical codes$/);
    const headings = await page.locator('article.code-page h2').allInnerTexts();
    const seedOrder = [
      'Name of the procedure',
      'Summary',
      'Purpose',
      'Indications',
      'Preparation',
      'Procedure description',
      'Duration',
      'Setting',
      'Personnel',
      'Risks and complications',
      'Benefits',
      'Recovery',
      'Alternatives',
      'Patient experience',
    ];
    expect(headings.filter((h) => seedOrder.includes(h))).toEqual(seedOrder);
    expect(headings).toEqual(expect.arrayContaining(['Body regions', 'Similar codes', 'Codes sharing complications']));

    await expect(page.locator('[data-frequency="COMMON"] > ul > li.risk').count()).resolves.toBe(3);
    await expect(page.locator('[data-frequency="RARE"] > ul > li.risk').count()).resolves.toBe(5);
    // Risks link to their ICD-10-CM codes.
    await expect(page.locator('.risk .diagnosis-codes a[href^="/code/ICD10CM/"]').count()).resolves.toBeGreaterThan(0);

    const similar = page.locator('li.similar-code');
    await expect(similar.count()).resolves.toBeGreaterThan(0);
    const reasons = await similar.locator('.reason').allInnerTexts();
    expect(reasons.some((r) => /shared (risks|regions)/.test(r))).toBe(true);
    await expect(similar.first().locator('.score').innerText()).resolves.toMatch(/score \d\.\d\d/);

    // The top of the page: header, hierarchy and the first sections.
    await page.screenshot({ path: path.join(SCREENSHOTS, 'code-page.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1900 } });
    await expectAccessible(page);
  });

  it('graph view: nodes around 00300; clicking a node expands it and adds nodes', async () => {
    const { page } = w;
    await page.goto(`${base}/graph/CPT/00300`);
    const status = page.locator('.graph-status');
    await status.waitFor();
    await expect(page.title()).resolves.toBe('Graph: CPT 00300 · Medical codes');
    const names = await page.$eval('#graph-canvas', (el: any) => el.cy.nodes().map((n: any) => n.data('name') as string));
    expect(names.some((n: string) => n.startsWith('CPT 00300'))).toBe(true);
    expect(names.length).toBeGreaterThan(5);
    const before = Number(await status.getAttribute('data-node-count'));
    expect(before).toBe(names.length);

    // Click (on the canvas) a risk node: its other codes join the graph.
    const target = await page.$eval('#graph-canvas', (el: any) => {
      const n = el.cy.nodes('[label = "Risk"]').first();
      const p = n.renderedPosition();
      return { id: n.id() as string, x: p.x as number, y: p.y as number };
    });
    const box = (await page.locator('#graph-canvas').boundingBox())!;
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.waitForFunction((n) => Number(document.querySelector('.graph-status')?.getAttribute('data-node-count')) > n, before);
    const after = Number(await status.getAttribute('data-node-count'));
    log(`graph view: ${before} nodes around CPT 00300, ${after} after expanding one risk`);
    await expect(page.$eval('#graph-canvas', (el: any) => el.cy.nodes().length as number)).resolves.toBe(after);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'graph.png') });
    await expectAccessible(page);

    // The keyboard path: the node list's Open button goes to the code's page.
    await page.getByRole('button', { name: /^Open CPT 00300/ }).click();
    await page.waitForURL(`${base}/code/CPT/00300`);
  });

  it('deep link to an ICD-10-CM code works on reload, and says that no code page exists', async () => {
    const { page } = w;
    await page.goto(`${base}/code/ICD10CM/R42`);
    await page.locator('article.code-page').waitFor();
    await page.reload();
    await page.locator('article.code-page').waitFor();
    await expect(page.locator('article.code-page h1').innerText()).resolves.toContain('R42');
    await expect(page.title()).resolves.toMatch(/^ICD-10-CM R42: Dizziness and giddiness/);
    await expect(page.getByText('No code page exists for this code').isVisible()).resolves.toBe(true);
    await expect(page.locator('nav[aria-label="Code hierarchy"] a').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);

    await page.goto(`${base}/code/CPT/ZZ999`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await expect(page.title()).resolves.toBe('Code not found · Medical codes');
  });

  it('body-region browser: the tree with counts, then the codes of one region by deep link', async () => {
    const { page } = w;
    await page.goto(`${base}/regions`);
    const tree = page.locator('nav[aria-label="Body regions"]');
    await tree.waitFor();
    await expect(page.title()).resolves.toBe('Body regions · Medical codes');
    const head = tree.getByRole('link', { name: 'Head', exact: true });
    await head.click();
    await page.waitForURL(/\/regions\/.+/);
    await page.locator('#region-heading').waitFor();
    await expect(page.title()).resolves.toBe('Head · Body regions · Medical codes');
    await expect(page.locator('.region-codes li a').count()).resolves.toBeGreaterThan(0);
    const url = page.url();
    await page.reload();
    await page.locator('#region-heading').waitFor();
    expect(page.url()).toBe(url);
    await expectAccessible(page);
  });

  it('GraphiQL at /graphiql runs the code-page operation with no network beyond this server', async () => {
    const { page } = w;
    await page.goto(`${base}/graphiql`);
    await page.locator('.graphiql-container').waitFor();
    await expect(page.title()).resolves.toBe('GraphiQL · Medical codes');
    // One tab per example operation, the code page first.
    await expect(page.locator('.graphiql-tab').count()).resolves.toBe(fs.readdirSync(path.join(ROOT, 'examples', 'operations')).filter((f) => f.endsWith('.graphql')).length);
    // The editor (CodeMirror) fills in once its own chunk has loaded.
    await page.waitForFunction(() => (document.querySelector('.graphiql-query-editor')?.textContent ?? '').includes('query CodePage'));
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    // CodeMirror draws only the lines in view: the top of the answer.
    await page.waitForFunction(() => (document.querySelector('.result-window')?.textContent ?? '').includes('"00300"'));
    const text = await result.innerText();
    expect(text).toContain('"code": "00300"');
    expect(text).not.toContain('"errors"');
    await expectAccessible(page);
  });
});
