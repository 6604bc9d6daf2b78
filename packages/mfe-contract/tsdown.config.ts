import { defineConfig } from 'tsdown'

// ESM JavaScript and declarations in dist/, one file per source module (unbundle), so consumers'
// bundlers tree-shake as they would the source. Tests are not entries, so they never ship.
export default defineConfig({
  entry: ['src/index.ts', 'src/testing/index.ts'],
  format: 'esm',
  platform: 'neutral',
  unbundle: true,
  dts: true,
  sourcemap: true,
  clean: true,
})
