import { createConfig } from '@partner-center/eslint-config'

export default createConfig({
  dir: import.meta.dirname,
  kind: 'vue',
  allowedInternal: [
    '@partner-center/contracts',
    '@partner-center/domain',
    '@partner-center/email-templates',
    '@partner-center/mfe-contract',
  ],
})
