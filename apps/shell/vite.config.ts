import vue from '@vitejs/plugin-vue'
import { sourceConditions } from '@partner-center/tsconfig/source-conditions'
import { defaultClientConditions, defineConfig } from 'vite'
import { ports } from './env'

// The shell proxies the API and the micro-frontend so the browser sees one origin
// (architecture.md §12).
const proxy = {
  '/api': { target: `http://127.0.0.1:${ports.api}` },
  '/mfe': { target: `http://127.0.0.1:${ports.mfe}` },
}

export default defineConfig({
  // The workspace's packages from their sources (tooling/tsconfig/source-conditions.mjs).
  resolve: { conditions: [...sourceConditions(), ...defaultClientConditions] },
  plugins: [vue()],
  server: { port: ports.shellDev, strictPort: true, proxy },
  preview: { port: ports.shellPreview, strictPort: true, proxy },
  build: { target: 'es2022' },
})
