import { punycodeDecode } from './punycode'
import { isHighlyRestrictive } from './script-restriction'

// The WHATWG URL class exists in every runtime this package runs in (browsers, Node, workerd),
// but not in the ES library types it compiles against; only the part used here is declared.
declare const URL: new (input: string) => { readonly hostname: string }

const LABEL_MAX = 63
const DOMAIN_MAX = 253
// Letters, marks, digits, hyphens and dots (the ideographic full stop too, which UTS-46 maps to
// '.'); everything else, `_`, `/`, `:`, `%`, symbols and spaces included, is refused before the
// URL parser could read it as a port, a path or an IPv4 number.
const DOMAIN_CHARACTERS = /^[\p{L}\p{M}\p{N}.\u3002-]+$/u
const UNICODE_LABEL = /^[\p{L}\p{M}\p{N}-]+$/u
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/
// A numeric last label would make the domain an IPv4 address to the URL parser and to mailers.
const NUMERIC_TOP_LABEL = /(^|\.)[0-9]+$/

/**
 * Why a domain was refused: `INVALID_DOMAIN` (characters, IDNA or LDH form) or
 * `MIXED_SCRIPT_DOMAIN` (a label fails UTS #39 "Highly Restrictive").
 *
 * @example
 * const reason: DomainRefusal = 'MIXED_SCRIPT_DOMAIN'
 */
export type DomainRefusal = 'INVALID_DOMAIN' | 'MIXED_SCRIPT_DOMAIN'

/**
 * The canonical (ASCII) form of an email domain, or why it is refused. The input is expected in
 * NFKC (as `normalizeEmail` passes it). Steps: only letters, marks, digits, hyphens and dots;
 * UTS-46 mapping and Punycode through the WHATWG URL parser (`new URL('http://' + domain)
 * .hostname`, the mapping browsers and mail libraries apply, so the package ships no mapping
 * table); then LDH labels (`a-z`, `0-9`, inner `-`, at most 63 characters), at least two labels,
 * at most 253 characters, a top-level label that is not all digits; and every `xn--` label,
 * decoded, made of letters, marks, digits and hyphens in one script or an allowed mix (UTS #39
 * Highly Restrictive). Decoding the mapped labels checks a Unicode domain and a domain typed
 * directly in `xn--` form alike.
 *
 * @example
 * canonicalEmailDomain('Bücher.Example') // { ok: true, value: 'xn--bcher-kva.example' }
 * canonicalEmailDomain('ｃｕｓｔｏｍｅｒ.example'.normalize('NFKC')) // { ok: true, value: 'customer.example' }
 * canonicalEmailDomain('раypal.com') // { ok: false, reason: 'MIXED_SCRIPT_DOMAIN' }
 */
export function canonicalEmailDomain(
  domain: string
): { ok: true; value: string } | { ok: false; reason: DomainRefusal } {
  const invalid = { ok: false, reason: 'INVALID_DOMAIN' } as const
  if (!DOMAIN_CHARACTERS.test(domain)) return invalid
  let hostname: string
  try {
    hostname = new URL(`http://${domain}`).hostname
  } catch {
    return invalid
  }
  const labels = hostname.split('.')
  if (labels.length < 2 || hostname.length > DOMAIN_MAX) return invalid
  if (NUMERIC_TOP_LABEL.test(hostname)) return invalid
  let mixed = false
  for (const label of labels) {
    if (label.length > LABEL_MAX || !LDH_LABEL.test(label)) return invalid
    if (!label.startsWith('xn--')) continue
    const unicode = punycodeDecode(label.slice(4))
    if (unicode === null || !UNICODE_LABEL.test(unicode)) return invalid
    if (!isHighlyRestrictive(unicode)) mixed = true
  }
  return mixed ? { ok: false, reason: 'MIXED_SCRIPT_DOMAIN' } : { ok: true, value: hostname }
}

/**
 * The ASCII form of a domain ({@link canonicalEmailDomain} after NFKC), or null when refused.
 *
 * @example
 * domainToAscii('München.中国.Example') // 'xn--mnchen-3ya.xn--fiqs8s.example'
 * domainToAscii('例え。jp') // 'xn--r8jz45g.jp'
 */
export function domainToAscii(domain: string): string | null {
  const result = canonicalEmailDomain(domain.normalize('NFKC'))
  return result.ok ? result.value : null
}
