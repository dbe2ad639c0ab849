import { randomUUID } from 'node:crypto';
import type { Decision } from '@afterdesk/core';
import { appendEvents } from '../../db/repositories/events.repository.js';
import type { Tx } from '../../db/scope.js';
import type { Services } from '../context.js';
import { loadHelpDeskSettings } from '../settings/help-desk-settings.js';
import { caseEvent, type PaymentLinkRow } from './exchange-records.js';
import { owedLines } from './exchange-terms.js';

const SYSTEM = { type: 'system', id: null } as const;

/**
 * Asks the customer of an exchange just approved (in this transaction) for what they owe
 * on top (see `owedLines`), through a payment link the shop's checkout takes. Nothing is
 * asked when nothing is owed, and an approval seen twice asks once: the link already there
 * is returned, and the database allows one open link per case.
 */
export async function openPaymentLink(
  services: Pick<Services, 'config' | 'randomBytes'>,
  tx: Tx,
  caseId: string,
  at: Date,
): Promise<PaymentLinkRow | null> {
  const existing = await tx
    .selectFrom('payment_links')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
  if (existing) return existing;
  const found = await tx
    .selectFrom('cases as c')
    .innerJoin('decisions as d', 'd.case_id', 'c.id')
    .select(['c.tenant_id', 'c.customer_id', 'c.currency', 'd.result'])
    .where('c.id', '=', caseId)
    .orderBy('d.created_at', 'desc')
    .executeTakeFirst();
  if (!found) return null;
  const decision = found.result as Decision;
  const lines = owedLines(decision.fees ?? []);
  const amountMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0);
  if (amountMinor === 0) return null;
  const currency = found.currency ?? decision.currency;
  // 32 random bytes: the link alone lets anyone pay, so it must not be guessed.
  const token = Buffer.from(services.randomBytes(32)).toString('base64url');
  const base = (await loadHelpDeskSettings(tx)).publicBaseUrl ?? services.config.publicUrl;
  const link = await tx
    .insertInto('payment_links')
    .values({
      id: randomUUID(),
      tenant_id: found.tenant_id,
      case_id: caseId,
      customer_id: found.customer_id,
      amount_minor: amountMinor,
      currency,
      lines: JSON.stringify(lines),
      token,
      url: `${base.replace(/\/+$/, '')}/pay/${token}`,
      reference: null,
      paid_at: null,
      created_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEvents(tx, [
    caseEvent(found.tenant_id, caseId, 'payment_link.created', SYSTEM, {
      paymentLinkId: link.id,
      amountMinor,
      currency,
      lines,
      url: link.url,
    }),
  ]);
  return link;
}
