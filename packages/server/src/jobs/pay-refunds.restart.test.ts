import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertOrders } from '../app/orders/upsert-orders.js';
import { requestRefund } from '../app/refunds/request-refund.js';
import { connectDatabase, type DatabaseHandle } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { inTenant } from '../db/scope.js';
import {
  STRIPE_TEST_KEY,
  type StripeDouble,
  startStripeDouble,
} from '../integrations/payments/stripe-double.test-helpers.js';
import { sampleOrder } from '../testing/fixtures.test-helpers.js';
import { newTenant, testDatabaseKind, testServices } from '../testing/harness.test-helpers.js';

const root = new URL('../../../../', import.meta.url).pathname;
const AMOUNT = 4200;

/**
 * The worker is a real `afterdesk work` process. It is killed with SIGKILL after Stripe
 * made the refund and before the worker could record it, then started again: the money
 * must have moved once, and the refund must end up recorded as paid.
 */
describe(`a refund worker killed between Stripe's answer and its commit (${testDatabaseKind()})`, () => {
  let stripe: StripeDouble;
  let database: { env: NodeJS.ProcessEnv; open: () => Promise<DatabaseHandle>; drop: () => Promise<void> };
  let tenantId: string;
  let refundId: string;
  let payment: string;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    // The worker runs the compiled server; build it if the sources changed.
    await promisify(execFile)('npx', ['tsc', '-b', 'packages/server'], { cwd: root });
    stripe = await startStripeDouble();
    database = await privateDatabase();
    const handle = await database.open();
    try {
      const services = testServices(handle);
      const tenant = await newTenant(services);
      tenantId = tenant.tenantId;
      const input = sampleOrder(new Date());
      const stored = await upsertOrders(tenant.ctx, [input]);
      payment = input.payments?.[0]?.reference as string;
      stripe.chargeKnown(payment, 12_797, 'eur');
      refundId = await inTenant(handle.db, tenantId, async (tx) => {
        await tx
          .insertInto('payment_providers')
          .values({ tenant_id: tenantId, provider: 'stripe', secret_key: STRIPE_TEST_KEY })
          .execute();
        const order = await tx
          .selectFrom('orders')
          .select(['id', 'customer_id'])
          .where('id', '=', stored.orders[0]?.id as string)
          .executeTakeFirstOrThrow();
        const owed = await requestRefund(tx, {
          tenantId,
          caseId: null,
          orderId: order.id,
          customerId: order.customer_id,
          amountMinor: AMOUNT,
          currency: 'EUR',
          method: 'original_payment',
          idempotencyKey: 'restart-test',
          by: { type: 'system', id: null },
          at: new Date(Date.now() - 1000),
        });
        return owed.refunds[0]?.id as string;
      });
    } finally {
      await handle.db.destroy();
    }
  }, 180_000);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await stripe?.close();
    await database?.drop();
  });

  it('pays once and records the payment after the restart', async () => {
    const held = stripe.holdNextAnswer();
    worker = startWorker(database.env, stripe.url);
    await held.arrived;
    // Stripe has made the refund; its answer never reaches the worker.
    expect(stripe.refundedOn(payment)).toBe(AMOUNT);
    await kill(worker, 'SIGKILL');
    held.release();

    const afterKill = await readRefund();
    expect(afterKill).toMatchObject({ status: 'pending', provider_refund_id: null, attempts: 1 });
    // Two minutes later, as far as the lease is concerned.
    await expireLease();

    const contacts = stripe.contacts();
    worker = startWorker(database.env, stripe.url);
    await until(() => stripe.contacts() > contacts, 60_000);
    await kill(worker, 'SIGTERM'); // a clean stop lets the run in progress record its answer

    const after = await readRefund();
    expect(after).toMatchObject({ status: 'succeeded', attempts: 2, refunded: AMOUNT });
    expect(stripe.refunds).toHaveLength(1);
    expect(after.provider_refund_id).toBe(stripe.refunds[0]?.id);
    expect(stripe.refundedOn(payment)).toBe(AMOUNT);
    expect(stripe.createRequests()).toBe(1);
  }, 180_000);

  async function readRefund() {
    const handle = await database.open();
    try {
      return await inTenant(handle.db, tenantId, (tx) =>
        tx
          .selectFrom('refunds')
          .innerJoin('payments', 'payments.id', 'refunds.payment_id')
          .select([
            'refunds.status',
            'refunds.provider_refund_id',
            'refunds.attempts',
            'payments.refunded_minor as refunded',
          ])
          .where('refunds.id', '=', refundId)
          .executeTakeFirstOrThrow(),
      ).then((row) => ({ ...row, refunded: Number(row.refunded) }));
    } finally {
      await handle.db.destroy();
    }
  }

  async function expireLease() {
    const handle = await database.open();
    try {
      await inTenant(handle.db, tenantId, (tx) =>
        tx
          .updateTable('refunds')
          .set({ next_attempt_at: new Date(Date.now() - 1000) })
          .where('id', '=', refundId)
          .execute(),
      );
    } finally {
      await handle.db.destroy();
    }
  }
});

function startWorker(env: NodeJS.ProcessEnv, stripeUrl: string): ChildProcess {
  const child = spawn(
    process.execPath,
    ['packages/server/bin/afterdesk.js', 'work', '--only', 'pay-refunds'],
    {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        AFTERDESK_STRIPE_API_URL: stripeUrl,
        AFTERDESK_JOB_INTERVAL_MS: '200',
        AFTERDESK_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[worker] ${chunk}`));
  return child;
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

async function until(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the worker');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A database of this test's own, which a second process can open: a PGlite folder (opened
 * by one process at a time) or a fresh PostgreSQL database beside the suite's, so the
 * worker never sees another test's refunds.
 */
async function privateDatabase() {
  const url = process.env.AFTERDESK_TEST_DATABASE_URL;
  if (url) {
    const name = `afterdesk_restart_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const own = new URL(url);
    own.pathname = `/${name}`;
    const handle = await connectDatabase({ databaseUrl: own.toString(), poolSize: 2 });
    await migrate(handle);
    await handle.db.destroy();
    return {
      env: { DATABASE_URL: own.toString() },
      open: () => connectDatabase({ databaseUrl: own.toString(), poolSize: 2 }),
      drop: async () => {
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'afterdesk-restart-'));
  const open = async () => {
    const handle = await connectDatabase({ dataDir: join(dir, 'pglite') });
    await migrate(handle);
    return handle;
  };
  return {
    env: { AFTERDESK_DATA_DIR: dir, DATABASE_URL: '' },
    open,
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}
