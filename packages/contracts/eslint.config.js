import { createConfig } from '@partner-center/eslint-config'

export default createConfig({
  dir: import.meta.dirname,
  kind: 'library',
  allowedInternal: ['@partner-center/domain'],
})
