/**
 * ICD-10-CM 7th characters in what people type ("right hip fracture initial encounter",
 * "distal radius fracture sequela"). The index leads to a code without its 7th character
 * (Fracture, hip -> S72.00-) and the 7th character is only in the titles of the codes under
 * it ("..., initial encounter for closed fracture"), so such a query is read twice: its
 * words as typed, and its core (the words without the encounter and side words), whose
 * best ICD-10-CM codes are then lifted to the codes with a 7th character under them that
 * hold the encounter and side words in their titles. Pure functions; search.service.ts
 * reads the codes under (search/get-seventh-character-codes.cypher).
 */
import { tokenize } from './lucene-query';
import { matchWords, type NameTokensMemo } from './ranking';

/** Words that name a 7th character and start this reading. */
const STARTERS = new Set(['initial', 'subsequent', 'sequela', 'sequelae', 'nonunion', 'malunion']);
/** Words of a 7th character's title wording, as the query may give them, with the title word each stands for. */
const ENCOUNTER_WORDS: ReadonlyMap<string, string | null> = new Map([
  ['initial', 'initial'],
  ['subsequent', 'subsequent'],
  ['encounter', 'encounter'],
  ['encounters', 'encounter'],
  ['sequela', 'sequela'],
  ['sequelae', 'sequela'],
  ['routine', 'routine'],
  ['delayed', 'delayed'],
  ['healing', 'healing'],
  ['nonunion', 'nonunion'],
  ['malunion', 'malunion'],
]);
/** Side words: the 6th character of most injury codes, also only in the titles under the index's code. */
const SIDE_WORDS = new Set(['right', 'left', 'bilateral']);

export interface SeventhCharacterReading {
  /** The query's other words: what the index and the titles without a 7th character are searched for. */
  core: string[];
  /** Title words a code under them must hold (encounter and side words, as titles write them). */
  narrow: string[];
}

/** The 7th-character reading of a query's words, or null when they name no 7th character or are nothing else. */
export function seventhCharacterReading(words: string[]): SeventhCharacterReading | null {
  if (!words.some((w) => STARTERS.has(w))) return null;
  const core: string[] = [];
  const narrow = new Set<string>();
  for (const w of words) {
    const title = ENCOUNTER_WORDS.get(w);
    if (title) narrow.add(title);
    else if (SIDE_WORDS.has(w)) narrow.add(w);
    else core.push(w);
  }
  return core.length ? { core, narrow: [...narrow] } : null;
}

/** Whether a code's title holds every narrowing word. */
export function holdsNarrowWords(title: string, narrow: string[]): boolean {
  const tokens = new Set(tokenize(title));
  return narrow.every((w) => tokens.has(w));
}

/**
 * The relevance of a code under a lifted one: the relevance of the code it was lifted from
 * (its best name on the core words), a little more for the share of the query's words its
 * own title holds (so that "of right ankle" beats "of calcaneofibular ligament of right
 * ankle" under "Sprain of ankle").
 */
export function liftedRelevance(parentRelevance: number, title: string, words: string[], memo?: NameTokensMemo): number {
  const own = matchWords(words, title, title, false, memo).words;
  return parentRelevance * (0.9 + 0.1 * own);
}
