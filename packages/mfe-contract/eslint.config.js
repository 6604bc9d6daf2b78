import { createConfig } from '@partner-center/eslint-config'

export default [
  ...createConfig({
    dir: import.meta.dirname,
    kind: 'library',
    allowedInternal: [],
  }),
  {
    // Config files load the shared tooling packages; the package's own code still imports
    // nothing internal (architecture.md section 3).
    files: ['*.config.ts', '*.config.js'],
    rules: {
      'boundaries/no-forbidden-import': [
        'error',
        {
          packageRoot: import.meta.dirname,
          allowedInternal: ['@partner-center/eslint-config', '@partner-center/vitest-config'],
        },
      ],
    },
  },
]
