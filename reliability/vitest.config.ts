import { vitestProject } from '@partner-center/vitest-config'
import { defineConfig } from 'vitest/config'

// The fast subset (README test command): the same files as the full suite, small counts.
export default defineConfig({
  test: {
    ...vitestProject({ suite: 'int', testTimeout: 180_000 }),
    include: ['test/**/*.int.test.ts'],
    fileParallelism: false,
    hookTimeout: 120_000,
    globalSetup: ['./test/global-setup.ts'],
  },
})
