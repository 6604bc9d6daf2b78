import { vitestProject } from '@partner-center/vitest-config'
import { defineConfig } from 'vitest/config'

// One report, `.reports/consumer.json`, which the README's test command totals. The files run
// one after another: the published-packages suite starts a registry, the system and Chromium.
export default defineConfig({
  test: {
    ...vitestProject({ suite: 'int', include: ['test/**/*.test.ts'], testTimeout: 120_000 }),
    outputFile: { json: '.reports/consumer.json' },
    fileParallelism: false,
    // Publishing, an npm install from two registries and the system's start.
    hookTimeout: 420_000,
  },
})
