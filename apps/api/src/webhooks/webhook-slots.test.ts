import { describe, expect, it } from 'vitest'
import { createSendLanes } from './webhook-slots'

interface Item {
  id: string
  endpointId: string
}

/** Lanes whose sends stay open until the test ends them, one by one. */
function openLanes(limits: { sendConcurrency: number; endpointConcurrency: number }) {
  const open = new Map<string, () => void>()
  const started: string[] = []
  const lanes = createSendLanes<Item>({
    ...limits,
    send: (item) =>
      new Promise<void>((resolve) => {
        started.push(item.id)
        open.set(item.id, resolve)
      }),
  })
  async function end(id: string) {
    open.get(id)?.()
    open.delete(id)
    // The lanes start the next send once the ended one's promise settled.
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { lanes, open, started, end }
}

const items = (endpointId: string, count: number): Item[] =>
  Array.from({ length: count }, (_, index) => ({ id: `${endpointId}${String(index)}`, endpointId }))

describe('webhook send lanes (R135)', () => {
  it('runs at most endpointConcurrency requests of one endpoint; the rest wait', async () => {
    const { lanes, open, started, end } = openLanes({ sendConcurrency: 20, endpointConcurrency: 5 })
    lanes.enqueue(items('a', 12))
    expect(open.size).toBe(5)
    expect(lanes.waiting()).toBe(7)
    expect(lanes.waitingFor('a')).toBe(7)
    expect(lanes.waitingFor('b')).toBe(0)
    // A slot frees when its response ends, and the endpoint's next delivery takes it.
    await end('a0')
    expect(open.size).toBe(5)
    expect(started).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5'])
  })

  it('runs at most sendConcurrency requests in all, the endpoints taking turns', async () => {
    const { lanes, open, started, end } = openLanes({ sendConcurrency: 4, endpointConcurrency: 5 })
    lanes.enqueue(items('a', 6))
    lanes.enqueue(items('b', 6))
    expect(open.size).toBe(4)
    expect(started).toEqual(['a0', 'a1', 'a2', 'a3'])
    // The next free slot goes to the endpoint that waited, not to the one with the longer queue.
    await end('a0')
    expect(started.at(-1)).toBe('b0')
    await end('a1')
    expect(started.at(-1)).toBe('a4')
  })

  it('hands back what still waits on drain and starts nothing after it', async () => {
    const { lanes, open, end } = openLanes({ sendConcurrency: 20, endpointConcurrency: 2 })
    lanes.enqueue(items('a', 5))
    const left = lanes.drain()
    expect(left.map((item) => item.id)).toEqual(['a2', 'a3', 'a4'])
    let idle = false
    void lanes.idle().then(() => (idle = true))
    await end('a0')
    expect(open.size).toBe(1)
    expect(idle).toBe(false)
    await end('a1')
    expect(lanes.inFlight()).toBe(0)
    expect(idle).toBe(true)
  })
})
