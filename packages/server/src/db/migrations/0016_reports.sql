-- Afterdesk reports (R-12.4): the weekly quality report, generated on a schedule or on
-- demand, stored as files, and mailed to the tenant's subscribers.

-- One report per tenant, kind and period: a rerun replaces the files of the same row, so the
-- schedule can never make two reports of one week. Periods are calendar days
-- ('YYYY-MM-DD', `period_to` exclusive) in each store's own time zone, as the measures read them.
CREATE TABLE quality_reports (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  kind text NOT NULL DEFAULT 'weekly' CHECK (kind IN ('weekly')),
  period_from text NOT NULL CHECK (period_from ~ '^\d{4}-\d{2}-\d{2}$'),
  period_to text NOT NULL CHECK (period_to ~ '^\d{4}-\d{2}-\d{2}$' AND period_to > period_from),
  currency text NOT NULL,
  -- Keys in the file storage; csv_keys: [{ "table": slug, "title": …, "key": … }], one CSV per table.
  html_key text NOT NULL,
  pdf_key text NOT NULL,
  xlsx_key text NOT NULL,
  csv_keys jsonb NOT NULL,
  -- The headline figures, so a list of reports needs no file read.
  summary jsonb NOT NULL,
  -- Set once the report went to the subscribers: the schedule mails a report once.
  mailed_at timestamptz,
  mailed_to integer NOT NULL DEFAULT 0,
  generated_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, kind, period_from, period_to)
);
CREATE INDEX quality_reports_recent ON quality_reports (tenant_id, period_from DESC);

-- Who receives the weekly report by e-mail.
CREATE TABLE report_subscriptions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  email text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, email)
);

SELECT enable_tenant_rls('quality_reports');
SELECT enable_tenant_rls('report_subscriptions');

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
