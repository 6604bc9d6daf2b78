import { createConfig } from '@partner-center/eslint-config'

export default createConfig({
  dir: import.meta.dirname,
  kind: 'node',
  // The worker bundle of `check:worker` and wrangler's scratch folder are build output.
  ignores: ['dist-worker/**', '.wrangler/**'],
  allowedInternal: [
    '@partner-center/contracts',
    '@partner-center/db',
    '@partner-center/domain',
    '@partner-center/email-templates',
  ],
})
