/**
 * Strings of the API Keys page (S34), English. Loaded with the page's chunk and merged under
 * `apiKeys` (composables/use-api-keys-messages.ts): the first view does not carry them.
 */
export const apiKeysEn = {
  apiKeys: {
    intro:
      "API keys let your own systems call the Partner Center API with the permissions of a role. Send the key in the Authorization header as Bearer {'{'}key{'}'}. A key cannot manage API keys or webhooks, and every reveal it makes is audited.",
    create: 'Create API Key',
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
    empty: 'No API keys yet.',
    roles: {
      admin: 'Administrator',
      sales: 'Sales (operator)',
      read_only: 'Read only',
      ecosystem_manager: 'Ecosystem manager',
    },
    statuses: {
      ACTIVE: 'Active',
      REVOKED: 'Revoked',
    },
    dialog: {
      title: 'Create API Key',
      name: 'Name',
      nameHint: 'What uses this key, for example CRM sync.',
      role: 'Role',
      roleHint: 'The key can do what this role can, except manage API keys and webhooks.',
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
  },
}

/** The shape of the page's strings in every language. */
export type ApiKeysMessages = typeof apiKeysEn
