import { createConfig } from '@partner-center/eslint-config'

export default createConfig({
  dir: import.meta.dirname,
  kind: 'node',
  allowedInternal: ['@partner-center/contracts', '@partner-center/mfe-contract'],
  ignores: ['test-results/**', 'playwright-report/**', '.harness/**'],
})
