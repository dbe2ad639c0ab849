import { randomUUID } from 'node:crypto';
import {
  addBusinessDays,
  type CaseCategory,
  type CaseKind,
  detectLanguage,
  type Priority,
  type PromiseFacts,
  promisesCaseAllows,
  type ReplyPromise,
  type ReplyReview,
  type ReviewFinding,
  reviewReply,
  selectTargets,
} from '@afterdesk/core';
import type { CaseRow } from '../../db/schema.js';
import type { Tx } from '../../db/scope.js';
import { loadForbiddenPhrases, loadHelpDeskSettings } from '../settings/help-desk-settings.js';
import { loadClockSetting } from '../sla/case-clocks.js';

/**
 * Reviews a reply before it goes out: forbidden phrases, greeting and
 * closing, the language against the customer's, and each timed promise against the
 * tenant's refund time, the case's response target and what the case still allows.
 */
export async function reviewOutboundReply(tx: Tx, c: CaseRow, text: string): Promise<ReplyReview> {
  const [phrases, settings, clockSetting] = await Promise.all([
    loadForbiddenPhrases(tx),
    loadHelpDeskSettings(tx),
    loadClockSetting(tx, c.store_id),
  ]);
  const detected = detectLanguage(text);
  const targets = selectTargets(clockSetting.policy, {
    kind: c.kind as CaseKind,
    category: c.category as CaseCategory,
    priority: c.priority as Priority,
  });
  const response = targets.next_response?.target ?? targets.first_response?.target;
  const facts: PromiseFacts = {
    refundBusinessDays: settings.refundBusinessDays,
    caseStatus: c.status,
    ...(response && 'minutes' in response ? { responseHours: response.minutes / 60 } : {}),
    ...promisesCaseAllows(c.kind as CaseKind, c.status),
  };
  return reviewReply({
    text,
    customerLanguage: c.language,
    ...(detected.confidence >= 0.5 ? { replyLanguage: detected.language } : {}),
    phrases,
    facts,
  });
}

/**
 * Records the timed promises of a reply that went out, each due at the moment it runs out
 * (business days on the store's calendar), for the promise check to settle as kept or broken.
 */
export async function recordPromises(
  tx: Tx,
  c: CaseRow,
  messageId: string,
  text: string,
  promises: readonly ReplyPromise[],
  at: Date,
): Promise<void> {
  if (promises.length === 0) return;
  const { calendar } = await loadClockSetting(tx, c.store_id);
  const HOUR = 3_600_000;
  await tx
    .insertInto('reply_promises')
    .values(
      promises.map((p) => ({
        id: randomUUID(),
        tenant_id: c.tenant_id,
        case_id: c.id,
        message_id: messageId,
        thing: p.thing,
        phrase: text.slice(p.span.index, p.span.index + p.span.length),
        due_at:
          p.within.unit === 'business_days'
            ? addBusinessDays(calendar, at, p.within.amount)
            : new Date(at.getTime() + p.within.amount * (p.within.unit === 'hours' ? 1 : 24) * HOUR),
      })),
    )
    .execute();
}

/** A finding as the API shows it: where it is in the reply, when it is somewhere. */
export function findingView(f: ReviewFinding) {
  return {
    kind: f.kind,
    severity: f.severity,
    messageKey: f.messageKey,
    message: f.message,
    ...(f.phrase === undefined ? {} : { phrase: f.phrase }),
    ...(f.span ? { index: f.span.index, length: f.span.length } : {}),
    ...(f.suggestion === undefined ? {} : { suggestion: f.suggestion }),
  };
}

/** A promise as the API shows it. */
export function promiseView(p: ReplyPromise) {
  return { thing: p.thing, within: p.within, index: p.span.index, length: p.span.length };
}
