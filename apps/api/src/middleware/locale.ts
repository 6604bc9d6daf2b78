import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../deps'

/**
 * Picks the answer language from `Accept-Language`: `zh-CN` when the caller prefers Chinese,
 * else `en` (domain.md R8).
 */
export function pickLocale(header: string | undefined): 'en' | 'zh-CN' {
  if (!header) return 'en'
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^q=([0-9.]+)$/.exec(p.trim())?.[1]).find(Boolean)
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1, index }
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  const first = ranked.find((entry) => entry.tag.startsWith('zh') || entry.tag.startsWith('en'))
  return first?.tag.startsWith('zh') ? 'zh-CN' : 'en'
}

/** Sets `c.var.locale` for messages of this request. */
export function locale(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('locale', pickLocale(c.req.header('accept-language')))
    await next()
  }
}
