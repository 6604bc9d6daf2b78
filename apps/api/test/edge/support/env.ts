/**
 * `EDGE_WORKER_BUNDLE`: a worker.js built elsewhere (a candidate, a deliberately broken variant)
 * for the edge suite to serve instead of bundling the current source; unset or empty: none.
 */
export function readEdgeWorkerBundle(): string | undefined {
  const path = process.env.EDGE_WORKER_BUNDLE?.trim()
  if (!path) return undefined
  return path
}
