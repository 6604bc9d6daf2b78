import js from '@eslint/js'
import vitest from '@vitest/eslint-plugin'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { boundariesPlugin } from './boundaries-plugin.js'

/**
 * Internal packages each package may import (architecture.md section 3). Keys are the package
 * kinds used by `createConfig`; apps list their own allowances through `allowedInternal`.
 */
export const ALLOWED_INTERNAL = {
  domain: [],
  'mfe-contract': [],
  contracts: ['@partner-center/domain'],
  db: ['@partner-center/domain'],
  'email-templates': ['@partner-center/domain'],
}

const IGNORES = [
  '**/dist/**',
  '**/.cache/**',
  '**/coverage/**',
  '**/.reports/**',
  '**/migrations/**',
  '**/*.d.ts',
]

/** Rules that keep the pure domain package pure: no imports, no I/O, no clock, no randomness. */
export const domainRules = {
  'no-restricted-imports': [
    'error',
    { patterns: [{ regex: '^(?!\\.{1,2}/)', message: 'The domain package imports nothing.' }] },
  ],
  'no-restricted-globals': [
    'error',
    ...[
      'fetch',
      'process',
      'crypto',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'queueMicrotask',
    ].map((name) => ({ name, message: 'The domain package does no I/O and reads no clock.' })),
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Pass `now` in.' },
    { object: 'Math', property: 'random', message: 'Pass randomness in.' },
  ],
}

/**
 * Builds the flat config of one workspace project.
 *
 * @param {{ dir: string, kind: 'library' | 'domain' | 'node' | 'vue', allowedInternal?: string[], ignores?: string[] }} options
 * @example
 * export default createConfig({ dir: import.meta.dirname, kind: 'domain' })
 */
export function createConfig({ dir, kind, allowedInternal = [], ignores = [] }) {
  const vue = kind === 'vue'
  return tseslint.config(
    { ignores: [...IGNORES, ...ignores] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    ...tseslint.configs.stylisticTypeChecked,
    ...(vue ? pluginVue.configs['flat/recommended'] : []),
    {
      languageOptions: {
        globals: { ...(kind === 'node' ? globals.node : {}), ...(vue ? globals.browser : {}) },
        parserOptions: {
          projectService: true,
          tsconfigRootDir: dir,
          ...(vue ? { parser: tseslint.parser, extraFileExtensions: ['.vue'] } : {}),
        },
      },
      plugins: { boundaries: boundariesPlugin },
      rules: {
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
        'boundaries/no-forbidden-import': ['error', { packageRoot: dir, allowedInternal }],
        'no-restricted-syntax': [
          'error',
          { selector: 'TSEnumDeclaration', message: 'Use an `as const` union, never `enum`.' },
          {
            selector: "MemberExpression[object.name='process'][property.name='env']",
            message: 'Read process.env only in env.ts.',
          },
        ],
      },
    },
    ...(vue
      ? [
          {
            files: ['**/*.vue'],
            languageOptions: { parserOptions: { parser: tseslint.parser } },
            rules: {
              'vue/multi-word-component-names': 'error',
              // Layout is Prettier's job; these stylistic rules would fight it.
              'vue/max-attributes-per-line': 'off',
              'vue/singleline-html-element-content-newline': 'off',
              'vue/multiline-html-element-content-newline': 'off',
              'vue/html-self-closing': 'off',
              'vue/html-indent': 'off',
              'vue/html-closing-bracket-newline': 'off',
              'vue/first-attribute-linebreak': 'off',
            },
          },
        ]
      : []),
    {
      files: ['**/env.ts', '**/*.config.ts', '**/*.config.js', 'scripts/**'],
      rules: { 'no-restricted-syntax': 'off' },
    },
    ...(kind === 'domain'
      ? [{ files: ['src/**/*.ts'], ignores: ['**/*.test.ts'], rules: domainRules }]
      : []),
    {
      files: ['**/*.test.ts', '**/*.spec.ts', '**/*.int.test.ts'],
      plugins: { vitest },
      rules: {
        ...vitest.configs.recommended.rules,
        'vitest/no-disabled-tests': 'error',
        'vitest/no-focused-tests': 'error',
        '@typescript-eslint/unbound-method': 'off',
        '@typescript-eslint/require-await': 'off',
      },
    },
    {
      files: ['**/*.js', '**/*.mjs'],
      ...tseslint.configs.disableTypeChecked,
    }
  )
}
