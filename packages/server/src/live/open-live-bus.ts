import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Db } from '../db/scope.js';
import { inProcessBus, type LiveBus } from './live-bus.js';
import { pgNotifyBus } from './pg-notify-bus.js';

/**
 * The live bus a process should use: in-process with the embedded database, which only
 * one process can open; LISTEN/NOTIFY on PostgreSQL, where several processes may serve
 * the same tenants behind one load balancer.
 */
export async function openLiveBus(
  config: Pick<Config, 'databaseUrl'>,
  db: Db,
  log: Logger,
): Promise<LiveBus & { close(): Promise<void> }> {
  if (!config.databaseUrl?.startsWith('postgres')) return { ...inProcessBus(), close: async () => undefined };
  return pgNotifyBus({ databaseUrl: config.databaseUrl, db, log });
}
