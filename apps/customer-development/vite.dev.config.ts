import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { ports } from './env'
import { namespacedElementPlusCss } from './vite-scope-styles'

// Standalone development harness (src/dev/main.ts) with HMR; the API is proxied.
export default defineConfig({
  css: namespacedElementPlusCss,
  plugins: [vue()],
  server: {
    port: ports.mfeDev,
    proxy: { '/api': { target: `http://127.0.0.1:${ports.apiPort}` } },
  },
})
