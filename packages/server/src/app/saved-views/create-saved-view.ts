import { randomUUID } from 'node:crypto';
import { CaseListQuery, type SavedViewInput } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { trimmedName } from '../field-errors.js';
import { withUniqueConflict } from '../unique-conflict.js';
import { requireSignedInUser, toSavedView } from './saved-view.js';

// A view names a filter, not a position in the list, so a cursor is never saved.
const FILTERS: ReadonlySet<string> = new Set(
  Object.keys(CaseListQuery.properties).filter((k) => k !== 'cursor'),
);

/** Saves the inbox's current filters under a name, for the signed-in agent only. */
export async function createSavedView(ctx: Ctx, input: SavedViewInput) {
  const userId = requireSignedInUser(ctx);
  const name = trimmedName(input.name);
  const unknown = Object.keys(input.filters).filter((key) => !FILTERS.has(key));
  if (unknown.length > 0)
    throw invalid(
      'A saved view holds only the case list filters.',
      unknown.map((key) => ({ field: `/filters/${key}`, message: `not one of: ${[...FILTERS].join(', ')}` })),
    );
  const tenantId = ctx.principal.tenantId;
  const row = await inTenant(ctx.db, tenantId, (tx) =>
    withUniqueConflict(`You have a view named "${name}" already.`, () =>
      tx
        .insertInto('saved_views')
        .values({
          id: randomUUID(),
          tenant_id: tenantId,
          user_id: userId,
          name,
          filters: JSON.stringify(input.filters),
        })
        .returning(['id', 'name', 'filters', 'created_at'])
        .executeTakeFirstOrThrow(),
    ),
  );
  return toSavedView(row);
}
