-- Afterdesk foundation: tenants, stores, customers, orders, cases and their records.
-- Every tenant-owned table carries tenant_id and a row-level-security policy: the
-- application sets app.tenant_id per transaction and switches to the afterdesk_app role,
-- which cannot see another tenant's rows even if a query forgets its WHERE clause.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'afterdesk_app') THEN
    CREATE ROLE afterdesk_app NOLOGIN;
  END IF;
  -- A non-superuser owner must be a member to switch to the role per transaction.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT afterdesk_app TO %I', current_user);
  END IF;
END
$$;

CREATE FUNCTION app_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE TABLE tenants (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stores (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  code text NOT NULL,
  name text NOT NULL,
  country char(2) NOT NULL,
  currency char(3) NOT NULL,
  time_zone text NOT NULL,
  languages text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TABLE customers (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  -- The shop's id; when the shop sends none it is derived from the e-mail or phone.
  external_id text NOT NULL,
  email text,
  phone text,
  name text,
  language text,
  country char(2),
  blocked boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_external_id ON customers (tenant_id, external_id);
CREATE INDEX customers_email_lookup ON customers (tenant_id, lower(email));
CREATE INDEX customers_phone ON customers (tenant_id, phone) WHERE phone IS NOT NULL;

CREATE TABLE orders (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  store_id uuid NOT NULL REFERENCES stores (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  external_id text NOT NULL,
  number text NOT NULL,
  status text NOT NULL,
  placed_at timestamptz NOT NULL,
  currency char(3) NOT NULL,
  shipping_minor bigint NOT NULL DEFAULT 0,
  total_minor bigint NOT NULL,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, store_id, external_id)
);
CREATE INDEX orders_number ON orders (tenant_id, number);
CREATE INDEX orders_customer ON orders (tenant_id, customer_id, placed_at DESC);

CREATE TABLE order_lines (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  external_id text NOT NULL,
  position integer NOT NULL,
  sku text NOT NULL,
  title text NOT NULL,
  category text,
  attributes jsonb NOT NULL DEFAULT '{}',
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
  discount_minor bigint NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
  UNIQUE (order_id, external_id)
);
CREATE INDEX order_lines_sku ON order_lines (tenant_id, sku);

CREATE TABLE payments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position integer NOT NULL,
  method text NOT NULL,
  reference text,
  captured_minor bigint NOT NULL CHECK (captured_minor >= 0)
);
CREATE INDEX payments_order ON payments (order_id);

CREATE TABLE shipments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position integer NOT NULL,
  carrier text NOT NULL,
  tracking_number text,
  shipped_at timestamptz,
  delivered_at timestamptz,
  estimated_at timestamptz
);
CREATE INDEX shipments_order ON shipments (order_id);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Agents log in with e-mail alone, so an e-mail names one agent across all tenants.
CREATE UNIQUE INDEX users_email ON users (lower(email));

-- Agents' cookie sessions and customers' short-lived tokens; only a hash of the token is kept.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  customer_id uuid REFERENCES customers (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  CHECK ((user_id IS NULL) <> (customer_id IS NULL)),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE policies (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  version integer NOT NULL,
  document jsonb NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, version)
);

-- Case numbers are global and gap-tolerant so creating cases never queues on a counter row.
CREATE SEQUENCE case_number_seq START 1000;

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  number bigint NOT NULL DEFAULT nextval('case_number_seq'),
  kind text NOT NULL CHECK (kind IN ('return', 'exchange', 'refund_only', 'repair', 'inquiry', 'complaint', 'logistics', 'dispute')),
  status text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  store_id uuid REFERENCES stores (id),
  customer_id uuid NOT NULL REFERENCES customers (id),
  order_id uuid REFERENCES orders (id),
  language text NOT NULL,
  channel text NOT NULL,
  priority text NOT NULL DEFAULT 'normal',
  assignee_id uuid REFERENCES users (id),
  description text,
  return_code text,
  policy_version integer,
  refundable_minor bigint,
  currency char(3),
  created_by_type text NOT NULL,
  created_by_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  UNIQUE (tenant_id, number)
);
CREATE UNIQUE INDEX cases_return_code ON cases (tenant_id, return_code) WHERE return_code IS NOT NULL;
-- The list endpoint pages by (created_at, id) within a tenant, optionally narrowed by status or kind.
CREATE INDEX cases_recent ON cases (tenant_id, created_at DESC, id DESC);
CREATE INDEX cases_status ON cases (tenant_id, status, created_at DESC, id DESC);
CREATE INDEX cases_kind ON cases (tenant_id, kind, created_at DESC, id DESC);
CREATE INDEX cases_customer ON cases (tenant_id, customer_id, created_at DESC);
CREATE INDEX cases_order ON cases (tenant_id, order_id) WHERE order_id IS NOT NULL;

CREATE TABLE case_items (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  order_line_id uuid NOT NULL REFERENCES order_lines (id),
  sku text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  reason_code text NOT NULL,
  description text,
  conditions text[] NOT NULL DEFAULT '{}',
  replacement jsonb,
  goods_minor bigint NOT NULL DEFAULT 0,
  shipping_refund_minor bigint NOT NULL DEFAULT 0,
  refundable_minor bigint NOT NULL DEFAULT 0
);
CREATE INDEX case_items_case ON case_items (case_id);
CREATE INDEX case_items_line ON case_items (tenant_id, order_line_id);
CREATE INDEX case_items_reason ON case_items (tenant_id, reason_code, case_id);
CREATE INDEX case_items_sku ON case_items (tenant_id, sku, case_id);

CREATE TABLE evidence_files (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid REFERENCES cases (id) ON DELETE CASCADE,
  case_item_id uuid REFERENCES case_items (id) ON DELETE CASCADE,
  storage_key text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  original_name text,
  uploaded_by_type text NOT NULL,
  uploaded_by_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_files_case ON evidence_files (case_id);

CREATE TABLE decisions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  policy_version integer NOT NULL,
  outcome text NOT NULL,
  result jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decisions_case ON decisions (case_id, created_at);

CREATE TABLE return_shipments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  carrier text NOT NULL,
  waybill_number text NOT NULL,
  -- The customer's own carrier and tracking number when they ship it themselves.
  customer_carrier text,
  tracking_number text,
  shipped_at timestamptz,
  received_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, waybill_number)
);
CREATE INDEX return_shipments_case ON return_shipments (case_id);

CREATE TABLE inspections (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  passed boolean NOT NULL,
  notes text,
  inspected_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspections_case ON inspections (case_id);

CREATE TABLE refunds (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  currency char(3) NOT NULL,
  method text NOT NULL CHECK (method IN ('original_payment', 'store_credit', 'manual')),
  status text NOT NULL,
  idempotency_key text NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The wall that makes a double payment impossible, whatever the callers race.
  UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX refunds_case ON refunds (case_id);

-- Append-only history of everything: the case timeline, the audit log and the outbox.
CREATE TABLE events (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  stream text NOT NULL,
  stream_id uuid NOT NULL,
  type text NOT NULL,
  actor_type text NOT NULL,
  actor_id text,
  reason text,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_stream ON events (stream_id, id);

CREATE TABLE idempotency_keys (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  key text NOT NULL,
  principal text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, principal, key)
);

-- Row-level security: the second wall behind the application's own tenant checks.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['stores', 'customers', 'orders', 'order_lines', 'payments', 'shipments', 'users',
    'sessions', 'api_keys', 'policies', 'cases', 'case_items', 'evidence_files', 'decisions', 'return_shipments',
    'inspections', 'refunds', 'events', 'idempotency_keys']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END
$$;
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants USING (id = app_tenant_id());

GRANT USAGE ON SCHEMA public TO afterdesk_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO afterdesk_app;
GRANT EXECUTE ON FUNCTION app_tenant_id() TO afterdesk_app;
