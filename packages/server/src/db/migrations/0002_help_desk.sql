-- Afterdesk help desk: conversations on every channel, service-level clocks on business
-- calendars, routing to agents, replies, surveys (R-8 to R-11).

-- Agents' routing profile: what they speak and handle, how much, and whether they are here.
CREATE TABLE teams (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);

ALTER TABLE users
  ADD COLUMN team_id uuid REFERENCES teams (id),
  ADD COLUMN is_lead boolean NOT NULL DEFAULT false,
  ADD COLUMN languages text[] NOT NULL DEFAULT '{}',
  ADD COLUMN skills text[] NOT NULL DEFAULT '{}',
  ADD COLUMN channels text[] NOT NULL DEFAULT '{}',
  ADD COLUMN capacity integer NOT NULL DEFAULT 20 CHECK (capacity >= 0),
  ADD COLUMN presence text NOT NULL DEFAULT 'offline' CHECK (presence IN ('online', 'away', 'offline')),
  ADD COLUMN last_assigned_at timestamptz;
CREATE INDEX users_team ON users (tenant_id, team_id);

-- R-8.3: a VIP's dedicated agent.
ALTER TABLE customers ADD COLUMN dedicated_agent_id uuid REFERENCES users (id) ON DELETE SET NULL;

-- A business calendar: working hours per weekday, a time zone, a country's holidays and
-- closures, as the core's BusinessCalendarSpec. A store without one uses Mon–Fri 09–18 in
-- its own zone with its country's public holidays.
CREATE TABLE business_calendars (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  spec jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);
ALTER TABLE stores ADD COLUMN calendar_id uuid REFERENCES business_calendars (id) ON DELETE SET NULL;

-- Per-tenant documents that have a default in the core (SLA policy, forbidden phrases,
-- help-desk settings): a missing key means "the default".
CREATE TABLE tenant_settings (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  key text NOT NULL,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);

-- Where customers write to: an e-mail address (global, so the SMTP receiver finds the
-- tenant from RCPT TO alone), a chat widget or a web form.
CREATE TABLE inboxes (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  channel text NOT NULL CHECK (channel IN ('email', 'chat', 'web')),
  name text NOT NULL,
  address text,
  store_id uuid REFERENCES stores (id),
  team_id uuid REFERENCES teams (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((channel = 'email') = (address IS NOT NULL))
);
CREATE UNIQUE INDEX inboxes_address ON inboxes (lower(address)) WHERE address IS NOT NULL;

ALTER TABLE cases
  ADD COLUMN category text,
  ADD COLUMN complaint_type text,
  ADD COLUMN subject text,
  ADD COLUMN inbox_id uuid REFERENCES inboxes (id),
  ADD COLUMN team_id uuid REFERENCES teams (id),
  ADD COLUMN merged_into_id uuid REFERENCES cases (id),
  ADD COLUMN arbitration_group text CHECK (arbitration_group IN ('legal', 'service', 'product')),
  -- Messages are numbered per case, so a chat client can resume after the last one it saw.
  ADD COLUMN last_message_seq integer NOT NULL DEFAULT 0,
  ADD COLUMN first_response_at timestamptz,
  ADD COLUMN solved_at timestamptz,
  -- The earliest due time of the case's running clocks: the inbox sorts by it.
  ADD COLUMN sla_due_at timestamptz;
UPDATE cases SET category = 'after_sales' WHERE category IS NULL;
ALTER TABLE cases ALTER COLUMN category SET NOT NULL;
-- An agent's load and the team queue are read at every assignment.
CREATE INDEX cases_assignee_open ON cases (tenant_id, assignee_id) WHERE closed_at IS NULL;
CREATE INDEX cases_queue ON cases (tenant_id, team_id, sla_due_at) WHERE assignee_id IS NULL AND closed_at IS NULL;
CREATE INDEX cases_risk ON cases (tenant_id, sla_due_at) WHERE closed_at IS NULL;

CREATE TABLE case_links (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  linked_case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  relation text NOT NULL CHECK (relation IN ('related', 'opened_from', 'merged_into', 'duplicate_of')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, linked_case_id),
  CHECK (case_id <> linked_case_id)
);
CREATE INDEX case_links_linked ON case_links (linked_case_id);

-- One entry of a case's conversation, whatever the channel.
CREATE TABLE messages (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  customer_id uuid NOT NULL REFERENCES customers (id),
  seq integer NOT NULL,
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'note')),
  channel text NOT NULL CHECK (channel IN ('email', 'chat', 'web', 'phone', 'social', 'api')),
  author_type text NOT NULL,
  author_id text,
  author_name text,
  subject text,
  body text NOT NULL,
  -- The whole text as received, before the quoted history was trimmed off.
  original_body text,
  language text,
  -- Set on inbound auto-replies, bounces and bulk mail: stored, never answered.
  automated text CHECK (automated IN ('auto_reply', 'bounce', 'bulk')),
  email_message_id text,
  in_reply_to text,
  email_references text[] NOT NULL DEFAULT '{}',
  -- The chat client's own id: a resend after a reconnect finds the first copy.
  client_message_id text,
  -- A notice written for a case event; unique so the notifier never tells twice.
  source_event_id bigint,
  -- Outbound delivery (e-mail): queued → sent | failed.
  recipient text,
  delivery_state text CHECK (delivery_state IN ('queued', 'sent', 'failed')),
  delivery_attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  delivery_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, seq)
);
CREATE UNIQUE INDEX messages_client_id ON messages (tenant_id, case_id, client_message_id) WHERE client_message_id IS NOT NULL;
CREATE UNIQUE INDEX messages_email_id ON messages (tenant_id, email_message_id) WHERE email_message_id IS NOT NULL;
CREATE UNIQUE INDEX messages_source_event ON messages (tenant_id, source_event_id) WHERE source_event_id IS NOT NULL;
CREATE INDEX messages_customer ON messages (tenant_id, customer_id, created_at, id);
-- The outbound mail queue, drained across tenants by index.
CREATE INDEX messages_outbox ON messages (next_attempt_at) WHERE delivery_state = 'queued';

ALTER TABLE evidence_files ADD COLUMN message_id uuid REFERENCES messages (id) ON DELETE CASCADE;
CREATE INDEX evidence_files_message ON evidence_files (message_id) WHERE message_id IS NOT NULL;

-- A customer's timeline reads the events of all their cases.
CREATE INDEX events_tenant_type ON events (tenant_id, type, id);

-- Service-level clocks. One row per case, metric and cycle (each customer message after
-- an answer starts a new next-response cycle).
CREATE TABLE case_clocks (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  metric text NOT NULL CHECK (metric IN ('first_response', 'next_response', 'resolution')),
  cycle integer NOT NULL DEFAULT 1,
  state text NOT NULL CHECK (state IN ('active', 'paused', 'hit', 'missed')),
  target jsonb NOT NULL,
  rule text NOT NULL,
  started_at timestamptz NOT NULL,
  due_at timestamptz,
  warn_at timestamptz,
  budget_minutes integer NOT NULL,
  remaining_minutes integer,
  paused_at timestamptz,
  warned_at timestamptz,
  breached_at timestamptz,
  completed_at timestamptz,
  PRIMARY KEY (case_id, metric, cycle)
);
-- The sweep reads only what is due, across tenants, by these two partial indexes.
CREATE INDEX case_clocks_due ON case_clocks (due_at) WHERE state = 'active';
CREATE INDEX case_clocks_warn ON case_clocks (warn_at) WHERE state = 'active' AND warned_at IS NULL;
CREATE INDEX case_clocks_completed ON case_clocks (tenant_id, metric, completed_at) WHERE completed_at IS NOT NULL;
CREATE INDEX case_clocks_breached ON case_clocks (tenant_id, metric, breached_at) WHERE breached_at IS NOT NULL;

-- Satisfaction surveys (R-11.2): one per solved round of a case, answered through a link.
CREATE TABLE surveys (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  agent_id uuid REFERENCES users (id) ON DELETE SET NULL,
  token_hash text NOT NULL UNIQUE,
  language text NOT NULL,
  score integer CHECK (score BETWEEN 1 AND 5),
  comment text,
  sent_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz
);
CREATE INDEX surveys_case ON surveys (case_id);
CREATE INDEX surveys_answered ON surveys (tenant_id, answered_at) WHERE answered_at IS NOT NULL;

CREATE TABLE macros (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  name text NOT NULL,
  category text,
  variants jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, name)
);

-- Where a background job that reads the event log has got to (not tenant data).
CREATE TABLE job_cursors (
  name text PRIMARY KEY,
  position bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['teams', 'business_calendars', 'tenant_settings', 'inboxes', 'case_links', 'messages',
    'case_clocks', 'surveys', 'macros']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO afterdesk_app;
