import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const nodeVersionFile = readFileSync(new URL('../../../.node-version', import.meta.url), 'utf8')

describe('the project runtime', () => {
  it('names one exact Node.js 24 release in .node-version', () => {
    expect(nodeVersionFile.trim()).toMatch(/^24\.\d+\.\d+$/)
  })

  it('runs this suite on that release (the test command re-executes itself on it)', () => {
    expect(process.versions.node).toBe(nodeVersionFile.trim())
  })
})
