// Module resolution hooks that record every module a process resolves, one URL a line, so a test
// can prove which packages a built entry really loads (issue 13: no development-only package in
// production). built-entry.ts registers them with `node --import`, naming the log file in `data`.
// They run on the loader's own thread.
import { appendFileSync } from 'node:fs'

let file = null

/** Receives the log file from `register(…, { data: { file } })`. */
export function initialize(data) {
  file = data?.file ?? null
}

/** Resolves as usual, then appends the resolved URL: static and dynamic imports alike. */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context)
  if (file) appendFileSync(file, `${resolved.url}\n`)
  return resolved
}
