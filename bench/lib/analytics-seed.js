// The analytics benchmark's history: two years of a fashion shop with three stores, loaded
// straight into the raw tables with set-based SQL. Every row is a pure function of its row
// number (pseudo-random draws are hashes of it), so each table is filled by one
// `insert … select … from generate_series` that reads no other table, the statements can
// run side by side, and two runs load the same history. bench/README.md describes it.

export const SEED_SHAPE = {
  days: 730,
  // Orders are placed over the first 722 days, so even the last are delivered by the end.
  orderDays: 722,
  linesMax: 9, // 1 to 9 lines an order, 5 on average
  skus: 2000,
  suppliers: 40,
  batchDays: 90, // a SKU's batch changes every quarter
  agents: 60,
  teams: 8,
  caseShare: 0.55, // delivered orders with a return, exchange, refund-only or repair case
  lineReturnShare: 0.89, // every further line of such an order is in the case with this chance
  helpDeskShare: 0.15, // conversations (inquiry, complaint, logistics, dispute) per order
  reviewShare: 0.25, // delivered orders the customer reviewed
};

export const CATEGORIES = [
  'dresses',
  'shirts',
  'trousers',
  'jeans',
  'jackets',
  'knitwear',
  'shoes',
  'sneakers',
  'boots',
  'bags',
  'accessories',
  'sportswear',
  'underwear',
  'swimwear',
  'kids',
  'home_textiles',
  'beauty',
  'watches',
  'jewellery',
  'outdoor',
];
// The nine reasons of the default policy and one of the merchant's own.
export const REASONS = [
  'size_not_fit',
  'style_not_expected',
  'no_reason',
  'quality_defect',
  'not_as_described',
  'damaged_in_transit',
  'wrong_item',
  'other',
  'missing_parts',
  'safety_legal',
];
// Fifteen countries; the first eleven buy from the EUR store, GB and IE from the GBP one,
// US and CA from the USD one. Listed by weight: the draw favours the first.
export const COUNTRIES = [
  'DE',
  'GB',
  'US',
  'FR',
  'NL',
  'AT',
  'IT',
  'ES',
  'CA',
  'CH',
  'BE',
  'PL',
  'IE',
  'SE',
  'DK',
];
export const STORES = [
  {
    code: 'eu',
    name: 'Bench EU',
    country: 'DE',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    languages: ['de', 'en'],
  },
  {
    code: 'uk',
    name: 'Bench UK',
    country: 'GB',
    currency: 'GBP',
    timeZone: 'Europe/London',
    languages: ['en'],
  },
  {
    code: 'us',
    name: 'Bench US',
    country: 'US',
    currency: 'USD',
    timeZone: 'America/New_York',
    languages: ['en'],
  },
];
const storeIndexOfCountry = (c) => (c === 'GB' || c === 'IE' ? 1 : c === 'US' || c === 'CA' ? 2 : 0);

const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
const textArray = (values) => `array[${values.map(q).join(',')}]::text[]`;

// Deterministic ids that grow with the row number, so primary keys are appended in order.
// Prefixes are per table: 0a… orders, 0b… lines and so on.
const PREFIX = {
  customer: 1,
  order: 2,
  line: 3,
  shipment: 4,
  case: 5,
  item: 6,
  decision: 7,
  refund: 8,
  conversation: 9,
  message: 10,
  review: 11,
  agent: 12,
  team: 13,
  survey: 14,
  inspection: 15,
};
export const idOf = (table, n) =>
  `(${q(`${PREFIX[table].toString(16).padStart(8, '0')}-0000-4000-8000-`)} || lpad(to_hex(${n}), 12, '0'))::uuid`;

// A uniform draw in [0, 1) from a key and a salt (0..63): a hash, so the same every run.
export const rnd = (key, salt) =>
  `((hashint8((${key})::bigint * 64 + ${salt}) & 2147483647)::float8 / 2147483648.0)`;
const pick = (values, draw) => `(${textArray(values)})[1 + floor(${draw} * ${values.length})::int]`;
const interval = (seconds) => `((${seconds}) * interval '1 second')`;
const HOUR = 3600;
const DAY = 86400;

/**
 * The history's rows as SQL. `shape.orders` orders over two years ending at `now`; about two
 * case items per order (`orders` 4 M → ~10 M items). Ids of tenant and stores come from
 * createTenant.
 */
export function seedPlan({ orders, customers, now, tenantId, storeIds, shape = SEED_SHAPE }) {
  const N = orders;
  const H = Math.round(N * shape.helpDeskShare);
  const T = q(tenantId);
  const NOW = `${q(now.toISOString())}::timestamptz`;
  const START = `(${NOW} - interval '${shape.days} days')`;
  const storeOf = (countryIndexExpr) => {
    const ids = COUNTRIES.map((c) => storeIds[storeIndexOfCountry(c)]);
    return `(array[${ids.map(q).join(',')}]::uuid[])[${countryIndexExpr}]`;
  };
  const currencyOf = (countryIndexExpr) =>
    `(${textArray(COUNTRIES.map((c) => STORES[storeIndexOfCountry(c)].currency))})[${countryIndexExpr}]`;
  const languageOf = (countryIndexExpr) =>
    `(${textArray(COUNTRIES.map((c) => ({ DE: 'de', AT: 'de', CH: 'de', FR: 'fr', IT: 'it', ES: 'es', NL: 'nl', PL: 'pl' })[c] ?? 'en'))})[${countryIndexExpr}]`;
  // A customer's country, 1-based index into COUNTRIES, skewed to the first ones.
  const countryIndex = (c) => `(1 + floor(power(${rnd(c, 1)}, 1.8) * ${COUNTRIES.length})::int)`;

  // --- orders: o in 0..N-1, placed in order of o over `orderDays` -------------------------
  const customerOf = (o) => `(hashint8((${o})::bigint * 64 + 7) & 2147483647) % ${customers}`;
  const placed = (o) =>
    `(${START} + ${interval(`(${o})::float8 / ${N} * ${shape.orderDays * DAY} + ${rnd(o, 2)} * ${DAY}`)})`;
  const delivered = (o) => `(${placed(o)} + ${interval(`${2 * DAY} + ${rnd(o, 3)} * ${4 * DAY}`)})`;
  // 1 % of parcels never arrive; the rest are delivered (the last few days' orders maybe not yet).
  const isDelivered = (o) => `(${rnd(o, 4)} >= 0.01 and ${delivered(o)} <= ${NOW})`;
  const lineCount = (o) => `(1 + floor(${rnd(o, 5)} * ${shape.linesMax})::int)`;
  // Line key: o * 9 + k. Popular SKUs sell more (the square skews the draw to low numbers).
  const lineKey = (o, k) => `((${o})::bigint * ${shape.linesMax} + ${k})`;
  const skuOf = (key) => `floor(power(${rnd(key, 6)}, 2) * ${shape.skus})::int`;
  const quantityOf = (key) =>
    `(case when ${rnd(key, 7)} < 0.7 then 1 when ${rnd(key, 7)} < 0.9 then 2 else 3 end)`;
  const priceOf = (sku) => `(990 + (hashint4(${sku}) & 2147483647) % 19000)`;
  const categoryIndexOf = (sku) => `(${sku} % ${CATEGORIES.length})`;
  const skuText = (sku) => `('SKU-' || lpad((${sku})::text, 4, '0'))`;

  // --- item cases: one per order that has one, id by the order's number ----------------
  const caseCreated = (o) =>
    `(${delivered(o)} + ${interval(`${HOUR} + power(${rnd(o, 11)}, 1.5) * ${14 * DAY}`)})`;
  // return 82 %, exchange 12 %, refund_only 4 %, repair 2 %
  const caseKind = (o) =>
    `(case when ${rnd(o, 12)} < 0.82 then 'return' when ${rnd(o, 12)} < 0.94 then 'exchange' when ${rnd(o, 12)} < 0.98 then 'refund_only' else 'repair' end)`;
  // The policy approves 80 % at once; 17 % go to review (an agent approves 85 % of those); 3 % are rejected.
  const outcome = (o) =>
    `(case when ${rnd(o, 13)} < 0.80 then 'approve' when ${rnd(o, 13)} < 0.97 then 'review' else 'reject' end)`;
  const reviewApproved = (o) => `(${rnd(o, 14)} < 0.85)`;
  const itemInCase = (o, k) => `(${k} = 0 or ${rnd(lineKey(o, k), 15)} < ${shape.lineReturnShare})`;
  // Reasons differ by category: the draw is shifted by the category, then skewed.
  const reasonOf = (key, sku) => {
    const shifted = `(${rnd(key, 16)} + ${categoryIndexOf(sku)} * 0.037)`;
    return `(${textArray(REASONS)})[1 + floor(power(${shifted} - floor(${shifted}), 1.7) * ${REASONS.length})::int]`;
  };
  // What the items of order o's case are worth: the returned units of each line at its price.
  const itemsTotal = (o, n) => `(select sum(back * ${priceOf('s')}) from (
      select 1 + floor(${rnd('key', 18)} * ${quantityOf('key')})::int as back, ${skuOf('key')} as s
        from (select ${lineKey(o, 'k')} as key from generate_series(0, ${n} - 1) k
               where ${itemInCase(o, 'k')}) kk) i)`;
  const agentOf = (key) => `(hashint8((${key})::bigint * 64 + 17) & 2147483647) % ${shape.agents}`;

  // Conversation h is about order (h * 7919) mod N, opened 1 hour to 20 days after delivery
  // (or after the order for undelivered ones); first answer 5 minutes to 12 hours later,
  // solved 0–5 days after that.
  const convo = `select h, o, c, ci, kind, created, answered, solved,
        ${agentOf(`h + ${N}`)} as agent, ${rnd('h', 30)} as mood
      from (select h, o, c, ci,
              ${pick(['inquiry', 'inquiry', 'inquiry', 'inquiry', 'complaint', 'complaint', 'complaint', 'logistics', 'logistics', 'dispute'], rnd('h', 31))} as kind,
              created, created + ${interval(`${5 * 60} + power(${rnd('h', 32)}, 3) * ${12 * HOUR}`)} as answered,
              created + ${interval(`${5 * 60} + power(${rnd('h', 32)}, 3) * ${12 * HOUR} + power(${rnd('h', 33)}, 2) * ${5 * DAY}`)} as solved
            from (select h, o, c, ${countryIndex('c')} as ci,
                    (case when ${isDelivered('o')} then ${delivered('o')} else ${placed('o')} end)
                      + ${interval(`${HOUR} + ${rnd('h', 34)} * ${20 * DAY}`)} as created
                    from (select h, o, ${customerOf('o')} as c
                            from (select h, (h::bigint * 7919) % ${N} as o from generate_series(0, ${H - 1}) h offset 0) a offset 0) b
                   offset 0) d
           where created <= ${NOW} offset 0) e`;

  // Steps run phase by phase; the steps of a phase side by side. Phase 1 draws each order's
  // and case's facts once into unlogged helper tables (dropped after the load), which the
  // later phases read instead of drawing them again.
  const steps = [];
  const step = (phase, table, label, text) => steps.push({ phase, table, label, sql: text });
  const halves = (count) => [
    [0, Math.floor(count / 2) - 1],
    [Math.floor(count / 2), count - 1],
  ];

  step(
    1,
    'teams',
    'teams',
    `insert into teams (id, tenant_id, name, created_at)
    select ${idOf('team', 't')}, ${T}, 'Team ' || t, ${START} from generate_series(0, ${shape.teams - 1}) t`,
  );
  step(
    1,
    'users',
    'agents',
    `insert into users (id, tenant_id, email, name, role, password_hash, team_id, is_lead,
      languages, channels, presence, created_at)
    select ${idOf('agent', 'a')}, ${T}, 'agent' || a || '-' || ${q(tenantId.slice(0, 8))} || '@bench.example', 'Agent ' || a,
      'agent', 'x', ${idOf('team', `a % ${shape.teams}`)}, a < ${shape.teams}, '{en,de}', '{email,chat,web}', 'online', ${START}
    from generate_series(0, ${shape.agents - 1}) a`,
  );
  step(
    1,
    'customers',
    'customers',
    `insert into customers (id, tenant_id, external_id, email, name, language, country, created_at, updated_at)
    select ${idOf('customer', 'c')}, ${T}, 'C' || c, 'c' || c || '@bench.example', null,
      ${languageOf(countryIndex('c'))}, (${textArray(COUNTRIES)})[${countryIndex('c')}], ${START}, ${START}
    from generate_series(0, ${customers - 1}) c`,
  );
  step(
    1,
    null,
    'order facts (helper)',
    `create unlogged table bench_order as
    select o, c, ci, placed, delivered, dlv, n, dlv and ${rnd('o', 10)} < ${shape.caseShare} and case_created <= ${NOW} as has_case,
      case_created
    from (select o, c, ci, placed, delivered, ${isDelivered('o')} as dlv, ${lineCount('o')} as n, ${caseCreated('o')} as case_created
            from (select o, c, ${countryIndex('c')} as ci, ${placed('o')} as placed, ${delivered('o')} as delivered
                    from (select o, ${customerOf('o')} as c from generate_series(0, ${N - 1}) o offset 0) a offset 0) b) d`,
  );
  step(1, null, 'conversation facts (helper)', `create unlogged table bench_convo as ${convo}`);

  // --- phase 2: orders, lines, shipments, reviews; the cases' timeline ---------------------
  for (const [from, to] of halves(N)) {
    step(
      2,
      'orders',
      `orders ${from}–${to}`,
      `insert into orders (id, tenant_id, store_id, customer_id, external_id, number, status,
        placed_at, currency, shipping_minor, total_minor, delivered_at, created_at, updated_at)
      select ${idOf('order', 'o')}, ${T}, ${storeOf('ci')}, ${idOf('customer', 'c')}, 'O' || o, '#' || o,
        case when dlv then 'delivered' else 'shipped' end, placed, ${currencyOf('ci')}, 499,
        499 + (select sum(${quantityOf(lineKey('o', 'k'))} * ${priceOf(skuOf(lineKey('o', 'k')))}) from generate_series(0, n - 1) k),
        case when dlv then delivered end, placed, case when dlv then delivered else placed end
      from bench_order where o between ${from} and ${to}`,
    );
    step(
      2,
      'order_lines',
      `order lines of orders ${from}–${to}`,
      `insert into order_lines (id, tenant_id, order_id, external_id,
        position, sku, title, category, attributes, quantity, unit_price_minor)
      select ${idOf('line', 'key')}, ${T}, ${idOf('order', 'o')}, 'l' || k, k, ${skuText('s')}, 'Product ' || s,
        (${textArray(CATEGORIES)})[1 + ${categoryIndexOf('s')}],
        jsonb_build_object('supplier', 'SUP-' || lpad(((s * 7) % ${shape.suppliers})::text, 2, '0'),
          'batch', 'B' || lpad(s::text, 4, '0') || '-' || floor(extract(epoch from placed - ${START}) / ${shape.batchDays * DAY})::int),
        ${quantityOf('key')}, ${priceOf('s')}
      from (select o, k, key, placed, ${skuOf('key')} as s
              from (select o, k, placed, ${lineKey('o', 'k')} as key
                      from bench_order, generate_series(0, n - 1) k where o between ${from} and ${to} offset 0) x offset 0) y`,
    );
  }
  step(
    2,
    'shipments',
    'shipments',
    `insert into shipments (id, tenant_id, order_id, position, carrier, tracking_number,
      shipped_at, delivered_at, status, status_at)
    select ${idOf('shipment', 'o')}, ${T}, ${idOf('order', 'o')}, 0,
      (array['DHL','Royal Mail','UPS'])[1 + case when ci in (2, 13) then 1 when ci in (3, 9) then 2 else 0 end],
      'T' || o, placed + interval '1 day', case when dlv then delivered end,
      case when dlv then 'delivered' else 'in_transit' end, case when dlv then delivered else placed + interval '1 day' end
    from bench_order`,
  );
  // Reviews of 25 % of delivered orders, 1–10 days after delivery; worse when goods went back.
  step(
    2,
    'order_reviews',
    'order reviews',
    `insert into order_reviews (id, tenant_id, order_id, external_id, score, comment,
      language, sentiment, reviewed_at, created_at)
    select ${idOf('review', 'o')}, ${T}, ${idOf('order', 'o')}, 'R' || o, score,
      case when ${rnd('o', 52)} < 0.4 then (array['Terrible','Poor','Okay','Good','Great'])[score] end,
      ${languageOf('ci')}, round(((score - 3) / 2.0 * 0.8)::numeric, 2), reviewed, reviewed
    from (select o, ci, reviewed,
            greatest(1, least(5, 1 + floor(${rnd('o', 51)} * 5)::int + case when has_case then -1 else 1 end)) as score
          from (select o, ci, has_case, delivered + ${interval(`${DAY} + ${rnd('o', 50)} * ${9 * DAY}`)} as reviewed
                  from bench_order where dlv and ${rnd('o', 53)} < ${shape.reviewShare} offset 0) a
         where reviewed <= ${NOW} offset 0) b`,
  );
  // decided: at once, or 2–48 h later after review. Goods back 2–8 days after approval, refund
  // 0.5–3 days after that (3 % are paid 20–60 days late: late events). Steps after `now` have
  // not happened yet, so the case is still open.
  step(
    2,
    null,
    'case timelines (helper)',
    `create unlogged table bench_case as
    select *, case when not approved then decided else settled end as final_at
    from (select o, c, ci, n, kind, outcome, approved, created, decided,
            decided + ${interval(`${2 * DAY} + ${rnd('o', 20)} * ${6 * DAY}`)} as received,
            decided + ${interval(`${2 * DAY} + ${rnd('o', 20)} * ${6 * DAY} + ${DAY / 2} + ${rnd('o', 21)} * ${2.5 * DAY}
              + case when ${rnd('o', 22)} < 0.03 then ${20 * DAY} + ${rnd('o', 23)} * ${40 * DAY} else 0 end`)} as settled,
            case when outcome <> 'approve' or ${rnd('o', 24)} < 0.4 then ${agentOf('o')} end as agent,
            ${itemsTotal('o', 'n')} as total
          from (select o, c, ci, n, kind, outcome, outcome = 'approve' or (outcome = 'review' and ${reviewApproved('o')}) as approved,
                  created, created + case when outcome = 'review' then ${interval(`${2 * HOUR} + ${rnd('o', 25)} * ${46 * HOUR}`)}
                                          else interval '0' end as decided
                from (select o, c, ci, n, ${caseKind('o')} as kind, ${outcome('o')} as outcome, case_created as created
                        from bench_order where has_case offset 0) a offset 0) b offset 0) d`,
  );

  // --- phase 3: everything about the cases ------------------------------------------------
  const finalStatus = `case when not approved then 'rejected'
      when kind = 'exchange' then 'replacement_shipped' when kind = 'repair' then 'repaired' else 'refunded' end`;
  const settledAt = `final_at <= ${NOW}`;
  for (const [from, to] of halves(N)) {
    step(
      3,
      'cases',
      `item cases of orders ${from}–${to}`,
      `insert into cases (id, tenant_id, number, kind, status, store_id,
        customer_id, order_id, language, channel, priority, assignee_id, team_id, return_code, policy_version, refundable_minor,
        currency, created_by_type, category, first_response_at, solved_at, created_at, updated_at, closed_at)
      select ${idOf('case', 'o')}, ${T}, 1000 + o, kind,
        case when ${settledAt} then ${finalStatus}
             when decided > ${NOW} then 'under_review'
             when kind = 'refund_only' then 'approved'
             when received <= ${NOW} then 'received' else 'awaiting_return' end,
        ${storeOf('ci')}, ${idOf('customer', 'c')}, ${idOf('order', 'o')}, ${languageOf('ci')},
        ${pick(['web', 'web', 'web', 'web', 'web', 'web', 'api', 'api', 'email', 'chat'], rnd('o', 26))}, 'normal',
        case when agent is not null then ${idOf('agent', 'agent')} end,
        case when agent is not null then ${idOf('team', `agent % ${shape.teams}`)} end,
        case when approved and kind <> 'refund_only' and decided <= ${NOW} then 'RC' || o end, 1,
        total, ${currencyOf('ci')}, 'customer', 'after_sales',
        case when decided <= ${NOW} then decided end, case when ${settledAt} then final_at end, created,
        greatest(created, least(final_at, ${NOW})), case when ${settledAt} then final_at end
      from bench_case where o between ${from} and ${to}`,
    );
    // Items: the case's first line always, each further line with lineReturnShare.
    step(
      3,
      'case_items',
      `case items of orders ${from}–${to}`,
      `insert into case_items (id, tenant_id, case_id, order_line_id, sku,
        quantity, reason_code, conditions, goods_minor, refundable_minor)
      select ${idOf('item', 'key')}, ${T}, ${idOf('case', 'o')}, ${idOf('line', 'key')}, ${skuText('s')},
        back, ${reasonOf('key', 's')}, '{unworn}', back * ${priceOf('s')}, back * ${priceOf('s')}
      from (select o, k, key, s, 1 + floor(${rnd('key', 18)} * ${quantityOf('key')})::int as back
              from (select o, k, key, ${skuOf('key')} as s
                      from (select o, k, ${lineKey('o', 'k')} as key from bench_case, generate_series(0, n - 1) k
                             where o between ${from} and ${to} offset 0) w
                     where ${itemInCase('o', 'k')} offset 0) x offset 0) y`,
    );
  }
  // What the policy said, as the stored decision would (trimmed to the fields analytics reads).
  step(
    3,
    'decisions',
    'decisions',
    `insert into decisions (id, tenant_id, case_id, policy_version, outcome, result, created_at)
    select ${idOf('decision', 'o')}, ${T}, ${idOf('case', 'o')}, 1, outcome,
      jsonb_build_object('outcome', outcome, 'reasons', '[]'::jsonb, 'items', '[]'::jsonb, 'currency', ${currencyOf('ci')},
        'returnless', false, 'policyVersion', 1), created
    from bench_case`,
  );
  // The case's log as createCase and an agent's review write it: submitted, then the policy's
  // approval or rejection (system), or a review started and an agent's decision later.
  step(
    3,
    'events',
    'case events',
    `insert into events (tenant_id, stream, stream_id, type, actor_type, actor_id, reason, data, created_at)
    select ${T}, 'case', ${idOf('case', 'o')}, e.type, e.actor_type, e.actor_id, null, e.data, e.at
    from bench_case, lateral (values
      ('case.submitted', 'customer', null, jsonb_build_object('kind', kind, 'items', n), created),
      (case outcome when 'approve' then 'case.approved' when 'reject' then 'case.rejected' else 'case.review_started' end,
       'system', null, jsonb_build_object('from', 'submitted'), created),
      (case when outcome = 'review' and decided <= ${NOW} then (case when approved then 'case.approved' else 'case.rejected' end) end,
       'user', (${idOf('agent', 'agent')})::text, jsonb_build_object('from', 'under_review'), decided)
    ) e (type, actor_type, actor_id, data, at)
    where e.type is not null`,
  );
  step(
    3,
    'refunds',
    'refunds',
    `insert into refunds (id, tenant_id, case_id, order_id, customer_id, amount_minor, currency, method,
      status, idempotency_key, provider, purpose, created_at, settled_at, updated_at)
    select ${idOf('refund', 'o')}, ${T}, ${idOf('case', 'o')}, ${idOf('order', 'o')}, ${idOf('customer', 'c')}, total,
      ${currencyOf('ci')}, 'original_payment', 'succeeded', 'bench-' || o, 'manual', 'refund',
      case when kind = 'refund_only' then decided else received end, settled, settled
    from bench_case where approved and kind in ('return', 'refund_only') and settled <= ${NOW}`,
  );
  step(
    3,
    'case_clocks',
    'resolution clocks of item cases',
    `insert into case_clocks (tenant_id, case_id, metric, cycle, state, target,
      rule, started_at, due_at, warn_at, budget_minutes, completed_at, breached_at)
    select ${T}, ${idOf('case', 'o')}, 'resolution', 1,
      case when ${settledAt} then (case when final_at <= due then 'hit' else 'missed' end)
           when due <= ${NOW} then 'missed' else 'active' end,
      '{"minutes": 20160, "clock": "calendar"}', 'bench: 14 days', created, due, due - interval '1 day', 20160,
      case when ${settledAt} then final_at end, case when due <= least(final_at, ${NOW}) then due end
    from (select *, created + interval '14 days' as due from bench_case) u`,
  );
  step(
    3,
    'messages',
    'messages of item cases',
    `insert into messages (id, tenant_id, case_id, customer_id, seq, direction, channel,
      author_type, body, language, intent, sentiment, created_at)
    select ${idOf('message', `${2 * H} + o`)}, ${T}, ${idOf('case', 'o')}, ${idOf('customer', 'c')}, 1, 'inbound', 'web', 'customer',
      'Question about my return', ${languageOf('ci')}, 'return_status',
      round((${rnd('o', 40)} * 1.4 - 0.6)::numeric, 2), created + interval '1 hour'
    from bench_case where ${rnd('o', 41)} < 0.2 and created + interval '1 hour' <= ${NOW}`,
  );
  // A survey after 40 % of settled cases (R-11.2), half of them answered, mostly 4 or 5.
  const surveyScore = (key) =>
    `(case when ${rnd(key, 42)} < 0.05 then 1 when ${rnd(key, 42)} < 0.12 then 2 when ${rnd(key, 42)} < 0.25 then 3 when ${rnd(key, 42)} < 0.55 then 4 else 5 end)`;
  step(
    3,
    'surveys',
    'surveys of item cases',
    `insert into surveys (id, tenant_id, case_id, agent_id, token_hash, language, score,
      sent_at, answered_at)
    select ${idOf('survey', 'o')}, ${T}, ${idOf('case', 'o')}, case when agent is not null then ${idOf('agent', 'agent')} end,
      'bench-s-' || o, ${languageOf('ci')},
      case when did_answer then ${surveyScore('o')} end, final_at, case when did_answer then final_at + interval '6 hours' end
    from (select *, ${rnd('o', 44)} < 0.5 and final_at + interval '6 hours' <= ${NOW} as did_answer from bench_case) u
    where ${rnd('o', 43)} < 0.4 and ${settledAt}`,
  );

  // --- conversations: inquiries, complaints, logistics questions, disputes ---------------
  step(
    3,
    'cases',
    'conversations',
    `insert into cases (id, tenant_id, number, kind, status, store_id, customer_id, order_id, language,
      channel, priority, assignee_id, team_id, created_by_type, category, complaint_type, subject, intent, sentiment,
      first_response_at, solved_at, created_at, updated_at, closed_at)
    select ${idOf('conversation', 'h')}, ${T}, ${1000 + N} + h, kind,
      case when kind = 'dispute' then (case when solved <= ${NOW} then 'decided' else 'negotiation' end)
           when solved <= ${NOW} then 'solved' else 'open' end,
      ${storeOf('ci')}, ${idOf('customer', 'c')}, ${idOf('order', 'o')}, ${languageOf('ci')},
      ${pick(['email', 'email', 'email', 'chat', 'chat', 'web', 'phone', 'social'], rnd('h', 35))}, 'normal',
      ${idOf('agent', 'agent')}, ${idOf('team', `agent % ${shape.teams}`)}, 'customer',
      case kind when 'inquiry' then 'consultation' when 'logistics' then 'logistics' else 'complaint' end,
      case when kind = 'complaint' then ${pick(['quality', 'quality', 'not_as_described', 'logistics', 'policy', 'service'], rnd('h', 36))} end,
      'Order #' || o, case kind when 'inquiry' then 'order_status' when 'logistics' then 'delivery_problem' else 'complaint' end,
      round((case when kind in ('complaint', 'dispute') then -0.7 else -0.1 end + mood * 0.8)::numeric, 2),
      case when answered <= ${NOW} then answered end, case when solved <= ${NOW} then solved end,
      created, least(${NOW}, solved), case when solved <= ${NOW} then solved end
    from bench_convo`,
  );
  step(
    3,
    'events',
    'conversation events',
    `insert into events (tenant_id, stream, stream_id, type, actor_type, data, created_at)
    select ${T}, 'case', ${idOf('conversation', 'h')}, 'case.opened', 'customer', jsonb_build_object('kind', kind), created
    from bench_convo`,
  );
  step(
    3,
    'case_clocks',
    'clocks of conversations',
    `insert into case_clocks (tenant_id, case_id, metric, cycle, state, target, rule,
      started_at, due_at, warn_at, budget_minutes, completed_at, breached_at)
    select ${T}, ${idOf('conversation', 'h')}, metric, 1,
      case when done <= ${NOW} then (case when done <= due then 'hit' else 'missed' end)
           when due <= ${NOW} then 'missed' else 'active' end,
      jsonb_build_object('minutes', budget, 'clock', 'calendar'), 'bench', created, due, due - interval '12 minutes', budget,
      case when done <= ${NOW} then done end, case when due <= least(done, ${NOW}) then due end
    from (select x.h, x.created, m.metric, m.budget, case m.metric when 'first_response' then answered else solved end as done,
            created + m.budget * interval '1 minute' as due
          from bench_convo x, (values ('first_response', 480), ('resolution', 4320)) m (metric, budget)) y`,
  );
  // Each conversation: the customer's message and the agent's answer. Sentiment from -1 to 1,
  // lower in complaints.
  step(
    3,
    'messages',
    'messages of conversations',
    `insert into messages (id, tenant_id, case_id, customer_id, seq, direction,
      channel, author_type, author_id, body, language, intent, sentiment, created_at)
    select ${idOf('message', 'h * 2 + seq - 1')}, ${T}, ${idOf('conversation', 'h')}, ${idOf('customer', 'c')}, seq,
      case seq when 1 then 'inbound' else 'outbound' end, 'email',
      case seq when 1 then 'customer' else 'agent' end, case seq when 2 then (${idOf('agent', 'agent')})::text end,
      case seq when 1 then 'About my order #' || o else 'Thank you for your message.' end, ${languageOf('ci')},
      case seq when 1 then 'order_status' end,
      case seq when 1 then round((case when kind in ('complaint', 'dispute') then -0.7 else -0.1 end + mood * 0.8)::numeric, 2) end,
      case seq when 1 then created else answered end
    from bench_convo, generate_series(1, 2) seq
    where seq = 1 or answered <= ${NOW}`,
  );
  step(
    3,
    'surveys',
    'surveys of conversations',
    `insert into surveys (id, tenant_id, case_id, agent_id, token_hash, language, score,
      sent_at, answered_at)
    select ${idOf('survey', `${N} + h`)}, ${T}, ${idOf('conversation', 'h')}, ${idOf('agent', 'agent')}, 'bench-s-c' || h,
      ${languageOf('ci')}, case when did_answer then ${surveyScore(`h + ${N}`)} end, solved,
      case when did_answer then solved + interval '6 hours' end
    from (select *, ${rnd('h', 44)} < 0.5 and solved + interval '6 hours' <= ${NOW} as did_answer from bench_convo) u
    where ${rnd('h', 43)} < 0.4 and solved <= ${NOW}`,
  );
  return {
    steps,
    helpers: ['bench_order', 'bench_case', 'bench_convo'],
    conversations: H,
    caseNumberAfter: 1000 + N + H,
  };
}
