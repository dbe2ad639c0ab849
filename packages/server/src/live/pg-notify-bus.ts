import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { toMessageView } from '../app/conversations/message-view.js';
import { findMessage } from '../db/repositories/messages.repository.js';
import { type Db, inTenant } from '../db/scope.js';
import { inProcessBus, type LiveBus, type LiveUpdate } from './live-bus.js';

export const LIVE_CHANNEL = 'afterdesk_live';

/**
 * What travels through NOTIFY. A message goes by reference: its body may be far over
 * PostgreSQL's 8000-byte payload limit, so each receiving process loads it (one indexed
 * read per process, not per socket). Case updates are small and travel whole.
 */
type Notice =
  | { origin: string; update: Extract<LiveUpdate, { type: 'case' }> }
  | {
      origin: string;
      message: { tenantId: string; caseId: string; customerId: string; messageId: string };
    };

export interface PgNotifyBusOptions {
  /** postgres://… of the database every process shares. */
  databaseUrl: string;
  db: Db;
  log: Logger;
  /** Wait before listening again after the connection broke; doubles up to 30 s. */
  retryMs?: number;
}

/**
 * The bus of several processes on one PostgreSQL. An update reaches this process's
 * sockets at once and the other processes through LISTEN/NOTIFY on a dedicated
 * connection. NOTIFY is not a queue: what is sent while a process is reconnecting is
 * lost to it, which the live socket tolerates because a client's next message with a
 * higher seq makes it read the missed ones from the database.
 */
export async function pgNotifyBus(
  options: PgNotifyBusOptions,
): Promise<LiveBus & { close(): Promise<void> }> {
  const { db, log } = options;
  const local = inProcessBus();
  const origin = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  const firstRetryMs = options.retryMs ?? 1000;
  let retryMs = firstRetryMs;
  let retryTimer: NodeJS.Timeout | undefined;
  // Notices are re-emitted in the order they arrived, even when a message must be loaded.
  let order: Promise<void> = Promise.resolve();

  async function receive(payload: string) {
    const notice = JSON.parse(payload) as Notice;
    if (notice.origin === origin) return;
    if ('update' in notice) return local.publish(notice.update);
    const { tenantId, caseId, customerId, messageId } = notice.message;
    const row = await inTenant(db, tenantId, (tx) => findMessage(tx, messageId));
    if (row) local.publish({ type: 'message', tenantId, caseId, customerId, message: toMessageView(row) });
  }

  async function listen() {
    const next = new pg.Client({ connectionString: options.databaseUrl });
    next.on('notification', (n) => {
      if (n.channel !== LIVE_CHANNEL || !n.payload) return;
      const payload = n.payload;
      order = order
        .then(() => receive(payload))
        .catch((error) => log.warn({ err: error }, 'live notice dropped'));
    });
    next.on('error', (error) => {
      log.warn({ err: error }, 'live listener lost its connection');
      broken(next);
    });
    next.on('end', () => broken(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (closed) return void (await next.end());
    client = next;
    retryMs = firstRetryMs;
  }

  function broken(lost: pg.Client) {
    if (closed || client !== lost) return;
    client = null;
    lost.end().catch(() => undefined);
    listenLater();
  }

  function listenLater() {
    retryTimer = setTimeout(() => {
      listen().catch((error) => {
        log.warn({ err: error }, 'live listener could not reconnect');
        retryMs = Math.min(retryMs * 2, 30_000);
        if (!closed) listenLater();
      });
    }, retryMs);
    retryTimer.unref();
  }

  // What is published in one turn of the event loop (a sweep touching thousands of cases)
  // goes out in one statement, not one round trip each; batches are sent one after another
  // so that the other processes see the updates in the order they were published.
  let pending: string[] = [];
  let sending: Promise<void> = Promise.resolve();
  function flush() {
    const batch = pending;
    pending = [];
    sending = sending
      .then(async () => {
        await sql`select pg_notify(${LIVE_CHANNEL}, n) from unnest(${batch}::text[]) with ordinality as u(n, i)
          order by i`.execute(db);
      })
      .catch((error) => log.warn({ err: error, notices: batch.length }, 'live notices not sent'));
  }

  await listen();

  return {
    publish(update) {
      local.publish(update);
      const notice: Notice =
        update.type === 'message'
          ? {
              origin,
              message: {
                tenantId: update.tenantId,
                caseId: update.caseId,
                customerId: update.customerId,
                messageId: update.message.id,
              },
            }
          : { origin, update };
      if (pending.length === 0) setImmediate(flush);
      pending.push(JSON.stringify(notice));
    },
    subscribe: local.subscribe,
    async close() {
      closed = true;
      if (pending.length > 0) flush();
      await sending;
      clearTimeout(retryTimer);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
