import { createHash } from 'node:crypto';
import { appendEvents } from '../../db/repositories/events.repository.js';
import { inSystem, inTenant } from '../../db/scope.js';
import type { Services } from '../context.js';
import { conflict, notFound } from '../errors.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

// The link is the credential: whoever holds it may see the case number and answer once.
async function findSurvey(services: Services, token: string) {
  const survey = await inSystem(services.db, (tx) =>
    tx
      .selectFrom('surveys as s')
      .innerJoin('cases as c', 'c.id', 's.case_id')
      .select([
        's.id',
        's.tenant_id',
        's.case_id',
        's.language',
        's.score',
        's.comment',
        's.answered_at',
        'c.number',
      ])
      .where('s.token_hash', '=', hashOf(token))
      .executeTakeFirst(),
  );
  if (!survey) throw notFound('The survey');
  return survey;
}

/** What the survey page shows: the case it is about, its language and any answer given. */
export async function getSurvey(services: Services, token: string) {
  const s = await findSurvey(services, token);
  return {
    caseNumber: Number(s.number),
    language: s.language,
    answered: s.answered_at !== null,
    score: s.score,
    comment: s.comment,
  };
}

/** Stores the customer's 1–5 rating and comment, once; the agent's CSAT reads it. */
export async function answerSurvey(
  services: Services,
  token: string,
  input: { score: number; comment?: string | undefined },
) {
  const s = await findSurvey(services, token);
  return inTenant(services.db, s.tenant_id, async (tx) => {
    const updated = await tx
      .updateTable('surveys')
      .set({ score: input.score, comment: input.comment?.trim() || null, answered_at: services.clock() })
      .where('id', '=', s.id)
      .where('answered_at', 'is', null)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw conflict('This survey was already answered. Thank you!');
    await appendEvents(tx, [
      {
        tenant_id: s.tenant_id,
        stream: 'case',
        stream_id: s.case_id,
        type: 'survey.answered',
        actor_type: 'customer',
        actor_id: null,
        reason: null,
        data: { score: input.score, hasComment: Boolean(input.comment?.trim()) },
      },
    ]);
    return {
      caseNumber: Number(s.number),
      language: s.language,
      answered: true,
      score: input.score,
      comment: input.comment?.trim() || null,
    };
  });
}
