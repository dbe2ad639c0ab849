import type { KnowledgeArticleFields } from '../../db/repositories/knowledge.repository.js';

/** What the audit log keeps of a written article: enough to find it, not its whole text. */
export const articleEventData = (article: KnowledgeArticleFields) => ({
  title: article.title,
  language: article.language,
  intents: article.intents,
  published: article.published,
});
