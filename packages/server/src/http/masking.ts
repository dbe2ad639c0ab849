// Personal data never reaches the logs: e-mail addresses, phone numbers and tokens in
// URLs are masked, and headers that carry credentials are dropped by pino's redaction.
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)/g;
const PHONE = /\+?\d[\d\s().-]{6,}\d/g;
const QUERY_SECRETS = /([?&](?:email|phone|token|password|name)=)[^&]*/gi;

/** Masks e-mail addresses, phone numbers and sensitive query values in a string. */
export function maskPersonalData(text: string): string {
  return text.replace(QUERY_SECRETS, '$1***').replace(EMAIL, '$1***@$2').replace(PHONE, '***');
}

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
  '*.phone',
  '*.token',
];
