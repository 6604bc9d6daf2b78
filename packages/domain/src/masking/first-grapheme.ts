// A single grapheme may hold any number of combining marks; capping its code units keeps a
// crafted name from smuggling its whole content through the "first character" (M4).
const MAX_GRAPHEME_UNITS = 16

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

const CARRIAGE_RETURN = 0x0d
const ASCII_END = 0x80

// Lists mask thousands of values per second, so skip the segmenter when the answer is certain:
// an ASCII character followed by another ASCII character (or nothing) is a grapheme of its own.
// Only CR LF joins two ASCII characters into one grapheme, hence the CR exclusion.
function startsWithLoneAsciiCharacter(text: string): boolean {
  const first = text.charCodeAt(0)
  if (!(first < ASCII_END) || first === CARRIAGE_RETURN) return false
  return text.length === 1 || text.charCodeAt(1) < ASCII_END
}

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
  if (startsWithLoneAsciiCharacter(text)) return text.charAt(0)
  const first = segmenter.segment(text)[Symbol.iterator]().next()
  if (first.done) return ''
  let out = ''
  for (const codePoint of first.value.segment) {
    if (out.length + codePoint.length > MAX_GRAPHEME_UNITS) break
    out += codePoint
  }
  return out
}
