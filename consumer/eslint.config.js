import { createConfig } from '@partner-center/eslint-config'

export default createConfig({
  dir: import.meta.dirname,
  kind: 'node',
  // The other team's project: type-checked by its own tsc in the scratch project (NodeNext).
  ignores: ['fixture/**'],
})
