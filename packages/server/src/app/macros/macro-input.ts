import { MacroInput } from '@afterdesk/contract';
import type { MacroFields } from '../../db/repositories/macros.repository.js';
import { type FieldError, invalid } from '../errors.js';
import { schemaErrors, trimmedName } from '../field-errors.js';

export const duplicateMacroName = (name: string) => `A macro named "${name}" exists already.`;

/**
 * A macro as stored, or a 400 naming each problem: at least one language, and no variant
 * whose body is only blanks (it would send an empty reply).
 */
export function checkMacroInput(input: MacroInput): MacroFields {
  const errors: FieldError[] = schemaErrors(MacroInput, input);
  if (errors.length === 0)
    for (const [language, variant] of Object.entries(input.variants))
      if (variant.body.trim() === '')
        errors.push({ field: `/variants/${language}/body`, message: 'must not be blank' });
  if (errors.length > 0) throw invalid('The macro is not valid.', errors);
  const variants = Object.fromEntries(
    Object.entries(input.variants).map(([language, { subject, body }]) => [
      language,
      { ...(subject?.trim() ? { subject: subject.trim() } : {}), body },
    ]),
  );
  return { name: trimmedName(input.name), category: input.category?.trim() || null, variants };
}
