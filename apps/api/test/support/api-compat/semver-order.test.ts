import { describe, expect, it } from 'vitest'
import { compareVersions, parseVersion } from './semver-order'

describe('semver order', () => {
  it('orders numerically, a pre-release before its release', () => {
    const versions = ['1.0.0', '0.10.0', '0.2.0', '1.0.0-next.10', '1.0.0-next.2', '0.2.1']
    expect([...versions].sort(compareVersions)).toEqual([
      '0.2.0',
      '0.2.1',
      '0.10.0',
      '1.0.0-next.2',
      '1.0.0-next.10',
      '1.0.0',
    ])
  })

  it('refuses what is not a release version', () => {
    expect(parseVersion('2.3.4')).toMatchObject({ major: 2, minor: 3, patch: 4, prerelease: null })
    expect(() => parseVersion('v1.0.0')).toThrow(/not a release version/)
    expect(() => parseVersion('latest')).toThrow(/not a release version/)
  })
})
