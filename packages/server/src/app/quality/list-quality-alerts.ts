import type { AlertsQuery } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import { requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { toAlertView } from './alert-view.js';

/** Early-warning alerts, newest week first, by the tenant's week (and status) index. */
export async function listQualityAlerts(ctx: Ctx, query: AlertsQuery) {
  requirePermission(ctx, 'measures:read');
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await inTenant(ctx.db, ctx.principal.tenantId, (tx) => {
    let q = tx.selectFrom('quality_alerts').selectAll();
    if (query.status) q = q.where('status', '=', query.status);
    if (query.kind) q = q.where('kind', '=', query.kind);
    if (query.week) q = q.where('week', '=', query.week);
    if (after)
      q = q.where((eb) =>
        eb.or([eb('week', '<', after.week), eb.and([eb('week', '=', after.week), eb('id', '>', after.id)])]),
      );
    return q
      .orderBy('week', 'desc')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toAlertView),
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify([last.week, last.id])).toString('base64url')
        : null,
  };
}

function decodeCursor(cursor: string): { week: string; id: string } {
  try {
    const [week, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof week === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(week) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    )
      return { week, id };
  } catch {
    // fall through to the error below
  }
  throw invalid('The cursor is not one this API gave out.', [
    { field: '/cursor', message: 'Unknown cursor.' },
  ]);
}
