/**
 * Release labels of the yearly code sets: `FY2026` is the US federal fiscal year
 * 2026 (October 1, 2025 to September 30, 2026), the year ICD-10-CM and ICD-10-PCS
 * releases are named by. Labels compare as strings in time order (`FY2025` < `FY2026`).
 */
import { basename } from 'path';

const LABEL = /^FY(\d{4})$/;

/** True when `text` is a release label such as `FY2026`. */
export function isReleaseLabel(text: string): boolean {
  return LABEL.test(text);
}

/** The fiscal year of a label (`FY2026` -> 2026); null when `text` is not a label. */
export function releaseYear(text: string): number | null {
  const m = LABEL.exec(text);
  return m ? Number(m[1]) : null;
}

/** `2026` -> `FY2026`. */
export function releaseLabel(year: number): string {
  return `FY${year}`;
}

/**
 * The release an official file name states: `icd10cm_order_2026.txt(.gz)`,
 * `icd10cm-order-2026.txt`, `icd10pcs_order_2025.txt` (the year is the fiscal
 * year), `ICD-10-CM-CONVERSION-TABLE-FY2026.xlsx`. Null when the name states none
 * (a renamed file): the caller's label is then taken as given.
 */
export function releaseLabelFromFileName(path: string): string | null {
  const name = basename(path);
  const fy = /FY[ _-]?(20\d{2})/i.exec(name);
  if (fy) return releaseLabel(Number(fy[1]));
  const order = /order[_-](?:addenda[_-])?(20\d{2})(?!\d)/i.exec(name);
  return order ? releaseLabel(Number(order[1])) : null;
}
