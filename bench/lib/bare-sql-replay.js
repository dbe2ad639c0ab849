// Bare-SQL baseline that follows the service as it changes: the exact statements one case
// creation sent (recorded by trace.js: text, parameters, statement name), sent again from a
// plain `pg` Pool for other orders — no HTTP, no Kysely, no policy engine.
//
// Per transaction, every id in the parameters is rewritten: the traced order, its customer
// and its lines become the slot's; the tenant, store and API key stay; every other UUID (the
// new case, item, decision, shipment…) gets a fresh one, consistently across statements and
// inside JSON text. The return code and waybill number are drawn anew, since both are unique.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

const UUID_G = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function freshCode() {
  const s = [...randomBytes(8)].map((x) => CODE_ALPHABET[x & 31]).join('');
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

function freshWaybill(like) {
  // Same shape: keep the prefix letters, draw the digits.
  const digits = like.replace(/^\D+/, '').length;
  const prefix = like.slice(0, like.length - digits);
  let out = '';
  for (const b of randomBytes(digits)) out += String(b % 10);
  return prefix + out;
}

/**
 * @param traced   trace.js result of one creation (statements with values) and its response body
 * @param context  { tenantId, storeId, tracedSlot, prepared } — tracedSlot as seeded (orderId,
 *                 customerId, orderLineIds); prepared: send statements with parameters as named
 *                 prepared statements (parsed and planned once per connection) — a what-if
 * @returns a transaction function for runBareSql, and how many statements it sends
 */
export function buildReplay(traced, { tenantId, storeId, tracedSlot, prepared = false }) {
  const body = traced.body;
  const keep = new Set(
    [tenantId, storeId, body.timeline?.[0]?.actorId].filter(Boolean).map((s) => s.toLowerCase()),
  );
  const statements = traced.statements.map((s) => ({
    text: s.sql,
    values: s.values ?? [],
    name:
      s.name ??
      (prepared ? `bench_${createHash('sha1').update(s.sql).digest('hex').slice(0, 20)}` : undefined),
    rowCount: s.rowCount,
  }));
  const returnCode = body.returnCode;
  const waybill = body.returnShipment?.waybillNumber;
  if (!returnCode || !waybill) throw new Error('the traced creation issued no return code or waybill');

  async function replay(client, { slot }) {
    const ids = new Map([
      [tracedSlot.orderId.toLowerCase(), slot.orderId],
      [tracedSlot.customerId.toLowerCase(), slot.customerId],
    ]);
    // The traced slot's line first, then the other lines of its order in position order.
    const tracedLines = [
      tracedSlot.lineId,
      ...tracedSlot.orderLineIds.filter((id) => id !== tracedSlot.lineId),
    ];
    const newLines = [slot.lineId, ...slot.orderLineIds.filter((id) => id !== slot.lineId)];
    tracedLines.forEach((id, i) => {
      ids.set(id.toLowerCase(), newLines[i] ?? newLines[0]);
    });
    const code = freshCode();
    const bill = freshWaybill(waybill);
    const mapId = (id) => {
      const k = id.toLowerCase();
      if (keep.has(k)) return id;
      let v = ids.get(k);
      if (!v) {
        v = randomUUID();
        ids.set(k, v);
      }
      return v;
    };
    const mapValue = (v) => {
      if (typeof v === 'string')
        return v.replace(UUID_G, mapId).replaceAll(returnCode, code).replaceAll(waybill, bill);
      if (Array.isArray(v)) return v.map(mapValue);
      return v;
    };
    let n = 0;
    try {
      for (const s of statements) {
        n += 1;
        const text = s.values.length === 0 ? s.text.replace(UUID_G, mapId) : s.text;
        let result;
        if (s.values.length === 0) result = await client.query(text);
        else if (s.name) result = await client.query({ name: s.name, text, values: s.values.map(mapValue) });
        else result = await client.query(text, s.values.map(mapValue));
        // Same rows read or written as in the traced creation, or the replay is not the same work.
        const rowCount = (Array.isArray(result) ? result.at(-1) : result)?.rowCount ?? null;
        if (typeof s.rowCount === 'number' && rowCount !== s.rowCount) {
          throw new Error(`replay diverged at statement ${n}: ${rowCount} rows instead of ${s.rowCount}`);
        }
      }
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    }
    return n;
  }
  return { transaction: replay, statements: statements.length };
}
