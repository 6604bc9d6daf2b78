import { describe, expect, it } from 'vitest'
import { parseManifest } from './parse-manifest'

const valid = {
  name: 'customer-development',
  version: '1.4.0',
  contractVersion: 1,
  entry: './lifecycle.4f2a9c.js',
  css: ['./style.91bd0e.css'],
}

describe('parseManifest', () => {
  it('accepts a complete manifest', () => {
    expect(parseManifest(valid)).toEqual({ ok: true, manifest: valid })
  })

  it('accepts an empty css list', () => {
    expect(parseManifest({ ...valid, css: [] })).toEqual({
      ok: true,
      manifest: { ...valid, css: [] },
    })
  })

  it('drops fields the contract does not know', () => {
    const parsed = parseManifest({ ...valid, builtAt: '2025-01-01' })
    expect(parsed).toEqual({ ok: true, manifest: valid })
  })

  it('accepts a manifest naming adapter entries (customer-development emits adapters.singleSpa)', () => {
    // Older hosts keep loading `entry`; the adapter field is for single-spa root configs.
    const parsed = parseManifest({ ...valid, adapters: { singleSpa: './single-spa.8c1d2e.js' } })
    expect(parsed).toEqual({ ok: true, manifest: valid })
  })

  it('parses a manifest from another contract version, leaving the refusal to the host', () => {
    const parsed = parseManifest({ ...valid, contractVersion: 2 })
    expect(parsed.ok && parsed.manifest.contractVersion).toBe(2)
  })

  it.each([
    [null, 'got null'],
    [[valid], 'got an array'],
    ['{"name":"x"}', 'got a string'],
    [42, 'got number 42'],
  ])('rejects %j as not an object', (json, detail) => {
    const parsed = parseManifest(json)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.error).toBe(`Invalid manifest: expected a JSON object (${detail})`)
  })

  it('names every problem in one message', () => {
    const parsed = parseManifest({ name: '', version: 3, contractVersion: '1', css: 'a.css' })
    expect(parsed).toEqual({
      ok: false,
      error:
        'Invalid manifest: "name" must be a non-empty string (got an empty string); ' +
        '"version" must be a non-empty string (got number 3); ' +
        '"entry" must be a non-empty string (got undefined); ' +
        '"contractVersion" must be a positive integer (got a string); ' +
        '"css" must be an array of URLs, possibly empty (got a string)',
    })
  })

  it('rejects a css list holding a non-string', () => {
    const parsed = parseManifest({ ...valid, css: ['./a.css', 7, ''] })
    expect(!parsed.ok && parsed.error).toBe(
      'Invalid manifest: "css[1]" must be a non-empty string (got number 7); "css[2]" must be a non-empty string (got an empty string)'
    )
  })

  it.each([0, 1.5, -1, Number.NaN])('rejects contractVersion %s', (contractVersion) => {
    const parsed = parseManifest({ ...valid, contractVersion })
    expect(!parsed.ok && parsed.error).toContain('"contractVersion" must be a positive integer')
  })
})
