/**
 * One webhook attempt over HTTP (domain.md §13, R130, R131, R135, R136). Node only: the
 * dispatcher sends webhooks, the API and the worker never do. One client, with one undici
 * `Agent`, per dispatcher: keep-alive, HTTP/1.1, no proxy from the environment, redirects never
 * followed.
 */

import type { WebhookAddressPolicy, WebhookAttemptOutcome } from '@partner-center/domain'
import { Agent, buildConnector } from 'undici'
import { readExcerpt } from './send-excerpt'
import { sendFailureOutcome } from './send-failure-outcome'
import {
  resolveAttemptAddress,
  systemResolver,
  type AttemptAddress,
  type WebhookResolver,
} from './send-resolve-address'

export type { ResolvedAddress, WebhookResolver } from './send-resolve-address'

/** Called with the address just before a socket to it is opened (tests watch it); must not throw. */
export type WebhookConnectHook = (address: string) => void

/** The settings and dependencies of a dispatcher's webhook client. */
export interface WebhookClientOptions {
  /** `WEBHOOK_TIMEOUT_SECONDS`: the whole attempt, resolution to response headers (R131). */
  timeoutSeconds: number
  /** `WEBHOOK_RESPONSE_EXCERPT_BYTES`: bytes of the response body kept (R131). */
  excerptBytes: number
  /** `WEBHOOK_ADDRESS_POLICY` (R136). */
  policy: WebhookAddressPolicy
  /** `deps.webhookResolver`; the system's `dns.lookup` with `all: true` by default. */
  resolver?: WebhookResolver
  /** `deps.webhookConnect`: told of every connection before it is opened. */
  connect?: WebhookConnectHook
  /**
   * Certificates to trust in place of the system's roots (PEM). Tests only: a dispatcher
   * trusts the system's roots.
   */
  trustedCertificates?: readonly string[]
}

/** One attempt's request: the endpoint's current URL, the signed headers and the payload. */
export interface WebhookRequest {
  url: string
  /** Sent exactly, with `host` and `content-length` added by the client (R130). */
  headers: Record<string, string>
  body: string
}

/** What one attempt came to (§13.3.3). */
export interface AttemptResult {
  outcome: WebhookAttemptOutcome
  /** The response's status, for `HTTP` only. */
  statusCode: number | null
  /** The address connected to; null when no connection was tried. */
  remoteAddress: string | null
  /** At most `excerptBytes` of the body as text, for `HTTP` only. */
  responseExcerpt: string | null
  /** From the attempt's start to its outcome (the response headers, or the failure). */
  durationMs: number
  /** A 2xx arrived in time (R131). */
  delivered: boolean
}

/** A dispatcher's webhook client. */
export interface WebhookClient {
  /** Makes one attempt; never rejects: every failure is an outcome. */
  send(request: WebhookRequest): Promise<AttemptResult>
  /** Closes the kept-alive connections; call after the last attempt has settled. */
  close(): Promise<void>
}

interface AttemptClock {
  startedAt: number
  signal: AbortSignal
}

function elapsed(clock: AttemptClock): number {
  return Math.max(0, Math.round(performance.now() - clock.startedAt))
}

function failed(
  outcome: WebhookAttemptOutcome,
  clock: AttemptClock,
  remoteAddress: string | null = null
): AttemptResult {
  return {
    outcome,
    statusCode: null,
    remoteAddress,
    responseExcerpt: null,
    durationMs: elapsed(clock),
    delivered: false,
  }
}

// Resolution cannot be cancelled; the attempt stops waiting for it at its deadline.
function untilDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T | 'TIMEOUT'> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return resolve('TIMEOUT')
    const onAbort = () => resolve('TIMEOUT')
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/**
 * Creates a dispatcher's webhook client. Each `send` resolves the URL's host once, checks every
 * address under the policy and fails with `ADDRESS_NOT_ALLOWED` before any connection when one
 * is refused (R136); otherwise it connects to the first address (the request goes to that
 * address, so nothing is resolved again) with the URL's host for `Host`, SNI and the certificate
 * check, and sends one POST. The whole attempt has `timeoutSeconds`; a 2xx is delivered, any
 * other status (3xx included, never followed) is an `HTTP` failure (R131).
 *
 * @example
 * const client = createWebhookClient({ timeoutSeconds: 10, excerptBytes: 1024, policy: 'public' })
 * const result = await client.send({ url, headers, body })
 * await client.close()
 */
export function createWebhookClient(options: WebhookClientOptions): WebhookClient {
  const timeoutMs = options.timeoutSeconds * 1000
  const resolver = options.resolver ?? systemResolver
  const baseConnect = buildConnector({
    timeout: timeoutMs,
    allowH2: false,
    ...(options.trustedCertificates === undefined ? {} : { ca: [...options.trustedCertificates] }),
  })
  const agent = new Agent({
    allowH2: false,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: (connectOptions, callback) => {
      options.connect?.(connectOptions.hostname)
      return baseConnect(connectOptions, callback)
    },
  })

  async function send(request: WebhookRequest): Promise<AttemptResult> {
    const clock: AttemptClock = {
      startedAt: performance.now(),
      signal: AbortSignal.timeout(timeoutMs),
    }
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return failed('CONNECTION_FAILED', clock)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return failed('CONNECTION_FAILED', clock)
    }
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
    const target = await untilDeadline(
      resolveAttemptAddress(host, options.policy, resolver),
      clock.signal
    )
    if (target === 'TIMEOUT') return failed('TIMEOUT', clock)
    if (target.kind !== 'CONNECT') return failed(target.kind, clock)
    return post(url, target, request, clock)
  }

  async function post(
    url: URL,
    target: Extract<AttemptAddress, { kind: 'CONNECT' }>,
    request: WebhookRequest,
    clock: AttemptClock
  ): Promise<AttemptResult> {
    const addressHost = target.family === 6 ? `[${target.address}]` : target.address
    const origin = `${url.protocol}//${addressHost}${url.port === '' ? '' : `:${url.port}`}`
    let response: Awaited<ReturnType<Agent['request']>>
    try {
      response = await agent.request({
        origin,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        // The URL's host, port included, so the receiver, SNI and the certificate check see
        // the name and not the address connected to.
        headers: { ...request.headers, host: url.host },
        body: request.body,
        signal: clock.signal,
      })
    } catch (error) {
      const outcome = clock.signal.aborted ? 'TIMEOUT' : sendFailureOutcome(error)
      return failed(outcome, clock, target.address)
    }
    const durationMs = elapsed(clock)
    const responseExcerpt = await readExcerpt(response.body, options.excerptBytes)
    return {
      outcome: 'HTTP',
      statusCode: response.statusCode,
      remoteAddress: target.address,
      responseExcerpt,
      durationMs,
      delivered: response.statusCode >= 200 && response.statusCode <= 299,
    }
  }

  return {
    send,
    close: () => agent.close(),
  }
}
