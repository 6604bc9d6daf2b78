import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freeLoopbackPorts } from '../src/free-ports'
import { publishPackages, type Publication } from '../src/publish-packages'
import { writeReadmeExamples } from '../src/readme-examples'
import { createScratchProject, type ScratchProject } from '../src/scratch-project'
import { startSystem, type RunningSystem } from '../src/system'
import { startVerdaccio, type RunningVerdaccio } from '../src/verdaccio'
import { mountInChromium, type MountReport } from '../src/mount-in-chromium'
import { startLongRunning, waitForUrl, type LongRunning } from '../src/long-running'
import { childEnv } from '../env'

const consumerDir = fileURLToPath(new URL('..', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))

// Everything runs once, in order; each test then checks one outcome. A step that fails fails the
// file with its message (one failed suite in the report, which the test command counts).
let workDir: string
let registry: RunningVerdaccio | undefined
let systemStart: Promise<RunningSystem> | undefined
let system: RunningSystem | undefined
let hostServer: LongRunning | undefined
let publication: Publication
let project: ScratchProject
let hostOrigin: string
const seedTokenSecret = randomBytes(24).toString('base64url')
const stepSeconds: Record<string, number> = {}

async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now()
  try {
    return await work()
  } finally {
    stepSeconds[step] = Math.round((performance.now() - started) / 100) / 10
  }
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'pc-consumer-'))
  const [registryPort, api, mfe, shell, portal, host] = await freeLoopbackPorts(6)
  hostOrigin = `http://127.0.0.1:${host}`
  // The system's start (migrations, seed) overlaps publishing and the npm install.
  systemStart = timed('system start', () =>
    startSystem({
      root,
      ports: { api: api!, mfe: mfe!, shell: shell!, portal: portal! },
      corsAllowedOrigins: [hostOrigin],
      seedTokenSecret,
    })
  )
  systemStart.catch(() => undefined) // awaited below; not unhandled while the others run
  registry = await timed('verdaccio start', () =>
    startVerdaccio({ port: registryPort!, workDir: join(workDir, 'registry') })
  )
  const { url, token, instance } = registry
  publication = await timed('publish', () =>
    publishPackages({ root, registryUrl: url, registryInstance: instance, token, workDir })
  )
  project = await timed('npm install', () =>
    createScratchProject({
      fixtureDir: join(consumerDir, 'fixture'),
      workDir,
      registryUrl: url,
      packages: publication.packages,
      npmCache: join(consumerDir, 'node_modules', '.cache', 'scratch-npm'),
    })
  )
  system = await systemStart
})

afterAll(async () => {
  await hostServer?.stop()
  // Started even when an earlier step failed: stop it whether or not it was awaited there.
  await (system ?? (await systemStart?.catch(() => undefined)))?.stop()
  await registry?.stop()
  if (workDir) rmSync(workDir, { recursive: true, force: true })
  console.log(`consumer test steps (s): ${JSON.stringify(stepSeconds)}`)
})

describe('the published packages, installed by a project outside the workspace', () => {
  it('publishes only to the Verdaccio it started on a loopback address', () => {
    expect(publication.registry.url).toBe(registry!.url)
    expect(publication.registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(publication.registry.poweredBy).toMatch(/^verdaccio\/\d+\.\d+\.\d+ /)
    expect(publication.registry.poweredBy).toContain(registry!.instance)
    for (const { manifest } of publication.packages) {
      expect(manifest.dist.tarball.startsWith(registry!.url)).toBe(true)
    }
  })

  it('publishes real versions (no workspace: or catalog: left) and only built files', () => {
    const summary = publication.packages.map(({ name, version, tarball }) => ({
      name,
      version,
      bytes: tarball.bytes,
      files: tarball.files.length,
    }))
    console.log(`published: ${JSON.stringify(summary)}`)
    for (const { name, version, manifest, tarball } of publication.packages) {
      const own = JSON.parse(
        readFileSync(join(root, 'packages', name.split('/')[1]!, 'package.json'), 'utf8')
      ) as { version: string }
      expect(manifest.version).toBe(own.version)
      expect(version).toBe(own.version)
      const specs = Object.values({ ...manifest.dependencies, ...manifest.peerDependencies })
      expect(specs.filter((spec) => /^(workspace|catalog):/.test(spec))).toEqual([])
      const paths = tarball.files.map((file) => file.path)
      expect(paths).toContain('package/package.json')
      expect(paths).toEqual(
        expect.arrayContaining(['package/README.md', 'package/LICENSE', 'package/CHANGELOG.md'])
      )
      const outside = paths.filter(
        (path) => !/^package\/(dist\/.+|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(path)
      )
      expect(outside).toEqual([])
      expect(paths.filter((path) => /\.test\.|\/src\//.test(path))).toEqual([])
      // Every file an export condition names is in the tarball.
      const targets = exportTargets(manifest.exports)
      expect(targets.length).toBeGreaterThan(0)
      for (const target of targets) expect(paths).toContain(`package/${target.slice(2)}`)
    }
    // Internal dependencies point at the exact published version.
    const contracts = publication.packages.find((p) => p.name === '@partner-center/contracts')
    const domain = publication.packages.find((p) => p.name === '@partner-center/domain')
    expect(contracts?.manifest.dependencies?.['@partner-center/domain']).toBe(domain?.version)
  })

  it('installs with npm: @partner-center/* from Verdaccio, everything else from npm, all pinned', () => {
    expect(relative(root, project.dir).startsWith('..')).toBe(true)
    const manifest = JSON.parse(readFileSync(join(project.dir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
      devDependencies: Record<string, string>
    }
    const specs = { ...manifest.dependencies, ...manifest.devDependencies }
    expect(Object.keys(manifest.dependencies).sort()).toEqual(
      publication.packages.map((p) => p.name).sort()
    )
    for (const spec of Object.values(specs)) expect(spec).toMatch(/^\d+\.\d+\.\d+$/)
    expect(readFileSync(join(project.dir, '.npmrc'), 'utf8')).toBe(
      `@partner-center:registry=${registry!.url}\n`
    )
    const entries = Object.entries(project.lockfile().packages).filter(([path]) => path !== '')
    const ours = entries.filter(([path]) => path.includes('node_modules/@partner-center/'))
    expect(ours.map(([path]) => path).sort()).toEqual(
      publication.packages.map((p) => `node_modules/${p.name}`).sort()
    )
    for (const [, entry] of ours) {
      expect(entry.link).toBeUndefined()
      expect(entry.resolved?.startsWith(registry!.url)).toBe(true)
    }
    const elsewhere = entries.filter(([path]) => !path.includes('node_modules/@partner-center/'))
    expect(elsewhere.length).toBeGreaterThan(0)
    for (const [path, entry] of elsewhere) {
      expect({ path, resolved: entry.resolved?.startsWith('https://registry.npmjs.org/') }).toEqual(
        {
          path,
          resolved: true,
        }
      )
    }
  })

  it('type-checks the Node script and the Vite app with tsc (strict, NodeNext for the script)', async () => {
    const result = await timed('tsc', () => project.run('typecheck'))
    expect(`${result.stdout}${result.stderr}`).toBe('')
    expect(result.code).toBe(0)
  })

  it('type-checks the example of every published README, as the consumer reads it', async () => {
    const names = publication.packages.map((published) => published.name)
    expect(writeReadmeExamples(project.dir, names)).toEqual([])
    const result = await timed('tsc readme', () => project.run('typecheck:readme'))
    expect(`${result.stdout}${result.stderr}`).toBe('')
    expect(result.code).toBe(0)
  })

  it('runs the Node script: an acceptance, a masked email, the zh-CN email and the API', async () => {
    const result = await timed('node check.ts', () =>
      project.run('check', {
        CONSUMER_API_BASE_URL: system!.apiBaseUrl,
        CONSUMER_SEED_TOKEN_SECRET: seedTokenSecret,
      })
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const output = JSON.parse(result.stdout) as CheckOutput
    expect(output.domain).toEqual({
      accepted: { type: 'reseller', payer: 'PARTNER', frozenPendingBudget: true },
      refused: { code: 'UNPAID_BILLS', record: true },
      maskedEmail: 'n***@customer.example',
      linkExpiredZh: '该邀请链接已过期。',
    })
    expect(output.email.htmlLang).toBe('zh-CN')
    expect(output.email.htmlHasLink).toBe(true)
    expect(output.email.subject).toContain('Alpha Partner')
    expect(output.email.subject).toContain('Example Cloud')
    expect(output.email.text).toContain('2025年1月22日')
    expect(output.api.signedInAs).toBe('admin@acme.example')
    expect(output.api.partnerName).toBe('Acme Cloud Services')
    expect(output.api.total).toBeGreaterThanOrEqual(5)
    expect(output.api.emails).toHaveLength(5)
    // The list is masked by the API (domain.md §7): no full address reaches another team.
    const emails = output.api.emails.filter((email) => email !== null)
    expect(emails.length).toBeGreaterThan(0)
    for (const email of emails) expect(email).toMatch(/^[^@*]\*\*\*@/)
    for (const name of output.api.customerNames) expect(name).toMatch(/^\S\*\*\*$/)
    // Seeded invitation P03-1 (domain.md §10.3), resolved through its derived demo token.
    expect(output.api.resolved).toEqual({
      partnerName: 'Acme Cloud Services',
      associationType: 'referral',
      invitedEmail: 'fresh.eligible@customer.example',
      locale: 'en',
    })
    expect(output.api.unknownLink).toEqual({ code: 'LINK_NOT_FOUND', status: 404 })
  })

  it("mounts the module from its manifest in another team's Vite app, calling the API across origins", async () => {
    const build = await timed('vite build', () =>
      project.run('build:app', {
        VITE_PARTNER_CENTER_API: system!.apiBaseUrl,
        VITE_CUSTOMER_DEVELOPMENT_MANIFEST: system!.manifestUrl,
      })
    )
    expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0)
    const port = new URL(hostOrigin).port
    hostServer = startLongRunning(
      process.execPath,
      [
        join(project.dir, 'node_modules', 'vite', 'bin', 'vite.js'),
        'preview',
        'app',
        '--host',
        '127.0.0.1',
        '--port',
        port,
        '--strictPort',
      ],
      { cwd: project.dir, env: childEnv() }
    )
    await waitForUrl(`${hostOrigin}/`, hostServer, 30_000)

    const report: MountReport = await timed('chromium', () =>
      mountInChromium({ hostOrigin, email: 'admin@acme.example', password: 'Passw0rd!demo' })
    )
    const apiOrigin = new URL(system!.apiBaseUrl).origin
    const moduleOrigin = new URL(system!.manifestUrl).origin
    expect(new Set([hostOrigin, apiOrigin, moduleOrigin]).size).toBe(3)
    expect(report.status).toBe('mounted for admin@acme.example')
    expect(report.maskedEmails.length).toBeGreaterThan(0)
    for (const email of report.maskedEmails) expect(email).toMatch(/^[^@*]\*\*\*@/)
    // The module's files came from its own origin, the list from the API's, granted by CORS.
    expect(report.requests.some((r) => r.url === system!.manifestUrl)).toBe(true)
    expect(report.requests.some((r) => r.origin === moduleOrigin && r.url.endsWith('.js'))).toBe(
      true
    )
    const list = report.requests.filter((r) =>
      r.url.includes('/v1/customer-development/preregistrations?')
    )
    expect(list.length).toBeGreaterThan(0)
    for (const request of list) {
      expect(request).toMatchObject({ origin: apiOrigin, status: 200, allowOrigin: hostOrigin })
    }
    // The manifest is fetched across origins too: the module's server grants it.
    const manifest = report.requests.find((r) => r.url === system!.manifestUrl)
    expect([hostOrigin, '*']).toContain(manifest?.allowOrigin)
    // The API grants exactly the configured origin, not any origin.
    const stranger = await fetch(`${system!.apiBaseUrl}/health`, {
      headers: { origin: 'http://127.0.0.1:9' },
    })
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull()
    expect(report.pageErrors).toEqual([])
    expect(report.consoleErrors).toEqual([])
  })
})

/** The file paths an `exports` map names (its string leaves), e.g. `./dist/index.js`. */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports]
  if (exports === null || typeof exports !== 'object') return []
  return Object.values(exports).flatMap(exportTargets)
}

/** What fixture/check.ts prints. */
interface CheckOutput {
  domain: {
    accepted: { type: string; payer: string; frozenPendingBudget: boolean } | null
    refused: { code: string; record: boolean } | null
    maskedEmail: string
    linkExpiredZh: string
  }
  email: { subject: string; htmlHasLink: boolean; htmlLang: string | null; text: string }
  api: {
    signedInAs: string
    partnerName: string | null
    total: number
    emails: (string | null)[]
    customerNames: string[]
    resolved: { partnerName: string; associationType: string; invitedEmail: string; locale: string }
    unknownLink: { code: string; status: number } | null
  }
}
