/** Parsers of the official ICD-10-CM, ICD-10-PCS and HCPCS Level II release files. */
export * from './codeset.types';
export { readLines, isGzipFile, type SourceLine } from './read-lines';
export { readCsvRecords, type CsvRecord } from './csv';
export { codesetSeedPath } from './seed-files';
export * from './icd10cm';
export * from './icd10pcs';
export * from './hcpcs';
export * from './detect';
export * from './release-label';
export * from './release-plan';
export * from './conversion-table';
