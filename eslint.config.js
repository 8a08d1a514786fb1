// ESLint flat config: typescript-eslint recommended everywhere, React hooks rules for the web app.
// Layer rules for the server live in .dependency-cruiser.cjs (run by `npm run lint` too).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'apps/web/dist/**',
      'e2e/artifacts/**',
      'coverage/**',
      'data/**',
      '.tmp/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-console': 'warn',
      // A `let` that a shutdown handler reads before start-up assigns it must stay `let` (const would be in its TDZ).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Command-line programs and test set-up talk to people through the console.
    files: [
      '**/test/**',
      '**/*.test.{ts,tsx}',
      'scripts/**',
      'e2e/**',
      'bench/**',
      '**/*.config.{js,ts,mjs,cjs}',
      '.dependency-cruiser.cjs',
      'apps/server/build.mjs',
      'apps/server/src/main.ts',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
