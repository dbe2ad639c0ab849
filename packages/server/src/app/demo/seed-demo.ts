import { DEMO_KNOWLEDGE } from '../../demo/demo-knowledge.js';
import {
  DEMO_CUSTOMER_FOR_LOGIN,
  DEMO_DEFAULT_SEED,
  DEMO_STORES,
  generateDemoHistory,
  generateDemoOrders,
} from '../../demo/index.js';
import { updateAgentProfile } from '../agents/update-agent-profile.js';
import { createCase } from '../cases/create-case.js';
import type { Ctx, Services } from '../context.js';
import { createInbox } from '../inboxes/create-inbox.js';
import { createArticle } from '../knowledge/create-article.js';
import { getOrder } from '../orders/get-order.js';
import { upsertOrders } from '../orders/upsert-orders.js';
import { createTeam } from '../teams/create-team.js';
import { createTenant } from '../tenants/create-tenant.js';
import { createUser } from '../tenants/create-user.js';
import { type SeededHistory, seedDemoHistory } from './seed-demo-history.js';

export interface DemoCredentials {
  tenantId: string;
  apiKey: string;
  agents: { email: string; password: string; role: string }[];
  customer: { orderNumber: string; email: string };
  /** What the two-year history wrote, when there is one (`demoHistoryWeeks` > 0). */
  history?: Omit<SeededHistory, 'ms'>;
}

// Demo passwords are public by design: this tenant is for trying Afterdesk, never for real data.
const DEMO_AGENTS = [
  { email: 'admin@demo.afterdesk.dev', name: 'Ada Admin', role: 'admin' },
  { email: 'agent@demo.afterdesk.dev', name: 'Li Wei', role: 'agent' },
  { email: 'manager@demo.afterdesk.dev', name: 'Maria Manager', role: 'manager' },
  { email: 'logistics@demo.afterdesk.dev', name: 'Lars Logistics', role: 'logistics' },
  { email: 'quality@demo.afterdesk.dev', name: 'Quinn Quality', role: 'quality' },
];
const DEMO_PASSWORD = 'afterdesk-demo';
export const DEMO_INBOX_ADDRESS = 'support@demo.afterdesk.localhost';

// The history's cases are spread over these, in two teams: slot order as in `DemoHistoryCase.agentSlot`.
const DEMO_TEAMS = [
  { name: 'Frontline', agents: ['agent@demo.afterdesk.dev', 'manager@demo.afterdesk.dev'] },
  { name: 'Product care', agents: ['logistics@demo.afterdesk.dev', 'quality@demo.afterdesk.dev'] },
];

/**
 * Creates the demo shop: four stores, agents of every role in two teams, two years of past
 * orders and cases for analytics (`config.demoHistoryWeeks`), 200 current orders and a few
 * open cases.
 */
export async function seedDemo(services: Services): Promise<DemoCredentials> {
  const { tenantId, apiKey } = await createTenant(services, { name: 'Demo Shop', stores: [...DEMO_STORES] });
  const userIds = new Map<string, string>();
  for (const agent of DEMO_AGENTS) {
    const user = await createUser(services, { tenantId, ...agent, password: DEMO_PASSWORD });
    userIds.set(agent.email, user.id);
  }
  const ctx: Ctx = { ...services, principal: { kind: 'integration', tenantId, apiKeyId: 'demo-seed' } };
  for (const team of DEMO_TEAMS) {
    const { id: teamId } = await createTeam(ctx, { name: team.name });
    for (const email of team.agents) {
      const userId = userIds.get(email);
      if (userId) await updateAgentProfile(ctx, userId, { teamId });
    }
  }
  // The past first: the notices of its cases were sent at the time, so the notifier skips them.
  // Its rollups are not rebuilt here: the roll-up job reads the same event log from its start
  // and builds them in the background, so the first start does not wait for two years of them.
  const weeks = services.config.demoHistoryWeeks;
  const history =
    weeks > 0
      ? await seedDemoHistory(
          ctx,
          generateDemoHistory(DEMO_DEFAULT_SEED, { now: services.clock().toISOString(), weeks }),
          DEMO_TEAMS.flatMap((t) => t.agents),
        )
      : null;
  if (history) services.log.info(history, 'demo history seeded');
  // Mail sent to this address through the built-in SMTP receiver opens cases in the demo shop.
  await createInbox(ctx, { channel: 'email', name: 'Support mail', address: DEMO_INBOX_ADDRESS });
  // Help articles the self-service answers and the portal's search draw on.
  for (const article of DEMO_KNOWLEDGE) await createArticle(ctx, article);
  const orders = generateDemoOrders({ now: services.clock().toISOString() });
  const stored = await upsertOrders(ctx, orders);

  // A handful of cases so the console is not empty: no-reason returns of recent orders.
  const recent = orders
    .map((o, i) => ({ order: o, id: stored.orders[i]?.id }))
    .filter((o) => o.order.status === 'delivered' && o.order.number !== DEMO_CUSTOMER_FOR_LOGIN.orderNumber)
    .slice(0, 8);
  for (const { id } of recent) {
    if (!id) continue;
    const order = await getOrder(ctx, id);
    const line = order.lines[0];
    if (!line) continue;
    await createCase(ctx, {
      kind: 'return',
      orderId: id,
      items: [
        {
          orderLineId: line.id,
          quantity: 1,
          reasonCode: 'no_reason',
          conditions: ['unused', 'original_packaging', 'accessories_complete', 'resalable'],
        },
      ],
      channel: 'web',
    });
  }
  return {
    tenantId,
    apiKey,
    agents: DEMO_AGENTS.map((a) => ({ email: a.email, password: DEMO_PASSWORD, role: a.role })),
    customer: { orderNumber: DEMO_CUSTOMER_FOR_LOGIN.orderNumber, email: DEMO_CUSTOMER_FOR_LOGIN.email },
    ...(history
      ? {
          history: {
            orders: history.orders,
            reviews: history.reviews,
            cases: history.cases,
            events: history.events,
          },
        }
      : {}),
  };
}
