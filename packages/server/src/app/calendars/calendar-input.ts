import { type BusinessCalendarSpec, validateCalendarSpec } from '@afterdesk/core';
import { invalid } from '../errors.js';
import { toFieldErrors, trimmedName } from '../field-errors.js';

/**
 * A calendar's name and spec as stored, or a 400 naming each problem. Only the spec's
 * known fields are kept, so a misspelt optional field does not linger unnoticed.
 */
export function checkCalendarInput(input: { name: string; spec: unknown }): {
  name: string;
  spec: BusinessCalendarSpec;
} {
  const name = trimmedName(input.name);
  const errors = validateCalendarSpec(input.spec);
  if (errors.length > 0)
    throw invalid('The calendar is not valid.', toFieldErrors(errors, '/spec', 'calendar'));
  const { timeZone, week, holidays, closures, workingDates } = input.spec as BusinessCalendarSpec;
  return {
    name,
    spec: {
      timeZone,
      week,
      ...(holidays !== undefined ? { holidays } : {}),
      ...(closures !== undefined ? { closures } : {}),
      ...(workingDates !== undefined ? { workingDates } : {}),
    },
  };
}

export const duplicateCalendarName = (name: string) => `A calendar named "${name}" exists already.`;
