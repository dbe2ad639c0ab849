-- Afterdesk shop integrations: a shop (Shopify) posts its order webhooks to Afterdesk,
-- signed with a secret the merchant registered here. Each delivery id is kept, so a
-- replayed or retried delivery changes nothing.

-- One row per connected shop. The shop domain names the tenant before any tenant is
-- known, so it is unique across all tenants. The secret is needed in clear to check
-- signatures (HMAC), so it is stored, never returned by the API.
CREATE TABLE shop_integrations (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  provider text NOT NULL CHECK (provider IN ('shopify')),
  shop_domain text NOT NULL,
  webhook_secret text NOT NULL,
  store_code text,
  -- Deliveries triggered longer ago than this are refused as stale (replay protection).
  max_delivery_age_seconds integer NOT NULL DEFAULT 900 CHECK (max_delivery_age_seconds > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, shop_domain)
);
CREATE INDEX shop_integrations_tenant ON shop_integrations (tenant_id);

-- Every delivery accepted, by the shop's delivery id (X-Shopify-Webhook-Id).
CREATE TABLE shop_webhook_receipts (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  integration_id uuid NOT NULL REFERENCES shop_integrations (id) ON DELETE CASCADE,
  webhook_id text NOT NULL,
  topic text NOT NULL,
  triggered_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  outcome text NOT NULL,
  PRIMARY KEY (integration_id, webhook_id)
);
CREATE INDEX shop_webhook_receipts_received ON shop_webhook_receipts (tenant_id, received_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['shop_integrations', 'shop_webhook_receipts']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
