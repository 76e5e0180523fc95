// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Lint rules, including the architecture boundaries (STYLE.md): a subgraph never imports another
 * subgraph or the gateway, `shared/` imports no subgraph and not the gateway, and the gateway
 * imports no subgraph. They meet only through federation.
 */
const otherWorkspaces = (allowed) => ({
  patterns: [
    {
      group: ['@passerelle/*', `!@passerelle/shared`, '!@passerelle/shared/*', ...allowed.map((name) => `!${name}`)],
      message:
        'Workspaces meet only through federation: import @passerelle/shared, never another subgraph or the gateway.',
    },
    {
      group: ['**/subgraphs/*', '**/subgraphs/**', '**/gateway/src/**', '**/gateway/dist/**'],
      message: 'Do not reach into another workspace by path.',
    },
  ],
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'multi-line'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts', 'gateway/**/*.ts', 'subgraphs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', otherWorkspaces([])] },
  },
  { files: ['jest.config.js'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
  {
    files: ['jest.bench.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
