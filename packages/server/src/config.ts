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
  secureCookies: Type.Boolean({
    default: false,
    description: 'Mark cookies Secure; turn on behind HTTPS (AFTERDESK_SECURE_COOKIES)',
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
  secureCookies: ['AFTERDESK_SECURE_COOKIES'],
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
