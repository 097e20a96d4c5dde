// @ts-check
import js from '@eslint/js';
import checkFile from 'eslint-plugin-check-file';
import noOnlyTests from 'eslint-plugin-no-only-tests';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'survey-web/public/**',
      '**/.data/**',
      'db/migrations/**',
      '**/*.config.js',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Type information from the same two programs `pnpm typecheck` builds (tsconfig.check.json for
      // every Node package, survey-web's own) plus the root configs: with one program per package
      // (the project service's nearest tsconfig.json), the files of api, db and packages/* were
      // typed again for every package importing them. docs/0025-test-concurrency.md.
      parserOptions: {
        project: ['./tsconfig.check.json', './survey-web/tsconfig.json', './tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'no-only-tests': noOnlyTests, 'check-file': checkFile },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/require-await': 'off', // Fastify plugins and job processors are async by contract
      'no-only-tests/no-only-tests': 'error',
      // Configuration is read in config modules only (R12).
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through the one config module (packages/runtime/src/config.ts).',
        },
      ],
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx}': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
    },
  },
  {
    files: ['packages/runtime/src/config.ts', 'survey-web/src/config/env.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/test/**', 'test/**'],
    rules: {
      'no-restricted-properties': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['survey-web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  { ...reactHooks.configs.flat.recommended, files: ['survey-web/**/*.{ts,tsx}'] },
  { ...jsxA11y.flatConfigs.recommended, files: ['survey-web/**/*.tsx'] },
);
