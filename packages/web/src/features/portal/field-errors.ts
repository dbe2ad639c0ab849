import { ApiError } from '../../ui/api';

/**
 * A 400 problem's field errors by field path without the "body" prefix ("orderNumber",
 * "items/0/quantity"), so each message can sit beside its field.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const byField: Record<string, string> = {};
  for (const { field, message } of error.errors) {
    const path = field.replace(/^body/, '').replace(/^[/.]/, '').replace(/\./g, '/');
    byField[path] = byField[path] ? `${byField[path]} ${message}` : message;
  }
  return byField;
}
