import fs from 'node:fs';
import path from 'node:path';
import { buildSchema as parseSdl, GraphQLNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, printSchema } from 'graphql';
import { buildSchema, SCHEMA_FILE } from '../../src/schema';

/** The repository's copy of the public contract (docs/README.md says where it comes from). */
const CONTRACT = path.resolve(__dirname, '../../docs/api-contract.graphql');

describe('schema', () => {
  const schema = buildSchema();

  it('matches the committed schema/schema.graphql (run npm run schema:emit after changing types)', () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    const normalize = (s: string) => printSchema(parseSdl(s));
    expect(normalize(committed)).toBe(normalize(printSchema(schema)));
  });

  it('has every type, field, argument and enum value of the public contract, with the same types', () => {
    const contract = parseSdl(fs.readFileSync(CONTRACT, 'utf8'));
    const missing: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      const ours = schema.getType(type.name);
      if (!ours) {
        missing.push(type.name);
        continue;
      }
      if (isEnumType(type) && isEnumType(ours)) {
        for (const v of type.getValues()) if (!ours.getValue(v.name)) missing.push(`${type.name}.${v.name}`);
      }
      if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(ours) || isInterfaceType(ours))) {
        const fields = ours.getFields();
        for (const f of Object.values(type.getFields())) {
          const of = fields[f.name];
          if (!of) {
            missing.push(`${type.name}.${f.name}`);
            continue;
          }
          if (String(of.type) !== String(f.type)) missing.push(`${type.name}.${f.name}: ${String(of.type)} is not ${String(f.type)}`);
          for (const a of f.args) {
            const oa = of.args.find((x) => x.name === a.name);
            if (!oa) missing.push(`${type.name}.${f.name}(${a.name})`);
            else if (String(oa.type) !== String(a.type)) missing.push(`${type.name}.${f.name}(${a.name}): ${String(oa.type)} is not ${String(a.type)}`);
            else if (JSON.stringify(oa.defaultValue) !== JSON.stringify(a.defaultValue)) missing.push(`${type.name}.${f.name}(${a.name}) default`);
          }
        }
        if (isObjectType(type) && isObjectType(ours)) {
          for (const i of type.getInterfaces()) if (!ours.getInterfaces().some((x) => x.name === i.name)) missing.push(`${type.name} implements ${i.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('describes every type, field and argument for Sandbox', () => {
    const undescribed: string[] = [];
    const check = (t: GraphQLNamedType) => {
      if (t.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name)) return;
      if (!t.description && !['Query', 'Mutation'].includes(t.name)) undescribed.push(t.name);
      if (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) {
        for (const f of Object.values(t.getFields())) {
          if (!f.description && !['Query', 'Mutation'].includes(t.name) && !['id', 'edges', 'pageInfo', 'totalCount', 'node', 'cursor'].includes(f.name)) {
            // connection plumbing is described once on its type
            if (
              !/Connection$|Edge$|^PageInfo$|^SystemCount$/.test(t.name) &&
              !['name', 'synonyms', 'curated', 'payer', 'url', 'title', 'count', 'system', 'source', 'target', 'edges', 'nodes'].includes(f.name)
            ) {
              undescribed.push(`${t.name}.${f.name}`);
            }
          }
          if ('args' in f) for (const a of f.args) if (!a.description) undescribed.push(`${t.name}.${f.name}(${a.name})`);
        }
      }
    };
    Object.values(schema.getTypeMap()).forEach(check);
    expect(undescribed).toEqual([]);
  });
});
