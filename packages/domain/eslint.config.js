import { createConfig, domainRules } from '@partner-center/eslint-config'

const [, { patterns }] = domainRules['no-restricted-imports']

export default [
  ...createConfig({
    dir: import.meta.dirname,
    kind: 'domain',
    allowedInternal: [],
  }),
  // The main entry never reaches the phone entry, so it stays free of libphonenumber-js.
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/phone/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...patterns,
            {
              regex: '(^|/)phone(/|$)',
              message: 'Only the phone entry imports libphonenumber-js; take a MobileNormalizer.',
            },
          ],
        },
      ],
    },
  },
  // The phone entry (`@partner-center/domain/phone`) may import the package's one dependency.
  {
    files: ['src/phone/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/|libphonenumber-js/min$)',
              message: 'The phone entry imports only libphonenumber-js/min.',
            },
          ],
        },
      ],
    },
  },
]
