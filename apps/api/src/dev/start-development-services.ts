import { seedDemoData } from '@partner-center/db/seed'
import type { AppDeps } from '../deps'
import type { Env } from '../env'
import { hashTokenSync } from '../security/node-token-hash'
import { deriveDemoToken } from './demo-tokens'
import { createFixtureRoutes } from './fixture-routes'
import { createMailboxRoutes } from './mailbox-routes'
import { startSmtpSink, type SmtpSink } from './smtp-sink'

/** The demo password of every seeded user and customer account (domain.md §10). */
export const DEMO_PASSWORD = 'Passw0rd!demo'

/**
 * Development and test helpers of the API process: the demo seed, the in-process SMTP sink
 * when SMTP_URL is unset, and the mailbox route. Never called when APP_ENV is production: the
 * API loads this module with `import()` only outside production, so a production process never
 * loads smtp-server or mailparser (issue 13).
 */
export async function startDevelopmentServices(options: { env: Env; deps: AppDeps }) {
  const { env, deps } = options
  if (env.APP_ENV === 'production') throw new Error('development services in production')
  const seedSecret = env.SEED_TOKEN_SECRET
  if (env.DEMO_SEED && seedSecret) {
    await seedDemoData(deps.db, {
      now: deps.clock.now(),
      passwordHash: await deps.passwords.hash(DEMO_PASSWORD),
      tokenHashFor: (seedName) => hashTokenSync(deriveDemoToken(seedSecret, seedName)),
      mailDomain: deps.config.mailDomain,
    })
    deps.logger.info({}, 'demo data seeded')
  }
  let sink: SmtpSink | null = null
  if (!env.SMTP_URL) {
    sink = await startSmtpSink({ port: env.SMTP_SINK_PORT })
    deps.logger.info({ port: sink.port }, 'development SMTP sink listening')
  }
  return {
    sink,
    smtpUrl: env.SMTP_URL ?? sink?.url ?? null,
    // Both answer loopback callers only; the mailbox exists with the sink, for signed-in users.
    routes: [
      { path: '/v1/test', app: createFixtureRoutes(deps) },
      ...(sink ? [{ path: '/dev', app: createMailboxRoutes(deps, sink) }] : []),
    ],
    stop: async () => {
      await sink?.close()
    },
  }
}
