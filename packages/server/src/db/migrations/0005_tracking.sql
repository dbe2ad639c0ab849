-- Afterdesk outbound tracking: what carriers report about each parcel, the state each
-- shipment has reached, and the proactive notices that tell the customer (R-2.4).

-- The latest state a carrier reported; null until the first tracking event arrives.
ALTER TABLE shipments
  ADD COLUMN status text CHECK (status IN ('shipped', 'in_transit', 'out_for_delivery', 'delivered', 'exception')),
  ADD COLUMN status_at timestamptz,
  ADD COLUMN location text;
-- Carriers name a parcel by its tracking number alone.
CREATE INDEX shipments_tracking ON shipments (tenant_id, tracking_number) WHERE tracking_number IS NOT NULL;

-- Every tracking event as received. The unique key makes a redelivered event a no-op.
-- Events for a tracking number no order names yet are kept (shipment_id null), so the
-- parcel's history is complete once the order arrives.
CREATE TABLE tracking_events (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  -- Order imports replace an order's shipments; the history stays, found by tracking number.
  shipment_id uuid REFERENCES shipments (id) ON DELETE SET NULL,
  carrier text NOT NULL,
  tracking_number text NOT NULL,
  status text NOT NULL CHECK (status IN ('shipped', 'in_transit', 'out_for_delivery', 'delivered', 'exception')),
  occurred_at timestamptz NOT NULL,
  location text,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, carrier, tracking_number, status, occurred_at)
);
CREATE INDEX tracking_events_number ON tracking_events (tenant_id, tracking_number);

-- Notices sent to a customer on the shop's initiative, outside any case: rendered when
-- queued, then delivered by a job with the same retries as case mail.
CREATE TABLE customer_notices (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  order_id uuid REFERENCES orders (id) ON DELETE CASCADE,
  shipment_id uuid REFERENCES shipments (id) ON DELETE SET NULL,
  kind text NOT NULL,
  language text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  delivery_state text NOT NULL DEFAULT 'queued' CHECK (delivery_state IN ('queued', 'sent', 'failed')),
  delivery_attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  delivery_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- One notice of each kind per parcel, ever, however often the carrier repeats itself.
  UNIQUE (shipment_id, kind)
);
CREATE INDEX customer_notices_due ON customer_notices (next_attempt_at) WHERE delivery_state = 'queued';
CREATE INDEX customer_notices_order ON customer_notices (order_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tracking_events', 'customer_notices']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
