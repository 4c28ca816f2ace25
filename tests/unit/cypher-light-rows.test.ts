import fs from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, FRAGMENT_DIR, cypherQuery, listCypherFiles, stripComments } from '../../src/neo4j/cypher-files';

/**
 * Lists of codes return light rows (`light: true`, no page text; CodeResolver.page loads
 * the rest on demand). The projection is written once, in cypher/fragments/light-code.cypher,
 * and list queries spread it (`c {...light-code}`). This checks that every light row a query
 * returns is that fragment, so a property added to it is added to every list.
 */
describe('light code rows in cypher/queries', () => {
  const LIGHT_RE = /\{[^{}]*light: true\}/g;
  const fragment = `{${stripComments(fs.readFileSync(path.join(FRAGMENT_DIR, 'light-code.cypher'), 'utf8'))}}`;
  const names = listCypherFiles(path.join(CYPHER_DIR, 'queries'));
  const raw = (name: string) => fs.readFileSync(path.join(CYPHER_DIR, 'queries', `${name}.cypher`), 'utf8');
  const found = names.flatMap((name) => [...cypherQuery(name).matchAll(LIGHT_RE)].map((m) => ({ name, projection: m[0] })));

  it('are used by the list queries', () => {
    expect(new Set(found.map((f) => f.name)).size).toBeGreaterThanOrEqual(13);
  });

  it('are the light-code fragment everywhere, page text never among its properties', () => {
    for (const f of found) expect({ file: f.name, projection: f.projection }).toEqual({ file: f.name, projection: fragment });
    for (const pageField of ['summary', 'purpose', 'steps', 'preparation', 'benefits', 'recovery', 'patientExperience', 'riskManagement']) {
      expect(fragment).not.toContain(`.${pageField}`);
    }
    expect(fragment).toContain('.system, .codeKey');
  });

  it('are spread from the fragment, not written out, in the query files', () => {
    const written = names.filter((n) => /light: true/.test(stripComments(raw(n))));
    expect(written).toEqual([]);
    expect(names.filter((n) => raw(n).includes('...light-code')).length).toBeGreaterThanOrEqual(19);
  });
});
