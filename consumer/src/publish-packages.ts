import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { childEnv } from '../env'
import { assertLoopbackVerdaccio, type CheckedRegistry } from './registry-guard'
import { runChecked } from './run-command'
import { listTarball, type TarballFile } from './tarball'

/** The publishable packages, by folder under `packages/`, dependencies first. */
export const PUBLISHED_FOLDERS = ['domain', 'mfe-contract', 'contracts', 'email-templates'] as const

/** The version manifest a registry serves for one published version (the fields read here). */
export interface PublishedManifest {
  name: string
  version: string
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  exports?: unknown
  dist: { tarball: string; integrity?: string }
}

/** One package as the registry now holds it. */
export interface PublishedPackage {
  folder: (typeof PUBLISHED_FOLDERS)[number]
  name: string
  version: string
  manifest: PublishedManifest
  tarball: { bytes: number; files: TarballFile[] }
}

/** The outcome of {@link publishPackages}. */
export interface Publication {
  registry: CheckedRegistry
  packages: PublishedPackage[]
}

interface WorkspaceManifest {
  name: string
  version: string
  publishConfig?: { registry?: string }
}

/**
 * Publishes the four packages with `pnpm publish` (which writes real versions for `workspace:`
 * and `catalog:`) to the registry at `registryUrl`, and reads back what the registry serves.
 *
 * First, {@link assertLoopbackVerdaccio} refuses any registry but a Verdaccio on loopback. Then
 * the registry and the token reach pnpm only through a userconfig file in `workDir` (so the
 * user's `~/.npmrc` is never read), which also points the `@partner-center` scope there; a
 * package whose `publishConfig.registry` would send it elsewhere is refused.
 */
export async function publishPackages(options: {
  root: string
  registryUrl: string
  /** The `instance` of the Verdaccio the test started (see {@link assertLoopbackVerdaccio}). */
  registryInstance: string
  token: string
  workDir: string
}): Promise<Publication> {
  const registry = await assertLoopbackVerdaccio(options.registryUrl, options.registryInstance)
  const host = registry.url.replace(/^http:/, '')
  const userConfig = join(options.workDir, 'publish.npmrc')
  const globalConfig = join(options.workDir, 'global.npmrc')
  writeFileSync(
    userConfig,
    [
      `registry=${registry.url}`,
      `@partner-center:registry=${registry.url}`,
      `${host}:_authToken=${options.token}`,
      '',
    ].join('\n')
  )
  writeFileSync(globalConfig, '')
  const env = childEnv({
    npm_config_userconfig: userConfig,
    npm_config_globalconfig: globalConfig,
    // pnpm's own global rc (~/.config/pnpm/rc) is not read either.
    XDG_CONFIG_HOME: join(options.workDir, 'xdg-config'),
  })
  // A project .npmrc outranks the userconfig: none may exist on the way to a package.
  for (const dir of [
    options.root,
    ...PUBLISHED_FOLDERS.map((f) => join(options.root, 'packages', f)),
  ]) {
    if (existsSync(join(dir, '.npmrc'))) throw new Error(`${dir}/.npmrc could redirect publishing`)
  }

  const packages: PublishedPackage[] = []
  for (const folder of PUBLISHED_FOLDERS) {
    const dir = join(options.root, 'packages', folder)
    const own = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as WorkspaceManifest
    if (own.publishConfig?.registry) {
      throw new Error(`${own.name} sets publishConfig.registry=${own.publishConfig.registry}`)
    }
    await runChecked('pnpm', ['publish', '--registry', registry.url, '--no-git-checks'], {
      cwd: dir,
      env,
    })
    packages.push(await readPublished(registry.url, folder, own))
  }
  return { registry, packages }
}

async function readPublished(
  registryUrl: string,
  folder: PublishedPackage['folder'],
  own: WorkspaceManifest
): Promise<PublishedPackage> {
  const answer = await fetch(`${registryUrl}${own.name.replace('/', '%2f')}`)
  if (!answer.ok) throw new Error(`${own.name} is not on ${registryUrl}: ${answer.status}`)
  const packument = (await answer.json()) as { versions: Record<string, PublishedManifest> }
  const manifest = packument.versions[own.version]
  if (!manifest) throw new Error(`${own.name}@${own.version} is not on ${registryUrl}`)
  const tarball = Buffer.from(await (await fetch(manifest.dist.tarball)).arrayBuffer())
  return {
    folder,
    name: own.name,
    version: own.version,
    manifest,
    tarball: { bytes: tarball.length, files: listTarball(tarball) },
  }
}
