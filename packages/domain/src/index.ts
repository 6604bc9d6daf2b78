// Public API of @partner-center/domain: pure rules of domain.md §2–§8. Nothing here does I/O,
// reads a clock or draws randomness; `now`, ids and random numbers are parameters.

export * from './core/result'
export * from './core/locale'
export * from './core/limits'
export * from './core/time'
export * from './core/statuses'
export * from './core/value-lists'
export * from './core/entities'
export * from './core/audit'
export * from './core/state-event'
export * from './core/format-expiry'

export * from './failures/failure-codes'
export * from './failures/failure-actions'
export * from './failures/failure-meta'
export * from './failures/failure-catalogue'

export * from './identity/control-characters'
export * from './identity/header-safety'
export * from './identity/punycode'
export * from './identity/script-restriction'
export * from './identity/email-domain'
export * from './identity/normalize-email'
export * from './identity/country-calling-codes'
export * from './identity/text-fields'
export * from './identity/identity'

export * from './auth/sign-in-backoff'

export * from './permissions/permissions'
export * from './permissions/authorize'

export * from './preregistration/preregistration-status'
export * from './preregistration/preregistration-events'
export * from './preregistration/preregistration-input'
export * from './preregistration/account-checks'
export * from './preregistration/decide-preregistration'
export * from './preregistration/decide-deletion'
export * from './preregistration/decide-review'

export * from './invitation/invitation-status'
export * from './invitation/invitation-events'
export * from './invitation/link-answer'
export * from './invitation/transition-invitation'
export * from './invitation/create-invitation'
export * from './invitation/association-types'
export * from './invitation/association-type-texts'
export * from './invitation/invite-check'
export * from './invitation/batch-request'
export * from './invitation/decide-invitation-batch'
export * from './invitation/history'
export * from './invitation/batch-progress'
export * from './invitation/renewal-request'
export * from './invitation/reminder-schedule'

export * from './association/eligibility'
export * from './association/decide-acceptance'

export * from './offline-links/link-tag'

export * from './delivery/backoff'
export * from './delivery/smtp-failure'

export * from './masking/first-grapheme'
export * from './masking/masking'
export * from './masking/search-audit'
