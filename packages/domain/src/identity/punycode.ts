// RFC 3492 Bootstring parameters for Punycode.
const BASE = 36
const T_MIN = 1
const T_MAX = 26
const SKEW = 38
const DAMP = 700
const INITIAL_BIAS = 72
const INITIAL_N = 128
const MAX_CODE_POINT = 0x10ffff

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1
  d += Math.floor(d / numPoints)
  let k = 0
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN))
    k += BASE
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW))
}

// 'a'..'z' → 0..25, '0'..'9' → 26..35 (lower case only: callers pass mapped, lower-case labels).
function digitValue(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 0x61
  if (code >= 0x30 && code <= 0x39) return code - 22
  return BASE
}

/**
 * Decodes the Punycode part of one `xn--` label (RFC 3492), so that the script rules can look at
 * the label a reader sees. The encoding direction is the WHATWG URL parser's job
 * (`canonicalEmailDomain`); only decoding is written here, because the domain package imports
 * nothing and no runtime offers a portable decoder. Null when the input is not valid Punycode.
 *
 * @example
 * punycodeDecode('mnchen-3ya') // 'münchen'
 * punycodeDecode('ypal-43d9g') // 'раypal' (Cyrillic р and а)
 */
export function punycodeDecode(encoded: string): string | null {
  const separator = encoded.lastIndexOf('-')
  const output: number[] = []
  for (let i = 0; i < Math.max(separator, 0); i++) {
    const code = encoded.charCodeAt(i)
    if (code >= 0x80) return null
    output.push(code)
  }
  let n = INITIAL_N
  let bias = INITIAL_BIAS
  let i = 0
  for (let index = separator > 0 ? separator + 1 : 0; index < encoded.length;) {
    const oldI = i
    let w = 1
    for (let k = BASE; ; k += BASE) {
      if (index >= encoded.length) return null
      const digit = digitValue(encoded.charCodeAt(index++))
      if (digit >= BASE) return null
      i += digit * w
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias
      if (digit < t) break
      w *= BASE - t
      if (i > MAX_CODE_POINT * (output.length + 1)) return null
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0)
    n += Math.floor(i / (output.length + 1))
    i %= output.length + 1
    if (n > MAX_CODE_POINT) return null
    output.splice(i++, 0, n)
  }
  return String.fromCodePoint(...output)
}
