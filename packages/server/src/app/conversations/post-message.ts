import type { MessageInput } from '@afterdesk/contract';
import {
  type Channel,
  chooseLanguage,
  type Macro,
  type ReviewFinding,
  type ReviewFindingKind,
  renderMacro,
} from '@afterdesk/core';
import { findMessage } from '../../db/repositories/messages.repository.js';
import type { CaseRow } from '../../db/schema.js';
import { inTenant, type Tx } from '../../db/scope.js';
import { requireOwnership, requirePermission } from '../access.js';
import { actorOf, type Ctx } from '../context.js';
import { AppError, invalid, notFound } from '../errors.js';
import { addMessage, type Direction } from './add-message.js';
import { landCustomerMessage } from './land-customer-message.js';
import { toMessageView } from './message-view.js';
import { findingView, recordPromises, reviewOutboundReply } from './review-outbound-reply.js';

/**
 * Adds a message to a case. Customers write inbound on their own case (a solved or closed
 * one reopens or hands over to a follow-up case). Staff reply (outbound, on the case's
 * channel unless told otherwise; a macro fills the body in the customer's language),
 * write internal notes, or log a phone or social contact as inbound. Replies are reviewed
 * first (`reviewOutboundReply`): a blocking finding is refused, a substantive warning needs
 * `acknowledgeWarnings`, advice comes back with the message; timed promises are recorded.
 */
export async function postMessage(ctx: Ctx, caseId: string, input: MessageInput) {
  requirePermission(ctx, 'messages:write');
  const customer = ctx.principal.kind === 'customer';
  const direction: Direction = customer ? 'inbound' : (input.direction ?? 'outbound');
  const author = {
    ...actorOf(ctx.principal),
    name: ctx.principal.kind === 'user' ? ctx.principal.name : null,
  };
  const result = await inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const found = await loadCase(tx, caseId);
    if (!found) throw notFound('The case');
    requireOwnership(ctx, found.row.customer_id, 'The case');
    const at = ctx.clock();
    const channel = (input.channel ?? (customer ? 'web' : found.row.channel)) as Channel;
    const target = customer ? await landCustomerMessage(tx, found.row, channel, at) : found.row;
    const language = chooseLanguage([found.customerLanguage, target.language], [target.language]);
    let body = input.body;
    let subject = input.subject ?? null;
    if (input.macroId && !customer) {
      const rendered = await renderCaseMacro(tx, input.macroId, target, found);
      body = body ?? rendered.body;
      subject = subject ?? rendered.subject;
    }
    if (!body)
      throw invalid('A message needs a body or a macro.', [{ field: '/body', message: 'Required.' }]);
    const review = direction === 'outbound' ? await reviewOutboundReply(tx, target, body) : null;
    const warnings = review?.findings ?? [];
    refuseUnlessAcknowledged(warnings, input.acknowledgeWarnings ?? false);
    const stored = await addMessage(
      ctx,
      tx,
      target,
      {
        direction,
        channel,
        author,
        body,
        subject,
        language: direction === 'outbound' ? language : null,
        clientMessageId: input.clientMessageId ?? null,
        attachmentIds: input.attachmentIds ?? [],
      },
      found.customerEmail,
    );
    if (review && !stored.duplicate)
      await recordPromises(tx, target, stored.messageId, body, review.promises, at);
    const message = toMessageView(
      (await findMessage(tx, stored.messageId)) as NonNullable<Awaited<ReturnType<typeof findMessage>>>,
    );
    return {
      message,
      warnings: warnings.map(findingView),
      duplicate: stored.duplicate,
      customerId: target.customer_id,
    };
  });
  if (!result.duplicate)
    ctx.live.publish({
      type: 'message',
      tenantId: ctx.principal.tenantId,
      caseId: result.message.caseId,
      customerId: result.customerId,
      message: result.message,
    });
  return { message: result.message, warnings: result.warnings, duplicate: result.duplicate };
}

async function loadCase(tx: Tx, caseId: string) {
  const row = await tx
    .selectFrom('cases as c')
    .innerJoin('customers as p', 'p.id', 'c.customer_id')
    .leftJoin('orders as o', 'o.id', 'c.order_id')
    .selectAll('c')
    .select([
      'p.email as customer_email',
      'p.name as customer_name',
      'p.language as customer_language',
      'o.number as order_number',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  const { customer_email, customer_name, customer_language, order_number, ...c } = row;
  return {
    row: c as CaseRow,
    customerEmail: customer_email,
    customerName: customer_name,
    customerLanguage: customer_language,
    orderNumber: order_number,
  };
}

async function renderCaseMacro(
  tx: Tx,
  macroId: string,
  c: CaseRow,
  found: NonNullable<Awaited<ReturnType<typeof loadCase>>>,
) {
  const macro = await tx
    .selectFrom('macros')
    .select(['name', 'variants'])
    .where('id', '=', macroId)
    .executeTakeFirst();
  if (!macro) throw notFound('The macro');
  const variants = macro.variants as Macro['variants'];
  const chosen = chooseLanguage([found.customerLanguage, c.language], Object.keys(variants));
  return renderMacro({ name: macro.name, variants }, chosen, {
    customer: { name: found.customerName },
    order: { number: found.orderNumber },
    case: { number: c.number, returnCode: c.return_code },
  });
}

// Style advice (greeting, closing, language) never stops a reply; a forbidden phrase marked
// "warn" or a promise faster than the policy must be confirmed; a block stops it outright.
const ADVICE: readonly ReviewFindingKind[] = ['missing_greeting', 'missing_closing', 'language_mismatch'];

function refuseUnlessAcknowledged(findings: readonly ReviewFinding[], acknowledged: boolean): void {
  const blocking = findings.filter((f) => f.severity === 'block');
  const toConfirm = findings.filter((f) => f.severity === 'warn' && !ADVICE.includes(f.kind));
  if (blocking.length === 0 && (toConfirm.length === 0 || acknowledged)) return;
  const named = (list: readonly ReviewFinding[]) =>
    list.map((f) => (f.phrase ? `"${f.phrase}"` : f.kind)).join(', ');
  throw new AppError(
    'unprocessable',
    blocking.length > 0
      ? `The reply cannot be sent: ${blocking.map((f) => f.message).join(' ')}`
      : `The reply has things to reconsider: ${named(toConfirm)}. Send with acknowledgeWarnings to keep them.`,
    {
      errors: [...blocking, ...toConfirm].map((f) => ({
        field: '/body',
        message: `${f.message}${f.suggestion ? ` Try "${f.suggestion}".` : ''}`,
      })),
    },
  );
}
