import { PROMISE_KEPT_BY } from '@afterdesk/core';
import { sql } from 'kysely';
import type { Services } from '../app/context.js';
import { inSystem } from '../db/scope.js';

/**
 * Settles the promises agents made in replies ("refund within 3 days") once they fall
 * due: kept when the thing happened between the promise and its due time, else broken.
 * Each outcome is a case event (`promise.kept`, `promise.broken`): the timeline shows it,
 * and a broken promise is there for the team lead and the analytics. Found by the partial
 * index on open promises' due times, across tenants, in one statement; a second worker
 * skips what the first holds.
 */
export async function settlePromises(services: Services, options: { now?: Date; batch?: number } = {}) {
  const now = options.now ?? services.clock();
  const batch = options.batch ?? 1000;
  const events = Object.entries(PROMISE_KEPT_BY).map(([thing, type]) => ({ thing, type }));
  const { rows } = await inSystem(services.db, (tx) =>
    sql<{ kept: number; broken: number }>`
      with due as (
        select p.id from reply_promises p
         where p.state = 'open' and p.due_at <= ${now}
         order by p.due_at limit ${batch}
         for update skip locked
      ),
      settled as (
        update reply_promises p
           set state = case when (
                 p.thing = 'response' and exists (
                   select 1 from messages m
                    where m.case_id = p.case_id and m.direction = 'outbound'
                      and m.author_type in ('agent', 'integration')
                      and m.created_at > p.created_at and m.created_at <= p.due_at))
               or exists (
                 select 1 from events e
                   join json_to_recordset(${JSON.stringify(events)}::json) as k(thing text, type text)
                     on k.thing = p.thing and k.type = e.type
                  where e.stream_id = p.case_id and e.created_at >= p.created_at and e.created_at <= p.due_at)
               then 'kept' else 'broken' end,
               settled_at = ${now}
          from due where p.id = due.id
        returning p.tenant_id, p.case_id, p.message_id, p.thing, p.phrase, p.due_at, p.state
      ),
      recorded as (
        insert into events (tenant_id, stream, stream_id, type, actor_type, reason, data, created_at)
        select tenant_id, 'case', case_id, 'promise.' || state, 'system', phrase,
               jsonb_build_object('thing', thing, 'dueAt', due_at, 'messageId', message_id), ${now}::timestamptz
          from settled
        returning type
      )
      select count(*) filter (where type = 'promise.kept')::int as kept,
             count(*) filter (where type = 'promise.broken')::int as broken
        from recorded`.execute(tx),
  );
  return rows[0] ?? { kept: 0, broken: 0 };
}
