import type { Ctx } from '../context.js';
import { forbidden } from '../errors.js';

/** Saved views belong to a person: API keys and customers have none. */
export function requireSignedInUser(ctx: Ctx): string {
  if (ctx.principal.kind !== 'user') throw forbidden('Only signed-in agents have saved views.');
  return ctx.principal.userId;
}

export function toSavedView(row: {
  id: string;
  name: string;
  filters: Record<string, string>;
  created_at: Date;
}) {
  return { id: row.id, name: row.name, filters: row.filters, createdAt: row.created_at.toISOString() };
}
