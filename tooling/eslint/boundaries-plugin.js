import path from 'node:path'

/**
 * A tiny ESLint plugin enforcing architecture.md section 3: a file may import another internal
 * package only when that package is in its allow-list, never a package's `src/` by path, never
 * anything under `apps/`, and a relative import may not leave the package it starts in.
 */
// Build and test presets are not runtime code; any project may use them in its config files.
const TOOLING = new Set([
  '@partner-center/eslint-config',
  '@partner-center/prettier-config',
  '@partner-center/tsconfig',
  '@partner-center/vitest-config',
])

const noForbiddenImport = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the dependency rules between apps and packages' },
    schema: [
      {
        type: 'object',
        properties: {
          packageRoot: { type: 'string' },
          allowedInternal: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      leavesPackage: 'Relative import "{{source}}" leaves this package; import a package instead.',
      intoApps:
        'Import "{{source}}" reaches into apps/; apps are loaded at run time, never imported.',
      intoSrc: 'Import "{{source}}" bypasses the exports map of an internal package.',
      notAllowed:
        'This package may not import "{{name}}" (allowed: {{allowed}}); see architecture.md section 3.',
    },
  },
  create(context) {
    const { packageRoot, allowedInternal = [] } = context.options[0] ?? {}
    const check = (node, source) => {
      if (typeof source !== 'string') return
      if (/(^|\/)apps\//.test(source)) {
        context.report({ node, messageId: 'intoApps', data: { source } })
        return
      }
      if (source.startsWith('.')) {
        if (!packageRoot) return
        const resolved = path.resolve(path.dirname(context.filename), source)
        const relative = path.relative(packageRoot, resolved)
        if (relative.startsWith('..') || path.isAbsolute(relative)) {
          context.report({ node, messageId: 'leavesPackage', data: { source } })
        }
        return
      }
      const match = /^(@partner-center\/[^/]+)(\/.*)?$/.exec(source)
      if (!match) return
      const [, name, subpath = ''] = match
      if (/^\/src(\/|$)/.test(subpath)) {
        context.report({ node, messageId: 'intoSrc', data: { source } })
        return
      }
      if (!allowedInternal.includes(name) && !TOOLING.has(name)) {
        context.report({
          node,
          messageId: 'notAllowed',
          data: { name, allowed: allowedInternal.join(', ') || 'none' },
        })
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
    }
  },
}

export const boundariesPlugin = { rules: { 'no-forbidden-import': noForbiddenImport } }
