/** What {@link assertLoopbackVerdaccio} found. */
export interface CheckedRegistry {
  /** The registry URL, normalised (`http://127.0.0.1:4873/`). */
  url: string
  /** Its `X-Powered-By` header, e.g. `verdaccio/6.10.4 (consumer-test 5f…)`. */
  poweredBy: string
}

/** An IP literal of the loopback range: 127.0.0.0/8 or ::1. Names are refused (hosts files). */
function isLoopbackLiteral(hostname: string): boolean {
  if (hostname === '[::1]') return true
  const octets = hostname.split('.')
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  )
}

/**
 * Refuses, by throwing, any registry but the Verdaccio this test started on a loopback address:
 * the publishing step calls it first, so the packages can never reach the public registry or any
 * other host.
 *
 * - The URL must be `http://<loopback IP>:<port>/`: no host name, credentials, path or query.
 * - `GET /-/ping` must answer 200 without a redirect, with `X-Powered-By: verdaccio/<version>`
 *   naming `instance` (the test's config sets `user_agent` to include a random instance id).
 * - `GET /-/verdaccio/data/packages`, Verdaccio's own web API, must answer a JSON array.
 *
 * @example
 * await assertLoopbackVerdaccio('http://127.0.0.1:4873/', '5f3a…') // { url, poweredBy }
 * await assertLoopbackVerdaccio('https://registry.npmjs.org/', '5f3a…') // throws, sends nothing
 */
export async function assertLoopbackVerdaccio(
  registryUrl: string,
  instance: string
): Promise<CheckedRegistry> {
  const url = new URL(registryUrl)
  const refuse = (why: string) => new Error(`refusing to publish to ${registryUrl}: ${why}`)
  if (url.protocol !== 'http:') throw refuse('a loopback Verdaccio is plain http')
  if (!isLoopbackLiteral(url.hostname)) throw refuse('not a loopback IP address')
  if (url.username || url.password) throw refuse('credentials in the URL')
  if (url.pathname !== '/' || url.search || url.hash) throw refuse('not the registry root')

  const ask = async (path: string) => {
    try {
      return await fetch(new URL(path, url), {
        redirect: 'manual',
        signal: AbortSignal.timeout(5_000),
      })
    } catch (error) {
      throw refuse(`no answer to ${path} (${(error as Error).message})`)
    }
  }
  const ping = await ask('/-/ping')
  if (ping.status !== 200) throw refuse(`/-/ping answered ${ping.status}`)
  const poweredBy = ping.headers.get('x-powered-by') ?? ''
  if (!/^verdaccio\/\d+\.\d+\.\d+/.test(poweredBy)) {
    throw refuse(`not Verdaccio (X-Powered-By: ${poweredBy || 'none'})`)
  }
  if (!poweredBy.includes(instance)) {
    throw refuse(`another Verdaccio than the one this test started (${poweredBy})`)
  }
  const web = await ask('/-/verdaccio/data/packages')
  const list: unknown = web.status === 200 ? await web.json().catch(() => null) : null
  if (!Array.isArray(list)) throw refuse(`/-/verdaccio/data/packages answered ${web.status}`)
  return { url: url.href, poweredBy }
}
