import vue from '@vitejs/plugin-vue'
import { vitestProject } from '@partner-center/vitest-config'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [vue()],
  test: vitestProject({ suite: 'unit', environment: 'happy-dom' }),
})
