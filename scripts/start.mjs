// `npm start`: installs what is needed, builds, and starts everything on embedded defaults
// (PGlite in .data/pglite, in-process SMTP sink, demo data), then prints where to go.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ensureNode } from './lib/ensure-node.mjs'
import { ensurePnpm } from './lib/ensure-pnpm.mjs'
import { heading, run } from './lib/run.mjs'
import { DEFAULT_PORTS, serveSystem } from './serve.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
process.chdir(root)
// Before any pnpm call: re-executes this command on the Node.js of .node-version when needed.
await ensureNode()

const DEMO_SIGN_INS = `Demo sign-ins (password Passw0rd!demo):
  admin@acme.example      partner admin (Acme Cloud Services)
  sales@acme.example      sales
  am@acme.example         account manager (own rows only)
  viewer@acme.example     read only
  admin@globex.example    prepaid partner, referral only
  admin@initech.example   module not enabled
  admin@umbrella.example  reseller only
  manager@ecosystem.example  ecosystem manager`
const PRODUCTION_NOTE = `Production (DATABASE_URL is set and APP_ENV is not): no demo data, fixture routes or
mailbox; demo users and links a development run left in this database are disabled.`

async function step(name, command, args) {
  heading(name)
  const code = await run(command, args)
  if (code !== 0) {
    console.error(`\n${name} failed (exit ${code}).`)
    process.exit(code)
  }
}

await ensurePnpm()
await step('install', 'pnpm', ['install', '--frozen-lockfile'])
// The apps build from the packages' sources (tooling/tsconfig/source-conditions.mjs): only the apps
// and email-templates (compiled .vue) are built; the packages' own builds are for publishing.
await step('build', 'pnpm', ['turbo', 'run', 'build', '--concurrency=2', '--filter=./apps/*'])

heading('start')
const dataDir = `${root}/.data/pglite`
mkdirSync(dataDir, { recursive: true })
// A real database means production unless APP_ENV says otherwise (the API applies the same
// rule): demo data, fixtures and the mailbox exist only on the embedded PGlite (issue 13).
const appEnv = process.env.APP_ENV || (process.env.DATABASE_URL ? 'production' : 'development')
const system = await serveSystem({
  ports: DEFAULT_PORTS,
  env: {
    APP_ENV: appEnv,
    ...(process.env.DATABASE_URL ? {} : { PGLITE_DATA_DIR: dataDir }),
  },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void system.stop(0))

console.log(`
Partner Center is running.

  Open:            ${system.urls.shell}
  Customer portal: ${system.urls.portal}
  API reference:   ${system.urls.api}
  Database:        ${process.env.DATABASE_URL ? 'DATABASE_URL' : `PGlite in ${dataDir}`}
  Mail:            ${process.env.SMTP_URL ? 'SMTP_URL' : 'in-process sink (Mailbox page in the shell)'}
  APP_ENV:         ${appEnv}

${appEnv === 'production' ? PRODUCTION_NOTE : DEMO_SIGN_INS}

Stop with Ctrl+C.`)
