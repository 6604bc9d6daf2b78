import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CUSTOMER_EMAIL_DOMAIN, CUSTOMER_MOBILE_PREFIX, CUSTOMER_NAME_PREFIX } from './seed'
import { JOIN_LINK_PREFIX, LINK_PREFIX, type Topology } from './topology'

/** The contact columns of domain.md §3: the only places an unmasked customer value may live. */
export const CONTACT_COLUMNS: Record<string, readonly string[]> = {
  pre_registrations: ['customer_name', 'email', 'email_canonical', 'mobile_e164'],
  customer_accounts: ['email', 'email_canonical', 'mobile_e164', 'display_name'],
  invitations: ['recipient_email', 'recipient_email_canonical'],
}

const EMAIL = new RegExp(`[A-Za-z0-9._+-]+@${CUSTOMER_EMAIL_DOMAIN.replace(/\./g, '\\.')}`, 'g')
const NAME = new RegExp(`${CUSTOMER_NAME_PREFIX} [0-9A-Za-z-]+`, 'g')
const MOBILE = new RegExp(`\\${CUSTOMER_MOBILE_PREFIX}\\d{8}`, 'g')
const TOKEN_CANDIDATE = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g
// An API key or a webhook signing secret, issued in this run or not (R144): the prefix and at
// least 20 characters of base64 or base64url. A key's 12-character `keyPrefix` is shorter.
const SECRET_SHAPE = /(?:pck_|whsec_)[A-Za-z0-9+/_-]{20,}/g
const SIGNING_SECRET = /^whsec_(.+)$/
// The forms of one secrets set, computed once: the dump scan calls scanText for every value.
const longForms = new WeakMap<ReadonlySet<string>, { size: number; forms: string[] }>()

/**
 * The texts searched for the secrets that are not 43-character tokens: each API key (`pck_…`)
 * and signing secret (`whsec_…`) whole, and a signing secret's base64 part on its own (R144).
 */
function longFormsOf(secrets: ReadonlySet<string>): string[] {
  const cached = longForms.get(secrets)
  if (cached?.size === secrets.size) return cached.forms
  const forms = [...secrets].flatMap((secret) => {
    if (secret.length === 43) return []
    const base64 = SIGNING_SECRET.exec(secret)?.[1]
    return base64 === undefined ? [secret] : [secret, base64]
  })
  longForms.set(secrets, { size: secrets.size, forms })
  return forms
}

/** What one scan found; every count should be 0. */
export interface ScanCounts {
  bytes: number
  rawTokens: number
  links: number
  unmaskedEmails: number
  unmaskedNames: number
  unmaskedMobiles: number
  samples: string[]
}

function emptyCounts(): ScanCounts {
  return {
    bytes: 0,
    rawTokens: 0,
    links: 0,
    unmaskedEmails: 0,
    unmaskedNames: 0,
    unmaskedMobiles: 0,
    samples: [],
  }
}

function add(into: ScanCounts, from: ScanCounts) {
  into.bytes += from.bytes
  into.rawTokens += from.rawTokens
  into.links += from.links
  into.unmaskedEmails += from.unmaskedEmails
  into.unmaskedNames += from.unmaskedNames
  into.unmaskedMobiles += from.unmaskedMobiles
  into.samples.push(...from.samples.slice(0, 5 - into.samples.length))
}

/**
 * Counts raw secrets (`secrets`: link tokens, offline link codes, bearer tokens, API keys and
 * webhook signing secrets the run saw, the last two also by their shape), full invitation links (email and offline) and unmasked customer values (the suite's own value
 * patterns) in a text.
 */
export function scanText(text: string, secrets: ReadonlySet<string>, where = ''): ScanCounts {
  const counts = emptyCounts()
  counts.bytes = text.length
  const sample = (what: string, value: string) => {
    if (counts.samples.length < 5) counts.samples.push(`${where} ${what}: ${value.slice(0, 12)}…`)
  }
  for (const match of text.matchAll(TOKEN_CANDIDATE)) {
    if (secrets.has(match[0])) {
      counts.rawTokens += 1
      sample('token', match[0])
    }
  }
  for (const form of longFormsOf(secrets)) {
    if (text.includes(form)) {
      counts.rawTokens += 1
      sample('issued key or secret', form)
    }
  }
  for (const match of text.matchAll(SECRET_SHAPE)) {
    counts.rawTokens += 1
    sample('key or secret shape', match[0])
  }
  // Email links (`/invite#`) and offline invitation links (`/join#`, R99) alike.
  for (const prefix of [LINK_PREFIX, JOIN_LINK_PREFIX]) {
    let at = text.indexOf(prefix)
    while (at !== -1) {
      counts.links += 1
      sample('link', text.slice(at, at + 40))
      at = text.indexOf(prefix, at + 1)
    }
  }
  for (const match of text.matchAll(EMAIL)) {
    counts.unmaskedEmails += 1
    sample('email', match[0])
  }
  for (const match of text.matchAll(NAME)) {
    counts.unmaskedNames += 1
    sample('name', match[0])
  }
  for (const match of text.matchAll(MOBILE)) {
    counts.unmaskedMobiles += 1
    sample('mobile', match[0])
  }
  return counts
}

/** `pg_dump --data-only` of the topology's database, kept beside the logs. */
export function dumpDatabase(topology: Topology): string {
  const result = spawnSync(
    join(topology.cluster.binDir, 'pg_dump'),
    [
      '--data-only',
      '-h',
      '127.0.0.1',
      '-p',
      String(topology.cluster.port),
      '-U',
      topology.cluster.user,
      topology.databaseName,
    ],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 }
  )
  if (result.status !== 0) throw new Error(`pg_dump failed: ${result.stderr}`)
  writeFileSync(join(topology.runDir, 'dump.sql'), result.stdout)
  return result.stdout
}

/**
 * Scans a data-only dump table by table: secrets and links anywhere are violations, unmasked
 * customer values are violations outside {@link CONTACT_COLUMNS}.
 */
export function scanDump(dump: string, secrets: ReadonlySet<string>) {
  const total = emptyCounts()
  const outsideContactColumns: Record<string, number> = {}
  let rows = 0
  let table = ''
  let columns: string[] = []
  for (const line of dump.split('\n')) {
    const copy = /^COPY public\.(\w+) \(([^)]*)\) FROM stdin;$/.exec(line)
    if (copy) {
      table = copy[1] ?? ''
      columns = (copy[2] ?? '').split(', ').map((c) => c.replace(/"/g, ''))
      continue
    }
    if (line === '\\.') {
      table = ''
      continue
    }
    if (!table) {
      add(total, scanText(line, secrets, 'dump'))
      continue
    }
    rows += 1
    const allowed = CONTACT_COLUMNS[table] ?? []
    line.split('\t').forEach((value, index) => {
      const column = columns[index] ?? `#${index}`
      const found = scanText(value, secrets, `${table}.${column}`)
      total.bytes += found.bytes
      total.rawTokens += found.rawTokens
      total.links += found.links
      if (found.rawTokens || found.links) total.samples.push(...found.samples.slice(0, 1))
      const unmasked = found.unmaskedEmails + found.unmaskedNames + found.unmaskedMobiles
      if (unmasked > 0 && !allowed.includes(column)) {
        const key = `${table}.${column}`
        outsideContactColumns[key] = (outsideContactColumns[key] ?? 0) + unmasked
        total.unmaskedEmails += found.unmaskedEmails
        total.unmaskedNames += found.unmaskedNames
        total.unmaskedMobiles += found.unmaskedMobiles
        if (total.samples.length < 5) total.samples.push(...found.samples.slice(0, 1))
      }
    })
  }
  return { rows, ...total, outsideContactColumns }
}

/**
 * The scans of one topology: its database dump, every process log (APIs, dispatchers and the
 * PostgreSQL server log) and the error bodies the suite received.
 */
export function scanTopology(
  topology: Topology,
  secrets: ReadonlySet<string>,
  errorBodies: string[]
) {
  const all = new Set([...secrets, ...topology.sink.tokens])
  const dump = scanDump(dumpDatabase(topology), all)
  const logs = emptyCounts()
  const logFiles: string[] = []
  for (const p of topology.all()) {
    add(logs, scanText(p.log(), all, p.name))
    logFiles.push(p.name)
  }
  let serverLog = ''
  try {
    serverLog = readFileSync(topology.cluster.logFile, 'utf8')
  } catch {
    // no server log
  }
  add(logs, scanText(serverLog, all, 'postgres'))
  logFiles.push('postgres')
  const errors = emptyCounts()
  for (const body of errorBodies) add(errors, scanText(body, all, 'error body'))
  return {
    secretsLookedFor: all.size,
    dump,
    logs: { files: logFiles, ...logs },
    errorBodies: { count: errorBodies.length, ...errors },
  }
}

/** True when a scan found nothing it forbids. */
export function scanIsClean(scan: ReturnType<typeof scanTopology>): boolean {
  const bad = (c: ScanCounts) =>
    c.rawTokens + c.links + c.unmaskedEmails + c.unmaskedNames + c.unmaskedMobiles
  return bad(scan.dump) === 0 && bad(scan.logs) === 0 && bad(scan.errorBodies) === 0
}
