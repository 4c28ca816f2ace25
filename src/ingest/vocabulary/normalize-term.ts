/**
 * Normal form of a term, used on both sides of every vocabulary match so that
 * "Infections", "infection" and "INFECTION." compare equal.
 */

/**
 * Word endings that look plural but are not ("nervous", "loss", "stasis",
 * "sinus", "pancreas"): such words are left alone.
 */
const NOT_PLURAL_ENDINGS = ['ous', 'ss', 'is', 'us'];

/** Simple English singular of one lower-case word; deliberately conservative. */
function singularWord(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (NOT_PLURAL_ENDINGS.some((ending) => word.endsWith(ending))) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`; // therapies -> therapy
  // stitches -> stitch, rashes -> rash, abscesses -> abscess; but aches -> ache
  if (/(?:ches|shes|xes|zes|sses)$/.test(word) && !word.endsWith('aches')) return word.slice(0, -2);
  return word.slice(0, -1); // infections -> infection, nurses -> nurse
}

/**
 * Lower case; apostrophes dropped ("doctor's" -> "doctors"); `&` read as
 * "and"; every other non-letter, non-digit (punctuation, quotes, hyphens)
 * becomes a space; spaces collapsed; each word made singular (infections ->
 * infection, reactions -> reaction, nurses -> nurse; words ending in "ous",
 * "ss", "is", "us" stay: nervous, loss, stasis). Never null; may be ''.
 */
export function normalizeTerm(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0)
    .map(singularWord)
    .join(' ');
}
