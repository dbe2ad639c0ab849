-- Afterdesk analytics rollups (issue 6, R-12): sums and counts per store-local day (and
-- calendar month) over a small lattice of dimension sets, kept up to date from the event
-- log by the roll-up-measures job, so measures never scan raw cases per request.
-- The tables are generated from app/analytics/rollup-lattice.ts (a test keeps them equal);
-- definitions of every column are in docs/metrics.md. store_id is the nil uuid for cases
-- without a store, so it carries no foreign key.

CREATE TABLE rollup_sales_day_total (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  orders bigint NOT NULL DEFAULT 0,
  units_sold bigint NOT NULL DEFAULT 0,
  orders_delivered bigint NOT NULL DEFAULT 0,
  units_delivered bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id)
);

CREATE TABLE rollup_sales_month_total (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  orders bigint NOT NULL DEFAULT 0,
  units_sold bigint NOT NULL DEFAULT 0,
  orders_delivered bigint NOT NULL DEFAULT 0,
  units_delivered bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id)
);

CREATE TABLE rollup_sales_day_country (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  orders bigint NOT NULL DEFAULT 0,
  units_sold bigint NOT NULL DEFAULT 0,
  orders_delivered bigint NOT NULL DEFAULT 0,
  units_delivered bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country)
);

CREATE TABLE rollup_sales_day_category (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  category text NOT NULL DEFAULT '',
  orders bigint NOT NULL DEFAULT 0,
  units_sold bigint NOT NULL DEFAULT 0,
  orders_delivered bigint NOT NULL DEFAULT 0,
  units_delivered bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, category)
);

CREATE TABLE rollup_sales_month_category (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  category text NOT NULL DEFAULT '',
  orders bigint NOT NULL DEFAULT 0,
  units_sold bigint NOT NULL DEFAULT 0,
  orders_delivered bigint NOT NULL DEFAULT 0,
  units_delivered bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, category)
);

CREATE TABLE rollup_sales_day_supplier (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  supplier text NOT NULL DEFAULT '',
  orders bigint NOT NULL DEFAULT 0,
  units_sold bigint NOT NULL DEFAULT 0,
  orders_delivered bigint NOT NULL DEFAULT 0,
  units_delivered bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, supplier)
);

CREATE TABLE rollup_sales_month_supplier (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  supplier text NOT NULL DEFAULT '',
  orders bigint NOT NULL DEFAULT 0,
  units_sold bigint NOT NULL DEFAULT 0,
  orders_delivered bigint NOT NULL DEFAULT 0,
  units_delivered bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, supplier)
);

CREATE TABLE rollup_sales_day_country_category (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  category text NOT NULL DEFAULT '',
  orders bigint NOT NULL DEFAULT 0,
  units_sold bigint NOT NULL DEFAULT 0,
  orders_delivered bigint NOT NULL DEFAULT 0,
  units_delivered bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country, category)
);

CREATE TABLE rollup_sales_month_country_category (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  category text NOT NULL DEFAULT '',
  orders bigint NOT NULL DEFAULT 0,
  units_sold bigint NOT NULL DEFAULT 0,
  orders_delivered bigint NOT NULL DEFAULT 0,
  units_delivered bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country, category)
);

CREATE TABLE rollup_sales_day_product (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  category text NOT NULL DEFAULT '',
  sku text NOT NULL DEFAULT '',
  supplier text NOT NULL DEFAULT '',
  batch text NOT NULL DEFAULT '',
  orders bigint NOT NULL DEFAULT 0,
  units_sold bigint NOT NULL DEFAULT 0,
  orders_delivered bigint NOT NULL DEFAULT 0,
  units_delivered bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, category, sku, supplier, batch)
);

CREATE TABLE rollup_sales_month_product (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  category text NOT NULL DEFAULT '',
  sku text NOT NULL DEFAULT '',
  supplier text NOT NULL DEFAULT '',
  batch text NOT NULL DEFAULT '',
  orders bigint NOT NULL DEFAULT 0,
  units_sold bigint NOT NULL DEFAULT 0,
  orders_delivered bigint NOT NULL DEFAULT 0,
  units_delivered bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, category, sku, supplier, batch)
);

CREATE TABLE rollup_sales_day_sku (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  category text NOT NULL DEFAULT '',
  sku text NOT NULL DEFAULT '',
  supplier text NOT NULL DEFAULT '',
  batch text NOT NULL DEFAULT '',
  orders bigint NOT NULL DEFAULT 0,
  units_sold bigint NOT NULL DEFAULT 0,
  orders_delivered bigint NOT NULL DEFAULT 0,
  units_delivered bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country, category, sku, supplier, batch)
);

CREATE TABLE rollup_returns_day_total (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  kind text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, kind, currency)
);

CREATE TABLE rollup_returns_month_total (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  kind text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, kind, currency)
);

CREATE TABLE rollup_returns_day_category (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  category text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, category, currency)
);

CREATE TABLE rollup_returns_month_category (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  category text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, category, currency)
);

CREATE TABLE rollup_returns_day_supplier (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  supplier text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, supplier, currency)
);

CREATE TABLE rollup_returns_month_supplier (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  supplier text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, supplier, currency)
);

CREATE TABLE rollup_returns_day_reason (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  reason text NOT NULL DEFAULT '',
  kind text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, reason, kind, currency)
);

CREATE TABLE rollup_returns_month_reason (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  reason text NOT NULL DEFAULT '',
  kind text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, reason, kind, currency)
);

CREATE TABLE rollup_returns_day_category_reason (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  category text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, category, reason, currency)
);

CREATE TABLE rollup_returns_month_category_reason (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  category text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, category, reason, currency)
);

CREATE TABLE rollup_returns_day_country_reason (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country, reason, currency)
);

CREATE TABLE rollup_returns_month_country_reason (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country, reason, currency)
);

CREATE TABLE rollup_returns_day_country_category_reason (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  category text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  kind text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country, category, reason, kind, currency)
);

CREATE TABLE rollup_returns_month_country_category_reason (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  category text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  kind text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country, category, reason, kind, currency)
);

CREATE TABLE rollup_returns_month_product (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  category text NOT NULL DEFAULT '',
  sku text NOT NULL DEFAULT '',
  supplier text NOT NULL DEFAULT '',
  batch text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, category, sku, supplier, batch, currency)
);

CREATE TABLE rollup_returns_month_product_reason (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  category text NOT NULL DEFAULT '',
  sku text NOT NULL DEFAULT '',
  supplier text NOT NULL DEFAULT '',
  batch text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  kind text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, category, sku, supplier, batch, reason, kind, currency)
);

CREATE TABLE rollup_returns_day_sku (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  category text NOT NULL DEFAULT '',
  sku text NOT NULL DEFAULT '',
  supplier text NOT NULL DEFAULT '',
  batch text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  kind text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  units bigint NOT NULL DEFAULT 0,
  units_returned bigint NOT NULL DEFAULT 0,
  orders_returned bigint NOT NULL DEFAULT 0,
  cases bigint NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country, category, sku, supplier, batch, reason, kind, currency)
);

CREATE TABLE rollup_service_day_kind (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  channel text NOT NULL DEFAULT '',
  kind text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  cases bigint NOT NULL DEFAULT 0,
  cases_resolved bigint NOT NULL DEFAULT 0,
  complaints bigint NOT NULL DEFAULT 0,
  repeat_complaints bigint NOT NULL DEFAULT 0,
  decisions bigint NOT NULL DEFAULT 0,
  auto_approvals bigint NOT NULL DEFAULT 0,
  decision_seconds double precision NOT NULL DEFAULT 0,
  refunds bigint NOT NULL DEFAULT 0,
  refunds_timed bigint NOT NULL DEFAULT 0,
  refund_seconds double precision NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  first_responses bigint NOT NULL DEFAULT 0,
  first_response_minutes double precision NOT NULL DEFAULT 0,
  resolutions bigint NOT NULL DEFAULT 0,
  resolution_minutes double precision NOT NULL DEFAULT 0,
  sla_hit bigint NOT NULL DEFAULT 0,
  sla_missed bigint NOT NULL DEFAULT 0,
  csat_responses bigint NOT NULL DEFAULT 0,
  csat_sum bigint NOT NULL DEFAULT 0,
  csat_satisfied bigint NOT NULL DEFAULT 0,
  sentiment_messages bigint NOT NULL DEFAULT 0,
  sentiment_sum double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, channel, kind, currency)
);

CREATE TABLE rollup_service_month_kind (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  channel text NOT NULL DEFAULT '',
  kind text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  cases bigint NOT NULL DEFAULT 0,
  cases_resolved bigint NOT NULL DEFAULT 0,
  complaints bigint NOT NULL DEFAULT 0,
  repeat_complaints bigint NOT NULL DEFAULT 0,
  decisions bigint NOT NULL DEFAULT 0,
  auto_approvals bigint NOT NULL DEFAULT 0,
  decision_seconds double precision NOT NULL DEFAULT 0,
  refunds bigint NOT NULL DEFAULT 0,
  refunds_timed bigint NOT NULL DEFAULT 0,
  refund_seconds double precision NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  first_responses bigint NOT NULL DEFAULT 0,
  first_response_minutes double precision NOT NULL DEFAULT 0,
  resolutions bigint NOT NULL DEFAULT 0,
  resolution_minutes double precision NOT NULL DEFAULT 0,
  sla_hit bigint NOT NULL DEFAULT 0,
  sla_missed bigint NOT NULL DEFAULT 0,
  csat_responses bigint NOT NULL DEFAULT 0,
  csat_sum bigint NOT NULL DEFAULT 0,
  csat_satisfied bigint NOT NULL DEFAULT 0,
  sentiment_messages bigint NOT NULL DEFAULT 0,
  sentiment_sum double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, channel, kind, currency)
);

CREATE TABLE rollup_service_day_agent (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  team text NOT NULL DEFAULT '',
  agent text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  cases bigint NOT NULL DEFAULT 0,
  cases_resolved bigint NOT NULL DEFAULT 0,
  complaints bigint NOT NULL DEFAULT 0,
  repeat_complaints bigint NOT NULL DEFAULT 0,
  decisions bigint NOT NULL DEFAULT 0,
  auto_approvals bigint NOT NULL DEFAULT 0,
  decision_seconds double precision NOT NULL DEFAULT 0,
  refunds bigint NOT NULL DEFAULT 0,
  refunds_timed bigint NOT NULL DEFAULT 0,
  refund_seconds double precision NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  first_responses bigint NOT NULL DEFAULT 0,
  first_response_minutes double precision NOT NULL DEFAULT 0,
  resolutions bigint NOT NULL DEFAULT 0,
  resolution_minutes double precision NOT NULL DEFAULT 0,
  sla_hit bigint NOT NULL DEFAULT 0,
  sla_missed bigint NOT NULL DEFAULT 0,
  csat_responses bigint NOT NULL DEFAULT 0,
  csat_sum bigint NOT NULL DEFAULT 0,
  csat_satisfied bigint NOT NULL DEFAULT 0,
  sentiment_messages bigint NOT NULL DEFAULT 0,
  sentiment_sum double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, team, agent, currency)
);

CREATE TABLE rollup_service_month_agent (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  team text NOT NULL DEFAULT '',
  agent text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  cases bigint NOT NULL DEFAULT 0,
  cases_resolved bigint NOT NULL DEFAULT 0,
  complaints bigint NOT NULL DEFAULT 0,
  repeat_complaints bigint NOT NULL DEFAULT 0,
  decisions bigint NOT NULL DEFAULT 0,
  auto_approvals bigint NOT NULL DEFAULT 0,
  decision_seconds double precision NOT NULL DEFAULT 0,
  refunds bigint NOT NULL DEFAULT 0,
  refunds_timed bigint NOT NULL DEFAULT 0,
  refund_seconds double precision NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  first_responses bigint NOT NULL DEFAULT 0,
  first_response_minutes double precision NOT NULL DEFAULT 0,
  resolutions bigint NOT NULL DEFAULT 0,
  resolution_minutes double precision NOT NULL DEFAULT 0,
  sla_hit bigint NOT NULL DEFAULT 0,
  sla_missed bigint NOT NULL DEFAULT 0,
  csat_responses bigint NOT NULL DEFAULT 0,
  csat_sum bigint NOT NULL DEFAULT 0,
  csat_satisfied bigint NOT NULL DEFAULT 0,
  sentiment_messages bigint NOT NULL DEFAULT 0,
  sentiment_sum double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, team, agent, currency)
);

CREATE TABLE rollup_service_day_all (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  channel text NOT NULL DEFAULT '',
  kind text NOT NULL DEFAULT '',
  team text NOT NULL DEFAULT '',
  agent text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  cases bigint NOT NULL DEFAULT 0,
  cases_resolved bigint NOT NULL DEFAULT 0,
  complaints bigint NOT NULL DEFAULT 0,
  repeat_complaints bigint NOT NULL DEFAULT 0,
  decisions bigint NOT NULL DEFAULT 0,
  auto_approvals bigint NOT NULL DEFAULT 0,
  decision_seconds double precision NOT NULL DEFAULT 0,
  refunds bigint NOT NULL DEFAULT 0,
  refunds_timed bigint NOT NULL DEFAULT 0,
  refund_seconds double precision NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  first_responses bigint NOT NULL DEFAULT 0,
  first_response_minutes double precision NOT NULL DEFAULT 0,
  resolutions bigint NOT NULL DEFAULT 0,
  resolution_minutes double precision NOT NULL DEFAULT 0,
  sla_hit bigint NOT NULL DEFAULT 0,
  sla_missed bigint NOT NULL DEFAULT 0,
  csat_responses bigint NOT NULL DEFAULT 0,
  csat_sum bigint NOT NULL DEFAULT 0,
  csat_satisfied bigint NOT NULL DEFAULT 0,
  sentiment_messages bigint NOT NULL DEFAULT 0,
  sentiment_sum double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country, channel, kind, team, agent, currency)
);

CREATE TABLE rollup_service_month_all (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  channel text NOT NULL DEFAULT '',
  kind text NOT NULL DEFAULT '',
  team text NOT NULL DEFAULT '',
  agent text NOT NULL DEFAULT '',
  currency text NOT NULL DEFAULT '',
  cases bigint NOT NULL DEFAULT 0,
  cases_resolved bigint NOT NULL DEFAULT 0,
  complaints bigint NOT NULL DEFAULT 0,
  repeat_complaints bigint NOT NULL DEFAULT 0,
  decisions bigint NOT NULL DEFAULT 0,
  auto_approvals bigint NOT NULL DEFAULT 0,
  decision_seconds double precision NOT NULL DEFAULT 0,
  refunds bigint NOT NULL DEFAULT 0,
  refunds_timed bigint NOT NULL DEFAULT 0,
  refund_seconds double precision NOT NULL DEFAULT 0,
  refunded_minor bigint NOT NULL DEFAULT 0,
  first_responses bigint NOT NULL DEFAULT 0,
  first_response_minutes double precision NOT NULL DEFAULT 0,
  resolutions bigint NOT NULL DEFAULT 0,
  resolution_minutes double precision NOT NULL DEFAULT 0,
  sla_hit bigint NOT NULL DEFAULT 0,
  sla_missed bigint NOT NULL DEFAULT 0,
  csat_responses bigint NOT NULL DEFAULT 0,
  csat_sum bigint NOT NULL DEFAULT 0,
  csat_satisfied bigint NOT NULL DEFAULT 0,
  sentiment_messages bigint NOT NULL DEFAULT 0,
  sentiment_sum double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country, channel, kind, team, agent, currency)
);

CREATE TABLE rollup_reviews_day_country (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  reviews bigint NOT NULL DEFAULT 0,
  review_score_sum bigint NOT NULL DEFAULT 0,
  negative_reviews bigint NOT NULL DEFAULT 0,
  review_sentiments bigint NOT NULL DEFAULT 0,
  review_sentiment_sum double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country)
);

CREATE TABLE rollup_reviews_month_country (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  day date NOT NULL,
  store_id uuid NOT NULL,
  country text NOT NULL DEFAULT '',
  reviews bigint NOT NULL DEFAULT 0,
  review_score_sum bigint NOT NULL DEFAULT 0,
  negative_reviews bigint NOT NULL DEFAULT 0,
  review_sentiments bigint NOT NULL DEFAULT 0,
  review_sentiment_sum double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, store_id, country)
);

-- Re-aggregating one (store, day) reads the raw rows of that day by these indexes.
CREATE INDEX orders_store_placed ON orders (tenant_id, store_id, placed_at);
CREATE INDEX orders_store_delivered ON orders (tenant_id, store_id, delivered_at) WHERE delivered_at IS NOT NULL;
-- Cases without a store fall in the nil-uuid store's bucket; created_at and store_id never
-- change, so the SLA sweep's in-place (HOT) priority updates are unaffected.
CREATE INDEX cases_store_created ON cases (tenant_id, (coalesce(store_id, '00000000-0000-0000-0000-000000000000'::uuid)), created_at);
CREATE INDEX refunds_settled ON refunds (tenant_id, settled_at) WHERE status = 'succeeded';
CREATE INDEX messages_inbound_sentiment ON messages (tenant_id, created_at)
  WHERE direction = 'inbound' AND sentiment IS NOT NULL;
CREATE INDEX events_case_decisions ON events (tenant_id, created_at)
  WHERE type IN ('case.approved', 'case.rejected');

-- Filters on a SKU or an agent read their rows by these instead of the whole period.
CREATE INDEX rollup_sales_day_product_sku ON rollup_sales_day_product (tenant_id, sku, day);
CREATE INDEX rollup_sales_month_product_sku ON rollup_sales_month_product (tenant_id, sku, day);
CREATE INDEX rollup_sales_day_sku_sku ON rollup_sales_day_sku (tenant_id, sku, day);
CREATE INDEX rollup_returns_month_product_sku ON rollup_returns_month_product (tenant_id, sku, day);
CREATE INDEX rollup_returns_month_product_reason_sku ON rollup_returns_month_product_reason (tenant_id, sku, day);
CREATE INDEX rollup_returns_day_sku_sku ON rollup_returns_day_sku (tenant_id, sku, day);
CREATE INDEX rollup_service_day_agent_agent ON rollup_service_day_agent (tenant_id, agent, day);
CREATE INDEX rollup_service_month_agent_agent ON rollup_service_month_agent (tenant_id, agent, day);
CREATE INDEX rollup_service_day_all_agent ON rollup_service_day_all (tenant_id, agent, day);

-- Conversion of money to a reporting currency: 1 unit of currency = rate units of
-- reporting_currency from valid_from (a store-local day) until the next row's valid_from.
CREATE TABLE exchange_rates (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  currency char(3) NOT NULL,
  reporting_currency char(3) NOT NULL,
  valid_from date NOT NULL,
  rate numeric(20, 10) NOT NULL CHECK (rate > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, reporting_currency, currency, valid_from)
);

SELECT enable_tenant_rls('rollup_sales_day_total');
SELECT enable_tenant_rls('rollup_sales_month_total');
SELECT enable_tenant_rls('rollup_sales_day_country');
SELECT enable_tenant_rls('rollup_sales_day_category');
SELECT enable_tenant_rls('rollup_sales_month_category');
SELECT enable_tenant_rls('rollup_sales_day_supplier');
SELECT enable_tenant_rls('rollup_sales_month_supplier');
SELECT enable_tenant_rls('rollup_sales_day_country_category');
SELECT enable_tenant_rls('rollup_sales_month_country_category');
SELECT enable_tenant_rls('rollup_sales_day_product');
SELECT enable_tenant_rls('rollup_sales_month_product');
SELECT enable_tenant_rls('rollup_sales_day_sku');
SELECT enable_tenant_rls('rollup_returns_day_total');
SELECT enable_tenant_rls('rollup_returns_month_total');
SELECT enable_tenant_rls('rollup_returns_day_category');
SELECT enable_tenant_rls('rollup_returns_month_category');
SELECT enable_tenant_rls('rollup_returns_day_supplier');
SELECT enable_tenant_rls('rollup_returns_month_supplier');
SELECT enable_tenant_rls('rollup_returns_day_reason');
SELECT enable_tenant_rls('rollup_returns_month_reason');
SELECT enable_tenant_rls('rollup_returns_day_category_reason');
SELECT enable_tenant_rls('rollup_returns_month_category_reason');
SELECT enable_tenant_rls('rollup_returns_day_country_reason');
SELECT enable_tenant_rls('rollup_returns_month_country_reason');
SELECT enable_tenant_rls('rollup_returns_day_country_category_reason');
SELECT enable_tenant_rls('rollup_returns_month_country_category_reason');
SELECT enable_tenant_rls('rollup_returns_month_product');
SELECT enable_tenant_rls('rollup_returns_month_product_reason');
SELECT enable_tenant_rls('rollup_returns_day_sku');
SELECT enable_tenant_rls('rollup_service_day_kind');
SELECT enable_tenant_rls('rollup_service_month_kind');
SELECT enable_tenant_rls('rollup_service_day_agent');
SELECT enable_tenant_rls('rollup_service_month_agent');
SELECT enable_tenant_rls('rollup_service_day_all');
SELECT enable_tenant_rls('rollup_service_month_all');
SELECT enable_tenant_rls('rollup_reviews_day_country');
SELECT enable_tenant_rls('rollup_reviews_month_country');
SELECT enable_tenant_rls('exchange_rates');

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
