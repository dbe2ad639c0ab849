-- Afterdesk return shipments through carrier adapters (R-6.1, R-7.1, R-7.3, R-7.4): the
-- carriers a tenant has connected, the warehouses returns go to, and the state of each
-- return shipment's request to its carrier.

-- A carrier connection. 'manual': the merchant types the waybill in. 'generic': Afterdesk
-- POSTs a signed JSON request to `url` and reads the answer with JSON pointers. The
-- built-in 'self_ship' carrier (the customer ships it themselves) needs no row.
CREATE TABLE return_carriers (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$' AND code <> 'self_ship'),
  name text NOT NULL,
  adapter text NOT NULL CHECK (adapter IN ('manual', 'generic')),
  url text CHECK (url ~ '^https?://'),
  -- Kept in clear because every request is signed with it; the API shows it only once.
  secret text,
  -- JSON pointers (RFC 6901) into the carrier's answer.
  waybill_pointer text,
  pickup_pointer text,
  -- The carrier every return uses unless its warehouse names another.
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code),
  CHECK (adapter <> 'generic' OR (url IS NOT NULL AND secret IS NOT NULL AND waybill_pointer IS NOT NULL))
);
CREATE UNIQUE INDEX return_carriers_default ON return_carriers (tenant_id) WHERE is_default;

-- Where returns go. A customer's country picks the warehouse that serves it, else the
-- default one; a consolidation warehouse gathers cross-border returns in the customer's
-- region before they travel on in bulk.
CREATE TABLE warehouses (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  address_lines text[] NOT NULL CHECK (cardinality(address_lines) BETWEEN 1 AND 4),
  postal_code text,
  city text NOT NULL,
  country char(2) NOT NULL,
  serves_countries char(2)[] NOT NULL DEFAULT '{}',
  consolidation boolean NOT NULL DEFAULT false,
  is_default boolean NOT NULL DEFAULT false,
  carrier_id uuid REFERENCES return_carriers (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX warehouses_default ON warehouses (tenant_id) WHERE is_default;

-- A shipment whose carrier is asked over the network has no waybill until the carrier
-- answers; a manual one until the merchant types it.
-- state: issued (waybill known), requested (the job will ask the carrier), awaiting_waybill
-- (the merchant types it), failed (the carrier refused or never answered: agents see why).
ALTER TABLE return_shipments ALTER COLUMN waybill_number DROP NOT NULL;
ALTER TABLE return_shipments
  ADD COLUMN state text NOT NULL DEFAULT 'issued'
    CHECK (state IN ('issued', 'requested', 'awaiting_waybill', 'failed')),
  ADD COLUMN carrier_id uuid REFERENCES return_carriers (id) ON DELETE SET NULL,
  ADD COLUMN warehouse_id uuid REFERENCES warehouses (id) ON DELETE SET NULL,
  -- The warehouse's address as it was when the label was made: the label must not change
  -- when the warehouse is edited later.
  ADD COLUMN return_address jsonb,
  ADD COLUMN postage_paid_by text CHECK (postage_paid_by IN ('merchant', 'customer')),
  -- {date, from, to}: the pick-up asked for, and the carrier's booking reference.
  ADD COLUMN pickup jsonb,
  ADD COLUMN pickup_reference text,
  ADD COLUMN attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN next_attempt_at timestamptz,
  ADD COLUMN retry_until timestamptz,
  ADD COLUMN last_error text,
  ADD COLUMN issued_at timestamptz,
  ADD CHECK (state <> 'issued' OR waybill_number IS NOT NULL);
CREATE INDEX return_shipments_due ON return_shipments (next_attempt_at) WHERE state = 'requested';

SELECT enable_tenant_rls('return_carriers');
SELECT enable_tenant_rls('warehouses');

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
