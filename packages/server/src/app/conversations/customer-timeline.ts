import { sql } from 'kysely';
import { inTenant } from '../../db/scope.js';
import { requireOwnership, requirePermission } from '../access.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * Everything that happened between the shop and one customer: every message and event of
 * all their cases on every channel, newest first, so nobody asks them to repeat.
 * Internal notes are for staff only. Pages by `before` (an ISO time).
 */
export async function customerTimeline(
  ctx: Ctx,
  customerId: string,
  query: { before?: string | undefined; limit: number },
) {
  requirePermission(ctx, 'cases:read');
  requireOwnership(ctx, customerId, 'The customer');
  const staff = ctx.principal.kind !== 'customer';
  return inTenant(ctx.db, ctx.principal.tenantId, async (tx) => {
    const exists = await tx
      .selectFrom('customers')
      .select('id')
      .where('id', '=', customerId)
      .executeTakeFirst();
    if (!exists) throw notFound('The customer');
    const before = query.before ? new Date(query.before) : new Date('9999-01-01T00:00:00Z');
    const rows = await sql<{
      kind: 'message' | 'event';
      case_id: string;
      case_number: number;
      at: Date;
      id: string;
      seq: number | null;
      direction: string | null;
      channel: string | null;
      author_type: string;
      author_id: string | null;
      author_name: string | null;
      subject: string | null;
      body: string | null;
      language: string | null;
      automated: string | null;
      delivery_state: string | null;
      client_message_id: string | null;
      type: string | null;
      reason: string | null;
      data: unknown;
      attachments: { id: string; contentType: string; sizeBytes: number; name: string | null }[] | null;
    }>`
      (select 'message' as kind, m.case_id, c.number as case_number, m.created_at as at, m.id::text as id, m.seq,
              m.direction, m.channel, m.author_type, m.author_id, m.author_name, m.subject, m.body, m.language,
              m.automated, m.delivery_state, m.client_message_id, null::text as type, null::text as reason, null::jsonb as data,
              (select coalesce(json_agg(json_build_object('id', f.id, 'contentType', f.content_type,
                        'sizeBytes', f.size_bytes, 'name', f.original_name) order by f.created_at), '[]'::json)
                 from evidence_files f where f.message_id = m.id) as attachments
         from messages m join cases c on c.id = m.case_id
        where m.customer_id = ${customerId} and m.created_at < ${before}
          and (${staff} or m.direction <> 'note')
        order by m.created_at desc limit ${query.limit})
      union all
      (select 'event', e.stream_id, c.number, e.created_at, e.id::text, null, null, null, e.actor_type, e.actor_id, null,
              null, null, null, null, null, null, e.type, e.reason, e.data, null::json
         from events e join cases c on c.id = e.stream_id
        where c.customer_id = ${customerId} and e.stream = 'case' and e.created_at < ${before}
          and e.type not like 'message.%'
          and (${staff} or e.type not in ('case.assigned', 'case.queued', 'sla.warning', 'sla.breached'))
        order by e.created_at desc limit ${query.limit})
      order by at desc, id desc
      limit ${query.limit}`.execute(tx);
    return rows.rows.map((r) =>
      r.kind === 'message'
        ? {
            kind: r.kind,
            caseId: r.case_id,
            caseNumber: Number(r.case_number),
            at: iso(r.at),
            message: {
              id: r.id,
              caseId: r.case_id,
              seq: Number(r.seq),
              direction: r.direction as string,
              channel: r.channel as string,
              authorType: r.author_type,
              authorId: r.author_id,
              authorName: r.author_name,
              subject: r.subject,
              body: r.body as string,
              language: r.language,
              automated: r.automated,
              deliveryState: r.delivery_state,
              clientMessageId: r.client_message_id,
              attachments: r.attachments ?? [],
              // The overview leaves triage to the case's own conversation (GET /cases/:id/messages).
              triage: null,
              createdAt: iso(r.at),
            },
          }
        : {
            kind: r.kind,
            caseId: r.case_id,
            caseNumber: Number(r.case_number),
            at: iso(r.at),
            event: {
              id: Number(r.id),
              type: r.type as string,
              actorType: r.author_type,
              reason: r.reason,
              data: (r.data ?? {}) as Record<string, unknown>,
            },
          },
    );
  });
}
