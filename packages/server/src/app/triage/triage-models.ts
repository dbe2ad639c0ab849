import { gunzipSync } from 'node:zlib';
import { parseModel, type TextClassifier, type TriageModels } from '@afterdesk/core';
import type { Tx } from '../../db/scope.js';
import { loadIntentModel } from '../../triage/model-store.js';

/** Where triage finds its models: the shipped one, and each merchant's own. */
export interface TriageModelSource {
  /** The models for a tenant, read inside the caller's (tenant-scoped) transaction. */
  modelsFor(tx: Tx, tenantId: string): Promise<TriageModels>;
}

interface Cached {
  checkedAt: number;
  trainedAt: Map<string, number>;
  models: { tenantIntent: TextClassifier | null; tenantSentiment: TextClassifier | null };
}

/**
 * The shipped intent model is read once per process. A merchant's models live in the
 * database; which ones exist is looked up at most once per `recheckMs` per tenant (a
 * retrained model is picked up that much later), and a model's bytes are parsed again only
 * when it was trained anew.
 */
export function triageModelSource(
  options: { recheckMs?: number; now?: () => number } = {},
): TriageModelSource {
  const recheckMs = options.recheckMs ?? 60_000;
  const now = options.now ?? (() => Date.now());
  const tenants = new Map<string, Cached>();

  return {
    async modelsFor(tx, tenantId) {
      const intent = await loadIntentModel();
      let cached = tenants.get(tenantId);
      if (!cached || now() - cached.checkedAt >= recheckMs) {
        cached = await refresh(tx, tenantId, cached);
        tenants.set(tenantId, cached);
      }
      return { intent, ...cached.models };
    },
  };

  async function refresh(tx: Tx, tenantId: string, previous: Cached | undefined): Promise<Cached> {
    const listed = await tx
      .selectFrom('triage_models')
      .select(['task', 'trained_at'])
      .where('tenant_id', '=', tenantId)
      .execute();
    const trainedAt = new Map(listed.map((m) => [m.task, m.trained_at.getTime()]));
    const models = { ...(previous?.models ?? { tenantIntent: null, tenantSentiment: null }) };
    for (const task of ['intent', 'sentiment'] as const) {
      const key = task === 'intent' ? 'tenantIntent' : 'tenantSentiment';
      const stamp = trainedAt.get(task);
      if (stamp === undefined) models[key] = null;
      else if (previous?.trainedAt.get(task) !== stamp) models[key] = await readModel(tx, tenantId, task);
    }
    return { checkedAt: now(), trainedAt, models };
  }
}

async function readModel(tx: Tx, tenantId: string, task: string): Promise<TextClassifier | null> {
  const row = await tx
    .selectFrom('triage_models')
    .select('model')
    .where('tenant_id', '=', tenantId)
    .where('task', '=', task)
    .executeTakeFirst();
  if (!row) return null;
  const bytes = row.model;
  return parseModel(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
}
