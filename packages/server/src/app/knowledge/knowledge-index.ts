import {
  buildKnowledgeIndex,
  type KnowledgeHit,
  type KnowledgeIndex,
  searchKnowledge,
} from '@afterdesk/core';
import {
  type KnowledgeArticleRecord,
  listPublishedArticles,
  publishedArticlesStamp,
} from '../../db/repositories/knowledge.repository.js';
import type { Tx } from '../../db/scope.js';

interface CachedIndex {
  stamp: string;
  index: KnowledgeIndex;
  /** The stored articles behind the index's entries, for views with dates and flags. */
  records: ReadonlyMap<string, KnowledgeArticleRecord>;
}

// Tokenizing and stemming every article costs far more than the one-row stamp query, so
// an index is rebuilt only when the stamp moved. The cache is per process; every call
// checks the stamp, so several server processes never serve an outdated index.
const MAX_TENANTS = 500;
const cache = new Map<string, CachedIndex>();

async function cachedIndexFor(tx: Tx, tenantId: string): Promise<CachedIndex> {
  const stamp = await publishedArticlesStamp(tx);
  const hit = cache.get(tenantId);
  if (hit !== undefined && hit.stamp === stamp) {
    // Map order is recency order: the least recently searched tenant goes first.
    cache.delete(tenantId);
    cache.set(tenantId, hit);
    return hit;
  }
  const articles = await listPublishedArticles(tx);
  const fresh: CachedIndex = {
    stamp,
    index: buildKnowledgeIndex(articles),
    records: new Map(articles.map((a) => [a.id, a])),
  };
  cache.delete(tenantId);
  cache.set(tenantId, fresh);
  if (cache.size > MAX_TENANTS) cache.delete(cache.keys().next().value as string);
  return fresh;
}

/**
 * The search index of a tenant's published articles, built once and reused until an
 * article is added, edited, published, unpublished or deleted. `tx` must be in the
 * tenant's scope (inTenant): row-level security decides whose articles it reads.
 */
export async function knowledgeIndexFor(tx: Tx, tenantId: string): Promise<KnowledgeIndex> {
  return (await cachedIndexFor(tx, tenantId)).index;
}

/** What to search in: the customer's language, and the intent triage found if any. */
export interface KnowledgeBaseQuery {
  language: string;
  intent?: string | undefined;
  /** At most this many hits; 5 unless given. */
  limit?: number | undefined;
}

/**
 * The tenant's published articles that answer `query`, best first, with the core's 0..1
 * score (see `searchKnowledge` for its meaning and thresholds). For the self-service
 * answers, inside the caller's own tenant transaction.
 */
export async function searchKnowledgeBase(
  tx: Tx,
  tenantId: string,
  query: string,
  options: KnowledgeBaseQuery,
): Promise<KnowledgeHit[]> {
  return (await searchKnowledgeRecords(tx, tenantId, query, options)).map(({ hit }) => hit);
}

/** As `searchKnowledgeBase`, with each hit's stored article (dates, published flag) beside it. */
export async function searchKnowledgeRecords(
  tx: Tx,
  tenantId: string,
  query: string,
  options: KnowledgeBaseQuery,
): Promise<{ hit: KnowledgeHit; record: KnowledgeArticleRecord }[]> {
  const { index, records } = await cachedIndexFor(tx, tenantId);
  const hits = searchKnowledge(index, query, {
    language: options.language,
    ...(options.intent === undefined ? {} : { intent: options.intent }),
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
  return hits.flatMap((hit) => {
    const record = records.get(hit.article.id);
    return record === undefined ? [] : [{ hit, record }];
  });
}
