/**
 * Strings of the Webhooks page and the delivery log (S30–S33), English. Loaded with the page's
 * chunk and merged under `webhooks` (composables/use-webhooks-messages.ts): the first view does
 * not carry them. The labels of event types, delivery statuses, outcomes and cancel reasons are the domain's
 * (§13.4.2, §13.5, composables/use-webhook-labels.ts), not repeated here.
 */
export const webhooksEn = {
  webhooks: {
    intro:
      'Partner Center sends a signed HTTPS request to your endpoints when something happens to your customers. An event can arrive more than once and in any order: drop duplicates by the webhook-id header and order by the entity version.',
    add: 'Add Endpoint',
    refresh: 'Refresh',
    columns: {
      endpoint: 'Endpoint',
      events: 'Events',
      status: 'Status',
      lastDelivery: 'Last Delivery',
      createdBy: 'Created By',
      createdAt: 'Created At',
      operation: 'Operation',
    },
    allEvents: 'All events',
    eventCount: '{n} event | {n} events',
    statuses: { ENABLED: 'Enabled', DISABLED: 'Disabled' },
    statusOf: 'Status of {url}',
    disabledFailing:
      'Disabled automatically: deliveries failed for {hours} hours from {failingSince}.',
    failingSince: 'Failing since {time}',
    actions: {
      deliveryLog: 'Delivery Log',
      sendTest: 'Send Test Event',
      edit: 'Edit',
      rotate: 'Rotate Secret',
      delete: 'Delete',
    },
    empty: 'No endpoints yet. Add one to receive events in your own systems.',
    test: {
      sending: 'Sending test event…',
      delivered: 'Test event delivered: HTTP {status} in {ms} ms',
      failed: 'Test event failed: {outcome}',
      openLog: 'Open the delivery log',
    },
    confirmDisable:
      'Disable this endpoint? It receives no events until you enable it again; events in between are not sent later.',
    confirmDelete:
      'Delete the endpoint {url}? It stops receiving events at once, pending deliveries are cancelled and its delivery log is removed.',
    confirmRotate:
      'Rotate the signing secret? A new secret is shown once. For {hours} hours requests are signed with both the new and the old secret; after that only the new one verifies.',
    dialog: {
      addTitle: 'Add Endpoint',
      editTitle: 'Edit Endpoint',
      url: 'Endpoint URL',
      urlHint:
        'The https address that receives the events, for example https://crm.example.com/hooks/partner-center. Private and local network addresses are refused.',
      description: 'Description',
      events: 'Events',
      selectAll: 'Select all',
      groups: {
        preregistration: 'Pre-registrations',
        invitation: 'Invitations',
        association: 'Associations',
      },
      atLeastOne: 'Select at least one event.',
      enabled: 'Enabled',
    },
    secret: {
      title: 'Signing Secret',
      text: 'Copy this secret now and store it with your receiver. It is shown only once; if you lose it, rotate the secret.',
      label: 'Signing secret',
      copy: 'Copy',
      copied: 'Secret copied',
      library:
        'Verify every request with a Standard Webhooks library, for example standardwebhooks for JavaScript.',
      oldExpires: 'The old secret stops working at {time}.',
      stored: 'I have stored it',
    },
    log: {
      title: 'Delivery Log',
      back: 'Back to Webhooks',
      status: 'Status',
      eventType: 'Event type',
      search: 'Search by event ID',
      columns: {
        event: 'Event',
        eventId: 'Event ID',
        occurredAt: 'Occurred At',
        status: 'Status',
        attempts: 'Attempts',
        lastAttempt: 'Last Attempt',
        response: 'Response',
        duration: 'Duration',
        operation: 'Operation',
      },
      copyId: 'Copy event ID',
      copied: 'Event ID copied',
      durationMs: '{n} ms',
      details: 'Details',
      redeliver: 'Redeliver',
      redelivered: 'Redelivery queued',
      attempt: 'Attempt {n}',
      address: 'Address',
      responseExcerpt: 'Response excerpt',
      excerptNote: 'first 1,024 bytes',
      requestBody: 'Request body',
      empty: 'No deliveries in the last {days} days.',
    },
  },
}

/** The shape of the page's strings in every language. */
export type WebhooksMessages = typeof webhooksEn
