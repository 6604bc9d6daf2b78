import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { ports } from './env'

// Standalone development harness (src/dev/main.ts) with HMR; the API is proxied.
export default defineConfig({
  plugins: [vue()],
  server: {
    port: ports.mfeDev,
    proxy: { '/api': { target: `http://127.0.0.1:${ports.apiPort}` } },
  },
})
