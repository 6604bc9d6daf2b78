// The published build must keep what the sources do on import. tsdown drops top-level statements
// of a module the package's `sideEffects` does not name, and it once dropped zod.ts's jitless
// switch from dist/zod.js: browsers then ran zod's eval probe and reported CSP violations.
import { config } from 'zod'
import { afterAll, describe, expect, it } from 'vitest'

const built = new URL('../dist/index.js', import.meta.url).href
const hadDocument = 'document' in globalThis

afterAll(() => {
  if (!hadDocument) Reflect.deleteProperty(globalThis, 'document')
})

describe('the published build (dist/, built by `pnpm build` before this test)', () => {
  it('switches zod to jitless parsing in a browser when imported, as the sources do', async () => {
    // What zod.ts checks to tell a browser; this file's own zod is the one dist imports.
    Reflect.set(globalThis, 'document', {})
    expect(config().jitless).toBeFalsy()
    await import(/* @vite-ignore */ built)
    expect(config().jitless).toBe(true)
  })
})
