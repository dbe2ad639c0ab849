-- Afterdesk warehouse and parcel exceptions (R-6.3, R-6.4, R-7.2): the inspection of each
-- returned item, and the logistics cases opened when a parcel goes wrong.

-- The parcel a logistics case is about (its tracking number). One open case per parcel:
-- the second exception on the same parcel adds to the first case instead.
ALTER TABLE cases ADD COLUMN parcel_number text;
CREATE UNIQUE INDEX cases_open_parcel ON cases (tenant_id, parcel_number)
  WHERE parcel_number IS NOT NULL AND closed_at IS NULL;

-- Every exception a parcel met, kept for analysis (R-7.2). The unique key makes a repeated
-- report (the same carrier event, the same missed estimate) a no-op. Keyed by tracking
-- number rather than shipment, because order imports replace shipments.
CREATE TABLE parcel_exceptions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  order_id uuid REFERENCES orders (id) ON DELETE CASCADE,
  carrier text NOT NULL,
  tracking_number text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('lost', 'damaged', 'delayed', 'returned_to_sender', 'other')),
  -- The carrier's event time, or the estimated delivery time a delay missed.
  occurred_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, tracking_number, reason, occurred_at)
);
CREATE INDEX parcel_exceptions_case ON parcel_exceptions (case_id);

-- The warehouse's verdict on each returned item (acceptance 5); `inspections` keeps the
-- verdict on the whole parcel. A mismatch (wrong item, fewer units) fails the item.
CREATE TABLE inspection_items (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  case_item_id uuid NOT NULL REFERENCES case_items (id) ON DELETE CASCADE,
  result text NOT NULL CHECK (result IN ('passed', 'failed')),
  grade text CHECK (grade IN ('A', 'B', 'C', 'D')),
  notes text,
  evidence_ids uuid[] NOT NULL DEFAULT '{}',
  disposition text NOT NULL CHECK (disposition IN ('restock', 'refurbish', 'dispose')),
  received_quantity integer CHECK (received_quantity >= 0),
  received_sku text,
  mismatch text CHECK (mismatch IN ('wrong_item', 'missing_quantity')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inspection_id, case_item_id)
);
CREATE INDEX inspection_items_case ON inspection_items (case_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['parcel_exceptions', 'inspection_items']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
