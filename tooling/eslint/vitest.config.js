import { vitestProject } from '@partner-center/vitest-config'
import { defineConfig } from 'vitest/config'

export default defineConfig({ test: vitestProject({ suite: 'unit', include: ['*.test.js'] }) })
