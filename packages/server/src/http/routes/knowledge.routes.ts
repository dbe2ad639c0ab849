import {
  KnowledgeArticleInput,
  KnowledgeArticleListQuery,
  KnowledgeArticleView,
  KnowledgeSearchQuery,
  KnowledgeSearchResult,
  Page,
  Problem,
  Uuid,
} from '@afterdesk/contract';
import { Type } from '@sinclair/typebox';
import { createArticle } from '../../app/knowledge/create-article.js';
import { deleteArticle } from '../../app/knowledge/delete-article.js';
import { getArticle } from '../../app/knowledge/get-article.js';
import { listArticles } from '../../app/knowledge/list-articles.js';
import { searchArticles } from '../../app/knowledge/search-articles.js';
import { updateArticle } from '../../app/knowledge/update-article.js';
import { ctxOf } from '../auth.js';
import type { Routes } from './routes.js';

const tags = ['knowledge'];
const Reads = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const Params = Type.Object({ articleId: Uuid });

/**
 * The knowledge base: help articles per language. Managers write them; agents and
 * customers read and search them (customers the published ones only).
 */
export const knowledgeRoutes: Routes = (app, services) => {
  app.get(
    '/knowledge/articles',
    {
      schema: {
        tags,
        summary: 'Articles, newest first (customers: published only)',
        querystring: KnowledgeArticleListQuery,
        response: { 200: Page(KnowledgeArticleView), ...Reads },
      },
    },
    (request) => listArticles(ctxOf(services, request), request.query),
  );
  app.post(
    '/knowledge/articles',
    {
      schema: {
        tags,
        summary: 'Add an article',
        body: KnowledgeArticleInput,
        response: { 201: KnowledgeArticleView, ...Reads },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createArticle(ctxOf(services, request), request.body)),
  );
  app.get(
    '/knowledge/articles/:articleId',
    {
      schema: {
        tags,
        summary: 'One article (a draft is not found for customers)',
        params: Params,
        response: { 200: KnowledgeArticleView, ...Reads },
      },
    },
    (request) => getArticle(ctxOf(services, request), request.params.articleId),
  );
  app.put(
    '/knowledge/articles/:articleId',
    {
      schema: {
        tags,
        summary: 'Replace an article (fields left out take their defaults)',
        params: Params,
        body: KnowledgeArticleInput,
        response: { 200: KnowledgeArticleView, ...Reads },
      },
    },
    (request) => updateArticle(ctxOf(services, request), request.params.articleId, request.body),
  );
  app.delete(
    '/knowledge/articles/:articleId',
    {
      schema: {
        tags,
        summary: 'Delete an article',
        params: Params,
        response: { 204: Type.Null(), ...Reads },
      },
    },
    async (request, reply) => {
      await deleteArticle(ctxOf(services, request), request.params.articleId);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/knowledge/search',
    {
      schema: {
        tags,
        summary: "Search the published articles for a customer's question, best first, scored 0..1",
        querystring: KnowledgeSearchQuery,
        response: { 200: KnowledgeSearchResult, ...Reads },
      },
    },
    (request) => searchArticles(ctxOf(services, request), request.query),
  );
};
