// The carrier traffic of the tracking benchmark, and what the server must make of it.
// `planTraffic` writes each client's batches (a carrier feed: its parcels' events in the
// order the carrier sends them, with duplicates, late events and a few exceptions);
// `expectOutcomes` works out, independently of the server's code, the answer to every event
// and the state every parcel and return case must end in, so a fast wrong run cannot pass.

const HOUR = 3_600_000;
// Tie-break at the same instant, as docs/logistics.md states it.
const RANK = { shipped: 1, in_transit: 2, out_for_delivery: 3, exception: 4, delivered: 5 };
const later = (a, b) => a.at - b.at || RANK[a.status] - RANK[b.status];

/** A small deterministic PRNG (mulberry32), so every run posts the same traffic. */
export function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One outbound parcel's scans: in transit, maybe a second hub, out for delivery, delivered. */
function outboundScans(parcel, t0, r) {
  const scans = [{ status: 'in_transit', at: t0, location: 'Leipzig hub' }];
  if (r() < 0.6) scans.push({ status: 'in_transit', at: t0 + 6 * HOUR, location: 'Berlin depot' });
  if (r() < 0.01)
    scans.push({ status: 'exception', at: t0 + 20 * HOUR, location: 'Berlin depot', reason: 'damaged' });
  const stop = r();
  if (stop >= 0.06) scans.push({ status: 'out_for_delivery', at: t0 + 30 * HOUR, location: 'Berlin' });
  if (stop >= 0.12) scans.push({ status: 'delivered', at: t0 + 33 * HOUR, location: 'Berlin' });
  return scans.map((s) => ({ ...s, carrier: parcel.carrier, trackingNumber: parcel.trackingNumber }));
}

/** A return parcel's scans: picked up then delivered to the warehouse, or only one of them. */
function returnScans(parcel, t0, r) {
  const x = r();
  const scans = [];
  if (x < 0.9) scans.push({ status: 'in_transit', at: t0, location: 'Paketshop' });
  if (x < 0.7 || x >= 0.9) scans.push({ status: 'delivered', at: t0 + 24 * HOUR, location: 'Warehouse' });
  return scans.map((s) => ({ ...s, carrier: parcel.carrier, trackingNumber: parcel.trackingNumber }));
}

/**
 * Each client's batches for the given parcels (`outbound` and `returns`: { carrier,
 * trackingNumber }). Parcels are shared out by client, as carrier feeds are, so two
 * concurrent requests never carry the same parcel. Times lie in the three days before `now`.
 */
export function planTraffic({ outbound, returns, unknown, clients, batch, now, seed }) {
  const r = random(seed);
  const base = Math.floor((now - 3 * 86_400_000) / 1000) * 1000;
  const feeds = Array.from({ length: clients }, () => []);
  const add = (i, scans) => {
    // Posting order: by time, so a parcel's events fall into different batches.
    for (const s of scans) feeds[i % clients].push({ ...s, postAt: s.at + r() * HOUR });
  };
  const lateOne = (scans, first, second) => {
    // The carrier sends the earlier scan after the later one (it must answer stale).
    const a = scans.findIndex((s) => s.status === first);
    const b = scans.findIndex((s) => s.status === second);
    if (a >= 0 && b >= 0) scans[a].postAt = scans[b].postAt + (2 + 10 * r()) * HOUR;
  };
  outbound.forEach((parcel, i) => {
    const scans = outboundScans(parcel, base + r() * 24 * HOUR, r).map((s) => ({
      ...s,
      postAt: s.at + r() * HOUR,
    }));
    if (r() < 0.1) lateOne(scans, 'out_for_delivery', 'delivered');
    if (i % 3 === 0) scans[0].trackingUrl = `https://track.example/dhl/${parcel.trackingNumber}`;
    feeds[i % clients].push(...scans);
  });
  returns.forEach((parcel, i) => {
    const scans = returnScans(parcel, base + r() * 24 * HOUR, r).map((s) => ({ ...s, postAt: s.at }));
    if (r() < 0.1) lateOne(scans, 'in_transit', 'delivered');
    feeds[i % clients].push(...scans);
  });
  for (let i = 0; i < unknown; i++)
    add(i, [
      {
        status: 'in_transit',
        at: base + r() * 48 * HOUR,
        carrier: 'DHL',
        trackingNumber: `NOPE${seed}-${i}`,
      },
    ]);
  return feeds.map((feed) => {
    // About one event in twenty is sent again a little later: a duplicate.
    const copies = feed.filter(() => r() < 0.05).map((s) => ({ ...s, postAt: s.postAt + r() * 8 * HOUR }));
    const ordered = [...feed, ...copies].sort((a, b) => a.postAt - b.postAt);
    const batches = [];
    for (let at = 0; at < ordered.length; at += batch)
      batches.push(ordered.slice(at, at + batch).map(toInput));
    return batches;
  });
}

function toInput(s) {
  return {
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    status: s.status,
    occurredAt: new Date(s.at).toISOString(),
    location: s.location,
    ...(s.reason ? { reason: s.reason } : {}),
    ...(s.trackingUrl ? { trackingUrl: s.trackingUrl } : {}),
  };
}

function noticeKind(previous, next) {
  if (next === 'shipped' || next === 'out_for_delivery' || next === 'delivered') return `shipment.${next}`;
  return next === 'in_transit' && previous === null ? 'shipment.in_transit' : null;
}

/**
 * What the server must answer and leave behind when each client's batches are posted in
 * order (clients have disjoint parcels, so their interleaving does not matter). Outbound
 * parcels start with no state, return cases in awaiting_return.
 */
export function expectOutcomes(feeds, { outboundNumbers, returnNumbers }) {
  const outcomes = { applied: 0, duplicate: 0, unknown_shipment: 0, stale: 0 };
  const parcels = new Map(); // number -> { status, at }
  const cases = new Map([...returnNumbers].map((n) => [n, 'awaiting_return']));
  const notices = new Map(); // kind -> count
  const noticed = new Set();
  const exceptionParcels = new Set();
  let exceptions = 0;
  const seen = new Set();
  const unknownSeen = new Set();
  let events = 0;
  for (const feed of feeds)
    for (const batch of feed) {
      events += batch.length;
      const fresh = new Map();
      for (const e of batch) {
        const isOutbound = outboundNumbers.has(e.trackingNumber);
        const key = `${e.carrier}|${e.trackingNumber}|${e.status}|${e.occurredAt}`;
        if (!isOutbound && !cases.has(e.trackingNumber)) {
          outcomes.unknown_shipment += 1;
          unknownSeen.add(key);
          continue;
        }
        if (seen.has(key)) {
          outcomes.duplicate += 1;
          continue;
        }
        seen.add(key);
        const scan = { status: e.status, at: Date.parse(e.occurredAt) };
        fresh.set(e.trackingNumber, [...(fresh.get(e.trackingNumber) ?? []), scan]);
      }
      for (const [number, scans] of fresh) {
        scans.sort(later);
        if (cases.has(number)) {
          for (const s of scans) {
            const status = cases.get(number);
            const next =
              s.status === 'delivered'
                ? status === 'awaiting_return' || status === 'in_transit'
                  ? 'received'
                  : null
                : status === 'awaiting_return'
                  ? 'in_transit'
                  : null;
            if (next) cases.set(number, next);
            outcomes[next ? 'applied' : 'stale'] += 1;
          }
          continue;
        }
        const start = parcels.get(number) ?? null;
        let state = start;
        for (const s of scans) {
          if (state && later(s, state) <= 0) {
            outcomes.stale += 1;
            continue;
          }
          outcomes.applied += 1;
          if (s.status === 'exception') {
            exceptions += 1;
            exceptionParcels.add(number);
          }
          state = s;
        }
        if (state === start) continue;
        parcels.set(number, state);
        const kind = state.status === start?.status ? null : noticeKind(start?.status ?? null, state.status);
        if (kind && !noticed.has(`${number}|${kind}`)) {
          noticed.add(`${number}|${kind}`);
          notices.set(kind, (notices.get(kind) ?? 0) + 1);
        }
      }
    }
  return {
    events,
    outcomes,
    parcels,
    cases,
    notices: Object.fromEntries(notices),
    exceptions,
    logisticsCases: exceptionParcels.size,
    storedEvents: seen.size + unknownSeen.size,
  };
}
