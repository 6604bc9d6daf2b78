import { createServer, type Server } from 'node:net'

/**
 * `count` distinct free TCP ports on 127.0.0.1, found by binding port 0 with all listeners open
 * at once (so no two are equal), then closing them for the servers that will use them.
 */
export async function freeLoopbackPorts(count: number): Promise<number[]> {
  const servers: Server[] = []
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer()
      servers.push(server)
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(0, '127.0.0.1', resolve)
      })
    }
    return servers.map((server) => {
      const address = server.address()
      if (address === null || typeof address === 'string') throw new Error('no port bound')
      return address.port
    })
  } finally {
    await Promise.all(
      servers.map((server) => new Promise((resolve) => server.close(() => resolve(undefined))))
    )
  }
}
