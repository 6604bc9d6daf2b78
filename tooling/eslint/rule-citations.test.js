// Every rule id and section that a source file cites resolves to a heading in docs/, so a comment
// such as "(R38 step 6)" or "(architecture.md §7)" always leads somewhere in the repository.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const DOCS = join(ROOT, 'docs')
const SOURCE = /\.(?:[cm]?[jt]s|tsx|vue)$/
const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  'dist',
  '.cache',
  '.data',
  'coverage',
  '.reports',
])

/**
 * A cited id: R rules, P/I/A transitions, M masking rules, S screens, with an optional letter
 * suffix (`R28a`, `I6b`). Not part of a longer word, path, hash or seed name (`P11-1`), and not an
 * SVG path command (`M12 5c…`, `M17.7 6.3`).
 */
export const ID_PATTERN = /(?<![\w\-./#$])[RIPMSA][1-9]\d{0,2}[a-z]?(?![\w-])(?!\.\d)(?! \d)/g

/**
 * A cited section: `§3.8`, `§ 10`, `domain.md §8`, `architecture.md section 3`. Group 1 or 3 is
 * the page, group 2 or 4 the number.
 */
export const SECTION_PATTERN =
  /(?:\b([\w-]+)\.md[ ,]*)?§ ?(\d+(?:\.\d+)*)|\b([\w-]+)\.md section (\d+(?:\.\d+)*)/g

/** What may stand between `architecture.md §5` and a following bare `§7` of the same page. */
const SAME_PAGE_GAP = /^(?:\s*(?:[,–-]|and|or)\s*)$/

/**
 * The citations of one file's text: ids, and sections with the page they refer to. A bare `§N`
 * means domain.md, unless it directly continues a citation of another page (`architecture.md
 * §5, §7`); a `§` of an external standard (`UTS #39 §5.1`) is no citation.
 *
 * @param {string} text
 * @returns {{ ids: string[], sections: { page: string, section: string }[] }}
 */
export function findCitations(text) {
  const ids = [...text.matchAll(ID_PATTERN)].map((match) => match[0])
  const sections = []
  let previous = null
  for (const match of text.matchAll(SECTION_PATTERN)) {
    const before = text.slice(Math.max(0, match.index - 12), match.index)
    const namedPage = match[1] ?? match[3]
    const section = match[2] ?? match[4]
    const continues = previous !== null && SAME_PAGE_GAP.test(text.slice(previous.end, match.index))
    let page = namedPage ?? (continues ? previous.page : 'domain')
    if (!namedPage && /#\d+ ?$/.test(before)) page = null
    previous = { page, end: match.index + match[0].length }
    if (page !== null) sections.push({ page, section })
  }
  return { ids, sections }
}

/**
 * The ids and section numbers one markdown page defines: the first word of each heading when it
 * is an id (`#### R14 Canonical email`) or a number (`### 3.8 OutboxMessage`). Headings inside
 * code fences do not count.
 *
 * @param {string} markdown
 */
export function headingsOf(markdown) {
  const ids = new Set()
  const sections = new Set()
  const duplicates = []
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced
    const heading = fenced ? null : /^#{1,6} +(\S+)/.exec(line)
    if (!heading) continue
    const first = heading[1]
    if (/^[RIPMSA][1-9]\d{0,2}[a-z]?$/.test(first)) {
      if (ids.has(first)) duplicates.push(first)
      ids.add(first)
    } else if (/^\d+(?:\.\d+)*$/.test(first)) {
      if (sections.has(first)) duplicates.push(first)
      sections.add(first)
    }
  }
  return { ids, sections, duplicates }
}

/**
 * The seed rows of domain.md §10.3 (`P01`…`P14`, `G01`, `U01`): code names them as demo data,
 * and they are rows of that table rather than headings.
 *
 * @param {string} markdown
 */
export function seedRowsOf(markdown) {
  const start = markdown.search(/^### 10\.3 /m)
  if (start < 0) return new Set()
  const rest = markdown.slice(markdown.indexOf('\n', start))
  const end = rest.search(/^#{1,3} /m)
  const section = end < 0 ? rest : rest.slice(0, end)
  return new Set([...section.matchAll(/^\| ([A-Z]\d{2}) \|/gm)].map((match) => match[1]))
}

function walk(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      return SKIPPED_DIRS.has(entry.name)
        ? []
        : walk(join(dir, entry.name), `${prefix}${entry.name}/`)
    }
    return [`${prefix}${entry.name}`]
  })
}

/**
 * The repository's source files as they are on disk: tracked and new ones per git (not the
 * ignored ones, nor tracked ones deleted in the work tree), else every file outside build output.
 */
function sourceFiles() {
  let files
  try {
    const args = ['ls-files', '--cached', '--others', '--exclude-standard']
    files = execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).split('\n')
    files = files.filter((file) => file && existsSync(join(ROOT, file)))
  } catch {
    files = walk(ROOT)
  }
  return [...new Set(files)].filter(
    (file) => SOURCE.test(file) && !file.startsWith('docs/') && !/(^|\/)[^/]*lock[^/]*$/.test(file)
  )
}

function readDocs() {
  const pages = new Map()
  for (const name of readdirSync(DOCS)) {
    if (name.endsWith('.md')) pages.set(name.slice(0, -3), readFileSync(join(DOCS, name), 'utf8'))
  }
  return pages
}

/**
 * Every citation of every source file that does not resolve, as `file: citation` lines.
 *
 * @param {{ files: string[], read: (file: string) => string, pages: Map<string, string> }} options
 */
export function unresolvedCitations({ files, read, pages }) {
  const domain = pages.get('domain') ?? ''
  const { ids } = headingsOf(domain)
  const seeds = seedRowsOf(domain)
  const sectionsOf = new Map([...pages].map(([page, text]) => [page, headingsOf(text).sections]))
  const problems = []
  for (const file of files) {
    const citations = findCitations(read(file))
    for (const id of new Set(citations.ids)) {
      if (!ids.has(id) && !seeds.has(id)) problems.push(`${file}: ${id}`)
    }
    for (const { page, section } of citations.sections) {
      const known = sectionsOf.get(page)
      if (!known) problems.push(`${file}: ${page}.md is not in docs/`)
      else if (!known.has(section)) problems.push(`${file}: ${page}.md §${section}`)
    }
  }
  return [...new Set(problems)]
}

describe('citations of docs/ in code', () => {
  it('finds ids, sections and their pages, and ignores look-alikes', () => {
    const bogus = ['R', '999'].join('')
    const text = [
      `// (R14, R28a, I6b) and ${bogus}; architecture.md §5, §7 and domain.md section 10.`,
      "// §3.8 and 'P11-1', P0001, #R14, x.R14, UTS #39 §5.1; icon: 'M12 5c', 'M17.7 6.3'",
    ].join('\n')
    expect(findCitations(text)).toEqual({
      ids: ['R14', 'R28a', 'I6b', bogus],
      sections: [
        { page: 'architecture', section: '5' },
        { page: 'architecture', section: '7' },
        { page: 'domain', section: '10' },
        { page: 'domain', section: '3.8' },
      ],
    })
  })

  it('reports an id or a section that has no heading', () => {
    const domain = [
      '## 3 Entities\n\n### 3.8 Outbox\n\n#### R14 Canonical email\n',
      '### 10.3 Pre-registrations\n\n| Id | Partner |\n| --- | --- |\n| P12 | Acme |\n',
      '### 10.4 Codes\n\n| P13 | not a seed row |\n',
    ].join('\n')
    const pages = new Map([
      ['domain', domain],
      ['architecture', '## 5 API conventions\n'],
    ])
    const [r15, p13] = [['R', '15'].join(''), ['P', '13'].join('')]
    const source = `// R14 ${r15} P12 ${p13} §3.8 §${['3', '9'].join('.')} architecture.md §5, §${'6'}`
    expect(unresolvedCitations({ files: ['a.ts'], read: () => source, pages })).toEqual([
      'a.ts: R15',
      'a.ts: P13',
      'a.ts: domain.md §3.9',
      'a.ts: architecture.md §6',
    ])
  })

  it('resolves every id and section cited in the repository to a heading in docs/', () => {
    const files = sourceFiles()
    expect(files.length).toBeGreaterThan(100)
    const pages = readDocs()
    const problems = unresolvedCitations({
      files,
      read: (file) => readFileSync(join(ROOT, file), 'utf8'),
      pages,
    })
    expect(problems).toEqual([])
  })

  it('gives every id and section of docs/ exactly one heading', () => {
    const duplicates = [...readDocs()].flatMap(([page, text]) =>
      headingsOf(text).duplicates.map((heading) => `${page}.md: ${heading}`)
    )
    expect(duplicates).toEqual([])
  })
})
