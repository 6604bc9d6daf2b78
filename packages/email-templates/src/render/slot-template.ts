/** Private-use characters never appear in catalogue text, so they delimit slots unambiguously. */
const SLOT_OPEN = '\uE000'
const SLOT_CLOSE = '\uE001'
const SLOT_PATTERN = /\uE000(\d+)\uE001/g

/**
 * A rendered string cut at its slots: `parts[0] + value(slots[0]) + parts[1] + …`.
 *
 * @example
 * const template: SlotTemplate = { parts: ['Hello ', ','], slots: [1] }
 */
export interface SlotTemplate {
  parts: readonly string[]
  slots: readonly number[]
}

/**
 * The placeholder standing for slot `index` while a skeleton is rendered. It is not changed by
 * HTML escaping or by the text converter (no markup characters, no whitespace).
 *
 * @example
 * sentinel(2) // '\uE0002\uE001'
 */
export function sentinel(index: number): string {
  return `${SLOT_OPEN}${index}${SLOT_CLOSE}`
}

/**
 * Cuts a skeleton rendered with sentinels into parts. A sentinel that was altered on the way
 * (split, re-cased, truncated) would leave a stray delimiter behind, so that fails loudly here,
 * at start-up, rather than producing wrong emails later.
 *
 * @example
 * compileSlotTemplate(`Hello ${sentinel(1)},`) // { parts: ['Hello ', ','], slots: [1] }
 */
export function compileSlotTemplate(rendered: string): SlotTemplate {
  const parts: string[] = []
  const slots: number[] = []
  let last = 0
  for (const match of rendered.matchAll(SLOT_PATTERN)) {
    parts.push(rendered.slice(last, match.index))
    slots.push(Number(match[1]))
    last = match.index + match[0].length
  }
  parts.push(rendered.slice(last))
  if (parts.some((part) => part.includes(SLOT_OPEN) || part.includes(SLOT_CLOSE))) {
    throw new Error('A slot placeholder was altered while rendering; the template is not slot-safe')
  }
  return { parts, slots }
}

/**
 * Fills a slot template with per-recipient values (already escaped for the target format).
 *
 * @example
 * fillSlotTemplate({ parts: ['Hello ', ','], slots: [0] }, ['Alpha']) // 'Hello Alpha,'
 */
export function fillSlotTemplate(template: SlotTemplate, values: readonly string[]): string {
  let out = template.parts[0] ?? ''
  for (let i = 0; i < template.slots.length; i++) {
    out += (values[template.slots[i] ?? -1] ?? '') + (template.parts[i + 1] ?? '')
  }
  return out
}

/**
 * The text converter splits text into words at these characters and joins words with one space,
 * trimming at block edges (html-to-text `whitespaceCharacters`).
 */
const TEXT_SAFE = /^[^ \t\r\n\f\u200b]+(?: [^ \t\r\n\f\u200b]+)*$/

/** Above this the converter's input limits could start to matter; such values are never sent. */
const MAX_FAST_LENGTH = 10_000

/**
 * Whether a value converts to plain text as itself wherever it sits in a sentence: non-empty,
 * single inner spaces only, no other converter whitespace. Anything else (say, a doubled space
 * that the converter collapses) makes the fast path fall back to a full render.
 *
 * @example
 * isTextSlotSafe('Alpha Partner') // true
 * isTextSlotSafe(' Alpha  Partner') // false
 */
export function isTextSlotSafe(value: string): boolean {
  return value.length <= MAX_FAST_LENGTH && TEXT_SAFE.test(value)
}
