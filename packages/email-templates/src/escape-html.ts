const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escapes text exactly as Vue's SSR does (`@vue/shared` `escapeHtml`), so a value filled into a
 * pre-rendered slot is byte-identical to the same value interpolated by Vue.
 *
 * @example
 * escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
export function escapeHtml(value: string): string {
  return value.replace(/["'&<>]/g, (char) => ESCAPES[char] ?? char)
}
