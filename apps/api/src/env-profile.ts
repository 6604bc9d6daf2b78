// What APP_ENV means for the settings that would turn a real deployment into a demo (issue 13):
// the default APP_ENV, and the demo seed and its token secret. Used by env.ts only.

/** One of the three deployment environments of domain.md §8 `APP_ENV`. */
export type AppEnvName = 'development' | 'test' | 'production'

/** The raw environment, as `readEnv` receives it. */
type Source = Record<string, string | undefined>

/**
 * The public development value of `SEED_TOKEN_SECRET`: anyone can derive the demo tokens from
 * it, so a production process refuses it.
 */
export const DEVELOPMENT_SEED_TOKEN_SECRET = 'development-only-seed-token-secret'

/**
 * `APP_ENV` when the environment does not name one: production as soon as `DATABASE_URL` names a
 * real database, development on the embedded PGlite. Development or test on a real database must
 * be asked for explicitly, so the README's real-database commands never start a demo.
 *
 * @example
 * defaultAppEnv({ DATABASE_URL: 'postgres://db/pc' }) // 'production'
 * defaultAppEnv({}) // 'development'
 */
export function defaultAppEnv(source: Source): 'development' | 'production' {
  return source.DATABASE_URL?.trim() ? 'production' : 'development'
}

/** The environment with `APP_ENV` filled in by {@link defaultAppEnv} when unset or empty. */
export function withDefaultAppEnv(source: Source): Source {
  return source.APP_ENV?.trim() ? source : { ...source, APP_ENV: defaultAppEnv(source) }
}

/** The demo settings every entry point reads, resolved for its `APP_ENV`. */
export interface DemoSettings {
  /** Seed the demo world of domain.md §10 at start: development and test only (default on). */
  DEMO_SEED: boolean
  /** The secret demo tokens derive from; null in production, where nothing is seeded. */
  SEED_TOKEN_SECRET: string | null
}

/**
 * Resolves {@link DemoSettings}. Outside production the seed is on unless `DEMO_SEED=false` and
 * the secret defaults to the public development value. In production the seed is off and
 * anything that asks for demo behaviour is refused at start, naming the variable: `DEMO_SEED`
 * on, the public `SEED_TOKEN_SECRET`, and `SMTP_SINK_PORT` (the development sink and mailbox).
 *
 * @example
 * resolveDemoSettings({ APP_ENV: 'production', DEMO_SEED: true }, { DEMO_SEED: 'true' }) // throws
 */
export function resolveDemoSettings(
  parsed: { APP_ENV: AppEnvName; DEMO_SEED?: boolean; SEED_TOKEN_SECRET?: string },
  source: Source
): DemoSettings {
  if (parsed.APP_ENV !== 'production') {
    return {
      DEMO_SEED: parsed.DEMO_SEED ?? true,
      SEED_TOKEN_SECRET: parsed.SEED_TOKEN_SECRET ?? DEVELOPMENT_SEED_TOKEN_SECRET,
    }
  }
  const refused: string[] = []
  if (parsed.DEMO_SEED === true) {
    refused.push('DEMO_SEED: the demo seed (users with a public password) is development only')
  }
  if (parsed.SEED_TOKEN_SECRET === DEVELOPMENT_SEED_TOKEN_SECRET) {
    refused.push('SEED_TOKEN_SECRET: the public development value derives the demo tokens')
  }
  if (source.SMTP_SINK_PORT?.trim()) {
    refused.push('SMTP_SINK_PORT: the development SMTP sink and mailbox do not run in production')
  }
  if (refused.length > 0) {
    throw new Error(`APP_ENV=production refuses development settings:\n  ${refused.join('\n  ')}`)
  }
  return { DEMO_SEED: false, SEED_TOKEN_SECRET: null }
}
