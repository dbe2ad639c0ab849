import type { FastifyInstance } from 'fastify';
import { AppError } from '../app/errors.js';
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
}
