import { vitestProject } from '@partner-center/vitest-config'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    ...vitestProject({ suite: 'unit', environment: 'happy-dom' }),
    // happy-dom loads no CSS files; report them as loaded (as a browser would) instead of
    // failing every injected stylesheet. Tests of the failure path switch this off.
    environmentOptions: { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: true } } },
  },
})
