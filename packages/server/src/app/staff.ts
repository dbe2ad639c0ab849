import type { Permission } from '@afterdesk/core';
import { requirePermission } from './access.js';
import type { Ctx } from './context.js';
import { forbidden } from './errors.js';

/**
 * Like `requirePermission`, for what only the shop's own people see (macros, teams,
 * agents, inboxes, settings). Customers hold `cases:read` for their own cases, which must
 * not open the help desk's set-up to them.
 */
export function requireStaff(ctx: Ctx, permission: Permission): void {
  if (ctx.principal.kind === 'customer') throw forbidden('Customers may not see the help desk set-up.');
  requirePermission(ctx, permission);
}
