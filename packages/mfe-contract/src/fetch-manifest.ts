import { invoke, TIMED_OUT, type Deadline } from './deadline'
import { describeError, LoadFailure } from './load-result'
import { parseManifest } from './parse-manifest'
import { CONTRACT_VERSION, type MfeManifest } from './types'

/**
 * The `fetch` the loader calls for the manifest (the global one unless a host or test injects
 * its own).
 *
 * @example
 * const fetchJson: ManifestFetch = (url, init) => fetch(url, init)
 */
export type ManifestFetch = (url: string, init: RequestInit) => Promise<Response>

/**
 * Runs one loader step against the shared deadline: a rejection becomes the step's own
 * `LoadFailure`, running out of time a `TIMEOUT` naming the phase.
 *
 * @example
 * const module = await step(deadline, 'importing', () => import(url), (cause) => toFailure(cause))
 */
export async function step<T>(
  deadline: Deadline,
  phase: string,
  work: () => T | PromiseLike<T>,
  toFailure: (cause: unknown) => LoadFailure
): Promise<T> {
  let outcome: T | typeof TIMED_OUT
  try {
    outcome = await deadline.race(invoke(work))
  } catch (cause) {
    throw toFailure(cause)
  }
  if (outcome === TIMED_OUT) {
    throw new LoadFailure('TIMEOUT', `Timed out after ${deadline.timeoutMs} ms while ${phase}`)
  }
  return outcome
}

/**
 * Fetches, parses and version-checks the manifest, throwing the matching `LoadFailure`.
 *
 * @example
 * const manifest = await fetchManifest(new URL(manifestUrl), undefined, deadline)
 */
export async function fetchManifest(
  url: URL,
  fetchJson: ManifestFetch | undefined,
  deadline: Deadline
): Promise<MfeManifest> {
  const response = await step(
    deadline,
    'fetching the manifest',
    // no-cache: the manifest names the current hashed entry, so it must be revalidated on
    // every load; the entry and CSS themselves are immutable and cached long.
    () =>
      (fetchJson ?? globalThis.fetch)(url.href, {
        cache: 'no-cache',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        signal: deadline.signal,
      }),
    (cause) =>
      new LoadFailure(
        'MANIFEST_UNREACHABLE',
        `Could not fetch manifest ${url.href}: ${describeError(cause)}`,
        cause
      )
  )
  if (!response.ok) {
    throw new LoadFailure(
      'MANIFEST_UNREACHABLE',
      `Manifest ${url.href} answered HTTP ${response.status}`
    )
  }
  const json = await step(
    deadline,
    'reading the manifest',
    () => response.json() as Promise<unknown>,
    (cause) => new LoadFailure('MANIFEST_INVALID', `Manifest ${url.href} is not valid JSON`, cause)
  )
  const parsed = parseManifest(json)
  if (!parsed.ok) throw new LoadFailure('MANIFEST_INVALID', `${parsed.error} (${url.href})`)
  const { manifest } = parsed
  if (manifest.contractVersion !== CONTRACT_VERSION) {
    throw new LoadFailure(
      'CONTRACT_MISMATCH',
      `"${manifest.name}" ${manifest.version} declares contract version ${manifest.contractVersion}; this host supports version ${CONTRACT_VERSION} only`
    )
  }
  return manifest
}

/**
 * Resolves a manifest-relative URL, or throws `MANIFEST_INVALID` naming the field.
 *
 * @example
 * resolveAgainst(new URL('https://cdn/mfe/manifest.json'), './a.js', 'entry') // 'https://cdn/mfe/a.js'
 */
export function resolveAgainst(base: URL, href: string, field: string): string {
  try {
    return new URL(href, base).href
  } catch (cause) {
    throw new LoadFailure(
      'MANIFEST_INVALID',
      `Manifest ${field} "${href}" is not a valid URL`,
      cause
    )
  }
}
