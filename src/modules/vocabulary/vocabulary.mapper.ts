import { toGlobalId } from '../common/global-id';
import type { TermModel } from './vocabulary.type';

type Props = Record<string, unknown>;

/** A stored property as text: strings and numbers as they are, anything else (absent) as `fallback`. */
function text(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
}

/** Maps a vocabulary node's properties to the model of `nodeType`. */
export function toTermModel(nodeType: TermModel['nodeType'], p: Props): TermModel & Record<string, unknown> {
  const key = String(p.key);
  const name = text(p.name ?? p.text ?? p.title, key);
  return {
    nodeType,
    // Encoded when read (as Code's id): a page's terms and a walk's body regions mostly are not asked for it.
    get id() {
      return toGlobalId(nodeType, key);
    },
    key,
    name,
    synonyms: Array.isArray(p.synonyms) ? (p.synonyms as string[]) : [],
    curated: p.curated === true,
    text: text(p.text, name),
    title: text(p.title, name),
    payer: typeof p.payer === 'string' ? p.payer : null,
    url: typeof p.url === 'string' ? p.url : null,
  };
}

/** Plain {key, name} terms (BodySystem, Equipment). */
export function toSimpleTerm(p: Props): { key: string; name: string } {
  return { key: String(p.key), name: String(p.name ?? p.key) };
}
