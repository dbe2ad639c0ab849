import { createHash, randomUUID } from 'node:crypto';
import {
  type Channel,
  chooseLanguage,
  isNoticeEvent,
  NOTICE_EVENTS,
  NOTICE_LANGUAGES,
  type NoticeEvent,
  noticeMacro,
  renderMacro,
} from '@afterdesk/core';
import { sql } from 'kysely';
import type { Services } from '../app/context.js';
import { addMessage } from '../app/conversations/add-message.js';
import { toMessageView } from '../app/conversations/message-view.js';
import { loadHelpDeskSettings } from '../app/settings/help-desk-settings.js';
import { findMessage } from '../db/repositories/messages.repository.js';
import type { CaseRow } from '../db/schema.js';
import { inSystem, inTenant, type Tx } from '../db/scope.js';
import { readSettledEvents } from './settled-events.js';

const CURSOR = 'notify-customers';

interface EventRow {
  id: number;
  tenant_id: string;
  stream_id: string;
  type: string;
  actor_type: string;
  reason: string | null;
  data: Record<string, unknown>;
}

/**
 * Tells customers about their cases: reads the event log
 * after its cursor and writes each notice as an outbound message on the case's channel,
 * in the customer's language, from the notice templates. A notice's client message id is
 * its event id, so running twice (or on two workers) tells once.
 */
export async function notifyCustomers(services: Services, options: { batch?: number } = {}) {
  const batch = options.batch ?? 200;
  const now = services.clock();
  const events = await inSystem(services.db, async (tx) => {
    const cursor = await tx
      .selectFrom('job_cursors')
      .select('position')
      .where('name', '=', CURSOR)
      .executeTakeFirst();
    return readSettledEvents(tx, Number(cursor?.position ?? 0), batch, now);
  });
  let sent = 0;
  for (const event of events as EventRow[]) {
    if (isNoticeEvent(event.type)) {
      const message = await inTenant(services.db, event.tenant_id, (tx) => writeNotice(services, tx, event));
      if (message) {
        sent++;
        services.live.publish({
          type: 'message',
          tenantId: event.tenant_id,
          caseId: message.caseId,
          customerId: message.customerId,
          message: message.view,
        });
      }
    }
  }
  const last = events.at(-1);
  if (last) {
    await inSystem(services.db, (tx) =>
      tx
        .insertInto('job_cursors')
        .values({ name: CURSOR, position: Number(last.id) })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({
            position: sql`greatest(job_cursors.position, excluded.position)`,
            updated_at: sql`now()`,
          }),
        )
        .execute(),
    );
  }
  return { read: events.length, sent };
}

async function writeNotice(services: Services, tx: Tx, event: EventRow) {
  const found = await tx
    .selectFrom('cases as c')
    .innerJoin('customers as p', 'p.id', 'c.customer_id')
    .leftJoin('stores as s', 's.id', 'c.store_id')
    .selectAll('c')
    .select(['p.email as customer_email', 'p.language as customer_language', 's.time_zone as time_zone'])
    .where('c.id', '=', event.stream_id)
    .executeTakeFirst();
  if (!found) return null;
  const { customer_email, customer_language, time_zone, ...c } = found;
  const settings = await loadHelpDeskSettings(tx);
  const type = event.type as NoticeEvent;
  if (!wanted(type, event, c as CaseRow, settings)) return null;
  if (type === 'sla.breached' && (await toldOfDelaySinceLastAnswer(tx, c.id))) return null;
  const language = chooseLanguage([customer_language, c.language], NOTICE_LANGUAGES);
  const locale = language;
  const zone = time_zone ?? 'UTC';
  const when = (iso: unknown) =>
    typeof iso === 'string' || iso instanceof Date
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(
          new Date(iso),
        )
      : null;
  const base = settings.publicBaseUrl ?? services.config.publicUrl;
  const amountMinor = Number(event.data.amountMinor ?? 0);
  const currency = String(event.data.currency ?? c.currency ?? 'EUR');
  const rendered = renderMacro(noticeMacro(type), language, {
    case: { number: c.number, returnCode: c.return_code },
    deadline: when(event.data.shipBackBy),
    reason: event.reason,
    amount: new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amountMinor / 100),
    trackingLink: `${base}/cases/${c.id}`,
    expectedBy: when(event.data.expectedBy ?? (await firstResponseDue(tx, c.id))),
    surveyLink:
      type === 'case.solved'
        ? await createSurvey(tx, c as CaseRow, language, base, services.randomBytes(24))
        : null,
  });
  const channel: Channel =
    c.channel === 'chat' || c.channel === 'web' || !customer_email
      ? c.channel === 'chat'
        ? 'chat'
        : 'web'
      : 'email';
  const stored = await addMessage(
    services,
    tx,
    c as CaseRow,
    {
      direction: 'outbound',
      channel,
      author: { type: 'system', id: null, name: null },
      subject: rendered.subject,
      body: rendered.body,
      language: rendered.language,
      clientMessageId: `notice:${event.id}`,
      sourceEventId: event.id,
    },
    customer_email,
  );
  if (stored.duplicate) return null;
  const view = toMessageView(
    (await findMessage(tx, stored.messageId)) as NonNullable<Awaited<ReturnType<typeof findMessage>>>,
  );
  return { caseId: c.id, customerId: c.customer_id, view };
}

// Whether this event, on this case, is news for the customer.
function wanted(
  type: NoticeEvent,
  event: EventRow,
  c: CaseRow,
  settings: { autoAcknowledge: boolean; surveyOnSolve: boolean },
): boolean {
  // A closed case takes no more messages; its last word was already said.
  if (c.closed_at) return false;
  switch (type) {
    case 'case.opened':
      // Only someone who wrote in is told it arrived; a call the agent logged is not, nor
      // one the assistant already answered (the answer says more than a receipt).
      return settings.autoAcknowledge && event.actor_type === 'customer' && c.self_service !== 'answered';
    case 'case.review_started':
      return event.actor_type === 'system';
    case 'case.solved':
      // A case the assistant settled alone had no one to rate.
      return settings.surveyOnSolve && c.self_service !== 'answered';
    case 'sla.breached':
      return Array.isArray(event.data.actions) && event.data.actions.includes('tell_customer');
    default:
      return NOTICE_EVENTS.includes(type);
  }
}

// One apology per wait: a customer told of a delay hears of the next one (the resolution
// running late after the first answer did) only once an agent has written to them since.
async function toldOfDelaySinceLastAnswer(tx: Tx, caseId: string): Promise<boolean> {
  const { rows } = await sql<{ told: boolean }>`
    select exists (
      select 1 from messages m join events e on e.id = m.source_event_id
      where m.case_id = ${caseId} and e.type = 'sla.breached'
        and m.seq > coalesce((select max(a.seq) from messages a
          where a.case_id = ${caseId} and a.direction = 'outbound' and a.author_type <> 'system'), 0)
    ) as told`.execute(tx);
  return rows[0]?.told ?? false;
}

async function firstResponseDue(tx: Tx, caseId: string) {
  const clock = await tx
    .selectFrom('case_clocks')
    .select('due_at')
    .where('case_id', '=', caseId)
    .where('metric', 'in', ['first_response', 'next_response'])
    .where('state', '=', 'active')
    .orderBy('due_at')
    .limit(1)
    .executeTakeFirst();
  return clock?.due_at ?? null;
}

// the survey link carries a random token; only its hash is stored.
async function createSurvey(tx: Tx, c: CaseRow, language: string, base: string, random: Uint8Array) {
  const token = Buffer.from(random).toString('base64url');
  await tx
    .insertInto('surveys')
    .values({
      id: randomUUID(),
      tenant_id: c.tenant_id,
      case_id: c.id,
      agent_id: c.assignee_id,
      token_hash: createHash('sha256').update(token).digest('hex'),
      language,
    })
    .execute();
  return `${base}/survey/${token}`;
}
