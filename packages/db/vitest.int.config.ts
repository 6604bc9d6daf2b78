import { vitestProject } from '@partner-center/vitest-config'
import { defineConfig } from 'vitest/config'

// PGlite start-up is CPU-bound WASM work that takes tens of seconds on a busy 2-core machine, so
// hooks (which create the database per file) get more time than the shared default.
export default defineConfig({
  test: { ...vitestProject({ suite: 'int', testTimeout: 60_000 }), hookTimeout: 180_000 },
})
