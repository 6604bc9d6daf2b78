import { webhooksEn } from './webhooks/en'

/** Shell strings (English). */
export const en = {
  brand: 'Partner Center',
  nav: {
    sales: 'Sales',
    leads: 'Leads and Opportunities',
    customerDevelopment: 'Customer Development',
    partners: 'Partners',
    webhooks: 'Webhooks',
    apiKeys: 'API Keys',
    mailbox: 'Mailbox',
    signOut: 'Sign out',
    language: 'Language',
  },
  signIn: {
    title: 'Sign in to Partner Center',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Sign-in failed.',
  },
  home: {
    welcome: 'Welcome, {name}',
    hint: 'Open Sales › Leads and Opportunities › Customer Development to develop customers.',
  },
  mfe: {
    loading: 'Loading Customer Development…',
    unavailable: 'Customer Development is unavailable right now.',
    retry: 'Retry',
    notEnabled:
      'Customer Development is not enabled for your organisation. Contact your ecosystem manager.',
    notForManager:
      'Customer Development is for partner users. The ecosystem manager sets it up under Partners.',
    ecosystemManager: 'Your ecosystem manager: {contact}',
    nameAndEmail: '{name} ({email})',
  },
  partners: {
    title: 'Partners',
    intro:
      'Set each partner’s Customer Development capabilities and contacts. Changes apply from the partner’s next request.',
    notPermitted:
      'You are not permitted to manage partners. Only the ecosystem manager can change partner capabilities.',
    loading: 'Loading partners…',
    loadFailed: 'Partners could not be loaded.',
    retry: 'Retry',
    empty: 'No partners yet',
    columns: {
      partner: 'Partner',
      associations: 'Associations',
      customerDevelopmentEnabled: 'Customer Development',
      referralModelEnabled: 'Referral Model',
      isPrepaid: 'Prepaid',
      preregistrationQuota: 'Pre-registration Quota',
      dailyInviteCap: 'Daily Invitation Cap',
      contactEmail: 'Contact Email',
      contactMobile: 'Contact Mobile',
      ecosystemManagerName: 'Ecosystem Manager',
      ecosystemManagerEmail: 'Ecosystem Manager Email',
      operation: 'Operation',
    },
    controlLabel: '{field} of {partner}',
    associationsBySource: 'Email {email} · General link {general} · Custom link {custom}',
    save: 'Save',
    saveLabel: 'Save {partner}',
    saved: 'Changes to {partner} saved.',
    saveFailed: 'The changes could not be saved.',
    reference: 'Reference: {requestId}',
    invalid: {
      customerDevelopmentEnabled: 'Choose on or off.',
      referralModelEnabled: 'Choose on or off.',
      isPrepaid: 'Choose on or off.',
      preregistrationQuota: 'Enter a whole number from 0 to 10,000.',
      dailyInviteCap: 'Enter a whole number from 0 to 100,000.',
      contactEmail: 'Enter a valid email address, or leave it empty.',
      contactMobile:
        'Enter a mobile number with its country code, such as +86 138 0000 1234, or leave it empty.',
      ecosystemManagerName: 'Enter a name of 1 to 100 characters, or leave it empty.',
      ecosystemManagerEmail: 'Enter a valid email address, or leave it empty.',
    },
  },
  // S35: the platform's API keys (S34 over the admin paths, no role choice).
  apiKeys: {
    title: 'API Keys',
    intro:
      "API keys let your own systems call the Partner Center API with the permissions of a role. Send the key in the Authorization header as Bearer {'{'}key{'}'}. A key cannot manage API keys or webhooks, and every reveal it makes is audited.",
    notPermitted:
      'You are not permitted to manage platform API keys. Only the ecosystem manager can create and revoke them.',
    loadFailed: 'API keys could not be loaded.',
    create: 'Create API Key',
    limit: 'You have reached the maximum number of active API keys.',
    limitAction: 'Revoke an API key you no longer need, then try again.',
    columns: {
      name: 'Name',
      key: 'Key',
      role: 'Role',
      createdBy: 'Created By',
      createdAt: 'Created At',
      lastUsed: 'Last Used',
      status: 'Status',
      operation: 'Operation',
    },
    never: 'Never',
    revoke: 'Revoke',
    revokeLabel: 'Revoke {name}',
    empty: 'No API keys yet.',
    role: 'Ecosystem manager',
    statuses: { ACTIVE: 'Active', REVOKED: 'Revoked' },
    dialog: {
      title: 'Create API Key',
      name: 'Name',
      nameHint: 'What uses this key, for example CRM sync.',
      role: 'Role',
      roleHint: 'The key can call the ecosystem manager’s API, except API keys and webhooks.',
    },
    created: {
      title: 'API Key Created',
      text: 'Copy this key now. It is shown only once and cannot be recovered; if you lose it, revoke it and create a new one.',
      key: 'API key',
      copy: 'Copy',
      copied: 'Key copied',
      stored: 'I have stored it',
    },
    revokeTitle: 'Revoke',
    revokeText:
      'Revoke the API key "{name}"? Systems using it are refused from their next request. This cannot be undone.',
    revoked: 'Key revoked',
    ok: 'OK',
    cancel: 'Cancel',
  },
  // S35: the platform's webhooks (S30–S33 over the admin paths).
  webhooks: webhooksEn,
}

/** The shape every shell language must have. */
export type ShellMessages = typeof en
