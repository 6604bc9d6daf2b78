import { createConfig } from '@partner-center/eslint-config'

export default createConfig({
  dir: import.meta.dirname,
  kind: 'node',
  ignores: ['results/**', '.runs/**'],
})
