-- Afterdesk outbound webhooks: merchants subscribe URLs to event types, and every matching
-- event of the log (the transactional outbox) becomes one signed delivery per subscription.

CREATE TABLE webhook_subscriptions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  url text NOT NULL CHECK (url ~ '^https?://'),
  -- Exact types ('case.approved') or prefixes ending in '.*' ('case.*'); '*' is every event.
  event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
  -- Kept in clear because every delivery is signed with it; the API shows it only once.
  secret text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscriptions_active ON webhook_subscriptions (tenant_id) WHERE active;

-- One row per (subscription, event): the unique key makes a repeated fan-out a no-op.
-- state: queued (never tried), failed (tried, retry planned), sent, dead (gave up).
CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  event_id bigint NOT NULL REFERENCES events (id),
  event_type text NOT NULL,
  stream_id uuid NOT NULL,
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  -- Retries stop after this moment (a day after the event, or after a replay by hand).
  retry_until timestamptz NOT NULL,
  last_status integer,
  last_response text,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subscription_id, event_id)
);
-- The due queue, and the "is an earlier one of this case still pending" probe.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state IN ('queued', 'failed');
CREATE INDEX webhook_deliveries_pending_stream ON webhook_deliveries (subscription_id, stream_id, event_id)
  WHERE state IN ('queued', 'failed');
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (tenant_id, created_at DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['webhook_subscriptions', 'webhook_deliveries']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
