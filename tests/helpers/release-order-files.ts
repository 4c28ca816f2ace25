/**
 * Counts computed straight from the official order and addenda files, for the release
 * tests to compare with the API: the raw fixed-width columns (code [6:13], flag [14],
 * long title [77:]), independent of the project's parsers.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface OrderLine {
  billable: boolean;
  title: string;
}

/** Code -> flag and long title of an order file (plain or .gz). */
export function readOrderFile(file: string): Map<string, OrderLine> {
  const raw = fs.readFileSync(file);
  const text = (file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('latin1');
  const out = new Map<string, OrderLine>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    out.set(line.slice(6, 13).trim(), { billable: line[14] === '1', title: line.slice(77).trim() });
  }
  return out;
}

export interface FileChanges {
  added: string[];
  deleted: string[];
  retitled: string[];
  /** Billable in the newer file (added, retitled) or in the older one (deleted). */
  billable: { added: number; deleted: number; retitled: number };
}

/** What changed from `older` to `newer`: presence, and the long title of codes in both. */
export function orderFileChanges(older: Map<string, OrderLine>, newer: Map<string, OrderLine>): FileChanges {
  const added = [...newer.keys()].filter((k) => !older.has(k));
  const deleted = [...older.keys()].filter((k) => !newer.has(k));
  const retitled = [...newer.keys()].filter((k) => older.has(k) && older.get(k)!.title !== newer.get(k)!.title);
  return {
    added,
    deleted,
    retitled,
    billable: {
      added: added.filter((k) => newer.get(k)!.billable).length,
      deleted: deleted.filter((k) => older.get(k)!.billable).length,
      retitled: retitled.filter((k) => newer.get(k)!.billable).length,
    },
  };
}

/**
 * The codes of each kind of line of an order addenda file (`Add:`, `Delete:`, `Revise to:`).
 * ICD-10-CM addenda carry the valid flag before the code (`Add:         1 B8801`), the
 * ICD-10-PCS ones do not (`Add:         00H033J`): the code is the first token after the flag, if any.
 */
export function readAddenda(file: string): { add: Set<string>; delete: Set<string>; revise: Set<string> } {
  const raw = fs.readFileSync(file);
  const text = (file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('latin1');
  const out = { add: new Set<string>(), delete: new Set<string>(), revise: new Set<string>() };
  for (const line of text.split(/\r?\n/)) {
    const m = /^(Add|Delete|Revise to):\s+(?:[01]\s+)?(\S+)/.exec(line);
    if (!m) continue;
    const set = m[1] === 'Add' ? out.add : m[1] === 'Delete' ? out.delete : out.revise;
    set.add(m[2]!);
  }
  return out;
}
