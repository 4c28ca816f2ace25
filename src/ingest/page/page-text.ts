/**
 * Small text helpers shared by the page parser and the graph builder.
 *
 * Every regular expression in the page code runs on text that went through
 * `collapseSpace` first: runs of whitespace are one space, so patterns such as
 * `\s*x?\s*` cannot backtrack over long runs (pages may be up to 1,000,000
 * characters and a single line can be that long).
 */

/** Whitespace of any kind (tabs, NBSP, zero-width) becomes one space; trimmed. */
export function collapseSpace(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes any of `chars` from both ends (a loop, not a regex, so it is linear). */
export function trimChars(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text.charAt(start))) start += 1;
  while (end > start && chars.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

/** Removes any of `chars` from the end only. */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

const QUOTES = '"\'“”‘’«»`';

/** Strips surrounding quotes and whitespace ("X" -> X). */
export function stripQuotes(text: string): string {
  return trimChars(text.trim(), `${QUOTES} `);
}

/**
 * Splits on `separator` characters that are not inside parentheses or
 * brackets, so "infection (rare, treatable), bleeding" is two items.
 */
export function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth += 1;
    else if ((ch === ')' || ch === ']') && depth > 0) depth -= 1;
    if (depth === 0 && separators.includes(ch)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** First character upper case, the rest untouched. */
export function sentenceCase(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Lower-case, hyphen-separated identifier from already normalised text
 * (letters and digits of any script are kept; everything else separates).
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+/, '')
    .replace(/-+$/, '');
}

/** Windows-1252 characters at 0x80-0x9F, which Latin-1 decoding turns into C1 controls. */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Text that was Windows-1252 but decoded as Latin-1 (an editor's "ANSI" file
 * read byte for byte) carries C1 control characters where the author typed
 * dashes, bullets and smart quotes; maps them back (U+0096 -> "–",
 * U+0095 -> "•"). No real page uses C1 controls, so this never loses text.
 */
export function fixWindows1252Controls(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (ch) => WINDOWS_1252_C1.charAt(ch.charCodeAt(0) - 0x80));
}

/**
 * A page file's text: UTF-8 (a BOM is dropped by the parser); a file that is not
 * valid UTF-8 is an editor's Windows-1252 ("ANSI") file, decoded byte for byte
 * so the parser can map its dashes, bullets and quotes back
 * (see fixWindows1252Controls) instead of meeting U+FFFD.
 */
export function decodePageBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1');
  }
}
