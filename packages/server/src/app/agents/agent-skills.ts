import { CASE_CATEGORIES, CASE_KINDS } from '@afterdesk/core';
import type { FieldError } from '../errors.js';

// The router matches skills against a case's kind and category, so any other word would
// never match and quietly keep the agent from every case.
const SKILLS: ReadonlySet<string> = new Set([...CASE_KINDS, ...CASE_CATEGORIES]);

/** A field error for each skill the router could never match. */
export function skillErrors(skills: readonly string[] = []): FieldError[] {
  return skills.flatMap((skill, index) =>
    SKILLS.has(skill)
      ? []
      : [
          {
            field: `/skills/${index}`,
            message: `must be a case kind or category: ${[...SKILLS].join(', ')}`,
          },
        ],
  );
}
