/** The tsdown options of every published TypeScript package (see library-build.mjs). */
export declare function libraryBuild(entry: string[]): {
  entry: string[]
  format: 'esm'
  platform: 'neutral'
  unbundle: true
  dts: true
  sourcemap: true
  clean: true
}
