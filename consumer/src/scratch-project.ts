import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { childEnv } from '../env'
import { runChecked, runCommand, type CommandResult } from './run-command'

/** The other team's project, installed with npm outside the workspace. */
export interface ScratchProject {
  dir: string
  /** `npm run <script>` in the project, with `extraEnv`; resolves whatever the exit code. */
  run(script: string, extraEnv?: Record<string, string>): Promise<CommandResult>
  /** The project's `package-lock.json` after the install. */
  lockfile(): NpmLockfile
}

/** The fields of npm's lockfile (v3) read here. */
export interface NpmLockfile {
  packages: Record<string, { version?: string; resolved?: string; link?: boolean }>
}

interface FixtureManifest {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

/**
 * Copies `fixtureDir` to `<workDir>/another-team-console`, gives it the published packages as
 * dependencies at exactly their versions, an `.npmrc` that points only the `@partner-center`
 * scope at `registryUrl` (everything else comes from npm's default registry), and runs
 * `npm install`. npm reads no user or global config: both are empty files in `workDir`.
 *
 * @example
 * const project = await createScratchProject({ fixtureDir, workDir, registryUrl, packages, npmCache })
 * await project.run('typecheck')
 */
export async function createScratchProject(options: {
  fixtureDir: string
  workDir: string
  registryUrl: string
  packages: readonly { name: string; version: string }[]
  /** npm's cache folder (content-addressed; packuments are revalidated with --prefer-online). */
  npmCache: string
}): Promise<ScratchProject> {
  const dir = join(options.workDir, 'another-team-console')
  cpSync(options.fixtureDir, dir, { recursive: true })
  const manifestPath = join(dir, 'package.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as FixtureManifest
  for (const { name, version } of options.packages) manifest.dependencies[name] = version
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  writeFileSync(join(dir, '.npmrc'), `@partner-center:registry=${options.registryUrl}\n`)

  const userConfig = join(options.workDir, 'install-user.npmrc')
  const globalConfig = join(options.workDir, 'install-global.npmrc')
  writeFileSync(userConfig, '')
  writeFileSync(globalConfig, '')
  const env = childEnv({
    npm_config_userconfig: userConfig,
    npm_config_globalconfig: globalConfig,
    npm_config_cache: options.npmCache,
    npm_config_update_notifier: 'false',
  })
  // `http` logs each request, so a failed install shows which fetch failed and why (a TLS
  // error when NODE_EXTRA_CA_CERTS did not reach this process, a 404 from Verdaccio, …).
  await runChecked(
    'npm',
    ['install', '--prefer-online', '--no-audit', '--no-fund', '--loglevel=http'],
    { cwd: dir, env, timeoutMs: 240_000 }
  )
  return {
    dir,
    run: (script, extraEnv = {}) =>
      runCommand('npm', ['run', '--silent', script], { cwd: dir, env: { ...env, ...extraEnv } }),
    lockfile: () => JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as NpmLockfile,
  }
}
