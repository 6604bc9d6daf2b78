/**
 * Strings of the Offline Invitation tab (S21–S24), English. Loaded with the tab's chunk and
 * merged under `offline` (composables/use-offline-messages.ts): the first view does not carry them.
 */
export const offlineEn = {
  offline: {
    intro:
      'Send your invitation link or QR code to potential customers. Customers who click or scan it can register and associate with you; the tag tells you through which link they came.',
    general: {
      title: 'General Invitation Link',
      hint: 'Your personal link and QR code. They do not expire; customers who register and associate through them are tagged with your account name.',
      noPermission:
        'You have no general invitation link because your role cannot invite customers.',
      link: 'Invitation link',
      qrAlt: 'QR code of your general invitation link',
      reset: 'Reset',
      resetTitle: 'Reset your general invitation link?',
      resetText:
        'The current link and QR code stop working at once. Customers who already associated stay associated. Give customers the new link or QR code.',
      resetDone: 'Link reset. The old link no longer works.',
    },
    tag: 'Tag',
    associationType: 'Association Type',
    registrations: 'Registrations',
    associations: 'Associations',
    copyLink: 'Copy Link',
    copied: 'Link copied',
    downloadQr: 'Download QR Code',
    png: 'PNG',
    svg: 'SVG',
    custom: {
      title: 'Custom Invitation Links',
      hint: 'Create a link with its own tag to identify the customers of an event, a campaign or a channel. Activity links expire; other links never do.',
      create: 'Create Custom Link',
      search: 'Search by tag',
      createdBy: 'Created By',
      createdAt: 'Created At',
      expiresAt: 'Expires At',
      never: 'Never',
      status: 'Status',
      operation: 'Operation',
      copy: 'Copy',
      downloadQr: 'Download QR',
      disable: 'Disable',
      enable: 'Enable',
      empty: 'No custom links yet. Create one to tag the customers of an event or a campaign.',
      noMatch: 'No links match.',
      disableTitle: 'Disable the link "{tag}"?',
      disableText:
        'It stops working at once; customers who already associated stay associated. You can enable it again later.',
      created: 'Link created',
    },
    dialog: {
      title: 'Create Custom Link',
      tagHint:
        '1 to {max} characters. It identifies the customers who register and associate through this link and appears in your customer lists.',
      activity: 'Activity link (expires)',
      validFor: 'Valid for',
      days: 'days',
      // Plural forms (singular | plural), chosen from the count.
      expiresHint:
        'The link stops working {n} day after it is created. | The link stops working {n} days after it is created.',
      neverHint: 'The link never expires.',
    },
    associated: {
      title: 'Customers Associated Through Links',
      search: 'Search by customer or tag',
      customer: 'Customer',
      accountName: 'Account Name',
      linkTag: 'Link Tag',
      associatedAt: 'Associated At',
      empty: 'No customer has associated through your links yet.',
    },
  },
}

/** The shape of the tab's strings in every language. */
export type OfflineMessages = typeof offlineEn
