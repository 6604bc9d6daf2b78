-- Every index of webhook_events is paid on the request that makes the change (a batch invite
-- writes a hundred events in its transaction): the entity index served only tests, and the
-- retention sweep's range on occurred_at (append-only, written in time order) needs only BRIN.
DROP INDEX "webhook_events_entity_idx";--> statement-breakpoint
DROP INDEX "webhook_events_occurred_idx";--> statement-breakpoint
CREATE INDEX "webhook_events_occurred_idx" ON "webhook_events" USING brin ("occurred_at");