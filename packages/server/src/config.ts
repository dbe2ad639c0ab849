import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Every setting, with a safe self-hosting default and what it is for. Read from AFTERDESK_* variables. */
export const ConfigSchema = Type.Object({
  port: Type.Integer({
    default: 3000,
    minimum: 0,
    maximum: 65535,
    description: 'HTTP port (AFTERDESK_PORT or PORT)',
  }),
  host: Type.String({
    default: '127.0.0.1',
    description: 'Interface to listen on; 0.0.0.0 to expose (AFTERDESK_HOST)',
  }),
  databaseUrl: Type.Optional(
    Type.String({
      description: 'postgres://… to use PostgreSQL; unset for the embedded database (DATABASE_URL)',
    }),
  ),
  dataDir: Type.String({
    default: './data',
    description: 'Embedded database and uploaded files (AFTERDESK_DATA_DIR)',
  }),
  logLevel: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info', description: 'pino log level (AFTERDESK_LOG_LEVEL)' },
  ),
  sessionHours: Type.Integer({
    default: 12,
    minimum: 1,
    description: 'Agent session lifetime (AFTERDESK_SESSION_HOURS)',
  }),
  customerTokenMinutes: Type.Integer({
    default: 60,
    minimum: 5,
    description: 'Lifetime of a customer access token (AFTERDESK_CUSTOMER_TOKEN_MINUTES)',
  }),
  dbPoolSize: Type.Integer({
    default: 20,
    minimum: 1,
    description: 'PostgreSQL connections per process (AFTERDESK_DB_POOL)',
  }),
  seedDemo: Type.Boolean({
    default: true,
    description: 'Seed the demo tenant when the database is empty (AFTERDESK_SEED_DEMO)',
  }),
  demoHistoryWeeks: Type.Integer({
    default: 104,
    minimum: 0,
    maximum: 260,
    description:
      'Weeks of past orders and cases in the demo shop, for its analytics; 0 for none (AFTERDESK_DEMO_HISTORY_WEEKS)',
  }),
  secureCookies: Type.Boolean({
    default: false,
    description: 'Mark cookies Secure; turn on behind HTTPS (AFTERDESK_SECURE_COOKIES)',
  }),
  publicUrl: Type.String({
    default: 'http://localhost:3000',
    description: 'Where customers reach this server: links in mails (survey, status) (AFTERDESK_PUBLIC_URL)',
  }),
  smtpPort: Type.Integer({
    default: 2525,
    minimum: -1,
    maximum: 65535,
    description: 'Port of the built-in SMTP receiver for inbound mail; -1 turns it off (AFTERDESK_SMTP_PORT)',
  }),
  smtpHost: Type.String({
    default: '127.0.0.1',
    description: 'Interface the SMTP receiver listens on (AFTERDESK_SMTP_HOST)',
  }),
  smtpUrl: Type.Optional(
    Type.String({
      description:
        'Outbound mail server, smtp://user:pass@host:port or smtps://…; unset keeps outbound mail queued (AFTERDESK_SMTP_URL)',
    }),
  ),
  mailFrom: Type.String({
    default: 'support@afterdesk.localhost',
    description: 'Sender of mail from a case without an e-mail inbox (AFTERDESK_MAIL_FROM)',
  }),
  mailDomain: Type.String({
    default: 'afterdesk.localhost',
    description: 'Domain of the Message-IDs of outbound mail (AFTERDESK_MAIL_DOMAIN)',
  }),
  jobIntervalMs: Type.Integer({
    default: 5000,
    minimum: 100,
    description:
      'How often background jobs (SLA sweep, notices, mail delivery) run (AFTERDESK_JOB_INTERVAL_MS)',
  }),
  runJobs: Type.Boolean({
    default: true,
    description: 'Run background jobs in this process (AFTERDESK_RUN_JOBS)',
  }),
  portalTenant: Type.Optional(
    Type.String({
      pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
      description:
        'The shop whose orders the portal at / looks up; unset, the only tenant when there is one, else each link names it with ?tenant= (AFTERDESK_PORTAL_TENANT)',
    }),
  ),
  webhooksAllowPrivate: Type.Boolean({
    default: false,
    description:
      'Let outbound webhooks reach loopback, private and link-local addresses; only for tests and closed networks (AFTERDESK_WEBHOOKS_ALLOW_PRIVATE)',
  }),
  stripeApiUrl: Type.String({
    default: 'https://api.stripe.com',
    pattern: '^https?://[^/]+$',
    description: "Stripe's API base URL; changed only to point at a test double (AFTERDESK_STRIPE_API_URL)",
  }),
});
export type Config = Static<typeof ConfigSchema>;

const ENV: Record<keyof Config, string[]> = {
  port: ['AFTERDESK_PORT', 'PORT'],
  host: ['AFTERDESK_HOST'],
  databaseUrl: ['DATABASE_URL'],
  dataDir: ['AFTERDESK_DATA_DIR'],
  logLevel: ['AFTERDESK_LOG_LEVEL'],
  sessionHours: ['AFTERDESK_SESSION_HOURS'],
  customerTokenMinutes: ['AFTERDESK_CUSTOMER_TOKEN_MINUTES'],
  dbPoolSize: ['AFTERDESK_DB_POOL'],
  seedDemo: ['AFTERDESK_SEED_DEMO'],
  demoHistoryWeeks: ['AFTERDESK_DEMO_HISTORY_WEEKS'],
  secureCookies: ['AFTERDESK_SECURE_COOKIES'],
  publicUrl: ['AFTERDESK_PUBLIC_URL'],
  smtpPort: ['AFTERDESK_SMTP_PORT'],
  smtpHost: ['AFTERDESK_SMTP_HOST'],
  smtpUrl: ['AFTERDESK_SMTP_URL'],
  mailFrom: ['AFTERDESK_MAIL_FROM'],
  mailDomain: ['AFTERDESK_MAIL_DOMAIN'],
  jobIntervalMs: ['AFTERDESK_JOB_INTERVAL_MS'],
  runJobs: ['AFTERDESK_RUN_JOBS'],
  portalTenant: ['AFTERDESK_PORTAL_TENANT'],
  webhooksAllowPrivate: ['AFTERDESK_WEBHOOKS_ALLOW_PRIVATE'],
  stripeApiUrl: ['AFTERDESK_STRIPE_API_URL'],
};

/** Builds the config from the environment plus overrides; a bad value stops start-up with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, names] of Object.entries(ENV)) {
    const value = names.map((n) => env[n]).find((v) => v !== undefined && v !== '');
    if (value !== undefined) raw[key] = value;
  }
  const merged = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, { ...raw, ...overrides }));
  const errors = [...Value.Errors(ConfigSchema, merged)];
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.path.slice(1) || '(root)'}: ${e.message} (got ${JSON.stringify(e.value)})`,
    );
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return merged as Config;
}
