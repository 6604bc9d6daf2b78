import { vitestProject } from '@partner-center/vitest-config'
import { defineConfig } from 'vitest/config'

// The full suite (`pnpm --filter @partner-center/reliability run suite`): every fault repeated at
// least 20 times, the 60 s load and 10,000 hostile requests. Its report goes to results/, not to
// .reports/, so the README's test command never counts it.
export default defineConfig({
  test: {
    ...vitestProject({ suite: 'int', testTimeout: 1_800_000 }),
    include: ['test/**/*.int.test.ts'],
    fileParallelism: false,
    hookTimeout: 180_000,
    env: { RELIABILITY_PROFILE: 'full' },
    globalSetup: ['./test/global-setup.ts'],
    outputFile: { json: '.reports/suite-full.json' },
  },
})
