import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * The whole text of a names file, plain or gzipped (detected by the gzip magic bytes),
 * as UTF-8. The names files are a few MB each, so reading them whole is simpler than
 * streaming and costs well under a second. Throws Error naming the file when it is
 * missing or not valid UTF-8.
 */
export function readTextFile(file: string): string {
  let bytes = fs.readFileSync(file);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new Error(`${file}: not valid UTF-8`);
  }
}
