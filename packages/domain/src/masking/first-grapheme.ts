// A single grapheme may hold any number of combining marks; capping its code units keeps a
// crafted name from smuggling its whole content through the "first character" (M4).
const MAX_GRAPHEME_UNITS = 16

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

/**
 * The first user-perceived character (extended grapheme cluster) of a text, at most 16 UTF-16
 * code units long and cut only at code point boundaries; '' for an empty text. Uses the built-in
 * `Intl.Segmenter`, so emoji sequences such as 👩‍💻 stay whole.
 *
 * @example
 * firstGrapheme('👩‍💻 Dev') // '👩‍💻'
 * firstGrapheme('阿尔法') // '阿'
 */
export function firstGrapheme(text: string): string {
  const first = segmenter.segment(text)[Symbol.iterator]().next()
  if (first.done) return ''
  let out = ''
  for (const codePoint of first.value.segment) {
    if (out.length + codePoint.length > MAX_GRAPHEME_UNITS) break
    out += codePoint
  }
  return out
}
