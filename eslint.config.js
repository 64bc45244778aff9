import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The architecture rule from design.md: the core never imports an adapter, a job, or an entry point.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/adapters/**', '**/jobs/**', '**/cli/**', '**/actions/**'], message: 'src/core is pure: it must not import adapters, jobs or entry points.' },
          { group: ['node:fs', 'node:fs/*', 'node:child_process', 'execa', 'node:http', 'node:https', '@octokit/*', '@slack/*', '@notionhq/*'], message: 'src/core is pure: do I/O in src/adapters.' },
        ],
      }],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/jobs/**', '**/cli/**', '**/actions/**'], message: 'adapters must not import jobs or entry points.' }],
      }],
    },
  },
);
