// Migration drift check (`pnpm db:check`, run by CI): regenerates migrations from the schema into
// a temporary copy of ./migrations and fails when drizzle-kit writes anything, i.e. when the
// schema has changes that no committed migration captures.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const committedDir = path.join(packageDir, 'migrations')
// Keep in sync with drizzle.config.ts (dialect and schema).
const SCHEMA = './src/schema/index.ts'

/** Relative paths and contents of every file below `dir`. */
function snapshot(dir) {
  const files = new Map()
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else files.set(path.relative(dir, full), readFileSync(full, 'utf8'))
    }
  }
  if (existsSync(dir)) walk(dir)
  return files
}

// drizzle's bookkeeping identifies migrations by their journal timestamp; entries must increase.
const journalPath = path.join(committedDir, 'meta', '_journal.json')
if (existsSync(journalPath)) {
  const { entries } = JSON.parse(readFileSync(journalPath, 'utf8'))
  const outOfOrder = entries.find(
    (entry, index) => index > 0 && entry.when <= entries[index - 1].when
  )
  if (outOfOrder) {
    console.error(`db:check: journal entry ${outOfOrder.tag} is not newer than the one before it.`)
    process.exit(1)
  }
}

const tempRoot = mkdtempSync(path.join(tmpdir(), 'pc-db-check-'))
try {
  const tempDir = path.join(tempRoot, 'migrations')
  if (existsSync(committedDir)) cpSync(committedDir, tempDir, { recursive: true })
  const bin = path.join(packageDir, 'node_modules', '.bin', 'drizzle-kit')
  // drizzle-kit prefixes `--out` with "./", so it must be relative to the package folder.
  const out = path.relative(packageDir, tempDir)
  const result = spawnSync(
    bin,
    ['generate', '--dialect', 'postgresql', '--schema', SCHEMA, '--out', out],
    { cwd: packageDir, encoding: 'utf8' }
  )
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr)
    console.error('db:check: drizzle-kit generate failed (see above).')
    process.exit(1)
  }
  const before = snapshot(committedDir)
  const after = snapshot(tempDir)
  const changed = [...after.keys()].filter((file) => before.get(file) !== after.get(file))
  if (changed.length === 0) {
    console.log('db:check: migrations are up to date with the schema.')
  } else {
    console.error('db:check: the schema has changes that no committed migration captures.')
    console.error('Files drizzle-kit would add or change:')
    for (const file of changed) console.error(`  migrations/${file}`)
    for (const file of changed.filter((name) => name.endsWith('.sql'))) {
      console.error(`\n--- migrations/${file} ---\n${after.get(file)}`)
    }
    console.error('\nRun `pnpm --filter @partner-center/db db:generate` and commit the result.')
    process.exitCode = 1
  }
} finally {
  rmSync(tempRoot, { recursive: true, force: true })
}
