// Bundles the worker exactly as `wrangler deploy` would (wrangler's own esbuild step, run with
// --dry-run) and checks what a deploy would upload (issue 17 item 3): no code generation, no
// PGlite, no Node module outside nodejs_compat, and a size within budget.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const appDir = fileURLToPath(new URL('..', import.meta.url))

/** Where `check:worker` writes the bundle; the edge suite serves this file in workerd. */
export const WORKER_BUNDLE_DIR = join(appDir, 'dist-worker')

/**
 * The upload budget: twice the gzip size measured when the check was written. Cloudflare's
 * limit is on the compressed size: 3 MB on Workers Free and 10 MB on Workers Paid
 * (developers.cloudflare.com/workers/platform/limits, read 2026-12-06).
 */
export const UPLOAD_BUDGET = {
  measuredGzipKiB: 496.65,
  measuredOn: '2026-12-06',
  gzipKiB: 2 * 496.65,
  platformLimit: 'Workers Free 3 MB, Workers Paid 10 MB after compression (read 2026-12-06)',
}

/**
 * Node modules workerd provides under nodejs_compat (developers.cloudflare.com/workers/runtime-apis/nodejs,
 * read 2026-12-06). An import of any other `node:` module would fail when the worker loads.
 */
export const NODEJS_COMPAT_MODULES = new Set([
  'assert',
  'async_hooks',
  'buffer',
  'crypto',
  'diagnostics_channel',
  'dns',
  'events',
  'fs',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'querystring',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'url',
  'util',
  'zlib',
])

/**
 * @typedef {{ rule: string, module: string, line: number, text: string }} Finding
 * @typedef {{ module: string, rule: string, reason: string }} Allowance
 * @typedef {{ refused: Finding[], permitted: Finding[], stale: Allowance[] }} BundleScan
 * @typedef {{ file: string, source: string, totalKiB: number, gzipKiB: number }} WorkerBundle
 */

/** What the scan refuses, each with a test on one line of the bundle. */
/** @type {{ rule: string, test: (line: string) => boolean }[]} */
const RULES = [
  { rule: 'eval', test: (line) => /(?<![\w$.])eval\s*\(/.test(line) },
  { rule: 'new Function', test: (line) => /\bnew\s+Function\b/.test(line) },
  { rule: 'Function call', test: (line) => /(?<![\w$.])(?<!new\s+)Function\s*\(/.test(line) },
  // `const F = Function; new F(code)` hides the constructor from the two rules above.
  { rule: 'Function alias', test: (line) => /=\s*Function\s*[;,)]/.test(line) },
  { rule: 'PGlite', test: (line) => line.includes('@electric-sql/pglite') },
  // esbuild writes a module's top-level statements unindented: a timer there would start when the
  // isolate loads, outside any request, which workerd refuses.
  {
    rule: 'timer at module scope',
    test: (line) => /^(?:(?:globalThis|self)\.)?set(?:Timeout|Interval|Immediate)\s*\(/.test(line),
  },
  {
    rule: 'node: module outside nodejs_compat',
    test: (line) =>
      [...line.matchAll(/(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']node:([\w/]+)["']/g)].some(
        (match) => !NODEJS_COMPAT_MODULES.has((match[1] ?? '').split('/')[0] ?? '')
      ),
  },
]

/**
 * Matches a dependency needs, each named with why it cannot run on the worker. An allowance that
 * no longer matches anything fails the check too, so the list never outlives its reason.
 */
/** @type {readonly Allowance[]} */
export const ALLOWED_FINDINGS = [
  {
    module: 'zod/v4/core/util.js',
    rule: 'Function alias',
    reason:
      "zod's allowsEval probe: `new F('')` inside try/catch, and first it returns false when " +
      'navigator.userAgent names Cloudflare, so on workerd it never generates code',
  },
  {
    module: 'zod/v4/core/doc.js',
    rule: 'Function alias',
    reason: "zod's JIT (Doc.compile) runs only when allowsEval is true, which it is not on workerd",
  },
  {
    module: 'zod/v4/core/compile.js',
    rule: 'Function alias',
    reason:
      "zod's opt-in compile() API, kept in the bundle by the `z` namespace; nothing here calls it",
  },
]

/**
 * The module a bundle line belongs to: the path of the last `// path` banner above it.
 *
 * @param {string} line
 * @returns {string | null}
 */
function moduleBanner(line) {
  const match = /^\/\/ (\S+\.[cm]?[jt]sx?)$/.exec(line)
  if (!match) return null
  const path = match[1] ?? ''
  const inPackage = path.lastIndexOf('node_modules/')
  return inPackage >= 0 ? path.slice(inPackage + 'node_modules/'.length) : path
}

/**
 * Scans a bundled worker for what workerd refuses or what the worker must not carry. Returns
 * every match with its module and line, split into refused and allowed ones, and the allowances
 * that matched nothing.
 *
 * @example
 * scanWorkerBundle('// src/a.ts\nconst f = new Function("x")\n').refused
 * // [{ rule: 'new Function', module: 'src/a.ts', line: 2, text: 'const f = new Function("x")' }]
 * @param {string} source
 * @param {readonly Allowance[]} [allowed]
 * @returns {BundleScan}
 */
export function scanWorkerBundle(source, allowed = ALLOWED_FINDINGS) {
  /** @type {Finding[]} */
  const refused = []
  /** @type {Finding[]} */
  const permitted = []
  /** @type {Set<Allowance>} */
  const used = new Set()
  let module = '(bundle)'
  source.split('\n').forEach((text, index) => {
    module = moduleBanner(text) ?? module
    if (text.startsWith('//')) return
    for (const { rule, test } of RULES) {
      if (!test(text)) continue
      const finding = { rule, module, line: index + 1, text: text.trim().slice(0, 160) }
      const allowance = allowed.find((a) => a.rule === rule && module.endsWith(a.module))
      if (allowance) used.add(allowance)
      ;(allowance ? permitted : refused).push(finding)
    }
  })
  return { refused, permitted, stale: allowed.filter((allowance) => !used.has(allowance)) }
}

/**
 * Reads wrangler's "Total Upload: X KiB / gzip: Y KiB" line.
 *
 * @example
 * readUploadSize('Total Upload: 2492.33 KiB / gzip: 502.42 KiB') // { totalKiB: 2492.33, gzipKiB: 502.42 }
 * @param {string} output
 * @returns {{ totalKiB: number, gzipKiB: number }}
 */
export function readUploadSize(output) {
  const match = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(output)
  if (!match) throw new Error('wrangler printed no "Total Upload" line')
  return { totalKiB: Number(match[1]), gzipKiB: Number(match[2]) }
}

/**
 * Runs `wrangler deploy --dry-run --outdir` on wrangler.jsonc: the bundle a deploy would upload,
 * without uploading. Answers the bundle's path and wrangler's upload size.
 *
 * @param {string} [outdir]
 * @returns {Promise<WorkerBundle>}
 */
export function bundleWorker(outdir = WORKER_BUNDLE_DIR) {
  const wrangler = join(appDir, 'node_modules', '.bin', 'wrangler')
  return new Promise((resolve, reject) => {
    const child = spawn(wrangler, ['deploy', '--dry-run', '--outdir', outdir], {
      cwd: appDir,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`wrangler deploy --dry-run failed:\n${output}`))
      const file = join(outdir, 'worker.js')
      resolve({ file, source: readFileSync(file, 'utf8'), ...readUploadSize(output) })
    })
  })
}
