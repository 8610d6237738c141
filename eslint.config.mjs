// One lint configuration for the whole tree: ESLint's and typescript-eslint's
// recommended rules, plus `eqeqeq`. Formatting is Prettier's job (.prettierrc.json,
// `npm run format:check`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'lib/**',
      'site/**',
      'build/**',
      'test-artifacts/**',
      'src/generated/**',
      'wordpress/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {...globals.browser, ...globals.node},
    },
    rules: {
      eqeqeq: ['error', 'always'],
      // `_name` marks a parameter or binding that is there on purpose but not read.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'},
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: {globals: {...globals.mocha}},
  },
);
