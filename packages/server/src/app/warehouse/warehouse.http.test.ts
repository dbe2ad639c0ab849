import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../db/scope.js';
import { noReasonReturn, sampleOrder } from '../../testing/fixtures.test-helpers.js';
import { client, importOrder, startTestApp, type TestApp } from '../../testing/harness.test-helpers.js';
import { createUser } from '../tenants/create-user.js';

// The warehouse over real HTTP: a parcel scanned by return code or waybill, inspected item
// by item, and what happens next by itself.

const now = new Date();
let app: TestApp;
type Api = TestApp['api'];
let quality: Api;
let agent: Api;

async function staff(role: 'quality' | 'agent'): Promise<Api> {
  const email = `${role}-wh-${app.tenant.tenantId.slice(0, 8)}@example.com`;
  const password = 'correct horse battery 1';
  await createUser(app.services, { tenantId: app.tenant.tenantId, email, name: role, role, password });
  const login = await app.api('POST', '/api/v1/auth/login', { email, password });
  const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('afterdesk_session=')) ?? '').split(
    ';',
  )[0];
  const session = client(app.server.url);
  return (method, path, body, headers = {}) =>
    session(method, path, body, { cookie: cookie as string, ...headers });
}

beforeAll(async () => {
  app = await startTestApp({ now });
  quality = await staff('quality');
  agent = await staff('agent');
});

afterAll(async () => {
  await app?.close();
});

/** An approved no-reason return of `quantity` units, waiting for its parcel. */
async function awaitingReturn(quantity = 1, body?: (order: any) => object) {
  const order = await importOrder(app.api, sampleOrder(now));
  const filed = await app.api('POST', '/api/v1/cases', body ? body(order) : noReasonReturn(order, quantity));
  expect(filed.status).toBe(201);
  // An exchange waits for a person's approval; the label comes with it.
  const approved =
    filed.body.status === 'under_review'
      ? await app.api('POST', `/api/v1/cases/${filed.body.id}/actions/approve`, {})
      : filed;
  expect(approved.body.status).toBe('awaiting_return');
  return approved.body;
}

const receive = (code: string, as: Api = quality) => as('POST', '/api/v1/warehouse/receipts', { code });
const inspect = (caseId: string, items: object[], as: Api = quality) =>
  as('POST', `/api/v1/cases/${caseId}/inspections`, { items });
const refundsOf = (caseId: string) =>
  inTenant(app.services.db, app.tenant.tenantId, (tx) =>
    tx.selectFrom('refunds').selectAll().where('case_id', '=', caseId).execute(),
  );

describe('POST /api/v1/warehouse/receipts', () => {
  it('receives a parcel by its return code, typed loosely, and says so on a rescan', async () => {
    const filed = await awaitingReturn();
    const first = await receive(filed.returnCode.toLowerCase().replace('-', ' '));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ alreadyReceived: false, case: { id: filed.id, status: 'received' } });
    expect(first.body.case.returnShipment.receivedAt).not.toBeNull();
    const again = await receive(filed.returnCode);
    expect(again.body).toMatchObject({ alreadyReceived: true, case: { status: 'received' } });
    expect(again.body.case.version).toBe(first.body.case.version);
  });

  it('receives a parcel by its waybill number', async () => {
    const filed = await awaitingReturn();
    const r = await receive(filed.returnShipment.waybillNumber);
    expect(r.status).toBe(200);
    expect(r.body.case.status).toBe('received');
  });

  it('answers 404 for a code no return carries, and 403 to an agent', async () => {
    expect((await receive('NOPE-0000')).status).toBe(404);
    const filed = await awaitingReturn();
    const refused = await receive(filed.returnCode, agent);
    expect(refused.status).toBe(403);
  });
});

describe('POST /api/v1/cases/:id/inspections', () => {
  it('refunds a passed return at once, exactly once, to the cent', async () => {
    const filed = await awaitingReturn();
    await receive(filed.returnCode);
    const item = filed.items[0];
    const r = await inspect(filed.id, [
      { caseItemId: item.id, result: 'passed', grade: 'A', disposition: 'restock', receivedQuantity: 1 },
    ]);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      passed: true,
      reasons: [],
      nextStep: 'refund',
      case: { status: 'refunded' },
    });
    const refunds = await refundsOf(filed.id);
    expect(refunds).toHaveLength(1);
    expect(Number(refunds[0]?.amount_minor)).toBe(filed.refundableMinor);
    expect(refunds[0]?.idempotency_key).toBe(`case:${filed.id}:refund`);
    // Neither a second inspection nor the refund action pays again.
    expect(
      (await inspect(filed.id, [{ caseItemId: item.id, result: 'passed', disposition: 'restock' }])).status,
    ).toBe(409);
    expect((await app.api('POST', `/api/v1/cases/${filed.id}/actions/refund`, {})).status).toBe(409);
    expect(await refundsOf(filed.id)).toHaveLength(1);
    const stored = await inTenant(app.services.db, app.tenant.tenantId, (tx) =>
      tx.selectFrom('inspection_items').selectAll().where('case_id', '=', filed.id).execute(),
    );
    expect(stored).toMatchObject([{ result: 'passed', grade: 'A', disposition: 'restock', mismatch: null }]);
  });

  it('fails an inspection with fewer units than asked and leaves it to an agent, unrefunded', async () => {
    const filed = await awaitingReturn(2);
    await receive(filed.returnCode);
    const r = await inspect(filed.id, [
      { caseItemId: filed.items[0].id, result: 'passed', disposition: 'restock', receivedQuantity: 1 },
    ]);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      passed: false,
      nextStep: null,
      reasons: ['SHOE-42-BLK: 1 of 2 units arrived.'],
      case: { status: 'inspection_failed' },
    });
    expect(r.body.case.allowedActions).toEqual(expect.arrayContaining(['refuse', 'settle']));
    expect(await refundsOf(filed.id)).toHaveLength(0);
  });

  it('fails a wrong item even when the inspector ticked passed', async () => {
    const filed = await awaitingReturn();
    await receive(filed.returnCode);
    const r = await inspect(filed.id, [
      { caseItemId: filed.items[0].id, result: 'passed', disposition: 'dispose', receivedSku: 'BRICK-1' },
    ]);
    expect(r.body).toMatchObject({ passed: false, case: { status: 'inspection_failed' } });
    expect(await refundsOf(filed.id)).toHaveLength(0);
  });

  it('moves a passed exchange to its replacement step, without a refund', async () => {
    const filed = await awaitingReturn(1, (order) => {
      const body = noReasonReturn(order) as any;
      body.kind = 'exchange';
      body.items[0].replacement = { sku: 'SHOE-43-BLK', unitPriceMinor: 5999 };
      return body;
    });
    await receive(filed.returnCode);
    const r = await inspect(filed.id, [
      { caseItemId: filed.items[0].id, result: 'passed', disposition: 'restock' },
    ]);
    expect(r.body).toMatchObject({
      passed: true,
      nextStep: 'ship_replacement',
      case: { status: 'inspection_passed' },
    });
    expect(r.body.case.allowedActions).toEqual(['ship_replacement']);
    expect(await refundsOf(filed.id)).toHaveLength(0);
  });

  it('refuses an inspection that skips an item, and one before the parcel arrived', async () => {
    const filed = await awaitingReturn();
    const early = await inspect(filed.id, [
      { caseItemId: filed.items[0].id, result: 'passed', disposition: 'restock' },
    ]);
    expect(early.status).toBe(409);
    await receive(filed.returnCode);
    const foreign = await inspect(filed.id, [
      { caseItemId: '00000000-0000-4000-8000-000000000000', result: 'passed', disposition: 'restock' },
    ]);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors.map((e: { field: string }) => e.field)).toEqual([
      '/items/0/caseItemId',
      '/items',
    ]);
  });
});
