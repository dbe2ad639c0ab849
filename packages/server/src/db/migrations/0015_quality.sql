-- Afterdesk quality (R-12.3, R-13.2): early-warning alerts, and the indexes the risk
-- views read by. Methods and thresholds: docs/quality.md.

-- One alert per tenant, kind, subject and week: the daily job re-tests the last complete
-- week and refreshes the figures of an alert it already raised, never a second row.
-- Weeks are ISO weeks named by their Monday ('YYYY-MM-DD') in the stores' own time zones,
-- as the measures read them.
CREATE TABLE quality_alerts (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  kind text NOT NULL CHECK (kind IN ('spike', 'complaint_cluster')),
  subject_type text NOT NULL CHECK (subject_type IN ('sku', 'batch', 'supplier', 'category')),
  subject text NOT NULL,
  week text NOT NULL CHECK (week ~ '^\d{4}-\d{2}-\d{2}$'),
  -- Returned units (spike) or product complaints (cluster) of the delivered units in the week.
  events integer NOT NULL CHECK (events >= 0),
  units integer NOT NULL CHECK (units >= 0),
  baseline_events integer NOT NULL CHECK (baseline_events >= 0),
  baseline_units integer NOT NULL CHECK (baseline_units >= 0),
  rate double precision NOT NULL,
  baseline_rate double precision NOT NULL,
  p_value double precision NOT NULL,
  q_value double precision NOT NULL,
  -- A complaint cluster's plan: 'recall' or 'improvement'.
  plan text CHECK (plan IN ('recall', 'improvement')),
  -- [{ "reason": code, "count": n }], most frequent first.
  top_reasons jsonb NOT NULL DEFAULT '[]',
  -- [{ "source": "case" | "message" | "review", "text": …, "at": ISO time }], a few.
  comments jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'closed')),
  acknowledged_by text,
  acknowledged_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, kind, subject_type, subject, week)
);
CREATE INDEX quality_alerts_recent ON quality_alerts (tenant_id, week DESC, id);
CREATE INDEX quality_alerts_status ON quality_alerts (tenant_id, status, week DESC, id);
SELECT enable_tenant_rls('quality_alerts');

-- High-risk orders of a period are read by placing time, a page at a time.
CREATE INDEX orders_placed ON orders (tenant_id, placed_at, id);
-- Accounts sharing a delivery address: the same street line and postcode, case-folded.
CREATE INDEX orders_address ON orders (
  tenant_id, lower(shipping_address ->> 'line1'), upper(shipping_address ->> 'postalCode'), customer_id
) WHERE shipping_address IS NOT NULL;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
