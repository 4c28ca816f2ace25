import fs from 'node:fs';
import path from 'node:path';
import { EDITOR_KEY, READER_KEY } from '../helpers/test-env';
import { gql, graphCounts, startTestServer, TestServer } from '../helpers/test-server';

const SEED_PAGE = fs.readFileSync(path.resolve(__dirname, '../fixtures/pages/cpt-00300.txt'), 'utf8');
const editor = { authorization: `Bearer ${EDITOR_KEY}` };

const PAGE_QUERY = `query Page($system: CodeSystem!, $code: String!) {
  code(system: $system, code: $code) {
    system code title commonName billable hasPage summary purpose
    indications { text diagnosisCodes { code } }
    preparation steps
    equipment { name }
    duration { text minMinutes maxMinutes }
    settings { name }
    personnel { name }
    risks { frequency text risk { name diagnosisCodes { system code } } }
    riskManagement benefits recovery
    alternatives { name description }
    patientExperience
    bodyRegions { name synonyms }
    bodySystems { name }
    policies { title payer url }
    similarCodes(first: 50) { listed code { system code } }
  }
}`;

const IMPORT = `mutation Import($text: String!, $system: CodeSystem, $code: String) {
  importCodePage(text: $text, system: $system, code: $code) { created warnings code { system code title } }
}`;

// An import now also recomputes the stored similar / risk-sharing lists of the codes it
// affects (about 35-55 on the shipped data, in its transaction): seconds on a loaded machine.
jest.setTimeout(30000);

describe('code pages in the graph', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores everything on the seed page CPT 00300 as data', async () => {
    const r = await gql(t.url, PAGE_QUERY, { system: 'CPT', code: '00300' });
    expect(r.errors).toBeUndefined();
    const c = r.data!.code;
    expect(c.title).toBe(SEED_PAGE.split('\n')[2]);
    expect(c.commonName).toBe('Regional Anesthesia for Head, Neck, and Back Procedures');
    expect(c.indications).toHaveLength(3);
    expect(c.preparation).toHaveLength(3);
    expect(c.steps).toHaveLength(4);
    expect(c.steps[0]).toMatch(/^Patient consultation/);
    expect(c.steps[3]).toMatch(/^Ensuring the target area/);
    expect(c.duration).toEqual({ text: expect.stringContaining('30 minutes to several hours'), minMinutes: 30, maxMinutes: null });
    expect(c.settings.map((s: { name: string }) => s.name.toLowerCase())).toEqual(['hospital', 'outpatient clinic', 'surgical center']);
    expect(c.personnel.map((p: { name: string }) => p.name.toLowerCase())).toEqual(['anesthesiologist', 'nurse anesthetist', 'surgeon or specialist', 'surgical nurse', 'support staff']);
    const common = c.risks.filter((x: { frequency: string }) => x.frequency === 'COMMON').map((x: { text: string }) => x.text.toLowerCase());
    const rare = c.risks.filter((x: { frequency: string }) => x.frequency === 'RARE').map((x: { text: string }) => x.text.toLowerCase());
    expect(common).toEqual(['mild pain at the injection site', 'temporary numbness beyond the intended area', 'dizziness']);
    expect(rare).toEqual(['allergic reactions to anesthetic agents', 'infection', 'nerve damage', 'bleeding', 'cardiovascular complications']);
    const dizziness = c.risks.find((x: { text: string }) => x.text === 'dizziness');
    expect(dizziness.risk.diagnosisCodes).toContainEqual({ system: 'ICD10CM', code: 'R42' });
    expect(c.riskManagement).toMatch(/^Management involves/);
    expect(c.bodyRegions.map((b: { name: string }) => b.name)).toEqual(['Head', 'Neck', 'Back']);
    expect(c.bodyRegions[2].synonyms).toContain('posterior trunk');
    expect(c.bodySystems.map((b: { name: string }) => b.name.toLowerCase())).toEqual(
      expect.arrayContaining([expect.stringContaining('integumentary'), expect.stringContaining('musc'), expect.stringContaining('nerv')]),
    );
    expect(c.alternatives.map((a: { name: string }) => a.name.toLowerCase())).toEqual(['general anesthesia', 'local anesthesia']);
    expect(c.alternatives[0].description).toMatch(/complete unconsciousness/);
    expect(c.equipment.map((e: { name: string }) => e.name.toLowerCase())).toEqual(['needle', 'syringe with local anesthetic', 'monitoring device']);
    expect(c.policies).toEqual([]);
    expect(c.similarCodes.filter((s: { listed: boolean }) => s.listed)).toEqual([]);
    expect(c.patientExperience).toMatch(/^During the procedure/);
  });

  it('shares one Risk node between pages that word it differently', async () => {
    const r = await gql(t.url, `{ risks(first: 100) { edges { codeCount node { name synonyms } } } }`);
    const infection = r.data!.risks.edges.filter((e: { node: { name: string } }) => /^infection$/i.test(e.node.name));
    expect(infection).toHaveLength(1);
    expect(infection[0].codeCount).toBeGreaterThan(20);
    const names = r.data!.risks.edges.map((e: { node: { name: string } }) => e.node.name.toLowerCase());
    expect(names.filter((n: string) => n.startsWith('infection'))).toEqual(['infection']);
  });

  it('re-importing a page is idempotent (node and edge counts unchanged)', async () => {
    const first = await gql(t.url, IMPORT, { text: SEED_PAGE, system: 'CPT', code: '00300' }, editor);
    expect(first.errors).toBeUndefined();
    const before = await graphCounts(t.db);
    const again = await gql(t.url, IMPORT, { text: SEED_PAGE, system: 'CPT', code: '00300' }, editor);
    expect(again.errors).toBeUndefined();
    expect(again.data!.importCodePage.created).toBe(false);
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('a changed page replaces its edges and drops nodes only it used', async () => {
    const before = await graphCounts(t.db);
    const changed = SEED_PAGE.replace('  • Surgical procedures on the scalp, face, neck, or back.', '  • A one-off indication nobody else has.');
    const r = await gql(t.url, IMPORT, { text: changed, system: 'CPT', code: '00300' }, editor);
    expect(r.errors).toBeUndefined();
    const page = await gql(t.url, PAGE_QUERY, { system: 'CPT', code: '00300' });
    expect(page.data!.code.indications.map((i: { text: string }) => i.text)).toContain('A one-off indication nobody else has.');
    expect(page.data!.code.indications).toHaveLength(3);
    await gql(t.url, IMPORT, { text: SEED_PAGE, system: 'CPT', code: '00300' }, editor);
    const [orphan] = await t.db.read<{ n: number }>("MATCH (i:Indication) WHERE i.text STARTS WITH 'A one-off' RETURN count(i) AS n");
    expect(orphan!.n).toBe(0);
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('refuses the mutation without a token, with a wrong one, and without the editor role, writing nothing', async () => {
    const before = await graphCounts(t.db);
    const text = SEED_PAGE.replace('Summary', 'Summary').replace(/^/, '');
    const none = await gql(t.url, IMPORT, { text, system: 'CPT', code: '09999' });
    const wrong = await gql(t.url, IMPORT, { text, system: 'CPT', code: '09999' }, { authorization: 'Bearer nope' });
    const reader = await gql(t.url, IMPORT, { text, system: 'CPT', code: '09999' }, { authorization: `Bearer ${READER_KEY}` });
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('with REQUIRE_AUTH_FOR_READS, queries need a reader token', async () => {
    const closed = await startTestServer({ REQUIRE_AUTH_FOR_READS: 'true' });
    try {
      const anon = await gql(closed.url, '{ code(system: ICD10CM, code: "R42") { title } }');
      expect(anon.status).toBe(401);
      expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const reader = await gql(closed.url, '{ code(system: ICD10CM, code: "R42") { title } }', {}, { authorization: `Bearer ${READER_KEY}` });
      expect(reader.data).toEqual({ code: { title: 'Dizziness and giddiness' } });
    } finally {
      await closed.close();
    }
  });

  it('accepts an editor token and reports created for a new code', async () => {
    const text = SEED_PAGE.replace(/^Anesthesia for all procedures.*$/m, 'Test page written for the suite');
    const r = await gql(t.url, IMPORT, { text, system: 'CPT', code: '09998' }, editor);
    expect(r.errors).toBeUndefined();
    expect(r.data!.importCodePage).toMatchObject({ created: true, code: { system: 'CPT', code: '09998', title: 'Test page written for the suite' } });
    await t.db.write("MATCH (c:Code {system: 'CPT', codeKey: '09998'}) DETACH DELETE c");
  });

  it.each([
    ['an empty page', '', /expected/i],
    ['a page without sections', 'Search all medical codes\n\nSome title\n\nCPT4 code\n\nno sections at all here\n', /expected/i],
    ['a page with a duplicated section', SEED_PAGE.replace('Benefits\n', 'Summary\n'), /Summary/],
  ])('rejects %s with BAD_USER_INPUT naming the line, and stores nothing', async (_name, text, message) => {
    const before = await graphCounts(t.db);
    const r = await gql(t.url, IMPORT, { text, system: 'CPT', code: '09997' }, editor);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(message);
    expect(r.errors?.[0]?.extensions?.line).toEqual(expect.any(Number));
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('refuses a page over the length limit with BAD_USER_INPUT on its argument (not the body limit), storing nothing', async () => {
    const before = await graphCounts(t.db);
    const text = `${SEED_PAGE}\nPatient Experience\n\n${'Long text. '.repeat(8300)}`;
    expect(text.length).toBeGreaterThan(90_000);
    const r = await gql(t.url, IMPORT, { text, system: 'CPT', code: '09995' }, editor);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    expect(r.errors?.[0]?.message).toMatch(/too long/);
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('imports variants of the format to the same graph (CRLF, other bullets, heading case)', async () => {
    const variant = SEED_PAGE.replace(/\n/g, '\r\n')
      .replace(/ {2}• /g, '  - ')
      .replace('Risks and Complications', 'RISKS AND COMPLICATIONS:')
      .replace('Name of the Procedure:', 'name of the procedure');
    const r = await gql(t.url, IMPORT, { text: variant, system: 'CPT', code: '09996' }, editor);
    expect(r.errors).toBeUndefined();
    const a = (await gql(t.url, PAGE_QUERY, { system: 'CPT', code: '00300' })).data!.code;
    const b = (await gql(t.url, PAGE_QUERY, { system: 'CPT', code: '09996' })).data!.code;
    for (const field of ['commonName', 'indications', 'steps', 'duration', 'settings', 'personnel', 'risks', 'alternatives', 'bodyRegions', 'riskManagement']) {
      expect({ field, value: b[field] }).toEqual({ field, value: a[field] });
    }
    await t.db.write("MATCH (c:Code {system: 'CPT', codeKey: '09996'}) DETACH DELETE c");
  });

  it('links an alternative to the code its text names (Alternative.code), across systems', async () => {
    const r = await gql(t.url, '{ code(system: CPT, code: "01400") { alternatives { name code { system code title hasPage } } } }');
    expect(r.errors).toBeUndefined();
    const block = r.data!.code.alternatives.find((a: { name: string }) => a.name.startsWith('Femoral Nerve Block'));
    expect(block.code).toEqual({
      system: 'ICD10PCS',
      code: '3E0T3BZ',
      title: 'Introduction of Anesthetic Agent into Peripheral Nerves and Plexi, Percutaneous Approach',
      hasPage: true,
    });
    // Alternatives that name no code have none.
    expect(r.data!.code.alternatives.filter((a: { code: unknown }) => a.code === null).length).toBeGreaterThan(0);
  });

  it('replaces the code an alternative names when a corrected page is imported again (no duplicate alternative)', async () => {
    const page = (code: string) =>
      SEED_PAGE.replace(/^Anesthesia for all procedures.*$/m, 'Test page for alternative codes').replace(
        '  • General Anesthesia:',
        `  • Test Nerve Block Alternative: A test alternative, coded as ICD-10-PCS ${code}.\n  • General Anesthesia:`,
      );
    const names = async () =>
      (await gql(t.url, '{ code(system: CPT, code: "09993") { alternatives { name code { code } } } }')).data!.code.alternatives.filter((a: { name: string }) => a.name.startsWith('Test Nerve Block'));
    try {
      expect((await gql(t.url, IMPORT, { text: page('3E0T3BZ'), system: 'CPT', code: '09993' }, editor)).errors).toBeUndefined();
      expect(await names()).toEqual([{ name: 'Test Nerve Block Alternative', code: { code: '3E0T3BZ' } }]);
      expect((await gql(t.url, IMPORT, { text: page('3E0R3BZ'), system: 'CPT', code: '09993' }, editor)).errors).toBeUndefined();
      expect(await names()).toEqual([{ name: 'Test Nerve Block Alternative', code: { code: '3E0R3BZ' } }]);
      const links = await t.db.read<{ codes: string[] }>("MATCH (a:Alternative) WHERE a.name STARTS WITH 'Test Nerve Block' RETURN [(a)-[:CODED_AS]->(d) | d.codeKey] AS codes");
      expect(links).toEqual([{ codes: ['3E0R3BZ'] }]);
    } finally {
      await t.db.write("MATCH (c:Code {system: 'CPT', codeKey: '09993'}) DETACH DELETE c");
      await t.db.write("MATCH (a:Alternative) WHERE a.name STARTS WITH 'Test Nerve Block' DETACH DELETE a");
    }
  });

  it('links listed similar codes across systems and policies shared between pages', async () => {
    const r = await gql(t.url, `{ code(system: CPT, code: "00400") { code } risks(first: 1) { totalCount } }`);
    expect(r.errors).toBeUndefined();
    const pages = await t.db.read<{ n: number; cross: number }>('MATCH (a:Code)-[:SIMILAR_TO]->(b:Code) RETURN count(*) AS n, sum(CASE WHEN a.system <> b.system THEN 1 ELSE 0 END) AS cross');
    expect(pages[0]!.n).toBeGreaterThan(10);
    expect(pages[0]!.cross).toBeGreaterThan(5);
    const shared = await t.db.read<{ codes: number }>('MATCH (p:Policy)<-[:COVERED_BY]-(c:Code) WITH p, count(c) AS codes RETURN max(codes) AS codes');
    expect(shared[0]!.codes).toBeGreaterThan(1);
  });

  it('keeps the official title of a released code when the page words it otherwise (page title kept as pageTitle, with a warning)', async () => {
    const OFFICIAL = 'Injection, dihydroergotamine mesylate, per 1 mg';
    const before = await gql(t.url, '{ code(system: HCPCS, code: "J1110") { title hasPage } }');
    expect(before.data!.code).toEqual({ title: OFFICIAL, hasPage: false });
    const text = ['A page title that is not the official one', 'HCPCS code J1110', '', 'Summary', '', 'Written for the suite.'].join('\n');
    try {
      const r = await gql(t.url, IMPORT, { text }, editor);
      expect(r.errors).toBeUndefined();
      expect(r.data!.importCodePage.code.title).toBe(OFFICIAL);
      expect(r.data!.importCodePage.warnings).toEqual(expect.arrayContaining([expect.stringContaining(`official HCPCS title "${OFFICIAL}"`)]));
      const after = await gql(t.url, '{ code(system: HCPCS, code: "J1110") { title pageTitle summary hasPage } }');
      expect(after.data!.code).toEqual({ title: OFFICIAL, pageTitle: 'A page title that is not the official one', summary: 'Written for the suite.', hasPage: true });
    } finally {
      // Leave the graph as it was: the code as the release loaded it.
      await t.db.write(
        "MATCH (c:Code {system: 'HCPCS', codeKey: 'J1110'}) OPTIONAL MATCH (c)-[r]->() WHERE NOT r:PARENT DELETE r " +
          'WITH DISTINCT c REMOVE c.pageTitle, c.summary, c.importedAt SET c.hasPage = false',
      );
    }
  });

  it('a re-imported page that corrects a policy title or payer updates the policy (same URL)', async () => {
    const page = (line: string) => ['Test page for a policy correction', 'CPT4 code 09997', 'Summary', 'Written for the suite.', 'Medical Policies and Guidelines', `• ${line}`].join('\n');
    const first = await gql(t.url, IMPORT, { text: page('Aetna: Old Title (https://example.org/qa/policy-fix)') }, editor);
    expect(first.errors).toBeUndefined();
    const second = await gql(t.url, IMPORT, { text: page('Sample Health Plan: Corrected Title (https://example.org/qa/policy-fix)') }, editor);
    expect(second.errors).toBeUndefined();
    const r = await gql(t.url, '{ code(system: CPT, code: "09997") { policies { title payer url } } }');
    expect(r.data!.code.policies).toEqual([{ title: 'Corrected Title', payer: 'Sample Health Plan', url: 'https://example.org/qa/policy-fix' }]);
    // Leave the graph as it was.
    await t.db.write("MATCH (c:Code {system: 'CPT', codeKey: '09997'}) OPTIONAL MATCH (c)-[:COVERED_BY]->(p:Policy) DETACH DELETE c, p");
  });
});
