// The dashboard mix of the analytics benchmark: what a manager's dashboard, a product
// team's quality page and a team lead's agent page ask `GET /api/v1/analytics/measures`
// and `/heat-map` for. Each query is a function of its repetition number, so repetitions
// move the period by up to a week and rotate over SKUs and agents (as different users
// and days would), instead of asking the very same thing again.

const DAY = 86_400_000;
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * The mix for a history ending at `now`. `skus` and `agents` are values to rotate over.
 * Each entry: a name, the path and its query (an object of strings).
 */
export function dashboardMix({ now, skus, agents }) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  // The period ending tomorrow (exclusive), moved back by 0–6 days with the repetition.
  const last = (days, i) => {
    const to = today + DAY - (i % 7) * DAY;
    return { from: dayOf(to - days * DAY), to: dayOf(to) };
  };
  const m = (...names) => names.join(',');
  return [
    {
      name: 'overview, last 30 days',
      path: '/api/v1/analytics/measures',
      query: (i) => ({
        ...last(30, i),
        measures: m(
          'orders',
          'units_sold',
          'units_delivered',
          'units_returned',
          'return_rate',
          'order_return_rate',
          'cases',
          'refunded',
          'auto_approval_share',
          'decision_hours',
          'refund_hours',
          'csat',
          'sla_attainment',
        ),
      }),
    },
    {
      name: 'daily trend, last 90 days',
      path: '/api/v1/analytics/measures',
      query: (i) => ({
        ...last(90, i),
        groupBy: 'day',
        measures: m('orders', 'units_returned', 'return_rate', 'cases'),
      }),
    },
    {
      name: '2 years by month',
      path: '/api/v1/analytics/measures',
      query: (i) => ({
        ...last(730, i),
        groupBy: 'month',
        measures: m('return_rate', 'order_return_rate', 'refunded', 'csat', 'cases', 'sentiment'),
      }),
    },
    {
      name: 'heat map category × reason, 90 days',
      path: '/api/v1/analytics/heat-map',
      query: (i) => ({ ...last(90, i), rows: 'category' }),
    },
    {
      name: 'heat map country × reason, 30 days',
      path: '/api/v1/analytics/heat-map',
      query: (i) => ({ ...last(30, i), rows: 'country' }),
    },
    {
      name: "one SKU's weekly series, 1 year",
      path: '/api/v1/analytics/measures',
      query: (i) => ({
        ...last(365, i),
        sku: skus[i % skus.length],
        groupBy: 'week',
        measures: m('units_sold', 'units_returned', 'return_rate'),
      }),
    },
    {
      name: "one agent's KPIs by month, 90 days",
      path: '/api/v1/analytics/measures',
      query: (i) => ({
        ...last(90, i),
        agent: agents[i % agents.length],
        groupBy: 'month',
        measures: m(
          'cases',
          'first_response_minutes',
          'resolution_minutes',
          'csat',
          'closure_rate',
          'repeat_complaint_rate',
          'sla_attainment',
        ),
      }),
    },
    {
      name: 'agents ranked, 30 days',
      path: '/api/v1/analytics/measures',
      query: (i) => ({
        ...last(30, i),
        groupBy: 'agent',
        measures: m('cases', 'first_response_minutes', 'csat', 'sla_attainment'),
      }),
    },
    {
      name: 'country DE by reason, 90 days',
      path: '/api/v1/analytics/measures',
      query: (i) => ({
        ...last(90, i),
        country: 'DE',
        groupBy: 'reason',
        measures: m('units_returned', 'return_rate', 'cases'),
      }),
    },
    {
      name: 'category × reason, 1 year',
      path: '/api/v1/analytics/measures',
      query: (i) => ({
        ...last(365, i),
        groupBy: 'category,reason',
        measures: m('units_returned', 'return_rate'),
      }),
    },
    {
      name: 'suppliers by month, 1 year',
      path: '/api/v1/analytics/measures',
      query: (i) => ({
        ...last(365, i),
        groupBy: 'supplier,month',
        measures: m('units_sold', 'return_rate'),
      }),
    },
    {
      name: 'stores by week, refunds in EUR, 90 days',
      path: '/api/v1/analytics/measures',
      query: (i) => ({
        ...last(90, i),
        groupBy: 'store,week',
        currency: 'EUR',
        measures: m('refunded', 'refund_hours', 'units_returned'),
      }),
    },
    {
      name: 'case kind × channel, 30 days',
      path: '/api/v1/analytics/measures',
      query: (i) => ({
        ...last(30, i),
        groupBy: 'kind,channel',
        measures: m('cases', 'closure_rate', 'first_response_minutes'),
      }),
    },
    {
      name: 'reviews by country and month, 1 year',
      path: '/api/v1/analytics/measures',
      query: (i) => ({
        ...last(365, i),
        groupBy: 'country,month',
        measures: m('reviews', 'review_score', 'negative_reviews'),
      }),
    },
  ];
}

/** The URL path with its query string for repetition `i` of `entry`. */
export function urlOf(entry, i) {
  return `${entry.path}?${new URLSearchParams(entry.query(i)).toString()}`;
}
