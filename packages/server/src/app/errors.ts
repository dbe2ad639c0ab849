/** Stable error codes. Each maps to one HTTP status in one place (http/problem.ts). */
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'conflict'
  | 'illegal_transition'
  | 'version_conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'idempotency_mismatch'
  | 'unprocessable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited';

export interface FieldError {
  field: string;
  message: string;
}

/** The one error type of the application: a stable code, a developer detail and optional extras. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extras: { errors?: FieldError[]; allowedActions?: string[]; userMessage?: string } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const invalid = (message: string, errors: FieldError[] = []) =>
  new AppError('validation_failed', message, { errors });
export const forbidden = (message = 'You are not allowed to do this.') => new AppError('forbidden', message);
export const conflict = (message: string) => new AppError('conflict', message);
