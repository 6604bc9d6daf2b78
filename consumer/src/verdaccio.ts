import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { childEnv } from '../env'
import { startLongRunning, waitForUrl } from './long-running'

/** A Verdaccio started by {@link startVerdaccio}. */
export interface RunningVerdaccio {
  /** `http://127.0.0.1:<port>/` */
  url: string
  /** The bearer token of the one user the test created; it may publish `@partner-center/*`. */
  token: string
  /** A random id in its `X-Powered-By` header, telling this registry from any other. */
  instance: string
  stop(): Promise<void>
}

const USER = 'consumer-test'

// Storage and users in the throwaway folder; no uplinks, so a package that was not published
// here is a 404, never fetched from elsewhere. `user_agent: true` sends `X-Powered-By:
// verdaccio/<version> (consumer-test <instance>)`, and the web API answers
// /-/verdaccio/data/packages: the registry guard checks both before anything is published.
function configYaml(workDir: string, userAgent: string): string {
  return [
    `storage: ${JSON.stringify(join(workDir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(workDir, 'htpasswd'))}`,
    '    max_users: 1',
    'uplinks: {}',
    'packages:',
    "  '@partner-center/*':",
    '    access: $all',
    '    publish: $authenticated',
    '    unpublish: $authenticated',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    `user_agent: ${JSON.stringify(userAgent)}`,
    'web:',
    '  enable: true',
    'log: { type: stdout, format: json, level: warn }',
    '',
  ].join('\n')
}

/**
 * Starts Verdaccio (the devDependency) on 127.0.0.1:`port` with its config, storage and users in
 * `workDir`, and creates one user through the registry's own `adduser` endpoint.
 *
 * @example
 * const registry = await startVerdaccio({ port: 4873, workDir: '/tmp/consumer-x/registry' })
 */
export async function startVerdaccio(options: {
  port: number
  workDir: string
}): Promise<RunningVerdaccio> {
  mkdirSync(options.workDir, { recursive: true })
  const configPath = join(options.workDir, 'config.yaml')
  const packageJson = createRequire(import.meta.url).resolve('verdaccio/package.json')
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }
  const instance = randomBytes(8).toString('hex')
  writeFileSync(
    configPath,
    configYaml(options.workDir, `verdaccio/${version} (consumer-test ${instance})`)
  )
  const packageDir = dirname(packageJson)
  const server = startLongRunning(
    process.execPath,
    [
      join(packageDir, 'bin', 'verdaccio'),
      '--config',
      configPath,
      '--listen',
      `127.0.0.1:${options.port}`,
    ],
    { cwd: options.workDir, env: childEnv() }
  )
  const url = `http://127.0.0.1:${options.port}/`
  try {
    await waitForUrl(`${url}-/ping`, server, 60_000)
    const token = await addUser(url)
    return { url, token, instance, stop: () => server.stop() }
  } catch (error) {
    await server.stop()
    throw error
  }
}

/** `npm adduser` as a request: creates the user and returns its token. */
async function addUser(url: string): Promise<string> {
  const password = randomBytes(18).toString('base64url')
  const answer = await fetch(`${url}-/user/org.couchdb.user:${USER}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: USER, password }),
  })
  const body = (await answer.json()) as { token?: string }
  if (answer.status !== 201 || !body.token) {
    throw new Error(`Verdaccio refused the user: ${answer.status} ${JSON.stringify(body)}`)
  }
  return body.token
}
