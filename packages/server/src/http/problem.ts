import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, type FieldError } from '../app/errors.js';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  version_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  unprocessable: 422,
  rate_limited: 429,
};

const TITLE: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
  allowedActions?: string[];
}

export function problem(
  status: number,
  code: string,
  detail: string,
  extras: Partial<ProblemBody> = {},
): ProblemBody {
  return {
    type: `https://afterdesk.dev/problems/${code.replaceAll('_', '-')}`,
    title: TITLE[status] ?? 'Error',
    status,
    detail,
    code,
    ...extras,
  };
}

// PostgreSQL errors that can only come from what the caller sent, never from a bug of ours.
const PG_CLIENT_ERRORS: Record<string, [number, string, string]> = {
  '23505': [409, 'conflict', 'This would duplicate something that exists already.'],
  '23503': [409, 'conflict', 'This refers to something that does not exist.'],
  '22P02': [400, 'validation_failed', 'A value has the wrong format.'],
  '22021': [400, 'validation_failed', 'Text contains a character that cannot be stored.'],
  '22P05': [400, 'validation_failed', 'Text contains a character that cannot be stored.'],
  '22003': [400, 'validation_failed', 'A number is out of range.'],
  '22007': [400, 'validation_failed', 'A date or time is not valid.'],
  '22008': [400, 'validation_failed', 'A date or time is out of range.'],
  '40001': [409, 'conflict', 'A concurrent change got in the way; try again.'],
};

const CODE_BY_STATUS: Record<number, string> = {
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** The one place where every error becomes RFC 9457 problem+json. */
export function toProblem(error: unknown): ProblemBody {
  if (error instanceof AppError) {
    const status = STATUS[error.code];
    return problem(status, error.code, error.message, {
      ...(error.extras.errors ? { errors: error.extras.errors } : {}),
      ...(error.extras.allowedActions ? { allowedActions: error.extras.allowedActions } : {}),
    });
  }
  const fastifyError = error as FastifyError & {
    validation?: { instancePath: string; message?: string; params?: Record<string, unknown> }[];
    validationContext?: string;
  };
  if (fastifyError.validation) {
    const where = fastifyError.validationContext ?? 'body';
    const errors = fastifyError.validation.map((v) => ({
      field: `${where}${v.instancePath || (v.params?.missingProperty ? `/${String(v.params.missingProperty)}` : v.params?.additionalProperty ? `/${String(v.params.additionalProperty)}` : '')}`,
      message: v.message ?? 'is not valid',
    }));
    return problem(400, 'validation_failed', `The request ${where} is not valid.`, { errors });
  }
  const pgCode = (error as { code?: string }).code;
  const pg = pgCode ? PG_CLIENT_ERRORS[pgCode] : undefined;
  if (pg) return problem(pg[0], pg[1], pg[2]);
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    const code = CODE_BY_STATUS[status] ?? 'bad_request';
    return problem(status, code, fastifyError.message);
  }
  return problem(500, 'internal', 'Something went wrong on our side; it has been logged.');
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, body: ProblemBody) {
  return reply
    .code(body.status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...body, instance: request.url }));
}
