import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { requestDeadline } from './app'
import type { AppEnv } from './deps'
import { AppError } from './errors'

function appWith(handler: () => Promise<Response>) {
  const app = new Hono<AppEnv>()
  app.use(requestDeadline(50))
  app.get('/x', handler)
  app.onError((error, c) =>
    error instanceof AppError
      ? c.json({ code: error.code }, error.status as 503)
      : c.json({ code: 'INTERNAL' }, 500)
  )
  return app
}

describe('requestDeadline', () => {
  it('answers 503 SYSTEM_BUSY when the handler never settles', async () => {
    const app = appWith(() => new Promise<Response>(() => undefined))
    const response = await app.request('/x')
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ code: 'SYSTEM_BUSY' })
  })

  it('passes a prompt answer through unchanged', async () => {
    const app = appWith(() => Promise.resolve(new Response('ok', { status: 200 })))
    const response = await app.request('/x')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('ok')
  })
})
