-- Afterdesk exchanges (R-3.5, R-3.6, R-6.2, R-6.3): what the customer owes before the
-- replacement ships, and the replacement's own shipments out of the shop's stock.

-- Money the customer owes on a case (a dearer replacement, the new shipping they bear),
-- paid at the shop's checkout through `url`; the shop confirms the payment. One open link
-- per case, so a repeated approval cannot ask twice.
CREATE TABLE payment_links (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  currency char(3) NOT NULL,
  -- What the amount is made of: [{ "code": "price_difference", "amountMinor": 1000 }, ...].
  lines jsonb NOT NULL,
  -- Unguessable: the link is the only thing a customer needs to pay it.
  token text NOT NULL UNIQUE,
  url text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'cancelled')),
  -- The shop's payment reference, given when it confirms the payment.
  reference text,
  paid_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'paid' OR (paid_at IS NOT NULL AND reference IS NOT NULL))
);
CREATE UNIQUE INDEX payment_links_one_open ON payment_links (case_id) WHERE status = 'open';
CREATE INDEX payment_links_case ON payment_links (case_id);
SELECT enable_tenant_rls('payment_links');

-- A replacement on its way out: reserved in the shop's stock when it is due to ship, then
-- shipped with its carrier and tracking number. A shipment that fails is kept, and a new
-- reservation replaces it at once (R-6.3), so only one is live per case.
CREATE TABLE replacement_shipments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  -- [{ "caseItemId", "sku", "quantity", "attributes" }]: the variants the customer chose.
  lines jsonb NOT NULL,
  carrier text,
  tracking_number text,
  status text NOT NULL DEFAULT 'reserved' CHECK (status IN ('reserved', 'shipped', 'failed')),
  failure_reason text,
  reserved_at timestamptz NOT NULL,
  shipped_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'shipped' OR (carrier IS NOT NULL AND tracking_number IS NOT NULL AND shipped_at IS NOT NULL)),
  CHECK (status <> 'failed' OR failed_at IS NOT NULL)
);
CREATE UNIQUE INDEX replacement_shipments_one_live ON replacement_shipments (case_id) WHERE status <> 'failed';
CREATE INDEX replacement_shipments_case ON replacement_shipments (case_id, created_at);
SELECT enable_tenant_rls('replacement_shipments');

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
