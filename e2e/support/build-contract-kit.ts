import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const entry = fileURLToPath(new URL('../harness/contract-kit-entry.ts', import.meta.url))
const outDir = fileURLToPath(new URL('../.harness', import.meta.url))

/** Bundles the contract kit into one browser module; returns its path. */
export async function buildContractKit(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry, formats: ['es'], fileName: () => 'contract-kit.js' },
    },
  })
  return `${outDir}/contract-kit.js`
}
