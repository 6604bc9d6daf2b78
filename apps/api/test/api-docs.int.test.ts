// Issue 18 item 7: /api/docs serves Scalar's reference with its bundle from the API's own origin,
// under a CSP that runs scripts by nonce only; off in production unless API_DOCS=on.
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScalarScriptLoader, scalarStandalonePath } from '../src/api-reference-script'
import { createApp } from '../src/app'
import { createApiReferencePage } from '../src/routes/api-reference'
import { configFromEnv } from '../src/config'
import type { AppConfig, AppDeps } from '../src/deps'
import { readEnv } from '../src/env'
import { cspDirectives, type TestApp } from './helpers'
import { createTestApp } from './test-app'

/** Every URL the page's markup names (`src`, `href`, `action`, `url(…)`, `"url": …`). */
function urlsOf(html: string): string[] {
  return [
    ...[...html.matchAll(/\b(?:src|href|action)\s*=\s*"([^"]*)"/g)].map((m) => m[1] ?? ''),
    ...[...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1] ?? ''),
    ...[...html.matchAll(/"url":"([^"]*)"/g)].map((m) => m[1] ?? ''),
  ]
}

/**
 * Asserts the page names no other origin: no scheme and no protocol-relative `//host` outside its
 * nonces. A nonce is base64, so a random one can hold `//` followed by a letter (CI once drew
 * `djZebyjC9g6P9//XbQNchA==`); it is not a URL and is left out.
 */
function expectNoOtherOrigin(html: string): void {
  const withoutNonces = html.replace(/\bnonce="[^"]*"/g, 'nonce=""')
  expect(withoutNonces).not.toMatch(/https?:|\/\/[a-z]/i)
}

/** The Scalar settings the page passes to `createApiReference`. */
function scalarSettingsOf(html: string): Record<string, unknown> {
  const json = /createApiReference\('#reference', \{ \.\.\.(\{.*\}), servers:/.exec(html)?.[1]
  if (!json) throw new Error(`no Scalar settings in the page:\n${html}`)
  return JSON.parse(json) as Record<string, unknown>
}

const BUNDLE = readFileSync(scalarStandalonePath())
const BUNDLE_DIGEST = createHash('sha256').update(BUNDLE).digest('hex').slice(0, 16)

let t: TestApp
/** The app as server.ts builds it outside production, with the bundle from node_modules. */
let node: ReturnType<typeof createApp>
const loadScript = createScalarScriptLoader()

/** The app with other settings, the test database and the same bundle loader. */
function appWith(config: Partial<AppConfig>, deps: Partial<AppDeps> = {}) {
  return createApp({
    ...t.deps,
    apiReferenceScript: loadScript,
    ...deps,
    config: { ...t.deps.config, ...config },
  })
}

/** Status and error code of each path's answer (null when the answer is not an error). */
async function answersOf(app: ReturnType<typeof createApp>, paths: string[]) {
  return Promise.all(
    paths.map(async (path) => {
      const response = await app.request(path)
      const body = response.headers.get('content-type')?.startsWith('application/json')
        ? ((await response.json()) as { error?: { code: string } })
        : {}
      return [response.status, body.error?.code ?? null]
    })
  )
}

beforeAll(async () => {
  t = await createTestApp()
  node = appWith({ apiDocs: true })
})
afterAll(async () => {
  await t.close()
})

describe('the API reference page (issue 18 item 7)', () => {
  it("is Scalar's page, naming only assets of the API's own origin: its bundle and the document", async () => {
    const response = await node.request('/api/docs')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8')
    expect(response.headers.get('cache-control')).toBe('no-store')
    const html = await response.text()
    const urls = urlsOf(html)
    expect(urls.sort()).toEqual(['/api/docs/scalar.js?v=' + BUNDLE_DIGEST, '/api/openapi.json'])
    // Root-relative paths of this origin: no scheme, no protocol-relative `//host`.
    for (const url of urls) expect(url).toMatch(/^\/(?!\/)/)
    expectNoOtherOrigin(html)
    // No font download, no request proxy, no telemetry, no AI agent or MCP panel.
    const settings = scalarSettingsOf(html)
    expect(settings).toMatchObject({
      url: '/api/openapi.json',
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      mcp: { disabled: true },
    })
    expect(settings).not.toHaveProperty('proxyUrl')
    expect(settings).not.toHaveProperty('proxy')
    // Try-it calls the origin that served the page.
    expect(html).toContain('servers: [{ url: location.origin }]')
  })

  it('names no other origin whatever nonce it draws, and still catches one that it names', () => {
    // The nonce CI drew when the check above read `//X` inside it as a protocol-relative URL.
    const page = createApiReferencePage({
      scriptUrl: '/api/docs/scalar.js',
      nonce: 'djZebyjC9g6P9//XbQNchA==',
    })
    expectNoOtherOrigin(page)
    const elsewhere = createApiReferencePage({
      scriptUrl: '//cdn.example/scalar.js',
      nonce: 'AAAA',
    })
    expect(() => expectNoOtherOrigin(elsewhere)).toThrow()
  })

  it('runs scripts only by a fresh per-response nonce, never eval, and fetches only its origin', async () => {
    const first = await node.request('/api/docs')
    const second = await node.request('/api/docs')
    const csp = cspDirectives(first.headers.get('content-security-policy'))
    expect(csp.get('default-src')).toEqual(["'none'"])
    const scriptSources = csp.get('script-src') ?? []
    expect(scriptSources).toHaveLength(1)
    expect(scriptSources[0]).toMatch(/^'nonce-[A-Za-z0-9+/]{22,}={0,2}'$/)
    expect(csp.get('connect-src')).toEqual(["'self'"])
    // Scalar's components render style elements and attributes no nonce reaches.
    expect(csp.get('style-src')).toEqual(["'unsafe-inline'"])
    // Fonts, images, frames, workers and plugins fall back to default-src 'none'.
    const loads = ['font-src', 'img-src', 'frame-src', 'worker-src', 'object-src']
    expect(loads.filter((directive) => csp.has(directive))).toEqual([])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(first.headers.get('x-content-type-options')).toBe('nosniff')

    const nonce = scriptSources[0]!.slice("'nonce-".length, -1)
    const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts).toHaveLength(3)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    const secondScripts = cspDirectives(second.headers.get('content-security-policy')).get(
      'script-src'
    )
    expect(secondScripts).not.toEqual(scriptSources)
  })

  it('sends HSTS with the page when PUBLIC_BASE_URL is https', async () => {
    const secure = appWith({ apiDocs: true, publicBaseUrl: 'https://partners.example.com' })
    const response = await secure.request('/api/docs')
    expect(response.status).toBe(200)
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000')
  })
})

describe("Scalar's bundle at /api/docs/scalar.js", () => {
  it('is the standalone bundle of node_modules as JavaScript, gzip-compressed when accepted', async () => {
    const url = `/api/docs/scalar.js?v=${BUNDLE_DIGEST}`
    const gzipped = await node.request(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(gzipped.status).toBe(200)
    expect(gzipped.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(gzipped.headers.get('x-content-type-options')).toBe('nosniff')
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(gzipped.headers.get('vary')).toBe('accept-encoding')
    const compressed = Buffer.from(await gzipped.arrayBuffer())
    expect(compressed.length).toBeLessThan(BUNDLE.length / 2)
    expect(gunzipSync(compressed).equals(BUNDLE)).toBe(true)

    const plain: Record<string, { encoding: string | null; bundle: boolean }> = {}
    for (const acceptEncoding of ['identity', 'gzip;q=0, identity', '']) {
      const answer = await node.request(url, { headers: { 'accept-encoding': acceptEncoding } })
      plain[acceptEncoding] = {
        encoding: answer.headers.get('content-encoding'),
        bundle: Buffer.from(await answer.arrayBuffer()).equals(BUNDLE),
      }
    }
    const asIs = { encoding: null, bundle: true }
    expect(plain).toEqual({ identity: asIs, 'gzip;q=0, identity': asIs, '': asIs })
  })

  it('may be cached for a year under the digest the page names, and revalidated under any other', async () => {
    const named = await node.request(`/api/docs/scalar.js?v=${BUNDLE_DIGEST}`)
    expect(named.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const others = ['/api/docs/scalar.js?v=0000000000000000', '/api/docs/scalar.js']
    const answers: [number, string | null][] = []
    for (const path of others) {
      const other = await node.request(path)
      answers.push([other.status, other.headers.get('cache-control')])
    }
    expect(answers).toEqual([
      [200, 'public, max-age=0, must-revalidate'],
      [200, 'public, max-age=0, must-revalidate'],
    ])
  })
})

describe('API_DOCS: off in production unless set to on', () => {
  /** The README's production variables, valid for readEnv. */
  const production = {
    APP_ENV: 'production',
    DATABASE_URL: 'postgres://db.example/partner_center',
    SMTP_URL: 'smtp://mail.example:587',
    PUBLIC_BASE_URL: 'https://partners.example.com',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  }
  const apiDocsOf = (env: Record<string, string>) => configFromEnv(readEnv(env)).apiDocs

  it('is on outside production and off in production, unless API_DOCS says otherwise', () => {
    expect(apiDocsOf({ APP_ENV: 'development' })).toBe(true)
    expect(apiDocsOf({ APP_ENV: 'test' })).toBe(true)
    expect(apiDocsOf({ APP_ENV: 'development', API_DOCS: 'off' })).toBe(false)
    expect(apiDocsOf(production)).toBe(false)
    expect(apiDocsOf({ ...production, API_DOCS: 'off' })).toBe(false)
    expect(apiDocsOf({ ...production, API_DOCS: 'on' })).toBe(true)
    expect(() => readEnv({ APP_ENV: 'development', API_DOCS: 'yes' })).toThrow(/API_DOCS/)
  })

  it('answers 404 NOT_FOUND for the page and the bundle when off, and keeps the OpenAPI document', async () => {
    const off = appWith({
      appEnv: 'production',
      apiDocs: configFromEnv(readEnv(production)).apiDocs,
    })
    expect(await answersOf(off, ['/api/docs', `/api/docs/scalar.js?v=${BUNDLE_DIGEST}`])).toEqual([
      [404, 'NOT_FOUND'],
      [404, 'NOT_FOUND'],
    ])
    expect((await off.request('/api/openapi.json')).status).toBe(200)

    const on = appWith({
      appEnv: 'production',
      apiDocs: configFromEnv(readEnv({ ...production, API_DOCS: 'on' })).apiDocs,
    })
    expect((await on.request('/api/docs')).status).toBe(200)
    expect((await on.request(`/api/docs/scalar.js?v=${BUNDLE_DIGEST}`)).status).toBe(200)
  })

  it('answers 404 on an entry that cannot read the bundle (the worker), even when on', async () => {
    const worker = appWith({ apiDocs: true }, { apiReferenceScript: undefined })
    expect(await answersOf(worker, ['/api/docs', '/api/docs/scalar.js'])).toEqual([
      [404, 'NOT_FOUND'],
      [404, 'NOT_FOUND'],
    ])
  })
})
