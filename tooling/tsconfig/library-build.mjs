// The tsdown build of every published TypeScript package (domain, contracts, mfe-contract).

/**
 * ESM JavaScript and declarations in dist/, one file per source module (unbundle), so consumers'
 * bundlers tree-shake as they would the source; only `entry` files and what they import ship,
 * so tests never do.
 *
 * @example
 * export default defineConfig(libraryBuild(['src/index.ts', 'src/phone/index.ts']))
 * @param {string[]} entry
 */
export function libraryBuild(entry) {
  return {
    entry,
    format: /** @type {const} */ ('esm'),
    platform: /** @type {const} */ ('neutral'),
    unbundle: true,
    dts: true,
    sourcemap: true,
    clean: true,
  }
}
