/**
 * The Script property values of Unicode 17 except Common, Inherited and Unknown, by their long
 * names. Names only: which characters belong to a script is the JavaScript engine's own Unicode
 * data, asked through `\p{Script_Extensions=…}`, so the package ships no character table.
 *
 * @example
 * SCRIPT_NAMES.includes('Cyrillic') // true
 */
// prettier-ignore
export const SCRIPT_NAMES: readonly string[] = [
  'Adlam', 'Ahom', 'Anatolian_Hieroglyphs', 'Arabic', 'Armenian', 'Avestan', 'Balinese', 'Bamum',
  'Bassa_Vah', 'Batak', 'Bengali', 'Beria_Erfe', 'Bhaiksuki', 'Bopomofo', 'Brahmi', 'Braille',
  'Buginese', 'Buhid', 'Canadian_Aboriginal', 'Carian', 'Caucasian_Albanian', 'Chakma', 'Cham',
  'Cherokee', 'Chorasmian', 'Coptic', 'Cuneiform', 'Cypriot', 'Cypro_Minoan', 'Cyrillic', 'Deseret',
  'Devanagari', 'Dives_Akuru', 'Dogra', 'Duployan', 'Egyptian_Hieroglyphs', 'Elbasan', 'Elymaic',
  'Ethiopic', 'Garay', 'Georgian', 'Glagolitic', 'Gothic', 'Grantha', 'Greek', 'Gujarati',
  'Gunjala_Gondi', 'Gurmukhi', 'Gurung_Khema', 'Han', 'Hangul', 'Hanifi_Rohingya', 'Hanunoo',
  'Hatran', 'Hebrew', 'Hiragana', 'Imperial_Aramaic', 'Inscriptional_Pahlavi',
  'Inscriptional_Parthian', 'Javanese', 'Kaithi', 'Kannada', 'Katakana', 'Kawi', 'Kayah_Li',
  'Kharoshthi', 'Khitan_Small_Script', 'Khmer', 'Khojki', 'Khudawadi', 'Kirat_Rai', 'Lao', 'Latin',
  'Lepcha', 'Limbu', 'Linear_A', 'Linear_B', 'Lisu', 'Lycian', 'Lydian', 'Mahajani', 'Makasar',
  'Malayalam', 'Mandaic', 'Manichaean', 'Marchen', 'Masaram_Gondi', 'Medefaidrin', 'Meetei_Mayek',
  'Mende_Kikakui', 'Meroitic_Cursive', 'Meroitic_Hieroglyphs', 'Miao', 'Modi', 'Mongolian', 'Mro',
  'Multani', 'Myanmar', 'Nabataean', 'Nag_Mundari', 'Nandinagari', 'New_Tai_Lue', 'Newa', 'Nko',
  'Nushu', 'Nyiakeng_Puachue_Hmong', 'Ogham', 'Ol_Chiki', 'Ol_Onal', 'Old_Hungarian', 'Old_Italic',
  'Old_North_Arabian', 'Old_Permic', 'Old_Persian', 'Old_Sogdian', 'Old_South_Arabian',
  'Old_Turkic', 'Old_Uyghur', 'Oriya', 'Osage', 'Osmanya', 'Pahawh_Hmong', 'Palmyrene',
  'Pau_Cin_Hau', 'Phags_Pa', 'Phoenician', 'Psalter_Pahlavi', 'Rejang', 'Runic', 'Samaritan',
  'Saurashtra', 'Sharada', 'Shavian', 'Siddham', 'Sidetic', 'SignWriting', 'Sinhala', 'Sogdian',
  'Sora_Sompeng', 'Soyombo', 'Sundanese', 'Sunuwar', 'Syloti_Nagri', 'Syriac', 'Tagalog',
  'Tagbanwa', 'Tai_Le', 'Tai_Tham', 'Tai_Viet', 'Tai_Yo', 'Takri', 'Tamil', 'Tangsa', 'Tangut',
  'Telugu', 'Thaana', 'Thai', 'Tibetan', 'Tifinagh', 'Tirhuta', 'Todhri', 'Tolong_Siki', 'Toto',
  'Tulu_Tigalari', 'Ugaritic', 'Vai', 'Vithkuqi', 'Wancho', 'Warang_Citi', 'Yezidi', 'Yi',
  'Zanabazar_Square',
]

// UTS #39 §5.2 "Highly Restrictive": besides one script, these three mixes are allowed.
const ALLOWED_MIXES = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
].map((scripts) => new Set(scripts))

// Characters whose Script_Extensions is {Common} or {Inherited} (digits, hyphen, most combining
// marks) fit any script and are ignored, as UTS #39 §5.1 says.
const COMMON_OR_INHERITED = /^[\p{Script_Extensions=Common}\p{Script_Extensions=Inherited}]$/u
const ASCII_LABEL = /^[a-z0-9-]*$/i

let scriptPatterns: (readonly [string, RegExp])[] | null = null

// Built on first use; a name an older engine does not know (a browser on Unicode 15 meeting the
// scripts of 16 and 17) is skipped: that engine has no characters in it either. A script newer
// than this list finds no name, and its labels are refused until the list learns it.
function patterns(): readonly (readonly [string, RegExp])[] {
  scriptPatterns ??= SCRIPT_NAMES.flatMap((name) => {
    try {
      return [[name, new RegExp(`^\\p{Script_Extensions=${name}}$`, 'u')] as const]
    } catch {
      return []
    }
  })
  return scriptPatterns
}

/**
 * The scripts of one character (its Script_Extensions), or null for Common and Inherited ones.
 * An empty set means a character of no script this engine and the list both know.
 *
 * @example
 * scriptsOf('a') // Set { 'Latin' }
 * scriptsOf('ー') // Set { 'Hiragana', 'Katakana' }
 * scriptsOf('1') // null
 */
export function scriptsOf(char: string): ReadonlySet<string> | null {
  if (COMMON_OR_INHERITED.test(char)) return null
  return new Set(patterns().flatMap(([name, pattern]) => (pattern.test(char) ? [name] : [])))
}

/**
 * UTS #39 "Highly Restrictive" for one domain label: ignoring Common and Inherited characters,
 * every character shares one script, or each belongs to one of the mixes Latin + Han + Hiragana +
 * Katakana, Latin + Han + Bopomofo, Latin + Han + Hangul. So `例えjp` and `한국abc` pass, while
 * `раypal` (Cyrillic р and а among Latin letters) does not.
 *
 * @example
 * isHighlyRestrictive('bücher') // true
 * isHighlyRestrictive('日本語テキストabc') // true
 * isHighlyRestrictive('раypal') // false
 */
export function isHighlyRestrictive(label: string): boolean {
  if (ASCII_LABEL.test(label)) return true
  const sets: ReadonlySet<string>[] = []
  for (const char of label) {
    const scripts = scriptsOf(char)
    if (scripts === null) continue
    if (scripts.size === 0) return false
    sets.push(scripts)
  }
  const [first, ...rest] = sets
  if (first === undefined) return true
  const shared = [...first].some((script) => rest.every((set) => set.has(script)))
  if (shared) return true
  return ALLOWED_MIXES.some((mix) => sets.every((set) => [...set].some((s) => mix.has(s))))
}
