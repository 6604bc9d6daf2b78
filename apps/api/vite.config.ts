import { cpSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sourceConditions } from '@partner-center/tsconfig/source-conditions'
import { defaultServerConditions, defineConfig, type Plugin } from 'vite'

const migrationsSource = fileURLToPath(new URL('../../packages/db/migrations', import.meta.url))
const migrationsTarget = fileURLToPath(new URL('./dist/migrations', import.meta.url))

/** Copies the committed SQL migrations beside the bundle; the entries pass that path explicitly. */
function copyMigrations(): Plugin {
  return {
    name: 'pc-copy-migrations',
    closeBundle() {
      cpSync(migrationsSource, migrationsTarget, { recursive: true })
    },
  }
}

// Vite's SSR build bundles the three Node entries with @partner-center/* inlined and every other
// dependency left to node_modules (architecture.md §3).
export default defineConfig({
  plugins: [copyMigrations()],
  // email-templates is the exception: it is prebuilt (Vue SFCs) and stays external.
  ssr: {
    noExternal: [/^@partner-center\/(?!email-templates)/],
    // The workspace's packages from their sources (tooling/tsconfig/source-conditions.mjs).
    resolve: { conditions: [...sourceConditions(), ...defaultServerConditions] },
  },
  build: {
    ssr: true,
    target: 'node24',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        server: 'src/server.ts',
        dispatcher: 'src/dispatcher.ts',
        migrate: 'src/migrate.ts',
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
})
