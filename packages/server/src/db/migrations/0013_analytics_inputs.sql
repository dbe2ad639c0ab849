-- Afterdesk analytics inputs (R-12.1): what the shop's history tells beyond its orders.

-- A credit note the shop issued outside Afterdesk (an imported "C…" invoice of the UCI
-- Online Retail export): its units count as returned, against the sale they undo.
ALTER TABLE orders ADD COLUMN credit_note boolean NOT NULL DEFAULT false;

-- The customer's review of an order (the Olist export carries one per order): a 1–5
-- score, the comment, and what triage made of the comment when it was imported.
CREATE TABLE order_reviews (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  external_id text NOT NULL,
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment text,
  language text,
  intent text,
  sentiment real CHECK (sentiment BETWEEN -1 AND 1),
  reviewed_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, order_id, external_id)
);
CREATE INDEX order_reviews_reviewed ON order_reviews (tenant_id, reviewed_at);
CREATE INDEX order_reviews_order ON order_reviews (order_id);
SELECT enable_tenant_rls('order_reviews');

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
