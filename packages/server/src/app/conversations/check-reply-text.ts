import { reviewReply } from '@afterdesk/core';
import { findCase } from '../../db/repositories/cases.repository.js';
import type { CaseRow } from '../../db/schema.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { loadForbiddenPhrases } from '../settings/help-desk-settings.js';
import { requireStaff } from '../staff.js';
import { findingView, promiseView, reviewOutboundReply } from './review-outbound-reply.js';

/**
 * Checks a draft reply as the console does while the agent types: for a case, the whole
 * review a sent reply gets (phrases, greeting, closing, language, promises); without one,
 * the tenant's forbidden phrases in the language given (every language when none is).
 */
export async function checkReplyText(
  ctx: Ctx,
  input: { body: string; language?: string | undefined; caseId?: string | undefined },
) {
  requireStaff(ctx, 'messages:write');
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    if (input.caseId) {
      const c = await findCase(tx, input.caseId);
      if (!c) throw notFound('The case');
      const review = await reviewOutboundReply(tx, c as CaseRow, input.body);
      return {
        blocked: review.blocked,
        language: c.language,
        findings: review.findings.map(findingView),
        promises: review.promises.map(promiseView),
      };
    }
    const language = input.language ?? 'und';
    const review = reviewReply({
      text: input.body,
      customerLanguage: language,
      phrases: await loadForbiddenPhrases(tx),
      facts: {},
    });
    const findings = review.findings.filter((f) => f.kind === 'forbidden_phrase');
    return {
      blocked: findings.some((f) => f.severity === 'block'),
      language,
      findings: findings.map(findingView),
      promises: [],
    };
  });
}
