import type { FastifyInstance } from 'fastify';
import { AppError, invalid } from '../app/errors.js';
import { structureProblem } from '../app/json-structure.js';

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
  // Ajv coerces "1e400" or "Infinity" to a number it then passes as an integer within any
  // bounds (ajv-validator/ajv#2212), so what validation coerced is checked once more.
  app.addHook('preHandler', async (request) => {
    const field = nonFinite('querystring', request.query) ?? nonFinite('params', request.params);
    if (field) throw invalid('The request is not valid.', [{ field, message: 'must be a finite number' }]);
  });
}

function nonFinite(part: string, values: unknown): string | null {
  if (!values || typeof values !== 'object') return null;
  for (const [key, value] of Object.entries(values)) {
    const list: unknown[] = Array.isArray(value) ? value : [value];
    if (list.some((v) => typeof v === 'number' && !Number.isFinite(v))) return `${part}/${key}`;
  }
  return null;
}
