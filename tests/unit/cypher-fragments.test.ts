import path from 'node:path';
import { CYPHER_DIR, cypherFragment, expandFragments } from '../../src/neo4j/cypher-files';

/** The fragment spreads of src/neo4j/cypher-files.ts (`c {...light-code}`), on the real fragment files. */
describe('expandFragments', () => {
  const file = path.join(CYPHER_DIR, 'queries', 'example', 'list-things.cypher');

  it('puts a known fragment in where it is spread, without its comment lines', () => {
    const out = expandFragments('MATCH (c:Code)\nRETURN c {...light-code} AS code', file);
    expect(out).toMatch(/^MATCH \(c:Code\)\nRETURN c \{\.system, \.codeKey, .*light: true\} AS code$/);
    expect(out).not.toContain('//');
  });

  it('expands every spread on a line', () => {
    const out = expandFragments('RETURN a {...light-code} AS a, b {...light-code} AS b', file);
    expect(out.match(/light: true/g)).toHaveLength(2);
  });

  it('leaves text without spreads (and comment lines that mention one) unchanged', () => {
    const text = '// rows as in c {...light-code}\nRETURN c {.code, light: true} AS code';
    expect(expandFragments(text, file)).toBe(text);
  });

  it('fails on an unknown fragment, naming the file and line', () => {
    expect(() => expandFragments('MATCH (c:Code)\n// header\nRETURN c {...no-such-fragment} AS code', file)).toThrow(
      'cypher/queries/example/list-things.cypher:3: unknown Cypher fragment "...no-such-fragment" (no cypher/fragments/no-such-fragment.cypher)',
    );
  });

  it('gives a builder the same text a spread puts in', () => {
    expect(expandFragments('x {...light-code}', file)).toBe(`x {${cypherFragment('light-code')}}`);
    expect(() => cypherFragment('no-such-fragment')).toThrow('unknown Cypher fragment');
  });
});
