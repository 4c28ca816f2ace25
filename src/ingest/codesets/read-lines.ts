/**
 * Line-by-line reading of release files, plain or gzip-compressed, as a
 * stream: a release file is up to ~15 MB and is never held as one string.
 */
import { createReadStream } from 'fs';
import { open } from 'fs/promises';
import { createInterface } from 'readline';
import type { Readable } from 'stream';
import { createGunzip } from 'zlib';

export interface SourceLine {
  /** The line without its line ending (CRLF and LF both stripped). */
  text: string;
  /** 1-based line number. */
  line: number;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * True when the file starts with the gzip magic bytes. The content decides,
 * not the `.gz` extension, so a renamed download is still read correctly.
 * Throws the fs error (e.g. ENOENT) when the file cannot be opened.
 */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/**
 * Yields the lines of a plain or gzip file in order. A file ending with a
 * line break yields no extra empty line; `\r\n\r\n` at the end yields one.
 * Rejects with the fs or zlib error when the file is missing or the gzip
 * data is corrupt or truncated. Breaking out of the loop closes the file.
 */
export async function* readLines(path: string): AsyncGenerator<SourceLine> {
  const gzip = await isGzipFile(path);
  const file = createReadStream(path);
  let input: Readable = file;
  if (gzip) {
    const gunzip = createGunzip();
    // pipe() does not forward errors; without this a read error would hang the loop.
    file.on('error', (err) => gunzip.destroy(err));
    input = file.pipe(gunzip);
  }
  const reader = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of reader) {
      line += 1;
      yield { text, line };
    }
  } finally {
    reader.close();
    input.destroy();
    file.destroy();
  }
}
