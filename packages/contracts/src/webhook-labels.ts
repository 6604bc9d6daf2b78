// The words of webhook deliveries and events in English and Chinese (domain.md §13.4.2,
// §13.5), owned by the domain and offered here to every client of the API: a delivery log
// anywhere, the Partner Center shell's included, says what the module's pages say.
export {
  WEBHOOK_ATTEMPT_OUTCOME_LABELS,
  WEBHOOK_CANCEL_REASON_LABELS,
  WEBHOOK_DELIVERY_STATUS_LABELS,
  webhookAttemptOutcomeLabel,
  webhookDeliveryStatusLabel,
  webhookEventLabel,
  type WebhookAttemptResult,
  type WebhookDeliveryState,
} from '@partner-center/domain'
