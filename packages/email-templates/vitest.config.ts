import { vitestProject } from '@partner-center/vitest-config'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({ plugins: [vue()], test: vitestProject({ suite: 'unit' }) })
