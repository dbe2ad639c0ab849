import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { MessagesTable } from '../schema.js';
import type { Tx } from '../scope.js';

export type NewMessage = Omit<Insertable<MessagesTable>, 'seq'>;

/** What an inbound message's triage changes on its case. */
export interface CaseTriageUpdate {
  intent: string;
  sentiment: number;
  emotions: string[];
  /** A raised priority, or null to leave it. */
  priority: string | null;
}

/**
 * Appends a message to its case's conversation in ONE statement: the case's counter is
 * bumped (which also serialises writers of one case), an inbound message's triage lands
 * on the case, and the message takes the new number. With a client message id already
 * stored nothing is written and null returned. A refused duplicate leaves a gap in the
 * numbering; numbers only ever grow.
 */
export async function appendMessage(tx: Tx, message: NewMessage, triaged?: CaseTriageUpdate) {
  const row = await tx
    .with('counter', (db) =>
      db
        .updateTable('cases')
        .set({
          last_message_seq: sql`last_message_seq + 1`,
          updated_at: sql`now()`,
          // The case shows its latest reading; an intent an agent confirmed stays.
          ...(triaged
            ? {
                intent: sql`case when intent_confirmed then intent else ${triaged.intent} end`,
                sentiment: triaged.sentiment,
                emotions: triaged.emotions,
                ...(triaged.priority ? { priority: triaged.priority } : {}),
              }
            : {}),
        })
        .where('id', '=', message.case_id)
        .returning('last_message_seq'),
    )
    .insertInto('messages')
    .values((eb) => ({
      ...message,
      seq: eb.selectFrom('counter').select('last_message_seq'),
    }))
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'case_id', 'client_message_id'])
        .where('client_message_id', 'is not', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

const messageColumns = [
  'm.id',
  'm.case_id',
  'm.seq',
  'm.direction',
  'm.channel',
  'm.author_type',
  'm.author_id',
  'm.author_name',
  'm.subject',
  'm.body',
  'm.language',
  'm.automated',
  'm.delivery_state',
  'm.client_message_id',
  'm.intent',
  'm.intent_confidence',
  'm.sentiment',
  'm.emotions',
  'm.triage',
  'm.created_at',
] as const;

function selectMessages(tx: Tx) {
  return tx
    .selectFrom('messages as m')
    .select(messageColumns)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('evidence_files as f')
          .select(['f.id', 'f.content_type', 'f.size_bytes', 'f.original_name'])
          .whereRef('f.message_id', '=', 'm.id')
          .orderBy('f.created_at'),
      ).as('attachments'),
    )
    .select(
      sql<Record<string, string> | null>`(select jsonb_object_agg(l.task, l.label) from triage_labels l
        where l.message_id = m.id)`.as('labels'),
    );
}
export type MessageRow = Awaited<ReturnType<ReturnType<typeof selectMessages>['executeTakeFirstOrThrow']>>;

export function findMessage(tx: Tx, messageId: string) {
  return selectMessages(tx).where('m.id', '=', messageId).executeTakeFirst();
}

export function findMessageByClientId(tx: Tx, caseId: string, clientMessageId: string) {
  return selectMessages(tx)
    .where('m.case_id', '=', caseId)
    .where('m.client_message_id', '=', clientMessageId)
    .executeTakeFirst();
}

/** A page of a case's conversation after a sequence number, oldest first. */
export function listCaseMessages(
  tx: Tx,
  caseId: string,
  options: { after: number; limit: number; withNotes: boolean },
) {
  let query = selectMessages(tx)
    .where('m.case_id', '=', caseId)
    .where('m.seq', '>', options.after)
    .orderBy('m.seq')
    .limit(options.limit);
  if (!options.withNotes) query = query.where('m.direction', '<>', 'note');
  return query.execute();
}

/** The e-mail thread of a case so far: what a reply's In-Reply-To and References name. */
export async function emailThread(tx: Tx, caseId: string) {
  const rows = await tx
    .selectFrom('messages')
    .select(['email_message_id', 'direction'])
    .where('case_id', '=', caseId)
    .where('email_message_id', 'is not', null)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.email_message_id as string);
}

/** The case a mail answers, from the Message-IDs it names (In-Reply-To first, then References). */
export async function caseOfEmailIds(tx: Tx, messageIds: string[]) {
  if (messageIds.length === 0) return null;
  const row = await tx
    .selectFrom('messages')
    .select('case_id')
    .where('email_message_id', 'in', messageIds)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.case_id ?? null;
}

/** Files uploaded as evidence become the message's attachments (only unattached ones). */
export async function attachFiles(tx: Tx, caseId: string, messageId: string, fileIds: string[]) {
  if (fileIds.length === 0) return 0;
  const result = await tx
    .updateTable('evidence_files')
    .set({ case_id: caseId, message_id: messageId })
    .where('id', 'in', fileIds)
    .where('message_id', 'is', null)
    .where((eb) => eb.or([eb('case_id', 'is', null), eb('case_id', '=', caseId)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
