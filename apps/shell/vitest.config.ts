import vue from '@vitejs/plugin-vue'
import { vitestProject } from '@partner-center/vitest-config'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [vue()],
  test: {
    ...vitestProject({ suite: 'unit', environment: 'happy-dom', testTimeout: 30_000 }),
    // Element Plus ships ES modules that import their CSS; let Vite transform them.
    server: { deps: { inline: [/element-plus/] } },
  },
})
