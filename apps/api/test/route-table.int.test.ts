import { API_ROUTES, type ApiRoute, type RouteName } from '@partner-center/contracts/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestApp } from './helpers'
import { createTestApp } from './test-app'

interface Operation {
  security?: unknown[]
  parameters?: { in: string; name: string }[]
}

let t: TestApp
let document: { paths: Record<string, Record<string, Operation>> }

beforeAll(async () => {
  t = await createTestApp()
  document = (await (await t.app.request('/api/openapi.json')).json()) as typeof document
})
afterAll(async () => {
  await t.close()
})

/** `GET /v1/me`: one (method, path) pair as both sides write it, below the `/api` base path. */
const pair = (method: string, path: string) => `${method.toUpperCase()} ${path}`

/** Every operation of the OpenAPI document (dev routes are plain Hono and never appear). */
function documentOperations(): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]): [string, Operation] => [
      pair(method, path.replace(/^\/api/, '')),
      operation,
    ])
  )
}

const tableRoutes = Object.values(API_ROUTES) as ApiRoute[]

/** Bodies that pass validation where a route checks its input before the caller. */
const wellFormedBodies: Partial<Record<RouteName, unknown>> = {
  acceptInvitation: { token: 'a'.repeat(43), instructionsAccepted: true },
  requestLinkEmailVerificationCode: { code: 'a'.repeat(43), locale: 'en' },
  verifyEmailThroughLink: {
    code: 'a'.repeat(43),
    pendingRegistrationId: '00000000-0000-4000-8000-000000000000',
    emailCode: '123456',
  },
  acceptInvitationLink: { code: 'a'.repeat(43), instructionsAccepted: true },
}

describe('the route table (issue 15 item 3)', () => {
  it('holds exactly the (method, path) pairs of the OpenAPI document, both ways', () => {
    const documented = documentOperations().map(([key]) => key)
    const table = tableRoutes.map((route) => pair(route.method, route.path))
    expect(new Set(table).size).toBe(table.length)
    expect([...documented].sort()).toEqual([...table].sort())
  })

  it('marks exactly the documented bearer routes as signed-in, and only those', () => {
    const documented = documentOperations()
      .filter(([, operation]) => (operation.security ?? []).length > 0)
      .map(([key]) => key)
    const table = tableRoutes
      .filter((route) => route.auth !== 'none')
      .map((route) => pair(route.method, route.path))
    expect(documented.sort()).toEqual(table.sort())
  })

  it('marks exactly the routes that take an Idempotency-Key header as idempotent', () => {
    const documented = documentOperations()
      .filter(([, operation]) =>
        (operation.parameters ?? []).some(
          (parameter) => parameter.in === 'header' && parameter.name === 'idempotency-key'
        )
      )
      .map(([key]) => key)
    const table = tableRoutes
      .filter((route) => route.idempotent)
      .map((route) => pair(route.method, route.path))
    expect(documented.sort()).toEqual(table.sort())
  })

  it('answers each auth kind as the table says: 401 anonymous, 403 for a partner on admin routes', async () => {
    const partnerAdmin = await t.signIn('admin@acme.example')
    const answers: string[] = []
    for (const [name, route] of Object.entries(API_ROUTES) as [RouteName, ApiRoute][]) {
      const path = `/api${route.path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000')}`
      // A well-formed body, so a route that validates before it authenticates still gets there.
      const body = route.method === 'GET' ? undefined : (wellFormedBodies[name] ?? {})
      const anonymous = await t.call(route.method, path, { body })
      const asPartner =
        route.auth === 'admin'
          ? await t.call(route.method, path, { body, token: partnerAdmin })
          : null
      answers.push(
        `${pair(route.method, route.path)} ${route.auth}: ${anonymous.status} ${asPartner?.status ?? ''}`.trim()
      )
    }
    const expected = Object.values(API_ROUTES).map((route: ApiRoute) => {
      const head = `${pair(route.method, route.path)} ${route.auth}:`
      if (route.auth === 'admin') return `${head} 401 403`
      return route.auth === 'none' ? head : `${head} 401`
    })
    // Anonymous calls to `none` routes must not answer 401: compare without their status.
    expect(answers.map((line) => line.replace(/ none: (?!401)\d+$/, ' none:'))).toEqual(expected)
  })
})
