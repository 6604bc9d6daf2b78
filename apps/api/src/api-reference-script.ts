// Node only (server.ts passes it through deps): the worker carries no copy of Scalar's 5 MB
// bundle, so app.ts never imports this file and the worker answers /api/docs with 404.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'
import type { ApiReferenceScript } from './routes/api-reference'

const compress = promisify(gzip)

/**
 * The path of Scalar's standalone bundle in node_modules. The package's `exports` name only its
 * module entry (`dist/index.js`); the bundle sits beside it, in `dist/browser/`.
 */
export function scalarStandalonePath(): string {
  const entry = createRequire(import.meta.url).resolve('@scalar/api-reference')
  return join(dirname(entry), 'browser', 'standalone.js')
}

async function readScalarScript(path: string): Promise<ApiReferenceScript> {
  const source = new Uint8Array(await readFile(path))
  const gzipped = await compress(source, { level: 9 })
  return {
    source,
    gzip: new Uint8Array(gzipped),
    digest: createHash('sha256').update(source).digest('hex').slice(0, 16),
  }
}

/**
 * Reads Scalar's bundle on first use and keeps it (5 MB, with its gzip copy) for the process:
 * a process whose reference page is never opened never reads it. A failed read is retried by
 * the next request.
 *
 * @example
 * const deps: AppDeps = { ..., apiReferenceScript: createScalarScriptLoader() }
 */
export function createScalarScriptLoader(
  path: string = scalarStandalonePath()
): () => Promise<ApiReferenceScript> {
  let loading: Promise<ApiReferenceScript> | null = null
  return () => {
    loading ??= readScalarScript(path).catch((error: unknown) => {
      loading = null
      throw error
    })
    return loading
  }
}
