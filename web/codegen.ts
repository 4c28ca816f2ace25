import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the emitted SDL (schema/schema.graphql). The operations live in
 * web/src/operations/*.graphql; documentMode "string" makes each document a typed string,
 * so the browser bundle carries no GraphQL parser.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['web/src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      config: { documentMode: 'string', enumsAsTypes: true, useTypeImports: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
