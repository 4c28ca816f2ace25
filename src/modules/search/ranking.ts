/**
 * Relevance ranking of word matches (README "Search"). Pure functions: the candidates
 * come from search-codes.cypher with the names that matched; each code is scored by
 * its best-matching name under the best query variant, the way terminology servers do
 * it (Snowstorm: the shortest matching term first; Athena: phrase > all words > some
 * words), then adjusted by what the index and the code itself say:
 *
 *   relevance = words(name, variant) x kind(name) x synonym x prior(code, query)
 *
 * - words: share of the query's words found in the name (squared, so partial matches
 *   fall fast), all of them, the share of the name's own words the query covers
 *   (short names first), the words in order, the whole name.
 * - kind: a title or the code an index main term gives (Hypertension -> I10, the
 *   default a coder picks) counts fully; subterms, see-references, inclusion terms a
 *   little less.
 * - synonym: a reading through a synonym counts a little less than the typed words.
 * - prior: ICD-10-CM codes with a 7th character (encounter, laterality variants; an open
 *   fracture's below its closed one unless the query says "open"), HCPCS
 *   quality-measure codes (G8xxx, G9xxx, M) unless the query is about measures, and the
 *   system a query's words do not point to (procedure words, supply words, else
 *   diagnoses) are moved down.
 */
import { withinEdits } from './highlight';
import { fold, STOP_WORDS, tokenize, type QueryVariant } from './lucene-query';

export type MatchedNameKind = 'TITLE' | 'SHORT_TITLE' | 'COMMON_NAME' | 'INDEX' | 'INDEX_SEE' | 'INCLUSION' | 'PCS_INDEX' | 'DRUG' | 'EXTERNAL_CAUSE' | 'NEOPLASM';

export interface CandidateName {
  text: string;
  core: string;
  kind: MatchedNameKind;
  source: string | null;
  main: boolean;
  depth: number;
  see: string | null;
  prefix: string | null;
  lucene: number;
}

export interface CandidateCode {
  system: string;
  codeKey: string;
  title: string;
  shortTitle: string | null;
  /** The everyday name of a code page ("Upper Abdominal Surgery Anesthesia"); null without one. */
  commonName: string | null;
  billable: boolean;
  level: string | null;
}

export interface WordMatch {
  /** 0..1 before kind and priors. */
  words: number;
  allWords: boolean;
  phrase: boolean;
}

export interface BestMatch {
  relevance: number;
  name: CandidateName;
  variant: QueryVariant;
  match: WordMatch;
}

/** Words that say nothing of a name: the analyzer's stop words, and NEC / NOS of the classification's titles. */
const STOP = new Set([...STOP_WORDS, 'nec', 'nos']);
/**
 * Words that say a name is the default for a bare condition ("Urinary tract infection,
 * site not specified", "Pneumonia, unspecified organism"): a coder picks that code when the
 * query gives no detail, so they do not count as words the query failed to cover.
 */
const UNSPECIFIED = /\b(unspecified|site not specified|not otherwise specified)\b/gi;

/**
 * An index main term lists the forms of one word ("Hypertension, hypertensive", "Infarct,
 * infarction", "Attack, attacks"): they are one word for coverage, so the first stands for all.
 * Parts that are other words ("Fracture, traumatic") are kept.
 */
function firstForm(level: string): string {
  const parts = level.split(/,\s*/);
  if (parts.length < 2) return level;
  const stem = fold(parts[0]!).slice(0, 4);
  return parts.every((p) => !/\s/.test(p.trim()) && fold(p.trim()).startsWith(stem)) ? parts[0]! : level;
}

/**
 * Whether `a` is the plural of `b` ("fractures" of fracture, "allergies" of allergy,
 * "crutches" of crutch; "parkinsons", a possessive typed without its apostrophe). Cheap
 * tests first: it runs for every (name word, query word) pair.
 */
function pluralOf(a: string, b: string): boolean {
  const d = a.length - b.length;
  if (d < 1 || d > 2 || b.length < 3 || a.charCodeAt(a.length - 1) !== 115 /* s */) return false;
  if (d === 1) return a.startsWith(b) && !b.endsWith('s');
  return (a.startsWith(b) && a.endsWith('es')) || (b.endsWith('y') && a.endsWith('ies') && a.startsWith(b.slice(0, -1)));
}

/**
 * The score of a name word that is the plural or singular of a query word. Near the word
 * itself, yet a name that differs from the query only by number is not the query's whole
 * name (computeMatch): "fallopian tubes" is closer to "Fallopian Tubes, Bilateral" than to
 * "Fallopian Tube > Left".
 */
const NUMBER_VARIANT = 0.9;

/** 1 for the very word, NUMBER_VARIANT for its plural or singular, 0.75 for a longer word it starts (typing), 0.6 for a typo, else 0. */
function tokenScore(token: string, word: string, typos: boolean): number {
  if (token === word) return 1;
  if (pluralOf(token, word) || pluralOf(word, token)) return NUMBER_VARIANT;
  if (token.startsWith(word)) return 0.75;
  if (typos && word.length >= 4 && withinEdits(token.slice(0, Math.max(word.length, token.length)), word, word.length >= 8 ? 2 : 1)) return 0.6;
  return 0;
}
const tokenMatches = (token: string, word: string, typos: boolean) => tokenScore(token, word, typos) > 0;

/** The words of a name, as matchWords reads them: every token, and the content tokens of each level of its core. */
export interface NameTokens {
  allTokens: string[];
  levels: string[][];
  /** The tokens of levels[0..k) in one list, by k (made when first needed). */
  upTo?: string[][];
  /** matchWords' answers for this name, by the query words (the same array for a whole search) and typos. */
  exact?: Map<string[], WordMatch>;
  typos?: Map<string[], WordMatch>;
}

/**
 * Tokens of (text, core) already computed, for one request: a code's names are matched
 * against every query variant, and titles again for the PCS routes, so each name is
 * tokenised once instead of once per variant, and matched once per variant (a title is
 * asked twice: does it hold every word, and as a name). Lives as long as one search.
 */
export type NameTokensMemo = Map<string, NameTokens>;

function nameTokens(text: string, core: string, memo?: NameTokensMemo): NameTokens {
  // most names are their own core (titles): their text is the key
  const key = memo ? (text === core ? text : `${text}\u0000${core}`) : '';
  const hit = memo?.get(key);
  if (hit) return hit;
  const t: NameTokens = {
    allTokens: tokenize(text),
    levels: core.split(' > ').map((l, i) => tokenize((i === 0 ? firstForm(l) : l).replace(UNSPECIFIED, ' ')).filter((w) => !STOP.has(w))),
  };
  memo?.set(key, t);
  return t;
}

/** The tokens of the first `n` levels of a name, in order. */
function levelTokens(t: NameTokens, n: number): string[] {
  if (n === 1) return t.levels[0]!;
  t.upTo ??= [];
  return (t.upTo[n] ??= t.levels.slice(0, n).flat());
}

const NO_MATCH: WordMatch = Object.freeze({ words: 0, allWords: false, phrase: false });

/**
 * How well the words of a query variant match one name. `core` holds the words the name
 * is about (nonessential modifiers removed); words of `text` outside it may match a query
 * word but are not required to be covered. A path name ("Replacement > Joint > Knee >
 * Right") is judged on its levels up to the one where the last query word is found: the
 * levels after it only narrow the code down (laterality, approach). With `typos`, a word
 * within one or two edits of a name word matches (the fuzzy fallback). With a memo, the
 * answer for the same words array and name is computed once per search.
 */
export function matchWords(words: string[], text: string, core: string, typos = false, memo?: NameTokensMemo): WordMatch {
  if (words.length === 0) return { ...NO_MATCH };
  const t = nameTokens(text, core, memo);
  if (!memo) return computeMatch(words, t, typos);
  const answers = typos ? (t.typos ??= new Map<string[], WordMatch>()) : (t.exact ??= new Map<string[], WordMatch>());
  let m = answers.get(words);
  if (!m) answers.set(words, (m = computeMatch(words, t, typos)));
  return m;
}

function computeMatch(words: string[], t: NameTokens, typos: boolean): WordMatch {
  const { allTokens, levels } = t;
  const n = words.length;
  // the best score of each query word on any token of the name (1 is the most there is)
  const found: number[] = new Array<number>(n);
  let matchedCount = 0;
  let foundSum = 0;
  for (let j = 0; j < n; j++) {
    const w = words[j]!;
    let best = 0;
    for (let k = 0; k < allTokens.length && best < 1; k++) {
      const s = tokenScore(allTokens[k]!, w, typos);
      if (s > best) best = s;
    }
    found[j] = best;
    foundSum += best;
    if (best > 0) matchedCount += 1;
  }
  if (matchedCount === 0) return { words: 0, allWords: false, phrase: false };
  const allWords = matchedCount === n;
  // the first level by which every found word has been seen (each word's first level, the latest of them)
  let upTo = levels.length;
  let latest = -1;
  for (let j = 0; j < n && latest < levels.length; j++) {
    if (found[j] === 0) continue;
    const w = words[j]!;
    let first = levels.length;
    for (let i = 0; i < levels.length && first === levels.length; i++) {
      if (levels[i]!.some((tok) => tokenMatches(tok, w, typos))) first = i;
    }
    if (first > latest) latest = first;
  }
  if (latest >= 0 && latest < levels.length) upTo = latest + 1;
  const coreTokens = upTo === 0 ? [] : levelTokens(t, upTo);
  let covered = 0;
  let whole = allWords;
  for (const tok of coreTokens) {
    let best = 0;
    for (let j = 0; j < n && best < 1; j++) {
      const s = tokenScore(tok, words[j]!, typos);
      if (s > best) best = s;
    }
    covered += best;
    if (best === 0 || best === NUMBER_VARIANT) whole = false;
  }
  const coverage = coreTokens.length ? covered / coreTokens.length : 0;
  // in order and next to each other among the name's content words
  let phrase = false;
  if (allWords && n > 1) {
    for (let i = 0; i + n <= coreTokens.length && !phrase; i++) {
      phrase = words.every((w, j) => tokenMatches(coreTokens[i + j]!, w, typos));
    }
  } else if (allWords) {
    phrase = coreTokens.length > 0 && tokenMatches(coreTokens[0]!, words[0]!, typos);
  }
  const share = foundSum / n;
  const extraLevels = levels.length - upTo;
  const score = (0.45 * share * share + (allWords ? 0.15 : 0) + 0.25 * coverage + (phrase ? 0.05 : 0) + (whole ? 0.1 : 0)) * (1 - 0.04 * Math.min(extraLevels, 3));
  return { words: Math.min(1, score), allWords, phrase };
}

function kindWeight(n: CandidateName): number {
  switch (n.kind) {
    case 'TITLE':
      return 1;
    case 'SHORT_TITLE':
    case 'COMMON_NAME':
      return 0.97;
    case 'INDEX':
      return n.main ? 1.04 : 0.97;
    case 'INDEX_SEE':
      return n.main ? 1.0 : 0.96;
    case 'INCLUSION':
      return 0.95;
    case 'PCS_INDEX':
      // a table prefix or a code is more specific than a whole table
      return n.prefix || n.depth === 0 ? 0.98 : 0.93;
    case 'DRUG':
    case 'NEOPLASM':
    case 'EXTERNAL_CAUSE':
      // like index terms: a table's default column (poisoning accidental, malignant
      // primary) or an external-cause main term's code first
      return n.main ? 1.0 : 0.96;
    default:
      return 0.9;
  }
}

/** What the query's words say about the kind of code wanted. */
export interface QueryIntent {
  procedure: boolean;
  supply: boolean;
  measure: boolean;
  /** An "-ectomy" word: in ICD-10-PCS the removal of a whole body part is the root operation Resection. */
  ectomy: boolean;
  /** The word "open": without it, a fracture is coded as closed (ICD-10-CM guideline I.C.19.c.1). */
  open: boolean;
}

const PROCEDURE_SUFFIX = /(ectomy|ectomies|otomy|ostomy|plasty|plasties|pexy|scopy|rrhaphy|tripsy|desis|centesis|graphy|lysis)$/;
const PROCEDURE_WORDS = new Set(
  'replacement replace resection excision removal remove repair transplant transplantation insertion insert implant implantation biopsy surgery surgical operation amputation bypass drainage injection infusion transfusion reduction fusion ablation dilation extraction incision reattachment reposition release revision supplement occlusion restriction destruction fragmentation inspection division transfer imaging scan xray ultrasound mri ct anesthesia therapy administration irrigation stent'.split(
    ' ',
  ),
);
const SUPPLY_WORDS = new Set(
  'wheelchair wheelchairs walker walkers crutch crutches cane canes catheter catheters dressing dressings syringe syringes needle needles strip strips glucometer monitor pump pumps oxygen nebulizer cpap bipap brace braces orthosis orthoses orthotic prosthesis prosthetic splint bandage bandages gauze pouch mattress bed commode supplies supply stocking stockings wig lens lenses battery batteries tubing mask ambulance lancet lancets sling walker scooter ventilator concentrator humidifier pad pads diaper diapers glove gloves tape aid aids'.split(
    ' ',
  ),
);
const MEASURE_WORDS = new Set('measure measures measurement quality documented documentation reported reporting performance mips patient patients'.split(' '));

export function queryIntent(variants: QueryVariant[]): QueryIntent {
  const words = new Set(variants.flatMap((v) => v.words));
  // As you type, the last word is often unfinished ("anesth"): from 5 letters on it stands for the intent words it starts.
  const partial = variants.map((v) => v.words[v.words.length - 1]).filter((w): w is string => w !== undefined && w.length >= 5);
  const has = (set: Set<string>) => [...words].some((w) => set.has(w)) || partial.some((p) => [...set].some((w) => w.startsWith(p)));
  return {
    procedure: [...words].some((w) => PROCEDURE_SUFFIX.test(w)) || has(PROCEDURE_WORDS),
    supply: has(SUPPLY_WORDS),
    measure: has(MEASURE_WORDS),
    ectomy: [...words].some((w) => /ectom(y|ies)$/.test(w)),
    open: words.has('open'),
  };
}

const OPEN_FRACTURE = /\bfor open fracture\b/i;

/** How likely a user means this code, whatever the words: 1 is neutral. */
export function codePrior(c: CandidateCode, intent: QueryIntent): number {
  let p = 1;
  if (c.system === 'ICD10CM') {
    if (c.codeKey.length === 7) {
      p *= 0.93;
      // "A fracture not indicated as open or closed should be coded to closed" (guideline I.C.19.c.1)
      if (!intent.open && OPEN_FRACTURE.test(c.title)) p *= 0.97;
    }
    if (c.level === 'chapter' || c.level === 'block') p *= 0.85;
    if (intent.procedure && !intent.supply) p *= 0.85;
    else if (intent.supply) p *= 0.88;
  } else if (c.system === 'HCPCS') {
    const measure = /^(G8|G9|M)/.test(c.codeKey);
    if (measure && !intent.measure) p *= 0.7;
    if (intent.supply && /^[AEKLV]/.test(c.codeKey)) p *= 1.12;
    else if (!intent.procedure && !intent.supply) p *= 0.9;
    if (c.level === 'section' || c.level === 'range' || c.level === 'modifier') p *= 0.85;
  } else if (c.system === 'ICD10PCS') {
    if (!intent.procedure) p *= 0.9;
    if (c.level === 'section' || c.level === 'body-system') p *= 0.85;
    // a table is a heading; its codes are what gets coded
    if (c.level === 'table') p *= 0.95;
  } else if (c.system === 'CPT') {
    if (!intent.procedure && !intent.supply) p *= 0.95;
  }
  return p;
}

/**
 * The best (name, variant) for a code and its relevance in [0, 1]. The title, short
 * title and a code page's common name are names too. Returns null when nothing matched at all. A code named by several
 * matching names gets a small bonus (it is central to the words).
 */
export function bestMatch(code: CandidateCode, names: CandidateName[], variants: QueryVariant[], intent: QueryIntent, typos = false, memo: NameTokensMemo = new Map()): BestMatch | null {
  const all: CandidateName[] = [
    { text: code.title, core: code.title, kind: 'TITLE', source: null, main: false, depth: 0, see: null, prefix: null, lucene: 0 },
    ...(code.shortTitle && code.shortTitle !== code.title
      ? [{ text: code.shortTitle, core: code.shortTitle, kind: 'SHORT_TITLE' as const, source: null, main: false, depth: 0, see: null, prefix: null, lucene: 0 }]
      : []),
    ...(code.commonName && code.commonName !== code.title
      ? [{ text: code.commonName, core: code.commonName, kind: 'COMMON_NAME' as const, source: null, main: false, depth: 0, see: null, prefix: null, lucene: 0 }]
      : []),
    ...names,
  ];
  let best: BestMatch | null = null;
  let matchingNames = 0;
  // The short title abbreviates the title ("anesth" for "anesthesia"): where the title holds
  // every query word, its abbreviations must not count as whole words the title lacks.
  const titleHasAllWords = variants.some((v) => matchWords(v.words, code.title, code.title, typos, memo).allWords);
  for (const name of all) {
    if (name.kind === 'SHORT_TITLE' && titleHasAllWords) continue;
    let nameBest: BestMatch | null = null;
    for (const variant of variants) {
      const m = matchWords(variant.words, name.text, name.core, typos, memo);
      if (m.words <= 0) continue;
      let r = m.words * kindWeight(name) * (variant.synonym ? 0.97 : 1);
      if (intent.ectomy && name.kind === 'PCS_INDEX' && /^resection\b/i.test(name.see ?? '')) r *= 1.03;
      if (!nameBest || r > nameBest.relevance) nameBest = { relevance: r, name, variant, match: m };
    }
    if (nameBest) {
      if (nameBest.match.allWords) matchingNames += 1;
      if (!best || nameBest.relevance > best.relevance) best = nameBest;
    }
  }
  if (!best) return null;
  const bonus = 1 + 0.01 * Math.min(3, Math.max(0, matchingNames - 1));
  // shorter titles first among equals (a tiny, bounded tie-break)
  const shortness = 1 - Math.min(code.title.length, 200) / 20000;
  return { ...best, relevance: Math.min(0.9999, best.relevance * bonus * codePrior(code, intent) * shortness) };
}

/** Folded text equality, for tests and explanations. */
export const sameText = (a: string, b: string) => fold(a).trim() === fold(b).trim();
