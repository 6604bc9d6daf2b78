/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = dirname(fileURLToPath(import.meta.url))
const IMPORT = /^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm

/** Every file and bare import reachable from an entry through its (non-type) imports. */
function graphOf(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    // Comments go first: JSDoc examples show imports that are not part of the graph.
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    for (const [statement, source = ''] of text.matchAll(IMPORT)) {
      if (/^(?:import|export) type\s/.test(statement)) continue
      if (!source.startsWith('.')) packages.add(source)
      else visit(join(dirname(file), `${source}.ts`).replace(/\/index\.ts\.ts$/, '/index.ts'))
    }
  }
  visit(join(SRC, entry))
  return { files: [...files].map((f) => relative(SRC, f)).sort(), packages: [...packages] }
}

describe('package entries (architecture.md §3)', () => {
  it('keeps the main entry free of the phone entry and of any dependency', () => {
    const main = graphOf('index.ts')
    expect(main.files.length).toBeGreaterThan(40)
    expect(main.files.filter((file) => file.startsWith('phone/'))).toEqual([])
    expect(main.packages).toEqual([])
  })

  it('lets the phone entry import libphonenumber-js/min and nothing else', () => {
    expect(graphOf('phone/index.ts').packages).toEqual(['libphonenumber-js/min'])
  })
})
