-- The agent inbox: its filters and orders over cases, and the views agents save of them.

-- "My open cases", newest first and paged by (created_at, id): cases_assignee_open found
-- the agent's cases but left them to be sorted. This one serves both (the agents' open-case
-- counts read its first two columns), so it replaces it.
CREATE INDEX cases_assignee_open_recent ON cases (tenant_id, assignee_id, created_at DESC, id DESC)
  WHERE closed_at IS NULL;
DROP INDEX cases_assignee_open;
-- The inbox's SLA order: earliest due time first, none last, then newest. sla_due_at is
-- indexed already (cases_risk), so this costs the SLA sweep's in-place updates nothing.
-- Channel, priority and status filters ride on cases_recent or this one: each keeps a
-- large share of the cases, and priority must stay unindexed (0003_hot_case_updates.sql).
CREATE INDEX cases_sla_order ON cases (tenant_id, sla_due_at ASC NULLS LAST, created_at DESC, id DESC);

-- An agent's saved inbox filters: the inbox's query parameters under a name. Each agent
-- sees only their own; row-level security keeps them within the tenant.
CREATE TABLE saved_views (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  filters jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, user_id, name)
);
SELECT enable_tenant_rls('saved_views');

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
