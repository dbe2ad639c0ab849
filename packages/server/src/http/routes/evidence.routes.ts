import { Problem, Uuid } from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../app/errors.js';
import { getEvidence } from '../../app/evidence/get-evidence.js';
import { uploadEvidence } from '../../app/evidence/upload-evidence.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Evidence = Type.Object({
  id: Uuid,
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  caseId: Type.Union([Uuid, Type.Null()]),
});
const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 413: Problem, 415: Problem };

export const evidenceRoutes: Routes = (app, services) => {
  app.post(
    '/evidence',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'Upload one evidence file (multipart field "file"; JPEG, PNG, WebP, GIF or PDF, ≤ 10 MB); optional field "caseId"',
        consumes: ['multipart/form-data'],
        body: Type.Object({
          file: Type.String({ format: 'binary', description: 'The file' }),
          caseId: Type.Optional(Uuid),
        }),
        response: { 201: Evidence, ...Errors },
      },
      // The body schema documents the multipart form; the parts are checked by hand below.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data.');
      let bytes: Buffer | undefined;
      let fileName: string | undefined;
      let caseId: string | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (bytes) throw new AppError('validation_failed', 'Send one file per request.');
            bytes = await part.toBuffer();
            fileName = part.filename;
          } else if (part.fieldname === 'caseId' && typeof part.value === 'string') {
            if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(part.value)) {
              throw new AppError('validation_failed', 'caseId is not a valid id.', {
                errors: [{ field: '/caseId', message: 'must be a UUID' }],
              });
            }
            caseId = part.value;
          }
        }
      } catch (error) {
        // The multipart parser's own errors carry no status: they all mean a broken upload.
        if (error instanceof AppError || (error as { statusCode?: number }).statusCode) throw error;
        throw new AppError('validation_failed', `The upload could not be read: ${(error as Error).message}`);
      }
      if (!bytes)
        throw new AppError('validation_failed', 'No file was sent.', {
          errors: [{ field: '/file', message: 'Required.' }],
        });
      return reply
        .code(201)
        .send(await uploadEvidence(ctxOf(services, request), { bytes, fileName, caseId }));
    },
  );

  app.get(
    '/evidence/:evidenceId',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Download an evidence file',
        params: Type.Object({ evidenceId: Uuid }),
      },
    },
    async (request, reply) => {
      const file = await getEvidence(ctxOf(services, request), request.params.evidenceId);
      // Never rendered inline: a PDF keeps whatever it was uploaded with.
      return reply
        .type(file.contentType)
        .header('content-disposition', 'attachment')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.bytes));
    },
  );
};
