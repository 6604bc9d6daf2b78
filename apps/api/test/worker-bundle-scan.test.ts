// The bundle check of `check:worker` (scripts/worker-bundle.mjs) on small made-up bundles: each
// rule finds what it names, allowances need their module, and an unused allowance is reported.
import { describe, expect, it } from 'vitest'
import { readUploadSize, scanWorkerBundle } from '../scripts/worker-bundle.mjs'

const bundle = (...lines: string[]) => lines.join('\n')

describe('the worker bundle scan', () => {
  it.each([
    ['eval', 'const x = eval("1 + 1")'],
    ['new Function', 'const f = new Function("a", "return a")'],
    ['Function call', 'const f = Function("return this")()'],
    ['Function alias', 'const F = Function; new F("")'],
    ['PGlite', 'import { PGlite } from "@electric-sql/pglite"'],
    ['timer at module scope', 'setInterval(() => sweep(), 60000);'],
    ['timer at module scope', 'globalThis.setTimeout(warm, 0);'],
    ['node: module outside nodejs_compat', 'import { Worker } from "node:worker_threads"'],
    ['node: module outside nodejs_compat', 'const v8 = await import("node:v8")'],
  ])('refuses %s', (rule, line) => {
    const scan = scanWorkerBundle(bundle('// src/app.ts', line), [])
    expect(scan.refused).toEqual([{ rule, module: 'src/app.ts', line: 2, text: line }])
  })

  it('passes what only looks alike: methods, names, path comments, nodejs_compat modules', () => {
    const scan = scanWorkerBundle(
      bundle(
        '// ../../node_modules/.pnpm/drizzle-orm@0.45.4_@electric-sql+pglite@0.5.17/node_modules/drizzle-orm/index.js',
        'db.eval(x); isFunction(y); const validationFunction = z;',
        '  timer = setTimeout(() => reject(busy), ms);',
        'import { AsyncLocalStorage } from "node:async_hooks"',
        'import { Buffer } from "node:buffer"; import { scrypt } from "node:crypto"'
      ),
      []
    )
    expect(scan.refused).toEqual([])
  })

  it('names the package module of a finding and lets only its allowance pass it', () => {
    const source = bundle(
      '// ../../node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/util.js',
      'const F = Function;',
      '// ../../node_modules/.pnpm/other@1.0.0/node_modules/other/index.js',
      'const G = Function;'
    )
    const allowance = { module: 'zod/v4/core/util.js', rule: 'Function alias', reason: 'probe' }
    const scan = scanWorkerBundle(source, [allowance])
    expect(scan.permitted.map((finding) => finding.module)).toEqual(['zod/v4/core/util.js'])
    expect(scan.refused.map((finding) => finding.module)).toEqual(['other/index.js'])
    expect(scan.stale).toEqual([])
  })

  it('reports an allowance that matched nothing, so the list cannot outlive its reason', () => {
    const allowance = { module: 'gone/index.js', rule: 'eval', reason: 'once needed' }
    expect(scanWorkerBundle(bundle('// src/app.ts', 'ok()'), [allowance]).stale).toEqual([
      allowance,
    ])
  })

  it("reads wrangler's upload line", () => {
    expect(readUploadSize('Total Upload: 2492.33 KiB / gzip: 502.42 KiB\n')).toEqual({
      totalKiB: 2492.33,
      gzipKiB: 502.42,
    })
    expect(() => readUploadSize('Build failed')).toThrow('no "Total Upload" line')
  })
})
