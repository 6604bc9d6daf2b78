import { customerAccounts, partners, users } from '@partner-center/db/schema'
import { DEMO_PASSWORD } from '@partner-center/db/seed'
import { isUuid, normalizeEmail } from '@partner-center/domain'
import { normalizeMobile } from '@partner-center/domain/phone'
import { eq } from 'drizzle-orm'
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from '../deps'
import { AppError } from '../errors'
import { devRouteGuard } from './dev-route-guard'

const Flags = {
  isPartner: z.boolean().optional(),
  hasSpecialContract: z.boolean().optional(),
  hasCashSpend: z.boolean().optional(),
  hasUnpaidBills: z.boolean().optional(),
  hasProfessionalServiceContract: z.boolean().optional(),
  hasValidReservedInstances: z.boolean().optional(),
  isEnterpriseMember: z.boolean().optional(),
  isEnterpriseMasterWithMembers: z.boolean().optional(),
}

const CreatePartnerFixture = z.strictObject({
  name: z.string().min(1).max(100).optional(),
  customerDevelopmentEnabled: z.boolean().default(true),
  referralModelEnabled: z.boolean().default(true),
  isPrepaid: z.boolean().default(false),
  preregistrationQuota: z.number().int().min(0).max(10_000).default(100),
  dailyInviteCap: z.number().int().min(0).max(100_000).default(500),
  contactEmail: z.string().nullable().optional(),
  contactMobile: z.string().nullable().optional(),
  ecosystemManagerName: z.string().min(1).max(100).nullable().optional(),
  ecosystemManagerEmail: z.string().nullable().optional(),
  defaultLocale: z.enum(['en', 'zh-CN']).default('en'),
  users: z
    .array(
      z.strictObject({
        role: z.enum(['admin', 'sales', 'account_manager', 'read_only']),
        email: z.string().optional(),
        displayName: z.string().min(1).max(100).optional(),
        locale: z.enum(['en', 'zh-CN']).default('en'),
      })
    )
    .max(20)
    .default([{ role: 'admin', locale: 'en' }]),
})

const CreateAccountFixture = z.strictObject({
  email: z.string(),
  mobile: z.string().nullable().optional(),
  displayName: z.string().min(1).max(100).optional(),
  registeredAt: z.iso.datetime().optional(),
  ...Flags,
})

const UpdateAccountFixture = z.strictObject({ ...Flags, registeredAt: z.iso.datetime().optional() })

async function readJson<T extends z.ZodType>(c: Context<AppEnv>, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined))
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw AppError.of('VALIDATION_FAILED', { issues })
  }
  return parsed.data
}

function canonical(raw: string, path: string): string {
  const result = normalizeEmail(raw)
  if (!result.ok) throw AppError.of('VALIDATION_FAILED', { issues: [{ path, message: 'INVALID' }] })
  return result.value
}

function mobileOf(raw: string | null | undefined): string | null {
  if (!raw) return null
  const result = normalizeMobile(raw)
  if (!result.ok)
    throw AppError.of('VALIDATION_FAILED', {
      issues: [{ path: 'mobile', message: 'INVALID' }],
    })
  return result.value
}

/**
 * The fixture endpoints of domain.md §10.5 (`/api/v1/test/*`), so tests and e2e specs get their
 * own partners and accounts. Outside production only, without authentication but from and to
 * loopback only (`devRouteGuard`); never part of the OpenAPI document. Mount with
 * `{ path: '/v1/test', app }`.
 */
export function createFixtureRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  app.use(devRouteGuard(deps))
  app.post('/partners', async (c) => {
    const body = await readJson(c, CreatePartnerFixture)
    const now = deps.clock.now()
    const partnerId = crypto.randomUUID()
    const tag = partnerId.slice(0, 8)
    const passwordHash = await deps.passwords.hash(DEMO_PASSWORD)
    const created = body.users.map((user, index) => {
      const email = user.email ?? `${user.role}.${index}.${tag}@fixture.example`
      return {
        id: crypto.randomUUID(),
        partnerId,
        email,
        emailCanonical: canonical(email, `users.${index}.email`),
        displayName: user.displayName ?? `${user.role} ${tag}`,
        role: user.role,
        locale: user.locale,
        status: 'ACTIVE' as const,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      }
    })
    await deps.db.transaction(async (tx) => {
      await tx.insert(partners).values({
        customerDevelopmentEnabled: body.customerDevelopmentEnabled,
        referralModelEnabled: body.referralModelEnabled,
        isPrepaid: body.isPrepaid,
        preregistrationQuota: body.preregistrationQuota,
        dailyInviteCap: body.dailyInviteCap,
        defaultLocale: body.defaultLocale,
        id: partnerId,
        name: body.name ?? `Fixture Partner ${tag}`,
        contactEmail: body.contactEmail ? canonical(body.contactEmail, 'contactEmail') : null,
        contactMobile: mobileOf(body.contactMobile),
        ecosystemManagerName: body.ecosystemManagerName ?? null,
        ecosystemManagerEmail: body.ecosystemManagerEmail
          ? canonical(body.ecosystemManagerEmail, 'ecosystemManagerEmail')
          : null,
        createdAt: now,
        updatedAt: now,
      })
      if (created.length) await tx.insert(users).values(created)
    })
    return c.json(
      {
        partnerId,
        users: created.map((u) => ({ id: u.id, email: u.email, role: u.role })),
        password: DEMO_PASSWORD,
      },
      201
    )
  })
  app.post('/customer-accounts', async (c) => {
    const body = await readJson(c, CreateAccountFixture)
    const now = deps.clock.now()
    const { email, mobile, displayName, registeredAt, ...flags } = body
    const id = crypto.randomUUID()
    await deps.db.insert(customerAccounts).values({
      id,
      email: email.trim(),
      emailCanonical: canonical(email, 'email'),
      mobileE164: mobileOf(mobile),
      displayName: displayName ?? 'Fixture Customer',
      passwordHash: await deps.passwords.hash(DEMO_PASSWORD),
      registeredAt: registeredAt ? new Date(registeredAt) : now,
      registeredVia: 'SEED',
      ...flags,
      createdAt: now,
      updatedAt: now,
    })
    return c.json({ id, email: email.trim() }, 201)
  })
  app.patch('/customer-accounts/:id', async (c) => {
    const id = c.req.param('id')
    if (!isUuid(id)) throw AppError.of('NOT_FOUND')
    const { registeredAt, ...flags } = await readJson(c, UpdateAccountFixture)
    const [row] = await deps.db
      .update(customerAccounts)
      .set({
        ...flags,
        ...(registeredAt ? { registeredAt: new Date(registeredAt) } : {}),
        updatedAt: deps.clock.now(),
      })
      .where(eq(customerAccounts.id, id))
      .returning({ id: customerAccounts.id })
    if (!row) throw AppError.of('NOT_FOUND')
    return c.json({ id: row.id }, 200)
  })
  return app
}
