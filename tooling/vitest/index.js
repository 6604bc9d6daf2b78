import { fileURLToPath } from 'node:url'

const setupFile = fileURLToPath(new URL('./setup.js', import.meta.url))

/**
 * The shared vitest settings of one workspace project: two workers at most (2-core machines),
 * a JSON report in `.reports/<suite>.json` that the test command totals, and the
 * `expect.hasAssertions()` guard.
 *
 * @param {{ suite?: 'unit' | 'int' | 'edge', environment?: 'node' | 'happy-dom', include?: string[], exclude?: string[], testTimeout?: number, coverage?: object, setupFiles?: string[] }} options
 * @example
 * export default defineConfig({ test: vitestProject({ suite: 'unit' }) })
 */
export function vitestProject({
  suite = 'unit',
  environment = 'node',
  include,
  exclude = [],
  testTimeout,
  coverage,
  setupFiles = [],
} = {}) {
  const defaultInclude = {
    unit: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    int: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
    // The API served by workerd (apps/api/test/edge): a suite of its own, after the build.
    edge: ['test/**/*.edge.test.ts'],
  }[suite]
  const slow = suite !== 'unit'
  return {
    include: include ?? defaultInclude,
    exclude: [
      '**/node_modules/**',
      '**/dist/**',
      ...(suite === 'unit' ? ['**/*.int.test.ts'] : []),
      ...(suite !== 'edge' ? ['**/*.edge.test.ts'] : []),
      ...exclude,
    ],
    environment,
    maxWorkers: 2,
    setupFiles: [setupFile, ...setupFiles],
    reporters: ['default', 'json'],
    outputFile: { json: `.reports/${suite}.json` },
    testTimeout: testTimeout ?? (slow ? 30_000 : 5_000),
    hookTimeout: slow ? 60_000 : 10_000,
    ...(coverage ? { coverage } : {}),
  }
}
