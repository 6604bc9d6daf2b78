/**
 * Settings of the e2e run, from the test command; the only reader of process.env here.
 * The suite serves the built system on its own ports so it never meets `npm start`.
 */
export const e2eEnv = {
  chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  databaseUrl: process.env.E2E_DATABASE_URL,
  ports: { api: 3100, shell: 4273, mfe: 4274, portal: 4275 },
  ci: Boolean(process.env.CI),
}
