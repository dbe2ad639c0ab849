import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { CreatedWebhookSubscription, WebhookSubscriptionInput } from '@afterdesk/contract';
import { inTenant } from '../../db/scope.js';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { recordChange } from '../record-change.js';
import { requireStaff } from '../staff.js';
import { isPrivateAddress, parseWebhookUrl, WebhookTargetError } from './webhook-target.js';
import { toSubscriptionView } from './webhook-views.js';

/**
 * Subscribes a merchant's URL to event types. The signing secret is generated here and
 * returned this once; deliveries start with the events logged after this moment.
 */
export async function createWebhookSubscription(
  ctx: Ctx,
  input: WebhookSubscriptionInput,
): Promise<CreatedWebhookSubscription> {
  requireStaff(ctx, 'helpdesk:manage');
  checkUrl(input.url, ctx.config.webhooksAllowPrivate);
  const tenantId = ctx.principal.tenantId;
  const id = randomUUID();
  const secret = `whsec_${Buffer.from(ctx.randomBytes(24)).toString('base64url')}`;
  const row = await inTenant(ctx.db, tenantId, async (tx) => {
    const inserted = await tx
      .insertInto('webhook_subscriptions')
      .values({ id, tenant_id: tenantId, url: input.url, event_types: input.eventTypes, secret })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordChange(tx, ctx, {
      stream: 'webhook',
      streamId: id,
      type: 'webhook.subscribed',
      data: { url: input.url, eventTypes: input.eventTypes },
    });
    return inserted;
  });
  return { ...toSubscriptionView(row), secret };
}

// What can be told without asking DNS; the delivery job checks resolved addresses again.
function checkUrl(url: string, allowPrivate: boolean) {
  try {
    const host = parseWebhookUrl(url).hostname.replace(/^\[|\]$/g, '');
    if (!allowPrivate && (host === 'localhost' || (isIP(host) && isPrivateAddress(host))))
      throw new WebhookTargetError('Webhooks may not be sent to a private or loopback address.');
  } catch (error) {
    if (error instanceof WebhookTargetError)
      throw invalid('The webhook URL cannot be used.', [{ field: '/url', message: error.message }]);
    throw error;
  }
}
