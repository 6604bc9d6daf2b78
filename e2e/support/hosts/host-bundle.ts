import { build, type Rolldown } from 'vite'

/** A host console's app, bundled: one ES module and, if it imports styles, one stylesheet. */
export interface HostBundle {
  script: string
  css: string | null
}

/**
 * Bundles a host console's app (`source`, a file of e2e/support/hosts/) with its framework from
 * npm into one ES module and at most one stylesheet, in memory (`write: false`). Frameworks pick
 * their production builds, as a host team's release would. React 19 ships no browser build and
 * qiankun only CommonJS and ES sources, so a host page needs a bundler.
 */
export async function bundleHostApp(source: string): Promise<HostBundle> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      modulePreload: false,
      cssCodeSplit: false,
      rolldownOptions: {
        input: source,
        output: { format: 'es', entryFileNames: 'app.js', assetFileNames: 'app[extname]' },
      },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const files = outputs.flatMap((output) => output.output)
  const chunks = files.filter((file) => file.type === 'chunk')
  const styles = files.filter((file) => file.type === 'asset' && file.fileName.endsWith('.css'))
  if (chunks.length !== 1 || !chunks[0] || styles.length > 1 || files.length > 2) {
    throw new Error(
      `${source} should bundle into app.js and at most app.css, got ${files.length} files`
    )
  }
  const css = styles[0]
  return { script: chunks[0].code, css: css?.type === 'asset' ? String(css.source) : null }
}
