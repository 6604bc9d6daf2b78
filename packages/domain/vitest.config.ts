import { vitestProject } from '@partner-center/vitest-config'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: vitestProject({
    suite: 'unit',
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts'],
      thresholds: { lines: 95, branches: 95, functions: 95, statements: 95 },
      reporter: ['text-summary', 'json-summary'],
    },
  }),
})
