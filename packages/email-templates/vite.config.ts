import vue from '@vitejs/plugin-vue'
import { sourceConditions } from '@partner-center/tsconfig/source-conditions'
import { defaultServerConditions, defineConfig } from 'vite'

/**
 * Library build of the templates (architecture.md §10, Traps): Node cannot load `.vue` at run
 * time, so the SFCs are compiled here into `dist/index.js`. It is an SSR build because the
 * templates are only ever rendered to strings (the compiled `ssrRender` functions are faster and
 * the same code runs in Node and in the browser preview). Every third-party import stays external:
 * one Vue copy for the consumer (two break SSR), and the consumer bundles the rest.
 */
export default defineConfig({
  plugins: [vue()],
  // Library mode leaves `process.env.NODE_ENV` in compiled code; browsers have no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  ssr: { resolve: { conditions: [...sourceConditions(), ...defaultServerConditions] } },
  build: {
    ssr: 'src/index.ts',
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      // Every third-party import is a dependency the consumer installs; @partner-center/domain is
      // inlined from its sources, so the API's development start needs no build of the domain.
      external: (id) =>
        !id.startsWith('.') &&
        !id.startsWith('/') &&
        !id.startsWith('\0') &&
        !id.startsWith('@partner-center/'),
      output: { format: 'es', entryFileNames: 'index.js' },
    },
  },
})
