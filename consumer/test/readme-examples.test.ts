import { describe, expect, it } from 'vitest'
import { exampleOf } from '../src/readme-examples'

describe('exampleOf', () => {
  it('takes the first ts block under "## Example" and nothing before it', () => {
    const readme =
      '# pkg\n\n```ts\nearlier()\n```\n\n## Example\n\nText.\n\n```ts\nconst a = 1\n```\n'
    expect(exampleOf(readme)).toBe('const a = 1\n')
  })

  it('answers null for a README without an example', () => {
    expect(exampleOf('# pkg\n\n## Public API\n\n```ts\nx()\n```\n')).toBeNull()
  })
})
