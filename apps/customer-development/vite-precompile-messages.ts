import { baseCompile } from '@intlify/message-compiler'
import type { Plugin } from 'vite'

interface Messages {
  [key: string]: string | Messages
}

/** Each string of a message tree as vue-i18n's AST, compiled the way its runtime JIT would. */
function compileTree(tree: Messages, path: string): unknown {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => {
      if (typeof value !== 'string') return [key, compileTree(value, `${path}.${key}`)]
      const { ast } = baseCompile(value, {
        jit: true,
        minify: true,
        location: false,
        onError: (error) => {
          throw new Error(`message ${path}.${key} does not compile: ${error.message}`)
        },
      })
      // The runtime caches the composed function under this key, one per message and language.
      return [key, { ...ast, cacheKey: `${path}.${key}` }]
    })
  )
}

/**
 * Build only: replaces the string messages of `src/i18n/<locale>.ts` (and of each lazily loaded
 * part's `src/i18n/<part>/<locale>.ts`, such as the Offline Invitation tab's) by precompiled ASTs, so
 * the bundle can drop vue-i18n's message compiler (`__INTLIFY_DROP_MESSAGE_COMPILER__`). The
 * sources stay plain TS objects (zh-CN `satisfies` en); tests and the dev harness compile them
 * at run time as before, with the same compiler, so every language behaves the same.
 */
export function precompileMessages(): Plugin {
  return {
    name: 'pc-precompile-messages',
    apply: 'build',
    enforce: 'post',
    async transform(code, id) {
      // The module's languages, and those of each lazily loaded part in its own folder (the
      // Offline Invitation tab's `offline/`, the API Keys page's `api-keys/`), loaded with its chunk.
      if (!/\/src\/i18n\/([a-z-]+\/)?(en|zh-CN)\.ts$/.test(id)) return null
      // After the TS transform the module is plain JS without imports: evaluate it as is.
      const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
      const exported = (await import(url)) as Record<string, Messages>
      const lines = Object.entries(exported).map(
        ([name, tree]) => `export const ${name} = ${JSON.stringify(compileTree(tree, name))}`
      )
      return { code: lines.join('\n'), map: null }
    },
  }
}
