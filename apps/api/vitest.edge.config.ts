import { vitestProject } from '@partner-center/vitest-config'
import { defineConfig } from 'vitest/config'

// The edge suite: the worker bundle of `check:worker` served by workerd (test/edge/README.md).
export default defineConfig({
  test: {
    ...vitestProject({ suite: 'edge' }),
    globalSetup: ['test/edge/support/bundle-worker.global.ts'],
  },
})
