import { cypherQuery } from '../../neo4j/cypher-files';
import type { Database, WriteCounters } from '../../neo4j/database';
import type { Vocabulary } from '../vocabulary/vocabulary';

const Q = {
  terms: cypherQuery('import/merge-vocabulary-terms'),
  regions: cypherQuery('import/merge-region-hierarchy'),
  diagnoses: cypherQuery('import/link-diagnosis-codes'),
};

/**
 * Stores the curated vocabulary (seeds/vocabulary) in one transaction: terms of each
 * kind, the body-region tree, and diagnosis links to ICD-10-CM codes already loaded.
 * Idempotent. Returns the number of terms merged.
 */
export async function storeVocabulary(db: Database, v: Vocabulary, counters?: WriteCounters): Promise<number> {
  const kinds: [string, { key: string; name: string; synonyms: string[]; icd10cm?: string[] }[]][] = [
    ['Risk', v.risks],
    ['BodyRegion', v.bodyRegions],
    ['BodySystem', v.bodySystems],
    ['PersonnelRole', v.personnel],
    ['Setting', v.settings],
  ];
  return db.writeTransaction(
    async (run) => {
      let merged = 0;
      for (const [label, terms] of kinds) {
        const rows = terms.map((t) => ({ key: t.key, name: t.name, synonyms: t.synonyms, icd10cm: t.icd10cm ?? [] }));
        const [r] = await run(Q.terms, { label, terms: rows });
        merged += Number(r?.merged ?? 0);
      }
      const links = v.bodyRegions.filter((r) => r.parent).map((r) => ({ child: r.key, parent: r.parent }));
      await run(Q.regions, { links });
      await run(Q.diagnoses, {});
      return merged;
    },
    120000,
    counters,
  );
}

/** Links risks and indications to ICD-10-CM codes loaded since they were stored. Returns links made or kept. */
export async function linkDiagnosisCodes(db: Database): Promise<number> {
  const [r] = await db.write<{ links: number }>(Q.diagnoses, {}, 120000);
  return r?.links ?? 0;
}
