import { can, canPerform, type Permission } from '@afterdesk/core';
import { type Ctx, principalKind } from './context.js';
import { forbidden, notFound } from './errors.js';

/** Throws 403 unless the principal holds the permission. */
export function requirePermission(ctx: Ctx, permission: Permission): void {
  if (!can(principalKind(ctx.principal), permission)) {
    throw forbidden(`Your role may not ${permission.replace(':', ' ')}.`);
  }
}

export function requireAction(ctx: Ctx, action: string): void {
  if (!canPerform(principalKind(ctx.principal), action))
    throw forbidden(`Your role may not ${action.replace('_', ' ')}.`);
}

/**
 * Customers see only their own orders and cases. Anything else answers 404, not 403,
 * so a token never reveals that somebody else's order exists.
 */
export function requireOwnership(ctx: Ctx, customerId: string | null, what: string): void {
  if (ctx.principal.kind === 'customer' && ctx.principal.customerId !== customerId) throw notFound(what);
}
