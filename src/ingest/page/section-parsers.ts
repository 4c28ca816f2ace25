/**
 * One parser per section kind: each reads the items of its section into the
 * ParsedPage fields that section owns. Which section uses which parser is the
 * SECTIONS table in page-sections.ts; this file knows no headings.
 *
 * Every parser is also called for a section the page lacks (with no items),
 * so it must return its fields' empty values (null or []) then, and warn
 * about nothing.
 */
import { findEquipment, isEmptyListNote, parseAlternative, parseDurationMinutes, parsePolicy, parseProcedureName, parseRiskBullet, parseSimilarCode } from './page-fields';
import type { ParsedAlternative, ParsedPage, ParsedPolicy, ParsedRisk, ParsedSimilarCode } from './page.types';

/** One bullet, numbered item or prose paragraph of a section. */
export interface SectionItem {
  kind: 'bullet' | 'numbered' | 'para';
  text: string;
  /** 1-based line where the item starts. */
  line: number;
  number: number | null;
}

/** The ParsedPage fields that come from sections (the rest come from the page head). */
export type SectionFields = Omit<ParsedPage, 'system' | 'code' | 'codeSource' | 'title' | 'kind' | 'warnings'>;

/** What a section parser may use besides its items; one per section per page. */
export interface SectionContext {
  /** Canonical heading of the section, for warnings. */
  label: string;
  warn: (line: number, message: string) => void;
}

export type SectionParser = (items: readonly SectionItem[], ctx: SectionContext) => Partial<SectionFields>;

/**
 * A section as text: paragraphs separated by a blank line, bullets one per
 * line as `• text`, numbered items as `N. text`. Null when the section is
 * missing or empty.
 */
export function proseText(items: readonly SectionItem[]): string | null {
  if (items.length === 0) return null;
  let out = '';
  items.forEach((item, index) => {
    const rendered = item.kind === 'bullet' ? `• ${item.text}` : item.kind === 'numbered' ? `${item.number ?? ''}. ${item.text}` : item.text;
    if (index > 0) {
      const previous = items[index - 1];
      const bothList = item.kind !== 'para' && previous !== undefined && previous.kind !== 'para';
      out += bothList ? '\n' : '\n\n';
    }
    out += rendered;
  });
  return out;
}

/** Bullets and numbered items; prose is used only when the section has no list. */
function listItems(items: readonly SectionItem[], ctx: SectionContext): readonly SectionItem[] {
  const list = items.filter((item) => item.kind !== 'para');
  if (list.length === 0) return items;
  for (const item of items) {
    if (item.kind === 'para') ctx.warn(item.line, `text under ${ctx.label} outside its list was ignored`);
  }
  return list;
}

/** The texts of a list section (see `listItems`). */
export function listTexts(items: readonly SectionItem[], ctx: SectionContext): string[] {
  return listItems(items, ctx).map((item) => item.text);
}

export function parseNameSection(items: readonly SectionItem[]): Pick<SectionFields, 'fullName' | 'commonName'> {
  return parseProcedureName(items.map((item) => item.text).join(' '));
}

/**
 * Steps are the numbered items, or the bullets when nothing is numbered;
 * equipment is looked for in the whole section, prose included.
 */
export function parseProcedureSection(items: readonly SectionItem[], ctx: SectionContext): Pick<SectionFields, 'steps' | 'equipment'> {
  const numberedSteps = items.filter((item) => item.kind === 'numbered');
  const stepItems = numberedSteps.length > 0 ? numberedSteps : items.filter((item) => item.kind === 'bullet');
  numberedSteps.forEach((item, index) => {
    if (item.number !== index + 1) ctx.warn(item.line, `step numbered ${item.number ?? '?'} is step ${index + 1} on the page`);
  });
  return {
    steps: stepItems.map((item) => item.text),
    equipment: findEquipment(items.map((item) => item.text).join(' ')),
  };
}

export function parseDurationSection(items: readonly SectionItem[]): Pick<SectionFields, 'duration'> {
  const text = proseText(items);
  return { duration: text === null ? null : { text, ...parseDurationMinutes(text) } };
}

export function parseRisksSection(items: readonly SectionItem[], ctx: SectionContext): Pick<SectionFields, 'risks' | 'riskManagement'> {
  const risks: ParsedRisk[] = [];
  const management: string[] = [];
  for (const item of listItems(items, ctx)) {
    const bullet = parseRiskBullet(item.text);
    if (bullet.kind === 'management') {
      management.push(bullet.text);
    } else if (bullet.kind === 'risks') {
      if (bullet.items.length === 0) ctx.warn(item.line, 'risk bullet lists no risks');
      for (const riskText of bullet.items) risks.push({ frequency: bullet.frequency, text: riskText, line: item.line });
    } else if (bullet.items.length > 0) {
      ctx.warn(item.line, 'risk bullet has no "Common:" or "Rare:" label; its risks are kept as RARE');
      for (const riskText of bullet.items) risks.push({ frequency: 'RARE', text: riskText, line: item.line });
    }
  }
  return { risks, riskManagement: management.length > 0 ? management.join(' ') : null };
}

export function parseAlternativesSection(items: readonly SectionItem[], ctx: SectionContext): Pick<SectionFields, 'alternatives'> {
  const alternatives: ParsedAlternative[] = [];
  for (const item of listItems(items, ctx)) {
    const alternative = parseAlternative(item.text);
    if (alternative === null) ctx.warn(item.line, 'alternative has no name');
    else alternatives.push(alternative);
  }
  return { alternatives };
}

export function parsePoliciesSection(items: readonly SectionItem[], ctx: SectionContext): Pick<SectionFields, 'policies'> {
  const policies: ParsedPolicy[] = [];
  for (const item of listItems(items, ctx)) {
    if (isEmptyListNote(item.text)) continue;
    const policy = parsePolicy(item.text);
    if (policy === null) ctx.warn(item.line, 'policy bullet has neither a title nor a URL');
    else policies.push(policy);
  }
  return { policies };
}

export function parseSimilarCodesSection(items: readonly SectionItem[], ctx: SectionContext): Pick<SectionFields, 'similarCodes'> {
  const similarCodes: ParsedSimilarCode[] = [];
  for (const item of listItems(items, ctx)) {
    if (isEmptyListNote(item.text)) continue;
    const similar = parseSimilarCode(item.text);
    if ('problem' in similar) ctx.warn(item.line, similar.problem);
    else similarCodes.push(similar);
  }
  return { similarCodes };
}
