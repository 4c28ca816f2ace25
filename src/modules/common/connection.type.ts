import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Where a page of a connection ends, and whether more follow.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page. Null on an empty page.' })
  endCursor!: string | null;
}

/** Offset cursors for connections ordered by a stable key: base64url("o:<offset>"). */
export function offsetCursor(offset: number): string {
  // Every edge of every page gets one (a walk: 20 per risk): the first offsets are encoded once.
  if (offset < CURSOR_MEMO_SIZE && Number.isInteger(offset) && offset >= 0) return (cursors[offset] ??= encodeCursor(offset));
  return encodeCursor(offset);
}

const CURSOR_MEMO_SIZE = 10000;
const cursors: string[] = [];
const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

/** The offset after `cursor` (0 for none). Returns null when the cursor is not one of ours. */
export function offsetAfter(cursor: string | null | undefined): number | null {
  if (cursor === null || cursor === undefined) return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) + 1 : null;
}
