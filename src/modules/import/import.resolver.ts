import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/auth';
import type { RequestContext } from '../../context';
import { CodeSystem } from '../../domain/code-system';
import { BadUserInputError } from '../../errors/app-error';
import { PageParseError } from '../../ingest/page/page-parse-error';
import { ImportResult } from './import.type';
import { MAX_PAGE_LENGTH } from './code-page.importer';

/** Mutation.importCodePage: editor role only; the importer does the work. */
@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, {
    description:
      'Import or replace one code page written in the code-page text format. Needs the editor role (Authorization: Bearer <token>). All or nothing: a page that cannot be read is refused with BAD_USER_INPUT naming the line, and nothing is written.',
  })
  async importCodePage(
    @Arg('text', () => String, { description: 'The whole page, as in seeds/pages/*.txt.' }) text: string,
    @Ctx() ctx: RequestContext,
    @Arg('system', () => CodeSystem, { nullable: true, description: 'The code system, when the page does not state it.' }) system?: CodeSystem | null,
    @Arg('code', () => String, { nullable: true, description: 'The code, when the page does not state it.' }) code?: string | null,
  ): Promise<ImportResult> {
    requireRole(ctx.auth, 'editor');
    if (text.length > MAX_PAGE_LENGTH) throw new BadUserInputError(`text is too long (${text.length} characters; at most ${MAX_PAGE_LENGTH})`, 'text');
    try {
      const r = await ctx.importer.importText(text, { ...(system ? { system } : {}), ...(code ? { code } : {}) });
      const [stored] = await ctx.loaders.code.codeByRef.load(r.ref);
      if (!stored) throw new Error(`imported ${r.ref} but could not read it back`);
      return { code: stored, created: r.created, warnings: r.warnings };
    } catch (err) {
      if (err instanceof PageParseError) {
        // err.message is `<page>:N: expected ...`; the argument name replaces the file name.
        throw new BadUserInputError(`text:${err.line}: expected ${err.expected}`, 'text', { line: err.line, expected: err.expected });
      }
      throw err;
    }
  }
}
