import type { InlineConfig } from 'vitest/node'

export interface VitestProjectOptions {
  suite?: 'unit' | 'int' | 'edge'
  environment?: 'node' | 'happy-dom'
  include?: string[]
  exclude?: string[]
  testTimeout?: number
  coverage?: InlineConfig['coverage']
  setupFiles?: string[]
}

/** The shared vitest settings of one workspace project (see index.js). */
export function vitestProject(options?: VitestProjectOptions): InlineConfig
