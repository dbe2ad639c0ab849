/** One field's problem, as the API's problem+json lists them. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem the API answered with, thrown by `api`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** A customer token; staff use the session cookie. */
  token?: string | null;
  signal?: AbortSignal;
  idempotencyKey?: string;
}

const BASE = '/api/v1';

/** The query string of the defined values, in the order given. */
export function queryString(query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Calls the public HTTP API; answers the JSON body or throws `ApiError`. */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const response = await fetch(`${BASE}${path}${queryString(options.query)}`, {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const payload = type.includes('json') ? ((await response.json()) as Record<string, unknown>) : {};
  if (!response.ok) {
    throw new ApiError(
      response.status,
      String(payload.code ?? payload.type ?? 'error'),
      String(payload.title ?? response.statusText),
      typeof payload.detail === 'string' ? payload.detail : undefined,
      Array.isArray(payload.errors) ? (payload.errors as FieldError[]) : [],
      payload,
    );
  }
  return payload as T;
}

/** The message to show for any error: the problem's detail, else its title. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.errors.map((e) => e.message).join(' ');
    return [error.detail ?? error.title, fields].filter(Boolean).join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}
