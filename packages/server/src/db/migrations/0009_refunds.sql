-- Afterdesk refunds for real (R-6.1, R-6.3, R-6.4): each refund is paid through a payment
-- adapter (Stripe, store credit, manual bank transfer) by a durable job, exactly once.

-- Row-level security for a new tenant table, in one call: the second wall behind the
-- application's own tenant checks. Later migrations use it instead of repeating the block.
CREATE FUNCTION enable_tenant_rls(table_name text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
  EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', table_name);
END
$$;

-- What has been promised back out of each payment. A refund reserves its amount here when
-- it is requested and gives it back if it finally fails, so the database itself refuses
-- to refund more than was captured, whatever the callers race.
ALTER TABLE payments
  ADD COLUMN refunded_minor bigint NOT NULL DEFAULT 0,
  ADD CONSTRAINT payments_refund_within_capture CHECK (refunded_minor >= 0 AND refunded_minor <= captured_minor);
-- Order imports update payments in place (by position), so refunds keep pointing at them;
-- shipments too, so what carriers reported is not wiped by the next order update.
CREATE UNIQUE INDEX payments_position ON payments (order_id, position);
CREATE UNIQUE INDEX shipments_position ON shipments (order_id, position);
-- Carrier scans find return parcels by the customer's tracking number too, not only the waybill.
CREATE INDEX return_shipments_tracking ON return_shipments (tenant_id, tracking_number) WHERE tracking_number IS NOT NULL;

ALTER TABLE refunds
  ALTER COLUMN case_id DROP NOT NULL,
  ADD COLUMN order_id uuid REFERENCES orders (id),
  -- The payment the money came from; null for compensation beyond the order's payments.
  ADD COLUMN payment_id uuid REFERENCES payments (id),
  ADD COLUMN purpose text NOT NULL DEFAULT 'refund' CHECK (purpose IN ('refund', 'compensation')),
  ADD COLUMN customer_id uuid REFERENCES customers (id),
  -- Which adapter pays it: 'stripe', 'store_credit' or 'manual'.
  ADD COLUMN provider text,
  ADD COLUMN provider_refund_id text,
  -- Tries in this round, and the rounds an agent started again after the job gave up.
  ADD COLUMN attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN rounds integer NOT NULL DEFAULT 1,
  ADD COLUMN next_attempt_at timestamptz,
  ADD COLUMN last_error text,
  ADD COLUMN reference text,
  ADD COLUMN settled_at timestamptz,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
UPDATE refunds SET order_id = cases.order_id, customer_id = cases.customer_id
  FROM cases WHERE cases.id = refunds.case_id;
UPDATE refunds SET provider = CASE method WHEN 'store_credit' THEN 'store_credit' ELSE 'manual' END;
-- Statuses before this migration: 'pending' (to the original payment) and 'succeeded'.
-- From now on: pending → processing → succeeded | failed; held waits for an agent
-- (an amount anomaly); awaiting_transfer waits for an agent's bank transfer.
UPDATE refunds SET status = 'awaiting_transfer' WHERE status = 'pending';
ALTER TABLE refunds
  ALTER COLUMN provider SET NOT NULL,
  ADD CONSTRAINT refunds_status CHECK (status IN ('pending', 'processing', 'succeeded', 'failed', 'held', 'awaiting_transfer', 'cancelled'));
-- The refund job's queue: only refunds it still has to pay or to ask about.
CREATE INDEX refunds_due ON refunds (next_attempt_at) WHERE status IN ('pending', 'processing');
CREATE INDEX refunds_order ON refunds (order_id);
CREATE INDEX refunds_open ON refunds (tenant_id, status, created_at) WHERE status IN ('held', 'awaiting_transfer', 'failed');

-- The tenant's payment provider accounts. Only Stripe today; the secret is never returned.
CREATE TABLE payment_providers (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  provider text NOT NULL CHECK (provider IN ('stripe')),
  secret_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, provider)
);
SELECT enable_tenant_rls('payment_providers');

-- Store credit: one ledger per customer and currency. A refund's credit is written once,
-- keyed by the refund; spending it is a negative entry with its own reference.
CREATE TABLE store_credit_entries (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  currency char(3) NOT NULL,
  amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
  refund_id uuid UNIQUE REFERENCES refunds (id),
  note text,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX store_credit_customer ON store_credit_entries (tenant_id, customer_id, currency);
SELECT enable_tenant_rls('store_credit_entries');

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
