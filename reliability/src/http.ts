/** One answer of the API as the suite saw it. */
export interface Answer<T = unknown> {
  status: number
  /** Parsed JSON when the body was JSON, else the text. */
  body: T
  text: string
  ms: number
  /** Set when no HTTP answer arrived (connection refused or reset). */
  networkError?: string
}

/** Options of {@link call}. */
export interface CallOptions {
  token?: string
  body?: unknown
  headers?: Record<string, string>
  /** A body sent as is (no JSON encoding). */
  rawBody?: string
  timeoutMs?: number
}

/** One HTTP request to an API process; never throws, network failures come back as status 0. */
export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {}
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: string | undefined
  if (options.rawBody !== undefined) body = options.rawBody
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  const started = performance.now()
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed as T, text, ms: performance.now() - started }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause
    return {
      status: 0,
      body: null as T,
      text: '',
      ms: performance.now() - started,
      networkError: cause?.code ?? (error as Error).name,
    }
  }
}

/** The catalogue code of an error answer, if any. */
export function codeOf(answer: Answer): string | undefined {
  const body = answer.body as { error?: { code?: string } } | null
  return body && typeof body === 'object' ? body.error?.code : undefined
}

/** Latencies and outcomes per endpoint label. */
export class Recorder {
  readonly byEndpoint = new Map<string, { ms: number[]; statuses: Map<string, number> }>()

  record(endpoint: string, answer: Answer) {
    let entry = this.byEndpoint.get(endpoint)
    if (!entry) {
      entry = { ms: [], statuses: new Map() }
      this.byEndpoint.set(endpoint, entry)
    }
    entry.ms.push(answer.ms)
    const key = answer.status === 0 ? `network:${answer.networkError}` : String(answer.status)
    entry.statuses.set(key, (entry.statuses.get(key) ?? 0) + 1)
  }

  summary() {
    const endpoints: Record<string, unknown> = {}
    for (const [name, entry] of this.byEndpoint) {
      const sorted = [...entry.ms].sort((a, b) => a - b)
      const errors = [...entry.statuses]
        .filter(([status]) => status.startsWith('network') || Number(status) >= 500)
        .reduce((sum, [, n]) => sum + n, 0)
      const busy = entry.statuses.get('503') ?? 0
      endpoints[name] = {
        requests: sorted.length,
        errors,
        errorRate: sorted.length ? errors / sorted.length : 0,
        busy503: busy,
        p50Ms: round(quantile(sorted, 0.5)),
        p95Ms: round(quantile(sorted, 0.95)),
        p99Ms: round(quantile(sorted, 0.99)),
        statuses: Object.fromEntries(entry.statuses),
      }
    }
    return endpoints
  }
}

/** The q-quantile of sorted numbers (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0
}

/** Milliseconds to one decimal. */
export function round(ms: number): number {
  return Math.round(ms * 10) / 10
}

/** How many times each value occurs, e.g. statuses of a run: `{ '200': 3, '404': 1 }`. */
export function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1
  return counts
}
