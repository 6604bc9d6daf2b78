// Global setup of the edge suite: bundles the worker as `wrangler deploy` does, once per run, so
// the suite serves what a deploy would upload from the current source.
import type { TestProject } from 'vitest/node'
import { bundleWorker } from '../../../scripts/worker-bundle.mjs'
import { readEdgeWorkerBundle } from './env'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the bundled worker.js. */
    workerBundle: string
  }
}

export default async function setup(project: TestProject) {
  const file = readEdgeWorkerBundle() ?? (await bundleWorker()).file
  project.provide('workerBundle', file)
}
