export * from './page.types';
export { PageParseError } from './page-parse-error';
export { parseCodePage, MAX_PAGE_CHARS } from './parse-page';
export type { ParseCodePageOptions } from './parse-page';
export { buildPageGraph } from './build-page-graph';
