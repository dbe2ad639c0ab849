import { ensureContractFormats } from '@afterdesk/contract';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { type FieldError, invalid } from './errors.js';

/**
 * The core's validators answer with readable lines led by a path
 * (`rules[2].targets.resolution: …`); the API answers with JSON-pointer fields. `root` is
 * the name a validator gives the whole document ('policy', 'calendar'), which the pointer
 * already names as `base`.
 */
export function toFieldErrors(messages: string[], base: string, root?: string): FieldError[] {
  return messages.map((text) => {
    const match = /^([\w$.[\]-]+): ([\s\S]*)$/.exec(text);
    if (!match) return { field: base, message: text };
    const segments = (match[1] as string).replace(/\[(\d+)\]/g, '.$1').split('.');
    if (segments[0] === root) segments.shift();
    return { field: [base, ...segments.filter((s) => s !== '')].join('/'), message: match[2] as string };
  });
}

/**
 * What is wrong with `value` against a contract schema, for use cases that are also called
 * from outside HTTP (where Fastify has checked the same schema already). At most one
 * message per field.
 */
export function schemaErrors(schema: TSchema, value: unknown, base = ''): FieldError[] {
  ensureContractFormats();
  const byField = new Map<string, string>();
  for (const error of Value.Errors(schema, value)) {
    const field = `${base}${error.path}`;
    if (!byField.has(field)) byField.set(field, error.message);
  }
  return [...byField].map(([field, message]) => ({ field: field || '/', message }));
}

/** A name without its surrounding blanks; a blank name is refused at `field`. */
export function trimmedName(name: string, field = '/name'): string {
  const trimmed = name.trim();
  if (trimmed === '') throw invalid('A name is needed.', [{ field, message: 'must not be blank' }]);
  return trimmed;
}
