/**
 * Settings of the consumer test, from the test command; the only reader of process.env here.
 */
export const consumerEnv = {
  chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
}

// npm and pnpm read their settings from `npm_config_*` variables; `pnpm run` exports its own
// (registry, user agent, …) to the scripts it starts. None of them may reach the children that
// publish and install: their settings come from the temp files this test writes.
const PACKAGE_MANAGER_VARIABLE = /^(npm_|pnpm_)/i

/**
 * The environment of a child process: this process's, without the package managers' variables,
 * plus `extra`.
 *
 * @example
 * spawn('npm', ['install'], { env: childEnv({ npm_config_userconfig: '/tmp/x/user.npmrc' }) })
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !PACKAGE_MANAGER_VARIABLE.test(name)) env[name] = value
  }
  return { ...env, ...extra }
}
