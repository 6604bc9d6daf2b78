import { defineConfig } from 'drizzle-kit'

// `pnpm db:generate` writes SQL into ./migrations; scripts/check-migrations.mjs reuses these
// settings with a temporary output folder.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
})
