// The demo tenant's data, for the seeding on first start and for the docs.
export {
  DEMO_HISTORY_DEFAULT_NOW,
  type DemoAddress,
  type DemoHistory,
  type DemoHistoryCase,
  type DemoHistoryOptions,
  type DemoWeek,
  generateDemoHistory,
  SPIKE_SKU,
} from './demo-history.js';
export {
  DEMO_CUSTOMER_FOR_LOGIN,
  DEMO_DEFAULT_SEED,
  DEMO_STORES,
  type DemoOrdersOptions,
  type DemoStore,
  generateDemoOrders,
} from './demo-orders.js';
