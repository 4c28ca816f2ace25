export * from './vocabulary';
export * from './term-matcher';
