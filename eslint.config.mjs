// @ts-check
/**
 * typescript-eslint with type information (projectService: each file is checked with the
 * tsconfig that includes it: tsconfig.json for src, tests, bench, scripts; web/tsconfig.json
 * for the web app). Formatting is Prettier's (.prettierrc.json); no style rules here.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // ESLint does not read .gitignore: what it lists (and the generated typed operations) is ignored here too.
  { ignores: ['node_modules/', 'dist/', 'web/dist/', '.neo4j/', '.venv/', 'coverage/', 'bench/results/tmp/', 'notebooks/', 'web/src/gql/graphql.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The bugs we want caught (floating and misused promises, awaiting non-promises, unsafe
      // `any` flowing into typed code come from recommendedTypeChecked), plus:
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Off, considered: tsc (strict) already rejects what matters here, and these flag style.
      // An assertion tsc finds unnecessary is harmless; async functions without await are how
      // several interfaces (Apollo plugins, jest hooks) are met.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read GraphQL responses as `any` on purpose (the assertions are the type check).
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['jest.config.js'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
);
