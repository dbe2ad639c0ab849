import { ForbiddenPhrasesInput } from '@afterdesk/contract';
import type { ForbiddenPhrase } from '@afterdesk/core';
import { SETTING_KEYS, writeSetting } from '../../db/repositories/settings.repository.js';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { type FieldError, invalid } from '../errors.js';
import { schemaErrors } from '../field-errors.js';
import { recordChange } from '../record-change.js';

/** Replaces the tenant's list of forbidden phrases (an empty list turns the check off). */
export async function updateForbiddenPhrases(ctx: Ctx, phrases: unknown) {
  requirePermission(ctx, 'helpdesk:manage');
  const checked = checkPhrases(phrases);
  if (!Array.isArray(checked)) throw invalid('The forbidden phrases are not valid.', checked.errors);
  const tenantId = ctx.principal.tenantId;
  return inTenant(ctx.db, tenantId, async (tx) => {
    await writeSetting(tx, tenantId, SETTING_KEYS.forbiddenPhrases, checked);
    await recordChange(tx, ctx, {
      stream: 'settings',
      streamId: tenantId,
      type: 'forbidden_phrases.updated',
      data: { phrases: checked.length },
    });
    return { phrases: checked, isDefault: false };
  });
}

// The phrases trimmed, or why not: a blank phrase would match nothing, and the same
// phrase twice in one language is a copy-paste slip that would make the two disagree.
function checkPhrases(phrases: unknown): ForbiddenPhrase[] | { errors: FieldError[] } {
  const shapeErrors = schemaErrors(ForbiddenPhrasesInput, { phrases });
  if (shapeErrors.length > 0) return { errors: shapeErrors };
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const result = (phrases as ForbiddenPhrase[]).map((entry, index) => {
    const phrase = entry.phrase.trim();
    if (phrase === '') errors.push({ field: `/phrases/${index}/phrase`, message: 'must not be blank' });
    const key = `${entry.language.toLowerCase()}\u0000${phrase.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined && phrase !== '')
      errors.push({
        field: `/phrases/${index}/phrase`,
        message: `repeats /phrases/${first} in ${entry.language}`,
      });
    seen.set(key, first ?? index);
    return {
      phrase,
      language: entry.language,
      severity: entry.severity,
      ...(entry.suggestion?.trim() ? { suggestion: entry.suggestion.trim() } : {}),
    };
  });
  return errors.length > 0 ? { errors } : result;
}
