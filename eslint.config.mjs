// ESLint (flat config): eslint and typescript-eslint recommended, tuned to the house style, plus the
// 120-column limit that prettier cannot enforce on strings, regexes and comments. Layout and function
// length are checked by scripts/check-structure.mjs; formatting is prettier's (.prettierrc.json).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Data tables (word lists in template literals): their lines are data, exempt from the line limit.
const DATA_FILES = [
  'src/core/gazetteer/common.ts',
  'src/core/gazetteer/organisations.ts',
  'src/core/gazetteer/people.ts',
  'src/core/gazetteer/places.ts',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      '.vscode-test/',
      '.bench-cache/',
      'test-results/',
      'test/fixtures/',
      // Generated data table (scripts/gazetteer.mjs): one huge line per table.
      'src/core/gazetteer/generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Bugs worth type information: an un-awaited promise loses its error.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      // `_name` marks a deliberately unused binding (`void promise` a deliberate fire-and-forget, above).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // No line over 120 characters: prettier wraps code, this catches what it cannot (strings, comments).
      '@stylistic/max-len': ['error', { code: 120, tabWidth: 2 }],
    },
  },
  {
    // Tests read exported JSON and YAML whose shape is what they assert.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: DATA_FILES,
    rules: { '@stylistic/max-len': 'off' },
  },
);
