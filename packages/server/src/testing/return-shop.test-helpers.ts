import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createUser } from '../app/tenants/create-user.js';
import { noReasonReturn, qualityReturn, sampleOrder } from './fixtures.test-helpers.js';
import { client, importOrder, newTenant, type TestApp } from './harness.test-helpers.js';

type Api = TestApp['api'];

export const LYON = {
  name: 'Acme Returns Lyon',
  addressLines: ['12 Rue de la Gare'],
  postalCode: '69007',
  city: 'Lyon',
  country: 'FR',
  servesCountries: ['FR', 'BE', 'LU'],
  consolidation: true,
};
export const SHENZHEN = {
  name: 'Acme Shenzhen DC',
  addressLines: ['8 Keji Road', 'Nanshan'],
  postalCode: '518057',
  city: 'Shenzhen',
  country: 'CN',
  isDefault: true,
};

/**
 * A shop of its own (tenant-wide carrier and warehouse set-up must not leak between
 * tests): its API client, an agent's session, and helpers to file returns as a customer
 * of a given country and read the PDF label.
 */
export async function openReturnShop(app: TestApp, name = 'Acme Outdoor') {
  const tenant = await newTenant(app.services, name);
  const api = client(app.server.url, tenant.apiKey);
  const email = `agent-${randomUUID()}@example.com`;
  const password = 'correct horse battery 1';
  await createUser(app.services, {
    tenantId: tenant.tenantId,
    email,
    name: 'Agent',
    role: 'agent',
    password,
  });
  const login = await client(app.server.url)('POST', '/api/v1/auth/login', { email, password });
  const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('afterdesk_session=')) ?? '').split(
    ';',
  )[0];
  const agent: Api = (method, path, body, headers = {}) =>
    client(app.server.url)(method, path, body, { cookie: cookie as string, ...headers });

  /** A customer in `country` with a delivered order, signed in with a customer token. */
  async function customer(country = 'DE') {
    const customerEmail = `shopper-${randomUUID()}@example.com`;
    const input = sampleOrder(new Date(), { email: customerEmail });
    const order = await importOrder(api, { ...input, customer: { ...input.customer, country } });
    const token = await client(app.server.url)('POST', '/api/v1/auth/customer-token', {
      tenantId: tenant.tenantId,
      orderNumber: order.number,
      email: customerEmail,
    });
    expect(token.status).toBe(200);
    return { order, token: token.body.token as string, as: client(app.server.url, token.body.token) };
  }

  /** A no-reason return, approved by the policy at once (the customer pays the postage). */
  async function noReason(country = 'DE') {
    const buyer = await customer(country);
    const filed = await buyer.as('POST', '/api/v1/cases', noReasonReturn(buyer.order));
    expect(filed.status).toBe(201);
    expect(filed.body.status).toBe('awaiting_return');
    return { ...buyer, case: filed.body };
  }

  /** A quality return waiting for review (the merchant pays the postage once approved). */
  async function qualityUnderReview(country = 'DE') {
    const buyer = await customer(country);
    const filed = await buyer.as('POST', '/api/v1/cases', qualityReturn(buyer.order, 'The sole came off.'));
    expect(filed.status).toBe(201);
    expect(filed.body.status).toBe('under_review');
    return { ...buyer, case: filed.body };
  }

  return { tenant, api, agent, agentCookie: cookie as string, customer, noReason, qualityUnderReview };
}

/** GET as raw bytes: the label is a PDF, not JSON. */
export async function fetchBytes(app: TestApp, path: string, auth: { token?: string; cookie?: string }) {
  const response = await fetch(`${app.server.url}${path}`, {
    headers: auth.token ? { authorization: `Bearer ${auth.token}` } : { cookie: auth.cookie ?? '' },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}
