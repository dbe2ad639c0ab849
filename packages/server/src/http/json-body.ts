import type { FastifyInstance } from 'fastify';
import { AppError } from '../app/errors.js';

// PostgreSQL cannot store U+0000 in text or JSON, and a body nested thousands deep blows
// the stack of whatever walks it next. Both are refused at the door with a 400, so no
// later layer has to guard against them.
const MAX_DEPTH = 64;

/** The first problem of a parsed value: a NUL character or nesting beyond MAX_DEPTH. */
export function structureProblem(value: unknown, depth = 0): string | null {
  if (typeof value === 'string')
    return value.includes('\u0000') ? 'Text must not contain the NUL character.' : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return `The JSON is nested more than ${MAX_DEPTH} levels deep.`;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return 'Keys must not contain the NUL character.';
    const problem = structureProblem(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** Fastify's own JSON parser (prototype-poisoning safe), followed by the structure check. */
export function registerJsonBodyCheck(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      const problem = structureProblem(value);
      return problem ? done(new AppError('validation_failed', problem), undefined) : done(null, value);
    });
  });
  // Query strings and path parameters reach SQL too.
  app.addHook('preValidation', async (request) => {
    const problem = structureProblem(request.query) ?? structureProblem(request.params);
    if (problem) throw new AppError('validation_failed', problem);
  });
}
