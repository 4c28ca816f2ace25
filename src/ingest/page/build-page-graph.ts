/**
 * Maps a ParsedPage onto the curated vocabulary: which risks, roles,
 * settings, regions and systems a page names, as stable keys.
 *
 * Matching rules (term-matcher.ts does the matching, after normalizeTerm):
 * - A term (one risk, one role, one setting bullet) is one entry: an exact
 *   match of the whole normalised text with a name or synonym wins; else the
 *   longest name/synonym contained in it as whole words ("Mild pain at the
 *   injection site" -> injection-site pain, "infection at the site" ->
 *   infection). No match -> an ad-hoc concept (key = slug of the normalised
 *   text, name = that text in sentence case) and a warning
 *   `no vocabulary entry for <kind> "<text>"`.
 * - Personnel: the whole bullet is tried as an exact match first; else it is
 *   split on ",", " or ", " and " — but never inside a vocabulary term that
 *   itself contains "or"/"and" ("Surgeon or specialist performing the
 *   primary procedure" stays one role) — and each part is matched as a term.
 * - Settings: bullets are terms; prose yields every setting named in it;
 *   prose naming none falls back to the list after "performed in"
 *   (ad-hoc settings, with warnings).
 * - Body regions and systems: every region/system named in the title and the
 *   full name (not the summary: it paraphrases and would add noise), longest
 *   match first without overlaps; for CPT anesthesia codes also the region of
 *   the anesthesia range holding the code.
 * - Indications keep the page's text (key `ind-` + slug); their ICD-10-CM
 *   codes are those of every indication pattern found in the text. Having no
 *   pattern is normal and not warned about.
 * - Equipment has no vocabulary file: each item is an ad-hoc concept, without
 *   a warning.
 * Duplicates (two texts landing on one key) are kept once, with a warning
 * for risks.
 */
import { CodeSystem, toCodeKey } from '../../domain/code-system';
import { normalizeTerm } from '../vocabulary/normalize-term';
import { exactTerm, findAllTerms, matchTerm, protectedSpans } from '../vocabulary/term-matcher';
import type { VocabEntry, Vocabulary } from '../vocabulary/vocabulary';
import type { PageGraph, PageGraphAlternative, PageGraphIndication, PageGraphPolicy, PageGraphRisk, PageGraphSimilarCode, ParsedPage, Ref } from './page.types';
import { collapseSpace, sentenceCase, slugify, trimChars } from './page-text';

const CONJUNCTIONS = ['or', 'and'] as const;

/**
 * Text without its parenthetical asides ("Perfusionist (when needed)" ->
 * "Perfusionist"), or the text itself when nothing would be left.
 */
function withoutAsides(text: string): string {
  const stripped = text.replace(/\s*\([^()]*\)/g, '').trim();
  return normalizeTerm(stripped) === '' ? text : stripped;
}

/**
 * An ad-hoc concept for text the vocabulary does not know; null when the text
 * has no words. Asides in parentheses are not part of the concept, so
 * "Perfusionist (when needed)" and "Perfusionist" are one node.
 */
function adHocRef(text: string): Ref | null {
  const normalized = normalizeTerm(withoutAsides(text));
  if (normalized === '') return null;
  return { key: slugify(normalized), name: sentenceCase(normalized) };
}

function toRef(entry: VocabEntry): Ref {
  return { key: entry.key, name: entry.name };
}

/** Adds `ref` unless its key is already there; returns whether it was added. */
function addUnique<T extends { key: string }>(list: T[], item: T): boolean {
  if (list.some((x) => x.key === item.key)) return false;
  list.push(item);
  return true;
}

/**
 * Builds the graph fragment of one page.
 *
 * Never throws for a ParsedPage from parseCodePage and a Vocabulary from
 * loadVocabulary. Nullable fields of `code` are null when the page lacks
 * them; `warnings` holds the page's parse warnings followed by the mapping
 * warnings (unknown terms, dropped similar codes, duplicates).
 */
export function buildPageGraph(page: ParsedPage, vocab: Vocabulary): PageGraph {
  const warnings = [...page.warnings];

  const matchOrAdHoc = (text: string, entries: readonly VocabEntry[], kind: string, line?: number): Ref | null => {
    const entry = matchTerm(text, entries);
    if (entry) return toRef(entry);
    const ref = adHocRef(text);
    if (ref) warnings.push(`no vocabulary entry for ${kind} "${text}"${line === undefined ? '' : ` (line ${line})`}`);
    return ref;
  };

  // ---- risks
  const risks: PageGraphRisk[] = [];
  for (const risk of page.risks) {
    const entry = matchTerm(risk.text, vocab.risks);
    const ref: Ref | null = entry ? toRef(entry) : adHocRef(risk.text);
    if (!entry && ref) {
      warnings.push(`no vocabulary entry for risk "${risk.text}"${risk.line === undefined ? '' : ` (line ${risk.line})`}`);
    }
    if (!ref) continue;
    const first = risks.find((r) => r.key === ref?.key);
    if (first) {
      warnings.push(`risk "${risk.text}" is the same concept as "${first.text}" (${first.key}); kept once`);
      continue;
    }
    risks.push({ ...ref, frequency: risk.frequency, text: risk.text, icd10cm: entry ? [...entry.icd10cm] : [] });
  }

  // ---- personnel
  const personnel: Ref[] = [];
  for (const bullet of page.personnel) {
    for (const part of splitRoles(bullet, vocab.personnel)) {
      const ref = matchOrAdHoc(part, vocab.personnel, 'personnel role');
      if (ref) addUnique(personnel, ref);
    }
  }

  // ---- settings
  const settings: Ref[] = [];
  if (page.settingText !== null) {
    const bullets = page.settingText
      .split('\n')
      .map((line) => /^(?:•|\d{1,3}\.) (.*)$/.exec(line)?.[1])
      .filter((text): text is string => text !== undefined);
    if (bullets.length > 0) {
      for (const bullet of bullets) {
        const ref = matchOrAdHoc(bullet, vocab.settings, 'setting');
        if (ref) addUnique(settings, ref);
      }
    } else {
      for (const entry of findAllTerms(page.settingText, vocab.settings)) addUnique(settings, toRef(entry));
      if (settings.length === 0) {
        for (const place of placesAfterPerformedIn(page.settingText)) {
          const ref = matchOrAdHoc(place, vocab.settings, 'setting');
          if (ref) addUnique(settings, ref);
        }
      }
      if (settings.length === 0) warnings.push('no setting recognised in the Setting text');
    }
  }

  // ---- body regions and systems
  const named = [page.title, page.fullName ?? ''];
  const bodyRegions: Ref[] = [];
  for (const text of named) for (const entry of findAllTerms(text, vocab.bodyRegions)) addUnique(bodyRegions, toRef(entry));
  if (page.system === CodeSystem.CPT && /^[0-9]{5}$/.test(page.code)) {
    const range = vocab.anesthesiaRanges.find((r) => r.from <= page.code && page.code <= r.to);
    const region = range ? vocab.bodyRegions.find((r) => r.key === range.region) : undefined;
    if (region) addUnique(bodyRegions, toRef(region));
  }
  const bodySystems: Ref[] = [];
  for (const text of named) for (const entry of findAllTerms(text, vocab.bodySystems)) addUnique(bodySystems, toRef(entry));

  // ---- equipment
  const equipment: Ref[] = [];
  for (const item of page.equipment) {
    const ref = adHocRef(item);
    if (ref) addUnique(equipment, ref);
  }

  // ---- indications
  const indications: PageGraphIndication[] = [];
  for (const text of page.indications) {
    const normalized = normalizeTerm(text);
    if (normalized === '') continue;
    const icd10cm: string[] = [];
    for (const pattern of findAllTerms(text, vocab.indications)) {
      for (const code of pattern.icd10cm) if (!icd10cm.includes(code)) icd10cm.push(code);
    }
    addUnique(indications, { key: `ind-${slugify(normalized)}`, text, icd10cm });
  }

  // ---- alternatives
  const alternatives: PageGraphAlternative[] = [];
  for (const alternative of page.alternatives) {
    const key = slugify(normalizeTerm(alternative.name));
    const named = alternative.code;
    if (key !== '') {
      addUnique(alternatives, {
        key,
        name: alternative.name,
        description: alternative.description,
        codeSystem: named?.system ?? null,
        code: named?.code ?? null,
        codeKey: named ? toCodeKey(named.code) : null,
      });
    }
  }

  // ---- policies
  const policies: PageGraphPolicy[] = [];
  for (const policy of page.policies) {
    const key = policy.url !== null ? slugify(policy.url.replace(/^https?:\/\/(?:www\.)?/i, '')) : slugify(normalizeTerm(`${policy.payer ?? ''} ${policy.title}`));
    if (key !== '') addUnique(policies, { key, title: policy.title, payer: policy.payer, url: policy.url });
  }

  // ---- similar codes
  const similarCodes: PageGraphSimilarCode[] = [];
  const ownKey = toCodeKey(page.code);
  for (const similar of page.similarCodes) {
    if (similar.system === null) {
      warnings.push(`similar code "${similar.code}" fits more than one code system and was dropped; name its system`);
      continue;
    }
    const codeKey = toCodeKey(similar.code);
    if (similar.system === page.system && codeKey === ownKey) {
      warnings.push(`similar code "${similar.code}" is the page's own code and was dropped`);
      continue;
    }
    if (similarCodes.some((s) => s.system === similar.system && s.codeKey === codeKey)) continue;
    similarCodes.push({ system: similar.system, code: similar.code, codeKey, title: similar.title });
  }

  return {
    code: {
      system: page.system,
      code: page.code,
      codeKey: toCodeKey(page.code),
      title: page.title,
      commonName: page.commonName,
      fullName: page.fullName,
      summary: page.summary,
      purpose: page.purpose,
      preparation: [...page.preparation],
      steps: [...page.steps],
      durationText: page.duration?.text ?? null,
      durationMinMinutes: page.duration?.minMinutes ?? null,
      durationMaxMinutes: page.duration?.maxMinutes ?? null,
      settingText: page.settingText,
      riskManagement: page.riskManagement,
      benefits: [...page.benefits],
      recovery: [...page.recovery],
      patientExperience: page.patientExperience,
    },
    indications,
    settings,
    personnel,
    risks,
    bodyRegions,
    bodySystems,
    equipment,
    alternatives,
    policies,
    similarCodes,
    warnings,
  };
}

/**
 * The roles in one personnel bullet: the whole bullet when it is exactly a
 * vocabulary term, else its parts split on commas/semicolons and on "or"/
 * "and" outside vocabulary terms that contain those words. Parts are
 * normalised text.
 */
function splitRoles(written: string, roles: readonly VocabEntry[]): string[] {
  if (normalizeTerm(written) === '') return [];
  if (exactTerm(written, roles) !== null) return [normalizeTerm(written)];
  // "Nurse (RN or LPN)": the aside qualifies the role; its "or" must not split it.
  const bullet = withoutAsides(written);
  const whole = normalizeTerm(bullet);
  if (exactTerm(whole, roles) !== null) return [whole];
  const parts: string[] = [];
  for (const segment of bullet.split(/[,;/]/)) {
    const words = normalizeTerm(segment)
      .split(' ')
      .filter((w) => w.length > 0);
    const covered = protectedSpans(words, roles, CONJUNCTIONS);
    let current: string[] = [];
    words.forEach((word, i) => {
      if ((CONJUNCTIONS as readonly string[]).includes(word) && !covered[i]) {
        if (current.length > 0) parts.push(current.join(' '));
        current = [];
      } else {
        current.push(word);
      }
    });
    if (current.length > 0) parts.push(current.join(' '));
  }
  return parts;
}

/** The places listed after "performed in" (or "done in", "takes place in"), split on commas, or, and. */
function placesAfterPerformedIn(text: string): string[] {
  const m = /\b(?:performed|done|carried out|takes place|take place|conducted|given|provided) (?:in|at) ([^.;]+)/i.exec(collapseSpace(text));
  if (!m) return [];
  return (m[1] ?? '')
    .split(/,|\bor\b|\band\b/i)
    .map((part) => trimChars(part.trim().replace(/^(?:a|an|the|either) /i, ''), ' .'))
    .filter((part) => part.length > 0);
}
