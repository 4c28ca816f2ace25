import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, listCypherFiles } from '../../src/neo4j/cypher-files';

/**
 * Lists of codes return light rows (`light: true`, no page text; CodeResolver.page loads
 * the rest on demand). Cypher files cannot share a fragment, so the projection is written
 * in each list query: this keeps the copies identical, so a property added to one is added
 * to all, and no list returns a row the mapper reads differently.
 */
describe('light code rows in cypher/queries', () => {
  const LIGHT_RE = /\{[^{}]*light: true\}/g;
  const found = listCypherFiles(path.join(CYPHER_DIR, 'queries')).flatMap((name) =>
    [...fs.readFileSync(path.join(CYPHER_DIR, 'queries', `${name}.cypher`), 'utf8').matchAll(LIGHT_RE)].map((m) => ({ name, projection: m[0] })),
  );

  it('are used by the list queries', () => {
    expect(new Set(found.map((f) => f.name)).size).toBeGreaterThanOrEqual(13);
  });

  it('project the same properties everywhere, page text never among them', () => {
    const first = found[0]!.projection;
    for (const f of found) expect({ file: f.name, projection: f.projection }).toEqual({ file: f.name, projection: first });
    for (const pageField of ['summary', 'purpose', 'steps', 'preparation', 'benefits', 'recovery', 'patientExperience', 'riskManagement']) {
      expect(first).not.toContain(`.${pageField}`);
    }
    expect(first).toContain('.system, .codeKey');
  });
});
