/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { createApiClient } from './client'
import {
  ADMIN_ROUTES,
  API_ROUTES,
  AUTH_ROUTES,
  OPERATIONS_ROUTES,
  PARTNER_ROUTES,
  PUBLIC_ROUTES,
  idempotencyHeaders,
  pathOf,
  type ApiRoute,
} from './routes'

const SRC = dirname(fileURLToPath(import.meta.url))

/** Bare packages a file reaches through its value imports (type imports are erased). */
function packagesReachedFrom(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return []
  seen.add(file)
  const text = readFileSync(join(SRC, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
  return [...text.matchAll(/^(import|export)\s(?!type\s)[^'"]*?from\s+'([^']+)'/gm)].flatMap(
    ([, , source = '']) =>
      source.startsWith('./') ? packagesReachedFrom(`${source.slice(2)}.ts`, seen) : [source]
  )
}

describe('the route table (issue 15 item 3)', () => {
  it('names each (method, path) pair once and is the union of its groups', () => {
    const routes = Object.values(API_ROUTES) as ApiRoute[]
    const pairs = routes.map((route) => `${route.method} ${route.path}`)
    expect(new Set(pairs).size).toBe(pairs.length)
    const groups = [OPERATIONS_ROUTES, AUTH_ROUTES, PARTNER_ROUTES, ADMIN_ROUTES, PUBLIC_ROUTES]
    expect(groups.flatMap((group) => Object.keys(group)).sort()).toEqual(
      Object.keys(API_ROUTES).sort()
    )
    for (const route of routes) expect(route.path).toMatch(/^(\/[a-z0-9-]+|\/\{\w+\})+$/)
  })

  it('keeps admin routes under /v1/admin and public ones under /v1/public', () => {
    for (const route of Object.values(ADMIN_ROUTES) as ApiRoute[]) {
      expect([route.path.startsWith('/v1/admin/'), route.auth]).toEqual([true, 'admin'])
    }
    for (const route of Object.values(PUBLIC_ROUTES) as ApiRoute[]) {
      expect(route.path.startsWith('/v1/public/')).toBe(true)
      expect(['none', 'customer']).toContain(route.auth)
    }
  })

  it('lets an API key call exactly the reading routes of R141', () => {
    // GET routes of the partner and admin tables and GET /v1/me, except the link's URL (a
    // person's to hand out), the API key routes themselves and every webhook route.
    const notForKeys = new Set(['getInvitationLinkUrl', 'findApiKeys', 'findPlatformApiKeys'])
    const isWebhookRoute = (name: string) => name.includes('Webhook')
    for (const [name, route] of Object.entries(API_ROUTES) as [string, ApiRoute][]) {
      const reads =
        route.method === 'GET' &&
        (route.auth === 'admin' ||
          (route.auth === 'user' && name in { ...PARTNER_ROUTES, getMe: 1 }))
      expect({ name, apiKey: route.apiKey }).toEqual({
        name,
        apiKey: reads && !notForKeys.has(name) && !isWebhookRoute(name),
      })
    }
  })

  it('is zod-free, like the transport, so the UIs can import it on their first load', () => {
    expect(packagesReachedFrom('routes.ts')).toEqual([])
    expect(packagesReachedFrom('transport.ts')).toEqual([])
  })
})

describe('pathOf', () => {
  it('fills each parameter URL-encoded, so an id cannot change the endpoint', () => {
    expect(pathOf(PARTNER_ROUTES.resendInvitation, { id: 'a/../b?c#d' })).toBe(
      '/v1/customer-development/invitations/a%2F..%2Fb%3Fc%23d/resend'
    )
    expect(pathOf(AUTH_ROUTES.getMe)).toBe('/v1/me')
  })

  it('refuses a missing parameter instead of calling a literal {id}', () => {
    const fill: (route: ApiRoute, params?: Record<string, string>) => string = pathOf
    expect(() => fill(ADMIN_ROUTES.updatePartner, {})).toThrow(/no value for \{id\}/)
  })
})

describe('idempotencyHeaders', () => {
  it('sends the key of an idempotent route, and nothing without a key', () => {
    expect(idempotencyHeaders(PARTNER_ROUTES.sendInvitations, 'k-1')).toEqual({
      'idempotency-key': 'k-1',
    })
    expect(idempotencyHeaders(PARTNER_ROUTES.resendInvitation, undefined)).toEqual({})
  })
})

describe('createApiClient and the table', () => {
  it('calls every table route, operations and public ones included, through the method of the same name', async () => {
    const fetch = vi.fn(async (_input: string | URL | Request, _init?: RequestInit) =>
      Response.json({ unexpected: true })
    )
    const client = createApiClient({ baseUrl: '/api', fetch }) as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >
    const called: string[] = []
    for (const name of Object.keys(API_ROUTES)) {
      fetch.mockClear()
      expect(typeof client[name]).toBe('function')
      // A second path parameter (a delivery) is the second argument; elsewhere it is a body.
      await client[name]?.('id-1', 'id-2').catch(() => undefined)
      const [url, init] = fetch.mock.calls[0] ?? []
      called.push(`${name} ${init?.method} ${(url as string).split('?')[0]}`)
    }
    const expected = Object.entries(API_ROUTES).map(([name, route]: [string, ApiRoute]) => {
      const fill: (route: ApiRoute, params: Record<string, string>) => string = pathOf
      return `${name} ${route.method} /api${fill(route, { id: 'id-1', deliveryId: 'id-2' })}`
    })
    expect(called).toEqual(expected)
  })
})
