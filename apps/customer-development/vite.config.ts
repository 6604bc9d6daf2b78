import vue from '@vitejs/plugin-vue'
import { sourceConditions } from '@partner-center/tsconfig/source-conditions'
import { defaultClientConditions, defineConfig, type Plugin } from 'vite'
import pkg from './package.json' with { type: 'json' }
import { ports } from './env'
import { precompileMessages } from './vite-precompile-messages'
import { qiankunHtmlEntry } from './vite-qiankun-entry'
import { namespacedElementPlusCss, scopeStylesheet } from './vite-scope-styles'

const BASE = '/mfe/customer-development/'

/** The module holding `mount`, which resolves `./manifest.json` against its own file's URL. */
const isLifecycle = (id: string) => id.endsWith('/src/lifecycle.ts')

/**
 * Entries for hosts that do not speak the contract directly, each built beside the main entry
 * and named in manifest.json `adapters` under its key (architecture.md §4).
 */
const ADAPTERS = {
  singleSpa: { entryName: 'single-spa', source: 'src/adapters/single-spa.ts' },
  customElement: { entryName: 'custom-element', source: 'src/adapters/custom-element.ts' },
  // qiankun 2 cannot evaluate ES modules: manifest.json names an HTML entry (vite-qiankun-entry.ts).
  qiankun: { entryName: 'qiankun', source: 'src/adapters/qiankun.ts', html: 'qiankun.html' },
} as const

/**
 * Emits manifest.json beside the bundle (architecture.md §4): the hashed entry and CSS files,
 * relative to the manifest, and the contract version the host checks. `adapters` names the entry
 * of each of {@link ADAPTERS} (single-spa's one props object per lifecycle, qiankun's HTML entry,
 * the custom element); hosts that do not know the field ignore it (`parseManifest` drops unknown
 * fields).
 */
function emitManifest(): Plugin {
  return {
    name: 'pc-emit-manifest',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle)
      const entryNamed = (name: string) => {
        const chunk = files.find(
          (file) => file.type === 'chunk' && file.isEntry && file.name === name
        )
        if (!chunk) throw new Error(`no entry chunk "${name}" to put in manifest.json`)
        return chunk
      }
      const entry = entryNamed('customer-development')
      const adapters = Object.fromEntries(
        Object.entries(ADAPTERS).map(([key, adapter]) => [
          key,
          `./${'html' in adapter ? adapter.html : entryNamed(adapter.entryName).fileName}`,
        ])
      )
      const css = files.filter((file) => file.type === 'asset' && file.fileName.endsWith('.css'))
      const lifecycle = files.find(
        (file) => file.type === 'chunk' && file.moduleIds.some(isLifecycle)
      )
      if (!lifecycle || lifecycle.fileName.includes('/')) {
        throw new Error('the lifecycle code must sit beside manifest.json, which it fetches')
      }
      const manifest = {
        name: 'customer-development',
        version: pkg.version,
        contractVersion: 1,
        entry: `./${entry.fileName}`,
        css: css.map((file) => `./${file.fileName}`),
        adapters,
      }
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.json',
        source: JSON.stringify(manifest, null, 2),
      })
    },
  }
}

export default defineConfig({
  // The workspace's packages from their sources (tooling/tsconfig/source-conditions.mjs).
  resolve: { conditions: [...sourceConditions(), ...defaultClientConditions] },
  base: BASE,
  // Element Plus under the module's own namespace, every rule below the module root (§4 Styles).
  css: namespacedElementPlusCss,
  // scopeStylesheet renames the CSS file, so it runs before emitManifest lists it.
  plugins: [
    vue(),
    precompileMessages(),
    scopeStylesheet(),
    emitManifest(),
    qiankunHtmlEntry({
      ...ADAPTERS.qiankun,
      fileName: ADAPTERS.qiankun.html,
      globalName: 'customer-development',
      base: BASE,
    }),
  ],
  define: {
    // Library mode leaves process.env.NODE_ENV in Vue's code (architecture.md §10 Traps).
    'process.env.NODE_ENV': JSON.stringify('production'),
    // Feature flags that drop code this module never runs: every component is a setup
    // component (Element Plus's included), and vue-i18n is used through `useI18n` only
    // (`legacy: false`, no <i18n-t> or v-t), without its devtools.
    __VUE_OPTIONS_API__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    // Messages are compiled at build time (vite-precompile-messages.ts).
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
  },
  build: {
    target: 'es2022',
    cssCodeSplit: false,
    lib: {
      // The contract's entry, and the adapters that import it (the lifecycle code, and the
      // manifest URL it reads beside itself, becomes a chunk they share; see chunkFileNames).
      entry: {
        'customer-development': 'src/lifecycle.ts',
        ...Object.fromEntries(
          Object.values(ADAPTERS).map(({ entryName, source }) => [entryName, source])
        ),
      },
      formats: ['es'],
    },
    rollupOptions: {
      output: {
        entryFileNames: '[name]-[hash].js',
        // With two entries the lifecycle code becomes a chunk shared by both; it reads
        // ./manifest.json beside its own URL, so that chunk stays beside manifest.json.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some(isLifecycle) ? '[name]-[hash].js' : 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        // Library mode keeps whitespace and pure annotations for a bundler downstream; this
        // module goes to browsers as it is, so print it fully minified.
        minify: { codegen: true },
        comments: { annotation: false },
      },
    },
  },
  preview: {
    port: ports.mfePreview,
    strictPort: true,
    // The shell on another port loads the entry with import(): allow it.
    cors: true,
    headers: { 'cache-control': 'no-cache' },
  },
})
