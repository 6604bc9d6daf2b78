/** What {@link createSendLanes} needs of a queued item: the endpoint whose limit it counts on. */
export interface LaneItem {
  endpointId: string
}

/** The webhook loops' requests in flight and the claimed deliveries waiting for a slot. */
export interface SendLanes<T extends LaneItem> {
  /** Queues claimed deliveries behind their endpoint's, and starts what the limits allow. */
  enqueue(items: readonly T[]): void
  /** Claimed deliveries waiting for a slot (not sent yet). */
  waiting(): number
  /** Claimed deliveries of one endpoint waiting for a slot. */
  waitingFor(endpointId: string): number
  /** Requests in flight. */
  inFlight(): number
  /** Stops starting requests and hands back every delivery still waiting (graceful stop). */
  drain(): T[]
  /** Resolves once no request is in flight. */
  idle(): Promise<void>
}

/**
 * The webhook loops' send slots (R135), in memory and per dispatcher: at most `sendConcurrency`
 * requests in flight, and at most `endpointConcurrency` of one endpoint. Claimed deliveries wait
 * in their endpoint's queue; a slot frees as soon as `send` resolves (the response ended), not
 * when the attempt's settle commits, so a slow settle or claim never idles a connection. A
 * freed slot goes to the endpoint that started a request least recently, so one with a long
 * queue does not take every free slot. `send` must not reject.
 *
 * @example
 * const lanes = createSendLanes({ sendConcurrency: 20, endpointConcurrency: 5, send })
 * lanes.enqueue(claimed)
 */
export function createSendLanes<T extends LaneItem>(options: {
  sendConcurrency: number
  endpointConcurrency: number
  send: (item: T) => Promise<void>
}): SendLanes<T> {
  // Each endpoint's waiting deliveries, and when it last started one: the next free slot goes
  // to the startable endpoint that started least recently (one that never did goes first).
  const queues = new Map<string, { items: T[]; lastStart: number }>()
  const perEndpoint = new Map<string, number>()
  let starts = 0
  let running = 0
  let waiting = 0
  let drained = false
  const onIdle: (() => void)[] = []

  function nextStartable(): T | undefined {
    let chosen: [string, { items: T[]; lastStart: number }] | undefined
    for (const entry of queues) {
      const [endpointId, queue] = entry
      if ((perEndpoint.get(endpointId) ?? 0) >= options.endpointConcurrency) continue
      if (!chosen || queue.lastStart < chosen[1].lastStart) chosen = entry
    }
    if (!chosen) return undefined
    const [endpointId, queue] = chosen
    const item = queue.items.shift()
    queue.lastStart = ++starts
    if (queue.items.length === 0) queues.delete(endpointId)
    return item
  }

  function pump() {
    while (!drained && running < options.sendConcurrency) {
      const item = nextStartable()
      if (!item) return
      waiting -= 1
      start(item)
    }
  }

  function start(item: T) {
    running += 1
    perEndpoint.set(item.endpointId, (perEndpoint.get(item.endpointId) ?? 0) + 1)
    void options.send(item).finally(() => {
      running -= 1
      const left = (perEndpoint.get(item.endpointId) ?? 1) - 1
      if (left === 0) perEndpoint.delete(item.endpointId)
      else perEndpoint.set(item.endpointId, left)
      pump()
      if (running === 0) for (const resolve of onIdle.splice(0)) resolve()
    })
  }

  return {
    enqueue(items) {
      for (const item of items) {
        const queue = queues.get(item.endpointId)
        if (queue) queue.items.push(item)
        else queues.set(item.endpointId, { items: [item], lastStart: 0 })
      }
      waiting += items.length
      pump()
    },
    waiting: () => waiting,
    waitingFor: (endpointId) => queues.get(endpointId)?.items.length ?? 0,
    inFlight: () => running,
    drain() {
      drained = true
      const left = [...queues.values()].flatMap((queue) => queue.items)
      queues.clear()
      waiting = 0
      return left
    },
    idle: () =>
      running === 0 ? Promise.resolve() : new Promise<void>((resolve) => onIdle.push(resolve)),
  }
}
