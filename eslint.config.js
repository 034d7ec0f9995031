import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'demo-output/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Page content is untrusted: no way to turn it into markup or code (docs/ARCHITECTURE.md).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with textContent; page text is untrusted.' },
        { property: 'outerHTML', message: 'Build DOM with textContent; page text is untrusted.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with textContent; page text is untrusted.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['**/*.tsx', 'components/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tests build their own fixture documents, and stand-in pages do what third-party pages do.
    files: ['test/**'],
    rules: { 'no-restricted-properties': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
