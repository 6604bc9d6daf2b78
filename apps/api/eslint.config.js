import { createConfig } from '@partner-center/eslint-config'

export default createConfig({
  dir: import.meta.dirname,
  kind: 'node',
  allowedInternal: [
    '@partner-center/contracts',
    '@partner-center/db',
    '@partner-center/domain',
    '@partner-center/email-templates',
  ],
})
