import {
  ApiError,
  type AdminPartner,
  type AssociationsBySource,
  type UpdatePartnerRequest,
} from '@partner-center/contracts'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { AdminApi } from '../admin-api'

/** The fields of a partner the ecosystem manager edits (domain.md §2.2, R9). */
export const PARTNER_FIELDS = [
  'customerDevelopmentEnabled',
  'referralModelEnabled',
  'isPrepaid',
  'preregistrationQuota',
  'dailyInviteCap',
  'contactEmail',
  'contactMobile',
  'ecosystemManagerName',
  'ecosystemManagerEmail',
] as const
export type PartnerField = (typeof PARTNER_FIELDS)[number]

// The free-text fields: an emptied one is sent as `null`, which clears it.
const TEXT_FIELDS = [
  'contactEmail',
  'contactMobile',
  'ecosystemManagerName',
  'ecosystemManagerEmail',
] as const
type TextField = (typeof TEXT_FIELDS)[number]

/** What the form holds for one partner; the text fields hold `''` for "none". */
export interface PartnerDraft {
  customerDevelopmentEnabled: boolean
  referralModelEnabled: boolean
  isPrepaid: boolean
  preregistrationQuota: number | null
  dailyInviteCap: number | null
  contactEmail: string
  contactMobile: string
  ecosystemManagerName: string
  ecosystemManagerEmail: string
}

/** One table row: the last saved partner, the edits, and their problems. */
export interface PartnerRow {
  partner: AdminPartner
  /** The partner's active associations per source (R112), as listed; saving does not change it. */
  associationsBySource: AssociationsBySource
  draft: PartnerDraft
  issues: Partial<Record<PartnerField, string>>
  saving: boolean
}

/** Limits of the number fields, the same as the contract's (§2.2). */
export const LIMITS = {
  preregistrationQuota: { min: 0, max: 10_000 },
  dailyInviteCap: { min: 0, max: 100_000 },
} as const

/** A fresh form for a partner as the API returned it. */
export function toDraft(partner: AdminPartner): PartnerDraft {
  return {
    customerDevelopmentEnabled: partner.customerDevelopmentEnabled,
    referralModelEnabled: partner.referralModelEnabled,
    isPrepaid: partner.isPrepaid,
    preregistrationQuota: partner.preregistrationQuota,
    dailyInviteCap: partner.dailyInviteCap,
    contactEmail: partner.contactEmail ?? '',
    contactMobile: partner.contactMobile ?? '',
    ecosystemManagerName: partner.ecosystemManager.name ?? '',
    ecosystemManagerEmail: partner.ecosystemManager.email ?? '',
  }
}

/** The saved value of a text field, `null` when there is none. */
function savedText(partner: AdminPartner, key: TextField): string | null {
  if (key === 'ecosystemManagerName') return partner.ecosystemManager.name
  if (key === 'ecosystemManagerEmail') return partner.ecosystemManager.email
  return partner[key]
}

/**
 * The PATCH body of a row: only the fields that differ from the saved partner, so the audit
 * event records what the manager actually changed. An emptied contact is sent as `null`.
 */
export function changedFields(partner: AdminPartner, draft: PartnerDraft): UpdatePartnerRequest {
  const body: UpdatePartnerRequest = {}
  for (const key of ['customerDevelopmentEnabled', 'referralModelEnabled', 'isPrepaid'] as const) {
    if (draft[key] !== partner[key]) body[key] = draft[key]
  }
  for (const key of ['preregistrationQuota', 'dailyInviteCap'] as const) {
    const value = draft[key]
    if (value !== null && value !== partner[key]) body[key] = value
  }
  for (const key of TEXT_FIELDS) {
    const value = draft[key].trim() || null
    if (value !== savedText(partner, key)) body[key] = value
  }
  return body
}

/** Problems the browser can see before asking the API: empty or out-of-range numbers. */
export function localIssues(draft: PartnerDraft): PartnerField[] {
  return (['preregistrationQuota', 'dailyInviteCap'] as const).filter((key) => {
    const value = draft[key]
    return (
      value === null ||
      !Number.isInteger(value) ||
      value < LIMITS[key].min ||
      value > LIMITS[key].max
    )
  })
}

/** The form fields a `VALIDATION_FAILED` answer names in `details.issues[].path`. */
export function issueFields(error: ApiError): PartnerField[] {
  const raw = error.details?.issues
  const paths = Array.isArray(raw)
    ? raw
        .map((issue: unknown) => (issue as { path?: unknown }).path)
        .filter((p) => typeof p === 'string')
    : []
  return PARTNER_FIELDS.filter((field) => paths.some((path) => path.split('.')[0] === field))
}

/**
 * State and actions of the Partners page (S13): loads the partners, keeps one draft per row and
 * saves a row with only its changed fields. A failed save keeps the edits so nothing is typed twice.
 */
export function usePartnerEditor(api: AdminApi) {
  const { t } = useI18n()
  const rows = ref<PartnerRow[]>([])
  const status = ref<'idle' | 'loading' | 'success' | 'error'>('idle')
  const loadError = ref<ApiError | null>(null)

  async function load() {
    status.value = 'loading'
    loadError.value = null
    try {
      const { items } = await api.findPartners()
      rows.value = items.map(({ associationsBySource, ...partner }) => ({
        partner,
        associationsBySource,
        draft: toDraft(partner),
        issues: {},
        saving: false,
      }))
      status.value = 'success'
    } catch (cause) {
      loadError.value = cause instanceof ApiError ? cause : null
      status.value = 'error'
    }
  }

  /** Whether Save has something to do; an emptied number counts, so Save can say what is wrong. */
  function isDirty(row: PartnerRow): boolean {
    return (
      Object.keys(changedFields(row.partner, row.draft)).length > 0 ||
      localIssues(row.draft).length > 0
    )
  }

  function showFailure(cause: unknown) {
    if (!(cause instanceof ApiError)) return void ElMessage.error(t('partners.saveFailed'))
    const reference = cause.requestId
      ? ` ${t('partners.reference', { requestId: cause.requestId })}`
      : ''
    ElMessage.error(
      cause.code === 'INTERNAL' ? `${t('partners.saveFailed')}${reference}` : cause.message
    )
  }

  async function save(row: PartnerRow) {
    row.issues = {}
    const invalid = localIssues(row.draft)
    if (invalid.length) {
      for (const field of invalid) row.issues[field] = t(`partners.invalid.${field}`)
      return
    }
    const body = changedFields(row.partner, row.draft)
    if (Object.keys(body).length === 0) return
    row.saving = true
    try {
      const saved = await api.updatePartner(row.partner.id, body)
      // The API returns canonical contacts (e.g. E.164 mobiles): show what is stored for the
      // fields sent, and keep anything typed into the other fields while the request ran.
      const stored = toDraft(saved)
      const sent = Object.keys(body) as PartnerField[]
      row.partner = saved
      row.draft = { ...row.draft, ...Object.fromEntries(sent.map((key) => [key, stored[key]])) }
      ElMessage.success(t('partners.saved', { partner: saved.name }))
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'VALIDATION_FAILED') {
        for (const field of issueFields(cause)) row.issues[field] = t(`partners.invalid.${field}`)
      }
      showFailure(cause)
    } finally {
      row.saving = false
    }
  }

  return { rows, status, loadError, load, save, isDirty }
}
