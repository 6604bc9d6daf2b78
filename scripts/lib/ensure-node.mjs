// Runs the project's commands on the Node.js release named in .node-version, whatever Node the
// machine has. Written for the oldest Node that may start it (20): no newer syntax or APIs.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * The exact Node.js version the project runs on, read from `.node-version`.
 *
 * @returns {string} e.g. '24.22.3'
 */
export function wantedNodeVersion() {
  const text = readFileSync(join(root, '.node-version'), 'utf8').trim()
  if (!/^\d+\.\d+\.\d+$/.test(text)) throw new Error(`.node-version must hold x.y.z, not "${text}"`)
  return text
}

/**
 * Where runtimes are cached: `NODE_RUNTIME_CACHE`, else `$XDG_CACHE_HOME` or `~/.cache`, so that
 * every clone on the machine (CI's included) shares one copy per version.
 */
function cacheFolder(version) {
  const base =
    process.env.NODE_RUNTIME_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'partner-center', 'node')
  return join(base, `${process.platform}-${process.arch}-${version}`)
}

function nodeVersionOf(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : null
}

/**
 * Installs `node-<platform>-<arch>@<version>` from the npm registry (the package ships `bin/node`
 * and runs no install script) into the cache folder. It installs into a temporary folder first
 * and renames it into place, so two commands starting together never see half a runtime.
 */
function installRuntime(version, folder) {
  const packageName = `node-${process.platform}-${process.arch}`
  const staging = `${folder}.partial-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  const result = spawnSync(
    'npm',
    [
      'install',
      '--prefix',
      staging,
      '--no-save',
      '--no-package-lock',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `${packageName}@${version}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] }
  )
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true })
    throw new Error(`npm could not install ${packageName}@${version} (exit ${result.status})`)
  }
  if (existsSync(folder)) rmSync(staging, { recursive: true, force: true })
  else renameSync(staging, folder)
}

/**
 * Makes sure this command runs on the Node.js version of `.node-version`. When the current Node
 * differs, it installs that version from the npm registry into a cache folder (once), says so in
 * one line, and re-executes the same command with that Node first on PATH, so that every child
 * process (pnpm, turbo, vitest, the servers the tests spawn) runs on it too. Resolves only in the
 * process that already runs on the right version; the outer process exits with the inner one's code.
 *
 * @example
 * await ensureNode() // first line of scripts/start.mjs and scripts/test.mjs
 */
export async function ensureNode() {
  const version = wantedNodeVersion()
  if (process.versions.node === version) return
  const folder = cacheFolder(version)
  const binDir = join(folder, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin')
  const binary = join(binDir, 'node')
  if (nodeVersionOf(binary) !== version) {
    console.log(`Installing Node.js ${version} from the npm registry into ${folder}…`)
    installRuntime(version, folder)
    if (nodeVersionOf(binary) !== version) throw new Error(`${binary} is not Node.js ${version}`)
  }
  console.log(
    `Using Node.js ${version} from ${binDir} (this machine's node is ${process.versions.node}).`
  )
  const env = { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}` }
  const child = spawn(binary, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env,
  })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal))
  }
  const code = await new Promise((resolve) => {
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)))
  })
  process.exit(code)
}
