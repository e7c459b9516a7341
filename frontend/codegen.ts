import type { CodegenConfig } from '@graphql-codegen/cli';

// The schema in ../graph is the contract with the Go server; operations live
// next to the screens that use them. documentMode "string" sends the query text
// as-is, so the bundle needs no GraphQL parser at run time.
const config: CodegenConfig = {
  schema: '../graph/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Time: 'string', Date: 'string', Int64: 'number' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
