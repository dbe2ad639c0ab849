import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import pino, { type Logger } from 'pino';
import type { Services } from './app/context.js';
import { triageModelSource } from './app/triage/triage-models.js';
import type { Config } from './config.js';
import { connectDatabase } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { LocalDiskStorage } from './files/index.js';
import { maskPersonalData, REDACTED_PATHS } from './http/masking.js';
import { openLiveBus } from './live/open-live-bus.js';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; socket?: { remoteAddress?: string } }) => ({
        method: req.method,
        url: maskPersonalData(req.url),
      }),
      err: pino.stdSerializers.err,
    },
  });
}

/** Opens the database (migrated), file storage and logger that every entry point shares. */
export async function openServices(
  config: Config,
  log: Logger = createLogger(config),
): Promise<Services & { close(): Promise<void> }> {
  const dataDir = resolve(config.dataDir);
  const handle = await connectDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: join(dataDir, 'pglite'),
    poolSize: config.dbPoolSize,
  });
  const report = await migrate(handle);
  if (report.applied.length > 0) log.info({ applied: report.applied }, 'database migrated');
  const live = await openLiveBus(config, handle.db, log);
  return {
    db: handle.db,
    files: new LocalDiskStorage(join(dataDir, 'files')),
    config,
    log,
    clock: () => new Date(),
    randomBytes: (size) => randomBytes(size),
    live,
    triage: triageModelSource(),
    close: async () => {
      await live.close();
      await handle.db.destroy();
    },
  };
}
