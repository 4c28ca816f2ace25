import 'reflect-metadata';
import { buildSchema } from '../../src/schema';
import { FragmentDefinitionNode, GraphQLResolveInfo, Kind, OperationDefinitionNode, parse } from 'graphql';
import { FULL_PROJECTION, operationFields, pageProjection } from '../../src/modules/code/code-page.fields';
import { buildCodePageQuery, PAGE_DEPTHS, PAGE_LINKS } from '../../src/modules/code/code-page.query';

const schema = buildSchema();

/** What operationFields reads of the resolve info: the schema, the operation, its fragments. */
function infoFor(query: string): GraphQLResolveInfo {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return { schema, operation, fragments } as unknown as GraphQLResolveInfo;
}

describe('code-page projections (what the statement returns)', () => {
  it('collects the fields of each type over the whole operation, through fragments and other root fields', () => {
    const info = infoFor(`fragment F on Risk { synonyms }
      query { code(system: CPT, code: "00300") { title risks { risk { ...F } } } other: node(id: "x") { ... on Code { summary } } }`);
    const f = operationFields(info);
    expect([...f.get('Code')!].sort()).toEqual(['risks', 'summary', 'title']);
    expect([...f.get('Risk')!]).toEqual(['synonyms']);
    const p = pageProjection(f);
    expect(p.lightCode).toEqual(['system', 'codeKey', 'hasPage', 'title']);
    expect(p.fullCode).toEqual(['system', 'codeKey', 'hasPage', 'title', 'summary']);
    // Per label: synonyms asked of risks only, so the other vocabulary nodes read key and name.
    expect(p.term.Risk).toEqual(['key', 'name', 'synonyms']);
    expect(p.term.Policy).toEqual(['key', 'name']);
    expect(p.term.BodyRegion).toEqual(['key', 'name']);
    expect(p.similarLists).toEqual({ sharedRisks: false, sharedBodyRegions: false, sharedPersonnel: false, sharedSettings: false });
  });

  it('duration reads its three properties; similar lists only those asked', () => {
    const p = pageProjection(operationFields(infoFor('{ code(system: CPT, code: "1") { duration { text } similarCodes { sharedRisks { name } } } }')));
    expect(p.fullCode).toEqual(expect.arrayContaining(['durationText', 'durationMinMinutes', 'durationMaxMinutes']));
    expect(p.lightCode).not.toContain('durationText');
    expect(p.similarLists).toEqual({ sharedRisks: true, sharedBodyRegions: false, sharedPersonnel: false, sharedSettings: false });
  });

  it('the statement projects what the plan says: no whole-node maps, no unasked lists or page text', () => {
    const plan = {
      links: [...PAGE_LINKS],
      depths: [...PAGE_DEPTHS],
      ancestors: true,
      children: true,
      similar: [{ first: 10 }],
      sharing: [{ first: 10, minShared: 2 }],
      riskCodes: [{ skip: 0, first: 20, frequency: null }],
      riskCodesRegions: true,
    };
    const narrow = buildCodePageQuery(
      { ...plan, projection: pageProjection(operationFields(infoFor('{ code(system: CPT, code: "1") { code title similarCodes { sharedRisks { name } } } }'))) },
      'CPT',
      '00300',
    ).cypher;
    expect(narrow).not.toContain('{.*');
    expect(narrow).not.toMatch(/\.summary|\.synonyms|\.shortTitle|PersonnelRole \{key/);
    expect(narrow).toContain('c {.system, .codeKey, .hasPage, .code, .title}');
    // Without a projection (tools, the other tests) every property is read, as before.
    const full = buildCodePageQuery({ ...plan, projection: FULL_PROJECTION }, 'CPT', '00300').cypher;
    expect(full).toContain('.summary');
    expect(full).toContain('.synonyms');
    expect(buildCodePageQuery(plan, 'CPT', '00300').cypher).toBe(full);
    // Each vocabulary label reads the fields asked of it: a policy's payer is not read for risks.
    const perType = buildCodePageQuery(
      { ...plan, projection: pageProjection(operationFields(infoFor('{ code(system: CPT, code: "1") { policies { payer } risks { risk { name } } } }'))) },
      'CPT',
      '00300',
    ).cypher;
    expect(perType).toContain('(t:Policy) WITH r, t ORDER BY r.rank RETURN t {.key, .name, .payer}');
    expect(perType).toContain('collect({term: t {.key, .name}, frequency');
  });
});
