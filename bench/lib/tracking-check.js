// The checks after each tracking run: the database compared with what the traffic must
// have done (bench/lib/tracking-plan.js works that out from the rules alone).
import { sql } from 'kysely';
import { inSystem } from '../../packages/server/dist/db/scope.js';

/** What the database holds for this tenant: totals to compare before and after a run. */
export async function totals(services, tenantId) {
  return inSystem(services.db, async (tx) => {
    const { rows } = await sql`
      select
        (select count(*) from tracking_events where tenant_id = ${tenantId})::int as events,
        (select count(*) from parcel_exceptions where tenant_id = ${tenantId})::int as exceptions,
        (select count(*) from cases where tenant_id = ${tenantId} and kind = 'logistics')::int as logistics,
        (select coalesce(json_object_agg(kind, n), '{}') from (select kind, count(*)::int as n
          from customer_notices where tenant_id = ${tenantId} group by kind) k) as notices`.execute(tx);
    const r = rows[0];
    return { ...r, notices: typeof r.notices === 'string' ? JSON.parse(r.notices) : r.notices };
  });
}

/** Compares the database after a run with what the traffic must have done; returns the differences. */
export async function verify(services, tenantId, expected, before, result, numbers) {
  const problems = [];
  const same = (label, actual, wanted) => {
    if (JSON.stringify(actual) !== JSON.stringify(wanted))
      problems.push(`${label}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
  };
  const sorted = (o) =>
    Object.fromEntries(
      Object.entries(o)
        .filter(([, n]) => n > 0)
        .sort(),
    );
  same('outcomes', sorted(result.outcomes), sorted(expected.outcomes));
  same(
    'notices queued',
    result.noticesQueued,
    Object.values(expected.notices).reduce((a, b) => a + b, 0),
  );
  const after = await totals(services, tenantId);
  same('tracking events stored', after.events - before.events, expected.storedEvents);
  same('parcel exceptions', after.exceptions - before.exceptions, expected.exceptions);
  same('logistics cases opened', after.logistics - before.logistics, expected.logisticsCases);
  const notices = Object.fromEntries(
    Object.entries(after.notices).map(([kind, n]) => [kind, n - (before.notices[kind] ?? 0)]),
  );
  same('notices by kind', sorted(notices), sorted(expected.notices));
  const { shipments, cases } = await inSystem(services.db, async (tx) => ({
    shipments: await tx
      .selectFrom('shipments')
      .select(['tracking_number', 'status', 'status_at'])
      .where('tenant_id', '=', tenantId)
      .where('tracking_number', 'in', numbers.outbound)
      .execute(),
    cases: await tx
      .selectFrom('return_shipments as r')
      .innerJoin('cases as c', 'c.id', 'r.case_id')
      .select(['r.waybill_number', 'c.status'])
      .where('r.tenant_id', '=', tenantId)
      .where('r.waybill_number', 'in', numbers.returns)
      .execute(),
  }));
  let wrongParcels = 0;
  for (const s of shipments) {
    const want = expected.parcels.get(s.tracking_number);
    const at = s.status_at ? new Date(s.status_at).getTime() : null;
    if ((want?.status ?? null) !== s.status || (want?.at ?? null) !== at) wrongParcels += 1;
  }
  same('parcels checked', shipments.length, numbers.outbound.length);
  if (wrongParcels > 0) problems.push(`${wrongParcels} parcels not in their latest state`);
  const wrongCases = cases.filter((c) => expected.cases.get(c.waybill_number) !== c.status).length;
  same('return cases checked', cases.length, numbers.returns.length);
  if (wrongCases > 0) problems.push(`${wrongCases} return cases not in the expected status`);
  return problems;
}
