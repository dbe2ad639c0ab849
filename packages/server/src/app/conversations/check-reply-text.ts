import { checkReply } from '@afterdesk/core';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { loadForbiddenPhrases } from '../settings/help-desk-settings.js';

/** Checks a draft reply against the tenant's forbidden phrases, as the console does while typing. */
export async function checkReplyText(ctx: Ctx, input: { body: string; language?: string | undefined }) {
  requirePermission(ctx, 'messages:write');
  const phrases = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => loadForbiddenPhrases(tx));
  // Without a language every phrase applies, as when a reply is sent.
  const language = input.language ?? 'und';
  const result = checkReply(input.body, language, phrases);
  return { blocked: result.blocked, language, findings: result.findings };
}
