import { createHash } from 'node:crypto'
import postcss, { type AtRule, type Root, type Rule } from 'postcss'
import type { Plugin } from 'vite'
import { ELEMENT_NAMESPACE, MODULE_ROOT_CLASS } from './src/style-scope'

const ROOT = `.${MODULE_ROOT_CLASS}`
// Zero specificity: scoping changes which elements a rule reaches, never which rule wins.
const SCOPE = `:where(${ROOT})`
const KEYFRAMES_PREFIX = `${ELEMENT_NAMESPACE}-`

/**
 * Vite's CSS options for the module: Element Plus's SCSS sources (each component's
 * `element-plus/es/components/<name>/style/index` import) compiled with the module's namespace.
 */
export const namespacedElementPlusCss = {
  preprocessorOptions: {
    scss: {
      additionalData: `@use 'element-plus/theme-chalk/src/mixins/config.scss' with ($namespace: '${ELEMENT_NAMESPACE}');\n`,
    },
  },
}

/** A selector that names the root itself first, as theme.css does: already scoped. */
function startsAtRoot(selector: string): boolean {
  if (!selector.startsWith(ROOT)) return false
  return selector.length === ROOT.length || /^[\s.:[>~+#]/.test(selector.slice(ROOT.length))
}

/** One selector of a rule, moved below the module root. */
function scopeSelector(selector: string, where: string): string {
  const trimmed = selector.trim()
  // Element Plus declares its variables on :root; they belong on the module root.
  if (trimmed === ':root') return SCOPE
  if (startsAtRoot(trimmed)) return trimmed
  if (/^(html|body)\b/.test(trimmed) || trimmed.startsWith(':root')) {
    throw new Error(`${where}: the global selector "${trimmed}" cannot be scoped to the module`)
  }
  return `${SCOPE} ${trimmed}`
}

function insideKeyframes(rule: Rule): boolean {
  const parent = rule.parent
  return parent?.type === 'atrule' && /keyframes$/i.test((parent as AtRule).name)
}

/**
 * Keyframe names are global to the document: a host's Element Plus defines `dialog-fade-in`
 * and `rotating` too, and the last stylesheet loaded would win for both. Ours get the prefix.
 */
function prefixKeyframes(root: Root): void {
  const renamed = new Map<string, string>()
  root.walkAtRules(/keyframes$/i, (atRule) => {
    if (atRule.params.startsWith(KEYFRAMES_PREFIX)) return
    const name = `${KEYFRAMES_PREFIX}${atRule.params}`
    renamed.set(atRule.params, name)
    atRule.params = name
  })
  if (renamed.size === 0) return
  const names = new RegExp(`(^|[\\s,])(${[...renamed.keys()].join('|')})(?=$|[\\s,])`, 'g')
  root.walkDecls(/^animation(-name)?$/i, (declaration) => {
    declaration.value = declaration.value.replace(
      names,
      (_match, before: string, name: string) => `${before}${renamed.get(name)}`
    )
  })
}

/** Scopes a stylesheet to the module root (see {@link scopeStylesheet}). */
export function scopeCss(css: string, where: string): string {
  const root = postcss.parse(css, { from: where })
  root.walkRules((rule) => {
    if (insideKeyframes(rule)) return
    rule.selectors = rule.selectors.map((selector) => scopeSelector(selector, where))
  })
  prefixKeyframes(root)
  return root.toString()
}

/**
 * Rewrites the built stylesheet so that nothing in it reaches outside the module root: every
 * selector is put below `:where(.pc-customer-development)` (rules that start at the root, as
 * theme.css does, stay as they are), Element Plus's `:root` variables move to the root, and
 * keyframes get the namespace prefix. A `html` or `body` rule fails the build. The file is
 * renamed after its new content (hosts cache it for good), so it must run before the plugin that
 * writes manifest.json.
 */
export function scopeStylesheet(): Plugin {
  return {
    name: 'pc-scope-stylesheet',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [key, file] of Object.entries(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue
        const source = scopeCss(String(file.source), file.fileName)
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8)
        const fileName = file.fileName.replace(/-[\w-]{8}\.css$/, `-${hash}.css`)
        if (fileName === file.fileName)
          throw new Error(`${file.fileName}: no content hash to replace`)
        // Rolldown takes new files through emitFile only (assigning to `bundle` is ignored).
        delete bundle[key]
        this.emitFile({ type: 'asset', fileName, source })
      }
    },
  }
}
