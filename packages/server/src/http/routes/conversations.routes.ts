import {
  AssignInput,
  CaseView,
  ConversationInput,
  CustomerTimelineItem,
  IsoDateTime,
  LinkInput,
  MergeInput,
  MessageInput,
  MessageListQuery,
  MessageView,
  PostedMessage,
  Problem,
  ReplyCheckInput,
  ReplyCheckResult,
  Uuid,
} from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { checkReplyText } from '../../app/conversations/check-reply-text.js';
import { customerTimeline } from '../../app/conversations/customer-timeline.js';
import { linkCases } from '../../app/conversations/link-cases.js';
import { listMessages } from '../../app/conversations/list-messages.js';
import { mergeCase } from '../../app/conversations/merge-case.js';
import { postMessage } from '../../app/conversations/post-message.js';
import { startConversation } from '../../app/conversations/start-conversation.js';
import { assignCaseTo } from '../../app/routing/assign-case-to.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const Errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const CaseParams = Type.Object({ caseId: Uuid });
const tags = ['conversations'];

export const conversationRoutes: Routes = (app, services) => {
  app.post(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'Open an inquiry, complaint, logistics question or dispute with its first message',
        body: ConversationInput,
        response: { 201: CaseView, ...Errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await startConversation(ctxOf(services, request), request.body)),
  );

  app.post(
    '/cases/:caseId/messages',
    {
      schema: {
        tags,
        summary:
          'Add a message: a reply (outbound, by mail when the case is e-mail), an internal note, a logged phone or social contact, or the customer writing',
        params: CaseParams,
        body: MessageInput,
        response: { 201: PostedMessage, 200: PostedMessage, ...Errors },
      },
    },
    async (request, reply) => {
      const posted = await postMessage(ctxOf(services, request), request.params.caseId, request.body);
      return reply.code(posted.duplicate ? 200 : 201).send(posted);
    },
  );

  app.get(
    '/cases/:caseId/messages',
    {
      schema: {
        tags,
        summary: 'The conversation after a sequence number, oldest first (resume from the last seen)',
        params: CaseParams,
        querystring: MessageListQuery,
        response: { 200: Type.Object({ items: Type.Array(MessageView) }), ...Errors },
      },
    },
    async (request) => ({
      items: await listMessages(ctxOf(services, request), request.params.caseId, request.query),
    }),
  );

  app.post(
    '/cases/:caseId/merge',
    {
      schema: {
        tags,
        summary: 'Merge this case into another of the same customer; its messages move over',
        params: CaseParams,
        body: MergeInput,
        response: { 200: CaseView, ...Errors },
      },
    },
    (request) => mergeCase(ctxOf(services, request), request.params.caseId, request.body),
  );

  app.post(
    '/cases/:caseId/links',
    {
      schema: {
        tags,
        summary: 'Link two cases so each shows the other',
        params: CaseParams,
        body: LinkInput,
        response: {
          201: Type.Object({ caseId: Uuid, linkedCaseId: Uuid, relation: Type.String() }),
          ...Errors,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await linkCases(ctxOf(services, request), request.params.caseId, request.body)),
  );

  app.post(
    '/cases/:caseId/assign',
    {
      schema: {
        tags,
        summary: 'Assign to an agent or a team queue, or let routing choose again (auto)',
        params: CaseParams,
        body: AssignInput,
        response: { 200: CaseView, ...Errors },
      },
    },
    (request) => assignCaseTo(ctxOf(services, request), request.params.caseId, request.body),
  );

  app.post(
    '/replies/check',
    {
      schema: {
        tags,
        summary: "Check a draft reply against the tenant's forbidden phrases",
        body: ReplyCheckInput,
        response: { 200: ReplyCheckResult, ...Errors },
      },
    },
    (request) => checkReplyText(ctxOf(services, request), request.body),
  );

  app.get(
    '/customers/:customerId/timeline',
    {
      schema: {
        tags,
        summary: "Every message and event of all the customer's cases on every channel, newest first",
        params: Type.Object({ customerId: Uuid }),
        querystring: Type.Object(
          {
            before: Type.Optional(IsoDateTime),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(CustomerTimelineItem) }), ...Errors },
      },
    },
    async (request) => ({
      items: await customerTimeline(ctxOf(services, request), request.params.customerId, request.query),
    }),
  );
};
