import { Linter } from 'eslint'
import { describe, expect, it } from 'vitest'
import { boundariesPlugin } from './boundaries-plugin.js'
import { domainRules } from './index.js'

const packageRoot = '/repo/packages/contracts'

function lint(code, { filename = `${packageRoot}/src/file.ts`, allowedInternal = [] } = {}) {
  const linter = new Linter({ configType: 'flat', cwd: '/repo' })
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { boundaries: boundariesPlugin },
        rules: { 'boundaries/no-forbidden-import': ['error', { packageRoot, allowedInternal }] },
      },
    ],
    filename
  )
}

describe('boundaries/no-forbidden-import', () => {
  it('allows declared internal packages, tooling presets and relative files inside the package', () => {
    const code = [
      "import { ok } from '@partner-center/domain'",
      "import { vitestProject } from '@partner-center/vitest-config'",
      "import { x } from './x'",
      "import { y } from '../lib/y'",
    ].join('\n')
    expect(lint(code, { allowedInternal: ['@partner-center/domain'] })).toEqual([])
  })

  it('refuses an internal package the project may not depend on', () => {
    const [message] = lint("import { createDb } from '@partner-center/db'", {
      allowedInternal: ['@partner-center/domain'],
    })
    expect(message?.message).toMatch(/may not import "@partner-center\/db"/)
  })

  it('refuses imports into apps/, into a package src/ and relative paths leaving the package', () => {
    const messages = lint(
      [
        "import '../../../apps/api/src/app'",
        "import { x } from '@partner-center/domain/src/core/result'",
        "import { y } from '../../db/src/index'",
        "const lazy = import('../../../apps/shell/src/main')",
      ].join('\n'),
      { allowedInternal: ['@partner-center/domain'] }
    )
    expect(messages.map((m) => m.line)).toEqual([1, 2, 3, 4])
  })
})

describe('domain preset', () => {
  function lintDomain(code) {
    const linter = new Linter({ configType: 'flat', cwd: '/repo' })
    return linter.verify(
      code,
      [{ files: ['**/*.ts'], rules: domainRules }],
      '/repo/packages/domain/src/a.ts'
    )
  }

  it('bans every non-relative import, I/O globals, the clock and randomness', () => {
    const messages = lintDomain(
      [
        "import { z } from 'zod'",
        "import fs from 'node:fs'",
        'const a = Date.now()',
        'const b = Math.random()',
        "fetch('/x')",
        'const c = process.env',
        'setTimeout(() => a, 1)',
      ].join('\n')
    )
    expect(messages.map((m) => m.line)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('allows relative imports', () => {
    expect(lintDomain("import { ok } from './result'")).toEqual([])
  })
})
