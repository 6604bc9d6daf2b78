import vue from '@vitejs/plugin-vue'
import { sourceConditions } from '@partner-center/tsconfig/source-conditions'
import { defaultClientConditions, defineConfig } from 'vite'
import { ports } from './env'

// Portal pages must not leak the link through Referer or caches (domain.md R60).
const headers = { 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' }
const proxy = { '/api': { target: `http://127.0.0.1:${ports.api}` } }

export default defineConfig({
  // The workspace's packages from their sources (tooling/tsconfig/source-conditions.mjs).
  resolve: { conditions: [...sourceConditions(), ...defaultClientConditions] },
  plugins: [vue()],
  server: { port: ports.portal, strictPort: true, proxy, headers },
  preview: { port: ports.portal, strictPort: true, proxy, headers },
  build: { target: 'es2022' },
})
