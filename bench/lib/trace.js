// Records every SQL statement (and its round-trip time) that one request sends through
// the `pg` driver, by wrapping pg.Client#query for the duration of the request only.
import pg from 'pg';

export async function traceStatements(work) {
  const proto = pg.Client.prototype;
  const original = proto.query;
  const statements = [];
  proto.query = function tracedQuery(config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : Array.isArray(config?.values) ? config.values : [];
    const started = process.hrtime.bigint();
    const result = original.call(this, config, values, callback);
    if (result && typeof result.then === 'function') {
      // `values` and `name` let bench/lib/bare-sql-replay.js send the same statements again.
      const entry = { sql: text, params: params.length, values: [...params], name: config?.name, ms: 0 };
      statements.push(entry);
      result.then(
        (r) => {
          entry.ms = Number(process.hrtime.bigint() - started) / 1e6;
          entry.rowCount = (Array.isArray(r) ? r.at(-1) : r)?.rowCount ?? null;
        },
        () => {
          entry.ms = Number(process.hrtime.bigint() - started) / 1e6;
          entry.failed = true;
        },
      );
    }
    return result;
  };
  const started = process.hrtime.bigint();
  try {
    const value = await work();
    return { value, statements, totalMs: Number(process.hrtime.bigint() - started) / 1e6 };
  } finally {
    proto.query = original;
  }
}

/** Files one return through the real HTTP stack (app.inject) and records its SQL. */
export async function traceCaseCreation(app, apiKey, slot) {
  const {
    value: response,
    statements,
    totalMs,
  } = await traceStatements(() =>
    app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { authorization: `Bearer ${apiKey}` },
      payload: caseBody(slot),
    }),
  );
  return { status: response.statusCode, body: response.json(), statements, totalMs };
}

export function caseBody(slot) {
  return {
    kind: 'return',
    orderId: slot.orderId,
    items: [
      {
        orderLineId: slot.lineId,
        quantity: 1,
        reasonCode: 'no_reason',
        conditions: ['unused', 'original_packaging', 'accessories_complete', 'resalable'],
      },
    ],
  };
}
