import { DEFAULT_FORBIDDEN_PHRASES, type ForbiddenPhrase } from '@afterdesk/core';
import { readSetting, SETTING_KEYS } from '../../db/repositories/settings.repository.js';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { requireStaff } from '../staff.js';

/** The phrases replies are checked for; agents read them to know what the console will flag. */
export async function getForbiddenPhrases(ctx: Ctx) {
  requireStaff(ctx, 'cases:read');
  const stored = await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    readSetting<ForbiddenPhrase[]>(tx, SETTING_KEYS.forbiddenPhrases),
  );
  return { phrases: stored ?? [...DEFAULT_FORBIDDEN_PHRASES], isDefault: stored === null };
}
