-- Afterdesk triage: what each inbound message says and how its writer feels, what the
-- merchant teaches the models, the knowledge base that answers common questions, and the
-- promises agents make (R-8.2, R-8.4, R-8.5, R-8.7, R-13.2).

-- Every inbound message is triaged as it is stored. `triage` keeps the details an agent
-- may want to see (the top three intents, the language's confidence, the sentiment cues).
ALTER TABLE messages
  ADD COLUMN intent text,
  ADD COLUMN intent_confidence real,
  ADD COLUMN sentiment real CHECK (sentiment BETWEEN -1 AND 1),
  ADD COLUMN emotions text[] NOT NULL DEFAULT '{}',
  ADD COLUMN triage jsonb;

-- The case carries its latest reading, and what an agent confirmed. `self_service` says
-- whether the knowledge base answered the customer ('answered') and whether the case went
-- on to a person ('handed_off'); service clocks start at the hand-off.
ALTER TABLE cases
  ADD COLUMN intent text,
  ADD COLUMN intent_confirmed boolean NOT NULL DEFAULT false,
  ADD COLUMN sentiment real CHECK (sentiment BETWEEN -1 AND 1),
  ADD COLUMN emotions text[] NOT NULL DEFAULT '{}',
  ADD COLUMN self_service text CHECK (self_service IN ('answered', 'handed_off')),
  ADD COLUMN handed_off_at timestamptz;

-- Labels agents gave (or confirmed) in the console: the merchant's own training data.
CREATE TABLE triage_labels (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  task text NOT NULL CHECK (task IN ('intent', 'sentiment')),
  label text NOT NULL,
  labelled_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, task)
);
CREATE INDEX triage_labels_tenant ON triage_labels (tenant_id, task);

-- A merchant's trained models, one per task; the bytes are the core's model file format.
CREATE TABLE triage_models (
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  task text NOT NULL CHECK (task IN ('intent', 'sentiment')),
  model bytea NOT NULL,
  summary jsonb NOT NULL,
  trained_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, task)
);

CREATE TABLE knowledge_articles (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  language text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  intents text[] NOT NULL DEFAULT '{}',
  published boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX knowledge_articles_tenant ON knowledge_articles (tenant_id, updated_at);

-- A timed promise found in a reply ("refund within 3 days"): kept when the thing happens
-- by its due time, broken when the due time passes first.
CREATE TABLE reply_promises (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants (id),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  thing text NOT NULL,
  phrase text NOT NULL,
  due_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'kept', 'broken')),
  settled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reply_promises_case ON reply_promises (case_id);
CREATE INDEX reply_promises_due ON reply_promises (due_at) WHERE state = 'open';

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['triage_labels', 'triage_models', 'knowledge_articles', 'reply_promises']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO afterdesk_app;
