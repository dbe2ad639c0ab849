-- Afterdesk order changes before shipment (R-2.2, R-2.3): a new shipping address, or a
-- cancellation that refunds in full; after shipment a cancellation becomes a return case.

-- Where the order goes. Null until the shop sends it or the customer changes it here.
ALTER TABLE orders ADD COLUMN shipping_address jsonb;

-- Every change asked for, applied or not: the order's change history and its audit trail.
CREATE TABLE order_changes (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('address', 'cancel')),
  status text NOT NULL CHECK (status IN ('applied', 'refused', 'became_return')),
  -- Why it was refused or turned into a return: 'shipped', 'delivered', 'cancelled', 'nothing_to_return'.
  block text,
  -- The customer's own words for a cancellation.
  reason text,
  -- For an address change: the address asked for and the one it replaced.
  address jsonb,
  previous_address jsonb,
  -- The return case a cancellation after shipment became; null while it is being opened.
  case_id uuid REFERENCES cases (id) ON DELETE SET NULL,
  refund_ids uuid[] NOT NULL DEFAULT '{}',
  requested_by_type text NOT NULL,
  requested_by_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'address') = (address IS NOT NULL))
);
CREATE INDEX order_changes_order ON order_changes (order_id, created_at);
-- One cancellation per order, ever: a repeated or concurrent request answers the first.
-- Refusals do not count, so a refused attempt never blocks a later one.
CREATE UNIQUE INDEX order_changes_one_cancellation ON order_changes (order_id)
  WHERE kind = 'cancel' AND status <> 'refused';
SELECT enable_tenant_rls('order_changes');

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
